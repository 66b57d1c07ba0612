let parameters = "{\n  \"username\": \"ada\",\n  \"email\": \"ada.lovelace@example.com\",\n  \"name\": {\n    \"given\": \"Ada\",\n    \"family\": \"Lovelace\"\n  },\n  \"accountId\": 12345678901234567890,\n  \"score\": 99.5,\n  \"tags\": [\n    \"mathematics\",\n    \"analytical engine\"\n  ],\n  \"manager\": null\n}"
let postData = parameters.data(using: .utf8)

var request = URLRequest(url: URL(string: "{{apiPath}}/environments/{{envID}}/users/{{userID}}")!,timeoutInterval: Double.infinity)
request.addValue("Bearer {{accessToken}}", forHTTPHeaderField: "Authorization")
request.addValue("application/json", forHTTPHeaderField: "Content-Type")

request.httpMethod = "PUT"
request.httpBody = postData

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
