var options = new RestClientOptions("{{authPath}}/{{envID}}/as/revoke")
{
  MaxTimeout = -1,
  Authenticator = new HttpBasicAuthenticator("%7B%7BappID%7D%7D", "%7B%7BappSecret%7D%7D"),
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Content-Type", "application/x-www-form-urlencoded");
request.AddParameter("token", "{{refreshToken}}");
request.AddParameter("token_type_hint", "refresh_token");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
