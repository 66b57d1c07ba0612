// snipgen verify: a stand-in for RestSharp (107+ API), which cannot be installed here (no
// NuGet). It has the surface snipgen's C# samples use, so they compile against the same
// names and argument types, and it sends the described request with HttpClient so the echo
// server can compare it. It is not the real client: results through it are CHECKED, not PASS.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace RestSharp
{
    public enum Method { Get, Post, Put, Delete, Head, Options, Patch, Merge, Copy, Search }

    public enum DataFormat { Json, Xml, Binary, None }

    public enum ParameterType { GetOrPost, UrlSegment, HttpHeader, RequestBody, QueryString }

    public class RestClientOptions
    {
        public Uri BaseUrl { get; set; }
        public RestSharp.Authenticators.IAuthenticator Authenticator { get; set; }
        public int MaxTimeout { get; set; }
        public bool FollowRedirects { get; set; } = true;
        public string UserAgent { get; set; }

        public RestClientOptions() { }
        public RestClientOptions(string baseUrl) { BaseUrl = new Uri(baseUrl); }
        public RestClientOptions(Uri baseUrl) { BaseUrl = baseUrl; }
    }

    public class RestResponse
    {
        public string Content { get; set; }
        public System.Net.HttpStatusCode StatusCode { get; set; }
        public bool IsSuccessful { get; set; }
        public string ErrorMessage { get; set; }
    }

    class FileParam
    {
        public string Name, ContentType, FileName;
        public byte[] Bytes;
    }

    public class RestRequest
    {
        internal readonly string Resource;
        internal readonly Method Verb;
        internal readonly List<KeyValuePair<string, string>> Headers = new List<KeyValuePair<string, string>>();
        internal readonly List<KeyValuePair<string, string>> Parameters = new List<KeyValuePair<string, string>>();
        internal readonly List<KeyValuePair<string, string>> Query = new List<KeyValuePair<string, string>>();
        internal readonly List<FileParam> Files = new List<FileParam>();
        internal byte[] Body;
        internal string BodyType;

        public bool AlwaysMultipartFormData { get; set; }

        public RestRequest(string resource = "", Method method = Method.Get)
        {
            Resource = resource;
            Verb = method;
        }

        public RestRequest AddHeader(string name, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public RestRequest AddParameter(string name, string value)
        {
            Parameters.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        // For RequestBody, RestSharp takes the content type as the name and the body as the value.
        public RestRequest AddParameter(string name, object value, ParameterType type)
        {
            string text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            switch (type)
            {
                case ParameterType.HttpHeader: return AddHeader(name, text);
                case ParameterType.QueryString: return AddQueryParameter(name, text);
                case ParameterType.RequestBody:
                    Body = value as byte[] ?? Encoding.UTF8.GetBytes(text);
                    BodyType = name;
                    return this;
                default: return AddParameter(name, text);
            }
        }

        public RestRequest AddQueryParameter(string name, string value)
        {
            Query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public RestRequest AddStringBody(string body, string contentType)
        {
            Body = Encoding.UTF8.GetBytes(body);
            BodyType = contentType;
            return this;
        }

        public RestRequest AddStringBody(string body, DataFormat format)
        {
            return AddStringBody(body, format == DataFormat.Json ? "application/json"
                : format == DataFormat.Xml ? "application/xml" : "text/plain");
        }

        public RestRequest AddFile(string name, string path, string contentType = null)
        {
            return AddFile(name, File.ReadAllBytes(path), System.IO.Path.GetFileName(path), contentType);
        }

        public RestRequest AddFile(string name, byte[] bytes, string fileName, string contentType = null)
        {
            Files.Add(new FileParam { Name = name, Bytes = bytes, ContentType = contentType, FileName = fileName });
            return this;
        }
    }

    public class RestClient : IDisposable
    {
        readonly RestClientOptions options;
        readonly HttpClient http = new HttpClient();

        public RestClient(RestClientOptions options) { this.options = options; }
        public RestClient(string baseUrl) : this(new RestClientOptions(baseUrl)) { }

        public void Dispose() { http.Dispose(); }

        static string Encode(string s) { return Uri.EscapeDataString(s ?? ""); }

        static string Join(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            return string.Join("&", pairs.Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        }

        public async Task<RestResponse> ExecuteAsync(RestRequest request)
        {
            string url = options.BaseUrl.OriginalString + request.Resource;
            bool bodyless = request.Verb == Method.Get || request.Verb == Method.Head;
            var query = new List<KeyValuePair<string, string>>(request.Query);
            // As RestSharp does: GetOrPost parameters go to the query for GET/HEAD, else the body.
            if (bodyless) query.AddRange(request.Parameters);
            if (query.Count > 0) url += (url.Contains("?") ? "&" : "?") + Join(query);

            var message = new HttpRequestMessage(new HttpMethod(request.Verb.ToString().ToUpperInvariant()), url);
            if (options.Authenticator != null) options.Authenticator.Authenticate(message);
            string contentType = null;
            foreach (var h in request.Headers)
            {
                if (h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = h.Value;
                else message.Headers.TryAddWithoutValidation(h.Key, h.Value);
            }

            HttpContent content = null;
            if (request.Body != null)
            {
                content = new ByteArrayContent(request.Body);
                contentType = contentType ?? request.BodyType;
            }
            else if (request.Files.Count > 0 || request.AlwaysMultipartFormData)
            {
                var multipart = new MultipartFormDataContent();
                // As RestSharp's RequestContent.BuildContent does: every file, then every field.
                foreach (var f in request.Files)
                {
                    var file = new ByteArrayContent(f.Bytes);
                    file.Headers.ContentType = MediaTypeHeaderValue.Parse(f.ContentType ?? "application/octet-stream");
                    multipart.Add(file, "\"" + f.Name + "\"", "\"" + f.FileName + "\"");
                }
                foreach (var p in request.Parameters) multipart.Add(new StringContent(p.Value), "\"" + p.Key + "\"");
                content = multipart;
                contentType = null; // the multipart content's own type carries the boundary
            }
            else if (!bodyless && request.Parameters.Count > 0)
            {
                content = new ByteArrayContent(Encoding.UTF8.GetBytes(Join(request.Parameters)));
                contentType = contentType ?? "application/x-www-form-urlencoded";
            }
            if (content != null && contentType != null)
            {
                content.Headers.Remove("Content-Type");
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            message.Content = content;

            var response = await http.SendAsync(message);
            return new RestResponse
            {
                Content = await response.Content.ReadAsStringAsync(),
                StatusCode = response.StatusCode,
                IsSuccessful = response.IsSuccessStatusCode,
            };
        }
    }
}

namespace RestSharp.Authenticators
{
    public interface IAuthenticator
    {
        void Authenticate(HttpRequestMessage message);
    }

    public class HttpBasicAuthenticator : IAuthenticator
    {
        readonly string username, password;

        public HttpBasicAuthenticator(string username, string password)
        {
            this.username = username;
            this.password = password;
        }

        // RestSharp encodes `user:password` as UTF-8 by default.
        public void Authenticate(HttpRequestMessage message)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));
            message.Headers.TryAddWithoutValidation("Authorization", "Basic " + token);
        }
    }
}
