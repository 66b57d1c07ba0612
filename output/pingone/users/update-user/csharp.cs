var options = new RestClientOptions("{{apiPath}}/environments/{{envID}}/users/{{userID}}")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Patch);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AddHeader("Content-Type", "application/json");
var body = @"{
  ""title"": ""Analyst"",
  ""mobilePhone"": ""+44 20 7946 0000"",
  ""address"": {
    ""streetAddress"": ""12 St James's Square"",
    ""locality"": ""London""
  }
}";
request.AddStringBody(body, "application/json");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
