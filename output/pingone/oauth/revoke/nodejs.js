var request = require('request');
var options = {
  'method': 'POST',
  'url': '{{authPath}}/{{envID}}/as/revoke',
  'headers': {
    'Content-Type': 'application/x-www-form-urlencoded'
  },
  'auth': {
    'user': '%7B%7BappID%7D%7D',
    'pass': '%7B%7BappSecret%7D%7D',
    'sendImmediately': true
  },
  form: {
    'token': '{{refreshToken}}',
    'token_type_hint': 'refresh_token'
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
