curl --location --globoff '{{apiPath}}/environments/{{envID}}/users' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --header 'Content-Type: application/json' \
  --data-raw '{
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "population": {
    "id": "{{populationID}}"
  },
  "username": "ada",
  "enabled": true,
  "locale": "en-GB",
  "nickname": "Countess of \"Lovelace\""
}'
