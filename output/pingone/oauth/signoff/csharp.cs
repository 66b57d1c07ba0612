var options = new RestClientOptions("{{authPath}}/{{envID}}/as/signoff?id_token_hint={{idToken}}&post_logout_redirect_uri=https%3A%2F%2Fexample.com%2Flogged-out%3Ffrom%3Dapp%26lang%3Den&state=xyz%20123")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Get);
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
