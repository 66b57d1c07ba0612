var options = new RestClientOptions("{{apiPath}}/environments/{{envID}}/users?filter=email%20sw%20%22ada%22%20and%20population.id%20eq%20%22{{populationID}}%22&limit=25&expand=population&expand=memberOfGroups")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Get);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
