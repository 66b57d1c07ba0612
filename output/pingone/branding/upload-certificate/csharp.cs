var options = new RestClientOptions("{{apiPath}}/environments/{{envID}}/certificates/{{certID}}")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Put);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AddHeader("Content-Type", "application/x-pem-file");
request.AddParameter("application/x-pem-file", File.ReadAllBytes("certs/signing.pem"), ParameterType.RequestBody);
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
