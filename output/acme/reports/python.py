import requests

url = "https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv"

payload = {}
headers = {
  'Accept': 'text/csv',
  'X-API-Key': '{{apiKey}}'
}

response = requests.request("GET", url, headers=headers, data=payload)

print(response.text)
