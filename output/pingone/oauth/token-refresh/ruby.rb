require "uri"
require "net/http"

url = URI("{{authPath}}/{{envID}}/as/token")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Post.new(url)
request["Content-Type"] = "application/x-www-form-urlencoded"
request.body = "grant_type=refresh_token&refresh_token=%7B%7BrefreshToken%7D%7D&client_id=%7B%7BappID%7D%7D&client_secret=%7B%7BappSecret%7D%7D"

response = http.request(request)
puts response.read_body
