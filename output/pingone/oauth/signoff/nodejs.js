var request = require('request');
var options = {
  'method': 'GET',
  'url': '{{authPath}}/{{envID}}/as/signoff?id_token_hint={{idToken}}&post_logout_redirect_uri=https%3A%2F%2Fexample.com%2Flogged-out%3Ffrom%3Dapp%26lang%3Den&state=xyz%20123',
  'headers': {
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
