import requests

url = "{{apiPath}}/environments/{{envID}}/users/imports"

payload = '''username,email,given,family
ada,ada@example.com,Ada,Lovelace
grace,grace@example.com,Grace,"Hopper, RDML"
'''.encode('utf-8')
headers = {
  'Authorization': 'Bearer {{accessToken}}',
  'Content-Type': 'text/csv'
}

response = requests.request("POST", url, headers=headers, data=payload)

print(response.text)
