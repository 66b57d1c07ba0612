OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
Request request = new Request.Builder()
  .url("{{apiPath}}/environments/{{envID}}/users?filter=email%20sw%20%22ada%22%20and%20population.id%20eq%20%22{{populationID}}%22&limit=25&expand=population&expand=memberOfGroups")
  .method("GET", null)
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .build();
Response response = client.newCall(request).execute();
