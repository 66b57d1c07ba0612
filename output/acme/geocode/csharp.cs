var options = new RestClientOptions("https://maps.acme.example/v1/geocode?address=1600%20Amphitheatre%20Pkwy%2C%20Mountain%20View%2C%20CA&region=us&key={{mapsKey}}")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Get);
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
