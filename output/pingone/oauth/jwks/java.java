OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
Request request = new Request.Builder()
  .url("{{authPath}}/{{envID}}/as/jwks")
  .method("GET", null)
  .build();
Response response = client.newCall(request).execute();
