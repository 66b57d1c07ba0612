OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
Request request = new Request.Builder()
  .url("https://api.acme.example/v2/health")
  .method("HEAD", null)
  .build();
Response response = client.newCall(request).execute();
