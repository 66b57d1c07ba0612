curl --location 'https://api.acme.example/graphql' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --header 'Content-Type: application/json' \
  --data-raw '{"query":"query Orders($first: Int!, $status: OrderStatus) {\n  orders(first: $first, status: $status) {\n    edges { node { id total { amount currency } } }\n  }\n}\n","variables":{"first":10,"status":"SHIPPED"}}'
