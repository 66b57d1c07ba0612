OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
Request request = new Request.Builder()
  .url("https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv")
  .method("GET", null)
  .addHeader("Accept", "text/csv")
  .addHeader("X-API-Key", "{{apiKey}}")
  .build();
Response response = client.newCall(request).execute();
