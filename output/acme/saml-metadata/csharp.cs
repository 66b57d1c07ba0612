var options = new RestClientOptions("https://api.acme.example/v2/sso/saml/metadata")
{
  MaxTimeout = -1,
  Authenticator = new HttpBasicAuthenticator("{{adminUser}}", "{{adminPassword}}"),
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Content-Type", "application/xml");
var body = @"<?xml version=""1.0"" encoding=""UTF-8""?>
<md:EntityDescriptor xmlns:md=""urn:oasis:names:tc:SAML:2.0:metadata"" entityID=""https://idp.example.com"">
  <md:IDPSSODescriptor protocolSupportEnumeration=""urn:oasis:names:tc:SAML:2.0:protocol""/>
</md:EntityDescriptor>
";
request.AddStringBody(body, "application/xml");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
