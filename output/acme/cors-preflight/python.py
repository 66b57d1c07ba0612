import requests

url = "https://api.acme.example/v2/orders"

payload = {}
headers = {
  'Origin': 'https://shop.example.com',
  'Access-Control-Request-Method': 'POST',
  'Access-Control-Request-Headers': 'content-type, authorization'
}

response = requests.request("OPTIONS", url, headers=headers, data=payload)

print(response.text)
