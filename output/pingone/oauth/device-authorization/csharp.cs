var options = new RestClientOptions("{{authPath}}/{{envID}}/as/device_authorization")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Content-Type", "application/x-www-form-urlencoded");
request.AddParameter("client_id", "{{appID}}");
request.AddParameter("scope", "openid offline_access");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
