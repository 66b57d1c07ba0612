require "uri"
require "net/http"

url = URI("{{apiPath}}/environments/{{envID}}/users")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Post.new(url)
request["Authorization"] = "Bearer {{accessToken}}"
request["Content-Type"] = "application/json"
request.body = "{
  \"email\": \"ada.lovelace@example.com\",
  \"name\": {
    \"given\": \"Ada\",
    \"family\": \"Lovelace\"
  },
  \"population\": {
    \"id\": \"{{populationID}}\"
  },
  \"username\": \"ada\",
  \"enabled\": true,
  \"locale\": \"en-GB\",
  \"nickname\": \"Countess of \\\"Lovelace\\\"\"
}"

response = http.request(request)
puts response.read_body
