import requests

url = "{{apiPath}}/environments/{{envID}}/users/{{userID}}"

payload = '''{
  "username": "ada",
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "accountId": 12345678901234567890,
  "score": 99.5,
  "tags": [
    "mathematics",
    "analytical engine"
  ],
  "manager": null
}'''.encode('utf-8')
headers = {
  'Authorization': 'Bearer {{accessToken}}',
  'Content-Type': 'application/json'
}

response = requests.request("PUT", url, headers=headers, data=payload)

print(response.text)
