let parameters = "{\n  \"status\": \"SHIPPED\",\n  \"tracking\": {\n    \"carrier\": \"UPS\",\n    \"number\": \"1Z999AA10123456784\"\n  }\n}"
let postData = parameters.data(using: .utf8)

var request = URLRequest(url: URL(string: "https://api.acme.example/v2/orders/{{orderID}}")!,timeoutInterval: Double.infinity)
request.addValue("{{idempotencyKey}}", forHTTPHeaderField: "Idempotency-Key")
request.addValue("\"33a64df551425fcc55e4d42a148795d9f25f89d4\"", forHTTPHeaderField: "If-Match")
request.addValue("Bearer {{accessToken}}", forHTTPHeaderField: "Authorization")
request.addValue("application/merge-patch+json", forHTTPHeaderField: "Content-Type")

request.httpMethod = "PATCH"
request.httpBody = postData

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
