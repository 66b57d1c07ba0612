require "uri"
require "net/http"

url = URI("{{authPath}}/{{envID}}/as/userinfo")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Get.new(url)
request["Authorization"] = "Bearer {{accessToken}}"

response = http.request(request)
puts response.read_body
