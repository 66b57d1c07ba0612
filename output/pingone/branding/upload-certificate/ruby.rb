require "uri"
require "net/http"

url = URI("{{apiPath}}/environments/{{envID}}/certificates/{{certID}}")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Put.new(url)
request["Authorization"] = "Bearer {{accessToken}}"
request["Content-Type"] = "application/x-pem-file"
request.body = File.binread("certs/signing.pem")

response = http.request(request)
puts response.read_body
