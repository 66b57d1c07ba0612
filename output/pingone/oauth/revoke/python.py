import requests

url = "{{authPath}}/{{envID}}/as/revoke"

payload = 'token=%7B%7BrefreshToken%7D%7D&token_type_hint=refresh_token'
headers = {
  'Authorization': 'Basic JTdCJTdCYXBwSUQlN0QlN0Q6JTdCJTdCYXBwU2VjcmV0JTdEJTdE',
  'Content-Type': 'application/x-www-form-urlencoded'
}

response = requests.request("POST", url, headers=headers, data=payload)

print(response.text)
