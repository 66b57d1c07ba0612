import requests

url = "{{authPath}}/{{envID}}/as/token"

payload = 'grant_type=client_credentials&scope=p1%3Aread%3Auser%20p1%3Aupdate%3Auser'
headers = {
  'Authorization': 'Basic JTdCJTdCYXBwSUQlN0QlN0Q6JTdCJTdCYXBwU2VjcmV0JTdEJTdE',
  'Content-Type': 'application/x-www-form-urlencoded'
}

response = requests.request("POST", url, headers=headers, data=payload)

print(response.text)
