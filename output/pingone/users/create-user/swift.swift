let parameters = "{\n  \"email\": \"ada.lovelace@example.com\",\n  \"name\": {\n    \"given\": \"Ada\",\n    \"family\": \"Lovelace\"\n  },\n  \"population\": {\n    \"id\": \"{{populationID}}\"\n  },\n  \"username\": \"ada\",\n  \"enabled\": true,\n  \"locale\": \"en-GB\",\n  \"nickname\": \"Countess of \\\"Lovelace\\\"\"\n}"
let postData = parameters.data(using: .utf8)

var request = URLRequest(url: URL(string: "{{apiPath}}/environments/{{envID}}/users")!,timeoutInterval: Double.infinity)
request.addValue("Bearer {{accessToken}}", forHTTPHeaderField: "Authorization")
request.addValue("application/json", forHTTPHeaderField: "Content-Type")

request.httpMethod = "POST"
request.httpBody = postData

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
