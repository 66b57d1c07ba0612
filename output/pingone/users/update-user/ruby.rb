require "uri"
require "net/http"

url = URI("{{apiPath}}/environments/{{envID}}/users/{{userID}}")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Patch.new(url)
request["Authorization"] = "Bearer {{accessToken}}"
request["Content-Type"] = "application/json"
request.body = "{
  \"title\": \"Analyst\",
  \"mobilePhone\": \"+44 20 7946 0000\",
  \"address\": {
    \"streetAddress\": \"12 St James's Square\",
    \"locality\": \"London\"
  }
}"

response = http.request(request)
puts response.read_body
