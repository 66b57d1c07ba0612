import requests

url = "{{authPath}}/{{envID}}/as/jwks"

payload = {}
headers = {
}

response = requests.request("GET", url, headers=headers, data=payload)

print(response.text)
