curl --location --request PUT --globoff '{{apiPath}}/environments/{{envID}}/users/{{userID}}' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --header 'Content-Type: application/json' \
  --data-raw '{
  "username": "ada",
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "accountId": 12345678901234567890,
  "score": 99.5,
  "tags": [
    "mathematics",
    "analytical engine"
  ],
  "manager": null
}'
