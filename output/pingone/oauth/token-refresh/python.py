import requests

url = "{{authPath}}/{{envID}}/as/token"

payload = 'grant_type=refresh_token&refresh_token=%7B%7BrefreshToken%7D%7D&client_id=%7B%7BappID%7D%7D&client_secret=%7B%7BappSecret%7D%7D'
headers = {
  'Content-Type': 'application/x-www-form-urlencoded'
}

response = requests.request("POST", url, headers=headers, data=payload)

print(response.text)
