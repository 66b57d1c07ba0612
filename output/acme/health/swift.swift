var request = URLRequest(url: URL(string: "https://api.acme.example/v2/health")!,timeoutInterval: Double.infinity)

request.httpMethod = "HEAD"

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
