require "uri"
require "net/http"

url = URI("{{apiPath}}/environments/{{envID}}/users/{{userID}}")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Put.new(url)
request["Authorization"] = "Bearer {{accessToken}}"
request["Content-Type"] = "application/json"
request.body = "{
  \"username\": \"ada\",
  \"email\": \"ada.lovelace@example.com\",
  \"name\": {
    \"given\": \"Ada\",
    \"family\": \"Lovelace\"
  },
  \"accountId\": 12345678901234567890,
  \"score\": 99.5,
  \"tags\": [
    \"mathematics\",
    \"analytical engine\"
  ],
  \"manager\": null
}"

response = http.request(request)
puts response.read_body
