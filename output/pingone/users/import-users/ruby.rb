require "uri"
require "net/http"

url = URI("{{apiPath}}/environments/{{envID}}/users/imports")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Post.new(url)
request["Authorization"] = "Bearer {{accessToken}}"
request["Content-Type"] = "text/csv"
request.body = "username,email,given,family
ada,ada@example.com,Ada,Lovelace
grace,grace@example.com,Grace,\"Hopper, RDML\"
"

response = http.request(request)
puts response.read_body
