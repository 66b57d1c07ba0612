import requests

url = "{{apiPath}}/environments/{{envID}}/users/{{userID}}/password"

payload = '''{
  "value": "Ch@ng3 me! \\\\o/ \'quoted\' \\"double\\" $HOME `tick`",
  "forceChange": true
}'''.encode('utf-8')
headers = {
  'Authorization': 'Bearer {{accessToken}}',
  'Content-Type': 'application/vnd.pingidentity.password.set+json'
}

response = requests.request("PUT", url, headers=headers, data=payload)

print(response.text)
