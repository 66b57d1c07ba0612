import requests

url = "{{apiPath}}/environments/{{envID}}/images"


payload = {}
files = [
  ('description', (None, 'Company logo (dark)')),
  ('file', ('logo.png', open('images/logo.png', 'rb'), 'image/png'))
]
headers = {
  'Authorization': 'Bearer {{accessToken}}'
}

response = requests.request("POST", url, headers=headers, data=payload, files=files)

print(response.text)
