require "uri"
require "net/http"

url = URI("{{authPath}}/{{envID}}/as/.well-known/openid-configuration")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Get.new(url)
request["Accept"] = "application/json"

response = http.request(request)
puts response.read_body
