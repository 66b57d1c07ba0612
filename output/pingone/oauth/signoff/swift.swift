var request = URLRequest(url: URL(string: "{{authPath}}/{{envID}}/as/signoff?id_token_hint={{idToken}}&post_logout_redirect_uri=https%3A%2F%2Fexample.com%2Flogged-out%3Ffrom%3Dapp%26lang%3Den&state=xyz%20123")!,timeoutInterval: Double.infinity)

request.httpMethod = "GET"

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
