var request = URLRequest(url: URL(string: "https://api.acme.example/v2/orders")!,timeoutInterval: Double.infinity)
request.addValue("https://shop.example.com", forHTTPHeaderField: "Origin")
request.addValue("POST", forHTTPHeaderField: "Access-Control-Request-Method")
request.addValue("content-type, authorization", forHTTPHeaderField: "Access-Control-Request-Headers")

request.httpMethod = "OPTIONS"

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
