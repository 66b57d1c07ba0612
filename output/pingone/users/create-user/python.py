import requests

url = "{{apiPath}}/environments/{{envID}}/users"

payload = '''{
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "population": {
    "id": "{{populationID}}"
  },
  "username": "ada",
  "enabled": true,
  "locale": "en-GB",
  "nickname": "Countess of \\"Lovelace\\""
}'''.encode('utf-8')
headers = {
  'Authorization': 'Bearer {{accessToken}}',
  'Content-Type': 'application/json'
}

response = requests.request("POST", url, headers=headers, data=payload)

print(response.text)
