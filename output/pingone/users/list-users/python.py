import requests

url = "{{apiPath}}/environments/{{envID}}/users?filter=email%20sw%20%22ada%22%20and%20population.id%20eq%20%22{{populationID}}%22&limit=25&expand=population&expand=memberOfGroups"

payload = {}
headers = {
  'Authorization': 'Bearer {{accessToken}}'
}

response = requests.request("GET", url, headers=headers, data=payload)

print(response.text)
