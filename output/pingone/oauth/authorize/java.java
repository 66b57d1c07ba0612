OkHttpClient client = new OkHttpClient().newBuilder()
  .build();
Request request = new Request.Builder()
  .url("{{authPath}}/{{envID}}/as/authorize?response_type=code&client_id={{appID}}&redirect_uri={{redirect_uri}}&scope=openid%20profile%20email&state=af0ifjsldkj&code_challenge={{codeChallenge}}&code_challenge_method=S256")
  .method("GET", null)
  .build();
Response response = client.newCall(request).execute();
