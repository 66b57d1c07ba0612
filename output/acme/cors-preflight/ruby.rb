require "uri"
require "net/http"

url = URI("https://api.acme.example/v2/orders")

https = Net::HTTP.new(url.host, url.port)
https.use_ssl = true
request = Net::HTTP::Options.new(url)
request["Origin"] = "https://shop.example.com"
request["Access-Control-Request-Method"] = "POST"
request["Access-Control-Request-Headers"] = "content-type, authorization"

response = https.request(request)
puts response.read_body
