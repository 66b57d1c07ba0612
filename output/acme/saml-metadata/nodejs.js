var request = require('request');
var options = {
  'method': 'POST',
  'url': 'https://api.acme.example/v2/sso/saml/metadata',
  'headers': {
    'Content-Type': 'application/xml'
  },
  'auth': {
    'user': '{{adminUser}}',
    'pass': '{{adminPassword}}',
    'sendImmediately': true
  },
  body: `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
</md:EntityDescriptor>
`
};
request(options, function (error, response) {
  if (error) throw new Error(error);
  console.log(response.body);
});
