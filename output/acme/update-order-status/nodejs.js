var request = require('request');
var options = {
  'method': 'PATCH',
  'url': 'https://api.acme.example/v2/orders/{{orderID}}',
  'headers': {
    'Idempotency-Key': '{{idempotencyKey}}',
    'If-Match': '"33a64df551425fcc55e4d42a148795d9f25f89d4"',
    'Authorization': 'Bearer {{accessToken}}',
    'Content-Type': 'application/merge-patch+json'
  },
  body: `{
  "status": "SHIPPED",
  "tracking": {
    "carrier": "UPS",
    "number": "1Z999AA10123456784"
  }
}`
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
