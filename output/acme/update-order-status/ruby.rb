require "uri"
require "net/http"

url = URI("https://api.acme.example/v2/orders/{{orderID}}")

https = Net::HTTP.new(url.host, url.port)
https.use_ssl = true
request = Net::HTTP::Patch.new(url)
request["Idempotency-Key"] = "{{idempotencyKey}}"
request["If-Match"] = "\"33a64df551425fcc55e4d42a148795d9f25f89d4\""
request["Authorization"] = "Bearer {{accessToken}}"
request["Content-Type"] = "application/merge-patch+json"
request.body = "{
  \"status\": \"SHIPPED\",
  \"tracking\": {
    \"carrier\": \"UPS\",
    \"number\": \"1Z999AA10123456784\"
  }
}"

response = https.request(request)
puts response.read_body
