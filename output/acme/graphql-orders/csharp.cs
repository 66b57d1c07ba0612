var options = new RestClientOptions("https://api.acme.example/graphql")
{
  MaxTimeout = -1,
};
var client = new RestClient(options);
var request = new RestRequest("", Method.Post);
request.AddHeader("Authorization", "Bearer {{accessToken}}");
request.AddHeader("Content-Type", "application/json");
var body = "{\"query\":\"query Orders($first: Int!, $status: OrderStatus) {\\n  orders(first: $first, status: $status) {\\n    edges { node { id total { amount currency } } }\\n  }\\n}\\n\",\"variables\":{\"first\":10,\"status\":\"SHIPPED\"}}";
request.AddStringBody(body, "application/json");
RestResponse response = await client.ExecuteAsync(request);
Console.WriteLine(response.Content);
