var request = require('request');
var options = {
  'method': 'GET',
  'url': 'https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv',
  'headers': {
    'Accept': 'text/csv',
    'X-API-Key': '{{apiKey}}'
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
