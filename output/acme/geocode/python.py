import requests

url = "https://maps.acme.example/v1/geocode?address=1600%20Amphitheatre%20Pkwy%2C%20Mountain%20View%2C%20CA&region=us&key={{mapsKey}}"

payload = {}
headers = {
}

response = requests.request("GET", url, headers=headers, data=payload)

print(response.text)
