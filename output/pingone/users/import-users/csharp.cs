var options = new RestClientOptions("{{apiPath}}/environments/{{envID}}/users/imports")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AddHeader("Content-Type", "text/csv");
var body = @"username,email,given,family
ada,ada@example.com,Ada,Lovelace
grace,grace@example.com,Grace,""Hopper, RDML""
";
request.AddStringBody(body, "text/csv");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
