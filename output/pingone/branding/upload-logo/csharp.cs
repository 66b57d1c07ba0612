var options = new RestClientOptions("{{apiPath}}/environments/{{envID}}/images")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AlwaysMultipartFormData = true;
request.AddParameter("description", "Company logo (dark)");
request.AddFile("file", File.ReadAllBytes("images/logo.png"), "logo.png", "image/png");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
