var options = new RestClientOptions("https://api.acme.example/v2/orders/{{orderID}}")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Patch);
request.AddHeader("Idempotency-Key", "{{idempotencyKey}}");
request.AddHeader("If-Match", "\"33a64df551425fcc55e4d42a148795d9f25f89d4\"");
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AddHeader("Content-Type", "application/merge-patch+json");
var body = @"{
  ""status"": ""SHIPPED"",
  ""tracking"": {
    ""carrier"": ""UPS"",
    ""number"": ""1Z999AA10123456784""
  }
}";
request.AddStringBody(body, "application/merge-patch+json");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
