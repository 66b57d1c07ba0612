OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("application/json");
RequestBody body = RequestBody.create(mediaType, "{\n  \"username\": \"ada\",\n  \"email\": \"ada.lovelace@example.com\",\n  \"name\": {\n    \"given\": \"Ada\",\n    \"family\": \"Lovelace\"\n  },\n  \"accountId\": 12345678901234567890,\n  \"score\": 99.5,\n  \"tags\": [\n    \"mathematics\",\n    \"analytical engine\"\n  ],\n  \"manager\": null\n}");
Request request = new Request.Builder()
  .url("{{apiPath}}/environments/{{envID}}/users/{{userID}}")
  .method("PUT", body)
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .addHeader("Content-Type", "application/json")
  .build();
Response response = client.newCall(request).execute();
