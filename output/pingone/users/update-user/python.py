import requests

url = "{{apiPath}}/environments/{{envID}}/users/{{userID}}"

payload = '''{
  "title": "Analyst",
  "mobilePhone": "+44 20 7946 0000",
  "address": {
    "streetAddress": "12 St James\'s Square",
    "locality": "London"
  }
}'''.encode('utf-8')
headers = {
  'Authorization': 'Bearer {{accessToken}}',
  'Content-Type': 'application/json'
}

response = requests.request("PATCH", url, headers=headers, data=payload)

print(response.text)
