var request = URLRequest(url: URL(string: "https://maps.acme.example/v1/geocode?address=1600%20Amphitheatre%20Pkwy%2C%20Mountain%20View%2C%20CA&region=us&key={{mapsKey}}")!,timeoutInterval: Double.infinity)

request.httpMethod = "GET"

let task = URLSession.shared.dataTask(with: request) { data, response, error in
  guard let data = data else {
    print(String(describing: error))
    return
  }
  print(String(data: data, encoding: .utf8)!)
}

task.resume()
