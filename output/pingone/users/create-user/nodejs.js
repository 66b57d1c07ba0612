var request = require('request');
var options = {
  'method': 'POST',
  'url': '{{apiPath}}/environments/{{envID}}/users',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}',
    'Content-Type': 'application/json'
  },
  body: `{
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "population": {
    "id": "{{populationID}}"
  },
  "username": "ada",
  "enabled": true,
  "locale": "en-GB",
  "nickname": "Countess of \\"Lovelace\\""
}`
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
