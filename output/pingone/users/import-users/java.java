OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("text/csv");
RequestBody body = RequestBody.create(mediaType, "username,email,given,family\nada,ada@example.com,Ada,Lovelace\ngrace,grace@example.com,Grace,\"Hopper, RDML\"\n");
Request request = new Request.Builder()
  .url("{{apiPath}}/environments/{{envID}}/users/imports")
  .method("POST", body)
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .addHeader("Content-Type", "text/csv")
  .build();
Response response = client.newCall(request).execute();
