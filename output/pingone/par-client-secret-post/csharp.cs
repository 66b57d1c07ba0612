var options = new RestClientOptions("{{authPath}}/{{envID}}/as/par")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Content-Type", "application/x-www-form-urlencoded");
request.AddParameter("response_type", "token");
request.AddParameter("client_id", "{{appID}}");
request.AddParameter("redirect_uri", "{{redirect_uri}}");
request.AddParameter("scope", "openid");
request.AddParameter("client_secret", "{{appSecret}}");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
