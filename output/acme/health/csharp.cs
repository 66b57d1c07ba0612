var options = new RestClientOptions("https://api.acme.example/v2/health")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Head);
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
