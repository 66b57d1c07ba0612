let parameters = "{\"query\":\"query Orders($first: Int!, $status: OrderStatus) {\\n  orders(first: $first, status: $status) {\\n    edges { node { id total { amount currency } } }\\n  }\\n}\\n\",\"variables\":{\"first\":10,\"status\":\"SHIPPED\"}}"
let postData = parameters.data(using: .utf8)

var request = URLRequest(url: URL(string: "https://api.acme.example/graphql")!,timeoutInterval: Double.infinity)
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
