var options = new RestClientOptions("{{authPath}}/{{envID}}/as/token")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Content-Type", "application/x-www-form-urlencoded");
request.AddParameter("grant_type", "refresh_token");
request.AddParameter("refresh_token", "{{refreshToken}}");
request.AddParameter("client_id", "{{appID}}");
request.AddParameter("client_secret", "{{appSecret}}");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
