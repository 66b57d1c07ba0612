var request = URLRequest(url: URL(string: "https://api.acme.example/v2/reports/sales?from=2026-01-01&to=2026-03-31&format=csv")!,timeoutInterval: Double.infinity)
request.addValue("text/csv", forHTTPHeaderField: "Accept")
request.addValue("{{apiKey}}", forHTTPHeaderField: "X-API-Key")

request.httpMethod = "GET"

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
