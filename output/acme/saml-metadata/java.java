OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("application/xml");
RequestBody body = RequestBody.create(mediaType, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.com\">\n  <md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>\n</md:EntityDescriptor>\n");
Request request = new Request.Builder()
  .url("https://api.acme.example/v2/sso/saml/metadata")
  .method("POST", body)
  .addHeader("Authorization", Credentials.basic("{{adminUser}}", "{{adminPassword}}", java.nio.charset.StandardCharsets.UTF_8))
  .addHeader("Content-Type", "application/xml")
  .build();
Response response = client.newCall(request).execute();
