require "uri"
require "net/http"

url = URI("{{apiPath}}/environments/{{envID}}/images")

http = Net::HTTP.new(url.host, url.port);
request = Net::HTTP::Post.new(url)
request["Authorization"] = "Bearer {{accessToken}}"
form_data = [
  ["description", "Company logo (dark)"],
  ["file", File.open("images/logo.png"), { filename: "logo.png", content_type: "image/png" }]
]
request.set_form form_data, "multipart/form-data"

response = http.request(request)
puts response.read_body
