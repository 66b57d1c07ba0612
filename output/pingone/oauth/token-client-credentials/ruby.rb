require "uri"
require "net/http"

url = URI("{{authPath}}/{{envID}}/as/token")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Post.new(url)
request.basic_auth "%7B%7BappID%7D%7D", "%7B%7BappSecret%7D%7D"
request["Content-Type"] = "application/x-www-form-urlencoded"
request.body = "grant_type=client_credentials&scope=p1%3Aread%3Auser%20p1%3Aupdate%3Auser"

response = http.request(request)
puts response.read_body
