let boundary = "Boundary-\(UUID().uuidString)"
var postData = Data()
postData.append("--\(boundary)\r\n".data(using: .utf8)!)
postData.append(("Content-Disposition: form-data; name=\"description\"" + "\r\n").data(using: .utf8)!)
postData.append("\r\n".data(using: .utf8)!)
postData.append("Company logo (dark)".data(using: .utf8)!)
postData.append("\r\n".data(using: .utf8)!)
postData.append("--\(boundary)\r\n".data(using: .utf8)!)
postData.append(("Content-Disposition: form-data; name=\"file\"; filename=\"logo.png\"" + "\r\n").data(using: .utf8)!)
postData.append(("Content-Type: image/png" + "\r\n").data(using: .utf8)!)
postData.append("\r\n".data(using: .utf8)!)
postData.append(try! Data(contentsOf: URL(fileURLWithPath: "images/logo.png")))
postData.append("\r\n".data(using: .utf8)!)
postData.append("--\(boundary)--\r\n".data(using: .utf8)!)

var request = URLRequest(url: URL(string: "{{apiPath}}/environments/{{envID}}/images")!,timeoutInterval: Double.infinity)
request.addValue("Bearer {{accessToken}}", forHTTPHeaderField: "Authorization")
request.addValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")

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
