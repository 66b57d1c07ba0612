OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("application/x-pem-file");
RequestBody body = RequestBody.create(mediaType, new File("certs/signing.pem"));
Request request = new Request.Builder()
  .url("{{apiPath}}/environments/{{envID}}/certificates/{{certID}}")
  .method("PUT", body)
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .addHeader("Content-Type", "application/x-pem-file")
  .build();
Response response = client.newCall(request).execute();
