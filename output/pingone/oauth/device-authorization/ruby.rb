require "uri"
require "net/http"

url = URI("{{authPath}}/{{envID}}/as/device_authorization")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Post.new(url)
request["Content-Type"] = "application/x-www-form-urlencoded"
request.body = "client_id=%7B%7BappID%7D%7D&scope=openid%20offline_access"

response = http.request(request)
puts response.read_body
