import requests

url = "https://api.acme.example/v2/orders/{{orderID}}"

payload = '''{
  "status": "SHIPPED",
  "tracking": {
    "carrier": "UPS",
    "number": "1Z999AA10123456784"
  }
}'''.encode('utf-8')
headers = {
  'Idempotency-Key': '{{idempotencyKey}}',
  'If-Match': '"33a64df551425fcc55e4d42a148795d9f25f89d4"',
  'Authorization': 'Bearer {{accessToken}}',
  'Content-Type': 'application/merge-patch+json'
}

response = requests.request("PATCH", url, headers=headers, data=payload)

print(response.text)
