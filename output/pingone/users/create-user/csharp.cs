var options = new RestClientOptions("{{apiPath}}/environments/{{envID}}/users")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AddHeader("Content-Type", "application/json");
var body = @"{
  ""email"": ""ada.lovelace@example.com"",
  ""name"": {
    ""given"": ""Ada"",
    ""family"": ""Lovelace""
  },
  ""population"": {
    ""id"": ""{{populationID}}""
  },
  ""username"": ""ada"",
  ""enabled"": true,
  ""locale"": ""en-GB"",
  ""nickname"": ""Countess of \""Lovelace\""""
}";
request.AddStringBody(body, "application/json");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
