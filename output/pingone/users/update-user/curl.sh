curl --location --request PATCH --globoff '{{apiPath}}/environments/{{envID}}/users/{{userID}}' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --header 'Content-Type: application/json' \
  --data-raw '{
  "title": "Analyst",
  "mobilePhone": "+44 20 7946 0000",
  "address": {
    "streetAddress": "12 St James'\''s Square",
    "locality": "London"
  }
}'
