let postData = try! Data(contentsOf: URL(fileURLWithPath: "certs/signing.pem"))

var request = URLRequest(url: URL(string: "{{apiPath}}/environments/{{envID}}/certificates/{{certID}}")!,timeoutInterval: Double.infinity)
request.addValue("Bearer {{accessToken}}", forHTTPHeaderField: "Authorization")
request.addValue("application/x-pem-file", forHTTPHeaderField: "Content-Type")

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
