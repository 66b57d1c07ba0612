var options = new RestClientOptions("{{apiPath}}/environments/{{envID}}/users/{{userID}}")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Put);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AddHeader("Content-Type", "application/json");
var body = @"{
  ""username"": ""ada"",
  ""email"": ""ada.lovelace@example.com"",
  ""name"": {
    ""given"": ""Ada"",
    ""family"": ""Lovelace""
  },
  ""accountId"": 12345678901234567890,
  ""score"": 99.5,
  ""tags"": [
    ""mathematics"",
    ""analytical engine""
  ],
  ""manager"": null
}";
request.AddStringBody(body, "application/json");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
