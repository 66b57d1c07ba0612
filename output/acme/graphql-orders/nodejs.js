var request = require('request');
var options = {
  'method': 'POST',
  'url': 'https://api.acme.example/graphql',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}',
    'Content-Type': 'application/json'
  },
  body: '{"query":"query Orders($first: Int!, $status: OrderStatus) {\\n  orders(first: $first, status: $status) {\\n    edges { node { id total { amount currency } } }\\n  }\\n}\\n","variables":{"first":10,"status":"SHIPPED"}}'
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
