require "uri"
require "net/http"

url = URI("https://api.acme.example/v2/sso/saml/metadata")

https = Net::HTTP.new(url.host, url.port)
https.use_ssl = true
request = Net::HTTP::Post.new(url)
request.basic_auth "{{adminUser}}", "{{adminPassword}}"
request["Content-Type"] = "application/xml"
request.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.com\">
  <md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>
</md:EntityDescriptor>
"

response = https.request(request)
puts response.read_body
