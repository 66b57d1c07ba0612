require "uri"
require "net/http"

url = URI("https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv")

https = Net::HTTP.new(url.host, url.port)
https.use_ssl = true
request = Net::HTTP::Get.new(url)
request["Accept"] = "text/csv"
request["X-API-Key"] = "{{apiKey}}"

response = https.request(request)
puts response.read_body
