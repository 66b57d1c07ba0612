var request = require('request');
var options = {
  'method': 'POST',
  'url': '{{apiPath}}/environments/{{envID}}/users/imports',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}',
    'Content-Type': 'text/csv'
  },
  body: `username,email,given,family
ada,ada@example.com,Ada,Lovelace
grace,grace@example.com,Grace,"Hopper, RDML"
`
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
