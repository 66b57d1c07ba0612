var request = require('request');
var options = {
  'method': 'OPTIONS',
  'url': 'https://api.acme.example/v2/orders',
  'headers': {
    'Origin': 'https://shop.example.com',
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': 'content-type, authorization'
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
