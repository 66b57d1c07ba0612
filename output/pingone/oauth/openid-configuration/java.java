OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
Request request = new Request.Builder()
  .url("{{authPath}}/{{envID}}/as/.well-known/openid-configuration")
  .method("GET", null)
  .addHeader("Accept", "application/json")
  .build();
Response response = client.newCall(request).execute();
