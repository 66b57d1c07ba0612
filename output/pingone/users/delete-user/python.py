import requests

url = "{{apiPath}}/environments/{{envID}}/users/{{userID}}"

payload = {}
headers = {
  'Authorization': 'Bearer {{accessToken}}'
}

response = requests.request("DELETE", url, headers=headers, data=payload)

print(response.text)
