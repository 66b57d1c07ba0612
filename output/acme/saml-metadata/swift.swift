let parameters = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.com\">\n  <md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>\n</md:EntityDescriptor>\n"
let postData = parameters.data(using: .utf8)

var request = URLRequest(url: URL(string: "https://api.acme.example/v2/sso/saml/metadata")!,timeoutInterval: Double.infinity)
request.addValue("Basic e3thZG1pblVzZXJ9fTp7e2FkbWluUGFzc3dvcmR9fQ==", forHTTPHeaderField: "Authorization")
request.addValue("application/xml", forHTTPHeaderField: "Content-Type")

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
