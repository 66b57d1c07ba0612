OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
  .addFormDataPart("description", "Company logo (dark)")
  .addFormDataPart("file", "logo.png",
    RequestBody.create(MediaType.parse("image/png"), new File("images/logo.png")))
  .build();
Request request = new Request.Builder()
  .url("{{apiPath}}/environments/{{envID}}/images")
  .method("POST", body)
  .addHeader("Authorization", "Bearer {{accessToken}}")
  .build();
Response response = client.newCall(request).execute();
