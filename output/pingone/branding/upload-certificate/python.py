import requests

url = "{{apiPath}}/environments/{{envID}}/certificates/{{certID}}"

payload = open('certs/signing.pem', 'rb')
headers = {
  'Authorization': 'Bearer {{accessToken}}',
  'Content-Type': 'application/x-pem-file'
}

response = requests.request("PUT", url, headers=headers, data=payload)

print(response.text)
