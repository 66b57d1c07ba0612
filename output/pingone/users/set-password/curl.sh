curl --location --request PUT --globoff '{{apiPath}}/environments/{{envID}}/users/{{userID}}/password' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --header 'Content-Type: application/vnd.pingidentity.password.set+json' \
  --data-raw '{
  "value": "Ch@ng3 me! \\o/ '\''quoted'\'' \"double\" $HOME `tick`",
  "forceChange": true
}'
