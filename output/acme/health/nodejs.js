var request = require('request');
var options = {
  'method': 'HEAD',
  'url': 'https://api.acme.example/v2/health',
  'headers': {
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
