OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("application/x-www-form-urlencoded");
RequestBody body = RequestBody.create(mediaType, "response_type=token&client_id={{appID}}&redirect_uri={{redirect_uri}}&scope=openid&client_secret={{appSecret}}");
Request request = new Request.Builder()
  .url("{{authPath}}/{{envID}}/as/par")
  .method("POST", body)
  .addHeader("Content-Type", "application/x-www-form-urlencoded")
  .build();
Response response = client.newCall(request).execute();
