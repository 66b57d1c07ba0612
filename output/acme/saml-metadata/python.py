import requests

url = "https://api.acme.example/v2/sso/saml/metadata"

payload = '''<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
</md:EntityDescriptor>
'''.encode('utf-8')
headers = {
  'Authorization': 'Basic e3thZG1pblVzZXJ9fTp7e2FkbWluUGFzc3dvcmR9fQ==',
  'Content-Type': 'application/xml'
}

response = requests.request("POST", url, headers=headers, data=payload)

print(response.text)
