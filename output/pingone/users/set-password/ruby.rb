require "uri"
require "net/http"

url = URI("{{apiPath}}/environments/{{envID}}/users/{{userID}}/password")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Put.new(url)
request["Authorization"] = "Bearer {{accessToken}}"
request["Content-Type"] = "application/vnd.pingidentity.password.set+json"
request.body = "{
  \"value\": \"Ch@ng3 me! \\\\o/ 'quoted' \\\"double\\\" $HOME `tick`\",
  \"forceChange\": true
}"

response = http.request(request)
puts response.read_body
