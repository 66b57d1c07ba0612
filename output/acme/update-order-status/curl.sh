curl --location --request PATCH --globoff 'https://api.acme.example/v2/orders/{{orderID}}' \
  --header 'Idempotency-Key: {{idempotencyKey}}' \
  --header 'If-Match: "33a64df551425fcc55e4d42a148795d9f25f89d4"' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --header 'Content-Type: application/merge-patch+json' \
  --data-raw '{
  "status": "SHIPPED",
  "tracking": {
    "carrier": "UPS",
    "number": "1Z999AA10123456784"
  }
}'
