var request = require('request');
var options = {
  'method': 'PUT',
  'url': '{{apiPath}}/environments/{{envID}}/users/{{userID}}',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}',
    'Content-Type': 'application/json'
  },
  body: `{
  "username": "ada",
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "accountId": 12345678901234567890,
  "score": 99.5,
  "tags": [
    "mathematics",
    "analytical engine"
  ],
  "manager": null
}`
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
