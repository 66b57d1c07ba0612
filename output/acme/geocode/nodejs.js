var request = require('request');
var options = {
  'method': 'GET',
  'url': 'https://maps.acme.example/v1/geocode?address=1600%20Amphitheatre%20Pkwy%2C%20Mountain%20View%2C%20CA&region=us&key={{mapsKey}}',
  'headers': {
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
