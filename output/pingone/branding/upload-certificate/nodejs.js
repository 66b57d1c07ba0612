var request = require('request');
var fs = require('fs');
var options = {
  'method': 'PUT',
  'url': '{{apiPath}}/environments/{{envID}}/certificates/{{certID}}',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}',
    'Content-Type': 'application/x-pem-file'
  },
  body: fs.createReadStream('certs/signing.pem')
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
