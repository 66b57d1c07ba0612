curl --location --request OPTIONS 'https://api.acme.example/v2/orders' \
  --header 'Origin: https://shop.example.com' \
  --header 'Access-Control-Request-Method: POST' \
  --header 'Access-Control-Request-Headers: content-type, authorization'
