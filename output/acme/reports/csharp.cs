var options = new RestClientOptions("https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Get);
request.AddHeader("Accept", "text/csv");
request.AddHeader("X-API-Key", "{{apiKey}}");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
