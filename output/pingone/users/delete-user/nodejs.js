var request = require('request');
var options = {
  'method': 'DELETE',
  'url': '{{apiPath}}/environments/{{envID}}/users/{{userID}}',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}'
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
