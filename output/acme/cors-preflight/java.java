OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
Request request = new Request.Builder()
  .url("https://api.acme.example/v2/orders")
  .method("OPTIONS", null)
  .addHeader("Origin", "https://shop.example.com")
  .addHeader("Access-Control-Request-Method", "POST")
  .addHeader("Access-Control-Request-Headers", "content-type, authorization")
  .build();
Response response = client.newCall(request).execute();
