var request = URLRequest(url: URL(string: "{{apiPath}}/environments/{{envID}}/users?filter=email%20sw%20%22ada%22%20and%20population.id%20eq%20%22{{populationID}}%22&limit=25&expand=population&expand=memberOfGroups")!,timeoutInterval: Double.infinity)
request.addValue("Bearer {{accessToken}}", forHTTPHeaderField: "Authorization")

request.httpMethod = "GET"

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
