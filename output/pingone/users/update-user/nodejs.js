var request = require('request');
var options = {
  'method': 'PATCH',
  'url': '{{apiPath}}/environments/{{envID}}/users/{{userID}}',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}',
    'Content-Type': 'application/json'
  },
  body: `{
  "title": "Analyst",
  "mobilePhone": "+44 20 7946 0000",
  "address": {
    "streetAddress": "12 St James's Square",
    "locality": "London"
  }
}`
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
