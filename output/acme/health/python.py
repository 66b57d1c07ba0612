import requests

url = "https://api.acme.example/v2/health"

payload = {}
headers = {
}

response = requests.request("HEAD", url, headers=headers, data=payload)

print(response.text)
