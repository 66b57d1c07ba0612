require "uri"
require "net/http"

url = URI("https://api.acme.example/v2/health")

https = Net::HTTP.new(url.host, url.port)
https.use_ssl = true
request = Net::HTTP::Head.new(url)

response = https.request(request)
puts response.read_body
