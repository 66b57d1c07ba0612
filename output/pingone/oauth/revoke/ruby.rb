require "uri"
require "net/http"

url = URI("{{authPath}}/{{envID}}/as/revoke")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Post.new(url)
request.basic_auth "%7B%7BappID%7D%7D", "%7B%7BappSecret%7D%7D"
request["Content-Type"] = "application/x-www-form-urlencoded"
request.body = "token=%7B%7BrefreshToken%7D%7D&token_type_hint=refresh_token"

response = http.request(request)
puts response.read_body
