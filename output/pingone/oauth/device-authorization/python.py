import requests

url = "{{authPath}}/{{envID}}/as/device_authorization"

payload = 'client_id=%7B%7BappID%7D%7D&scope=openid%20offline_access'
headers = {
  'Content-Type': 'application/x-www-form-urlencoded'
}

response = requests.request("POST", url, headers=headers, data=payload)

print(response.text)
