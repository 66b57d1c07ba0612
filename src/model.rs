//! The normalised request every template sees: auth resolved into headers, query and form
//! fields, the body encoded, the URL split the ways clients need it.

use std::collections::BTreeMap;

use base64::Engine;
use serde::Serialize;

use crate::encode;
use crate::spec::{self, Auth, LoadedSpec};

/// Settings that change how requests are written, not what they send.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Settings {
    /// Keep `{{variables}}` readable inside percent-encoded payloads. The reference style
    /// (off) encodes them to `%7B%7Bname%7D%7D`, which a reader cannot substitute.
    pub readable_variables: bool,
    /// Indentation unit per language id, overriding the registry's.
    #[serde(skip)]
    pub indent: BTreeMap<String, String>,
    /// Values substituted for `{{variables}}` before anything is encoded (used by `verify`);
    /// variables not listed stay as placeholders.
    #[serde(skip)]
    pub bindings: BTreeMap<String, String>,
    /// Replaces the URL's scheme and host (e.g. with a local echo server's origin).
    #[serde(skip)]
    pub origin: Option<String>,
}

impl Settings {
    /// `text` with every bound `{{variable}}` replaced by its value.
    pub fn bind(&self, text: &str) -> String {
        if self.bindings.is_empty() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (start, end) in encode::variable_spans(text) {
            let name = text[start + 2..end - 2].trim();
            if let Some(value) = self.bindings.get(name) {
                out.push_str(&text[last..start]);
                out.push_str(value);
                last = end;
            }
        }
        out.push_str(&text[last..]);
        out
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Pair {
    pub name: String,
    pub value: String,
}

impl Pair {
    fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Pair { name: name.into(), value: value.into() }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    Form {
        fields: Vec<Pair>,
        /// `name=value&…`, percent-encoded; `{{variables}}` encoded unless readable_variables.
        encoded: String,
        /// The same with `{{variables}}` always readable.
        encoded_readable: String,
    },
}

impl Body {
    /// The Content-Type sent when the spec's headers give none.
    fn default_content_type(&self) -> &'static str {
        match self {
            Body::Form { .. } => "application/x-www-form-urlencoded",
        }
    }
}

/// The auth method as templates see it, for clients that render it natively.
#[derive(Debug, Clone, Serialize)]
pub struct AuthModel {
    pub kind: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Request {
    /// Output id: the spec's id, plus `/<auth>` when the spec lists several auth methods.
    pub id: String,
    pub title: String,
    pub method: &'static str,
    /// The full URL, query included (RFC 3986 encoded, `{{variables}}` readable).
    pub url: String,
    /// The URL without its query.
    pub base_url: String,
    /// `host[:port]` as written (may be a `{{variable}}`), for raw HTTP's Host header.
    pub host: String,
    /// Path and query, starting with `/`, for the raw HTTP request line.
    pub path: String,
    pub query: Vec<Pair>,
    /// Headers in send order: the spec's, then auth's, then a derived Content-Type.
    pub headers: Vec<Pair>,
    pub content_type: Option<String>,
    pub body: Option<Body>,
    pub auth: AuthModel,
}

/// Where an auth method puts its credentials.
struct Credentials {
    headers: Vec<Pair>,
    form_fields: Vec<Pair>,
}

fn basic_token(user: &str, password: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
}

fn credentials(auth: &Auth, settings: &Settings) -> Credentials {
    let auth = &auth.bound(settings);
    let (headers, form_fields) = match auth {
        Auth::None => (vec![], vec![]),
        Auth::Bearer { token } => (vec![Pair::new("Authorization", format!("Bearer {token}"))], vec![]),
        Auth::Basic { username, password } => {
            (vec![Pair::new("Authorization", format!("Basic {}", basic_token(username, password)))], vec![])
        }
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and encoded.
        Auth::ClientSecretBasic { client_id, client_secret } => {
            let id = encode::encode_component(client_id, false);
            let secret = encode::encode_component(client_secret, false);
            (vec![Pair::new("Authorization", format!("Basic {}", basic_token(&id, &secret)))], vec![])
        }
        Auth::ClientSecretPost { client_id, client_secret } => {
            (vec![], vec![Pair::new("client_id", client_id), Pair::new("client_secret", client_secret)])
        }
    };
    Credentials { headers, form_fields }
}

/// Splits `scheme://host/path` (or `host/path` when the scheme is a variable's business).
fn split_url(url: &str) -> (&str, &str) {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(slash) => (&url[after_scheme..after_scheme + slash], &url[after_scheme + slash..]),
        None => (&url[after_scheme..], "/"),
    }
}

/// Builds one request per auth method the spec lists.
pub fn build(loaded: &LoadedSpec, settings: &Settings) -> Result<Vec<Request>, String> {
    let spec = &loaded.spec;
    let several = spec.auth.0.len() > 1;
    if let Some(spec::Body::Form(fields)) = &spec.body {
        for (name, value) in &fields.0 {
            let fillable = spec
                .auth
                .0
                .iter()
                .any(|a| credentials(a, settings).form_fields.iter().any(|f| &f.name == name));
            if value.is_none() && !fillable {
                return Err(format!(
                    "form field `{name}` has no value and no auth method of this spec sends a form field of that name"
                ));
            }
        }
    }
    spec.auth
        .0
        .iter()
        .map(|auth| {
            let id = if several { format!("{}/{}", loaded.id, auth.name()) } else { loaded.id.clone() };
            build_one(loaded, auth, id, settings)
        })
        .collect()
}

fn build_one(loaded: &LoadedSpec, auth: &Auth, id: String, settings: &Settings) -> Result<Request, String> {
    let spec = &loaded.spec;
    let creds = credentials(auth, settings);
    let mut headers: Vec<Pair> =
        spec.headers.0.iter().map(|(k, v)| Pair::new(&k.0, settings.bind(&v.0))).collect();
    for h in &creds.headers {
        if headers.iter().any(|x| x.name.eq_ignore_ascii_case(&h.name)) {
            return Err(format!(
                "header `{}` is set by auth `{}`; remove it from `headers`",
                h.name,
                auth.name()
            ));
        }
        headers.push(h.clone());
    }

    let body = match &spec.body {
        None => None,
        Some(spec::Body::Form(fields)) => {
            let mut unused = creds.form_fields.clone();
            let mut out = Vec::new();
            for (name, value) in &fields.0 {
                match value {
                    Some(v) => {
                        if unused.iter().any(|f| &f.name == name) {
                            return Err(format!(
                                "form field `{name}` is sent by auth `{}`; write `{name}: ~` to place it, or remove it",
                                auth.name()
                            ));
                        }
                        out.push(Pair::new(settings.bind(name), settings.bind(v)));
                    }
                    None => {
                        if let Some(i) = unused.iter().position(|f| &f.name == name) {
                            out.push(unused.remove(i));
                        }
                    }
                }
            }
            out.extend(unused);
            let pairs = || out.iter().map(|p| (p.name.as_str(), p.value.as_str()));
            Some(Body::Form {
                encoded: encode::form_urlencoded(pairs(), settings.readable_variables),
                encoded_readable: encode::form_urlencoded(pairs(), true),
                fields: out.clone(),
            })
        }
    };
    if body.is_none() && !creds.form_fields.is_empty() {
        return Err(format!("auth `{}` sends form fields, so the spec needs a `body: form:`", auth.name()));
    }

    let derived_type = body.as_ref().map(Body::default_content_type);
    let given_type = headers.iter().find(|h| h.name.eq_ignore_ascii_case("content-type"));
    let content_type = match (given_type, derived_type) {
        (Some(h), _) => Some(h.value.clone()),
        (None, Some(t)) => {
            headers.push(Pair::new("Content-Type", t));
            Some(t.to_string())
        }
        (None, None) => None,
    };

    let query: Vec<Pair> =
        spec.query.0.iter().map(|(k, v)| Pair::new(settings.bind(k), settings.bind(v))).collect();
    let mut base_url = settings.bind(&spec.url.value);
    if let Some(origin) = &settings.origin {
        base_url = format!("{origin}{}", split_url(&base_url).1);
    }
    let query_string = query
        .iter()
        .map(|p| format!("{}={}", encode::encode_query(&p.name, true), encode::encode_query(&p.value, true)))
        .collect::<Vec<_>>()
        .join("&");
    let url = if query.is_empty() { base_url.clone() } else { format!("{base_url}?{query_string}") };
    let (host, path) = split_url(&base_url);
    let path = if query.is_empty() { path.to_string() } else { format!("{path}?{query_string}") };

    Ok(Request {
        id,
        title: spec.title.clone(),
        method: spec.method.as_str(),
        host: host.to_string(),
        path,
        url,
        base_url,
        query,
        headers,
        content_type,
        body,
        auth: AuthModel { kind: auth.name() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_splits_with_and_without_scheme() {
        assert_eq!(split_url("{{authPath}}/{{envID}}/as/par"), ("{{authPath}}", "/{{envID}}/as/par"));
        assert_eq!(split_url("https://api.example.com:8443/v1/x"), ("api.example.com:8443", "/v1/x"));
        assert_eq!(split_url("http://h"), ("h", "/"));
    }
}
