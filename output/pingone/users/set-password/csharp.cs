var options = new RestClientOptions("{{apiPath}}/environments/{{envID}}/users/{{userID}}/password")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Put);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AddHeader("Content-Type", "application/vnd.pingidentity.password.set+json");
var body = @"{
  ""value"": ""Ch@ng3 me! \\o/ 'quoted' \""double\"" $HOME `tick`"",
  ""forceChange"": true
}";
request.AddStringBody(body, "application/vnd.pingidentity.password.set+json");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
