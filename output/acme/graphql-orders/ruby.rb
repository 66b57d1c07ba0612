require "uri"
require "net/http"

url = URI("https://api.acme.example/graphql")

https = Net::HTTP.new(url.host, url.port)
https.use_ssl = true
request = Net::HTTP::Post.new(url)
request["Authorization"] = "Bearer {{accessToken}}"
request["Content-Type"] = "application/json"
request.body = "{\"query\":\"query Orders($first: Int!, $status: OrderStatus) {\\n  orders(first: $first, status: $status) {\\n    edges { node { id total { amount currency } } }\\n  }\\n}\\n\",\"variables\":{\"first\":10,\"status\":\"SHIPPED\"}}"

response = https.request(request)
puts response.read_body
