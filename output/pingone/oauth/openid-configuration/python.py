import requests

url = "{{authPath}}/{{envID}}/as/.well-known/openid-configuration"

payload = {}
headers = {
  'Accept': 'application/json'
}

response = requests.request("GET", url, headers=headers, data=payload)

print(response.text)
