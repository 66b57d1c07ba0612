OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
MediaType mediaType = MediaType.parse("application/merge-patch+json");
RequestBody body = RequestBody.create(mediaType, "{\n  \"status\": \"SHIPPED\",\n  \"tracking\": {\n    \"carrier\": \"UPS\",\n    \"number\": \"1Z999AA10123456784\"\n  }\n}");
Request request = new Request.Builder()
  .url("https://api.acme.example/v2/orders/{{orderID}}")
  .method("PATCH", body)
  .addHeader("Idempotency-Key", "{{idempotencyKey}}")
  .addHeader("If-Match", "\"33a64df551425fcc55e4d42a148795d9f25f89d4\"")
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .addHeader("Content-Type", "application/merge-patch+json")
  .build();
Response response = client.newCall(request).execute();
