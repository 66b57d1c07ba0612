var settings = {
  "url": "https://api.acme.example/v2/sso/saml/metadata",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Authorization": "Basic e3thZG1pblVzZXJ9fTp7e2FkbWluUGFzc3dvcmR9fQ==",
    "Content-Type": "application/xml"
  },
  "data": `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
</md:EntityDescriptor>
`
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
