OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("application/json");
RequestBody body = RequestBody.create(mediaType, "{\n  \"email\": \"ada.lovelace@example.com\",\n  \"name\": {\n    \"given\": \"Ada\",\n    \"family\": \"Lovelace\"\n  },\n  \"population\": {\n    \"id\": \"{{populationID}}\"\n  },\n  \"username\": \"ada\",\n  \"enabled\": true,\n  \"locale\": \"en-GB\",\n  \"nickname\": \"Countess of \\\"Lovelace\\\"\"\n}");
Request request = new Request.Builder()
  .url("{{apiPath}}/environments/{{envID}}/users")
  .method("POST", body)
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .addHeader("Content-Type", "application/json")
  .build();
Response response = client.newCall(request).execute();
