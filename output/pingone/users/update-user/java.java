OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("application/json");
RequestBody body = RequestBody.create(mediaType, "{\n  \"title\": \"Analyst\",\n  \"mobilePhone\": \"+44 20 7946 0000\",\n  \"address\": {\n    \"streetAddress\": \"12 St James's Square\",\n    \"locality\": \"London\"\n  }\n}");
Request request = new Request.Builder()
  .url("{{apiPath}}/environments/{{envID}}/users/{{userID}}")
  .method("PATCH", body)
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .addHeader("Content-Type", "application/json")
  .build();
Response response = client.newCall(request).execute();
