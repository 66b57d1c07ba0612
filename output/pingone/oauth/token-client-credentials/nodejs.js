var request = require('request');
var options = {
  'method': 'POST',
  'url': '{{authPath}}/{{envID}}/as/token',
  'headers': {
    'Content-Type': 'application/x-www-form-urlencoded'
  },
  'auth': {
    'user': '%7B%7BappID%7D%7D',
    'pass': '%7B%7BappSecret%7D%7D',
    'sendImmediately': true
  },
  form: {
    'grant_type': 'client_credentials',
    'scope': 'p1:read:user p1:update:user'
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
