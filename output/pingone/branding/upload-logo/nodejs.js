var request = require('request');
var fs = require('fs');
var options = {
  'method': 'POST',
  'url': '{{apiPath}}/environments/{{envID}}/images',
  'headers': {
    'Authorization': 'Bearer {{accessToken}}'
  },
  formData: {
    'description': 'Company logo (dark)',
    'file': {
      'value': fs.createReadStream('images/logo.png'),
      'options': {
        'filename': 'logo.png',
        'contentType': 'image/png'
      }
    }
  }
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
