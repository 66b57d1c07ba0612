var options = new RestClientOptions("https://api.acme.example/v2/orders")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Options);
request.AddHeader("Origin", "https://shop.example.com");
request.AddHeader("Access-Control-Request-Method", "POST");
request.AddHeader("Access-Control-Request-Headers", "content-type, authorization");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
