OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("application/vnd.pingidentity.password.set+json");
RequestBody body = RequestBody.create(mediaType, "{\n  \"value\": \"Ch@ng3 me! \\\\o/ 'quoted' \\\"double\\\" $HOME `tick`\",\n  \"forceChange\": true\n}");
Request request = new Request.Builder()
  .url("{{apiPath}}/environments/{{envID}}/users/{{userID}}/password")
  .method("PUT", body)
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .addHeader("Content-Type", "application/vnd.pingidentity.password.set+json")
  .build();
Response response = client.newCall(request).execute();
