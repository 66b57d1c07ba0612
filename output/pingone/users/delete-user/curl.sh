curl --location --request DELETE --globoff '{{apiPath}}/environments/{{envID}}/users/{{userID}}' \
  --header 'Authorization: Bearer {{accessToken}}'
