//! The normalised request every template sees: auth resolved into headers, query and form
//! fields, the body encoded, the URL split the ways clients need it.

use std::collections::BTreeMap;

use base64::Engine;
use serde::Serialize;

use crate::encode;
use crate::error::Diagnostic;
use crate::spec::{self, ApiKeyLocation, Auth, LoadedSpec};

/// Settings that change how requests are written, not what they send.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Settings {
    /// Keep `{{variables}}` readable inside percent-encoded payloads. The reference style
    /// (off) encodes them to `%7B%7Bname%7D%7D`, which a reader cannot substitute.
    pub readable_variables: bool,
    /// Raw HTTP samples carry a `Content-Length` header when the body's length is known.
    /// Off in the reference style, which leaves framing to the tool that sends the message.
    pub content_length: bool,
    /// Which client a bare language id means (`--preset`); `None`: each language's default.
    #[serde(skip)]
    pub preset: Option<String>,
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
    /// `text` with every bound `{{variable}}` replaced by `spell(offset, value)`.
    fn bind_with(&self, text: &str, spell: impl Fn(usize, &str) -> String) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (start, end) in encode::variable_spans(text) {
            if let Some(value) = self.bindings.get(&text[start + 2..end - 2]) {
                out.push_str(&text[last..start]);
                out.push_str(&spell(start, value));
                last = end;
            }
        }
        out.push_str(&text[last..]);
        out
    }

    /// `text` with every bound `{{variable}}` replaced by its value.
    pub fn bind(&self, text: &str) -> String {
        if self.bindings.is_empty() {
            return text.to_string();
        }
        self.bind_with(text, |_, value| value.to_string())
    }

    /// A URL with its variables bound: one that starts the URL is the base (scheme and host)
    /// and goes in as written; any other is a path value, so characters a URL cannot hold
    /// raw are percent-encoded (the same set the loader refuses in written URLs).
    pub fn bind_url(&self, url: &str) -> String {
        self.bind_with(
            url,
            |start, value| if start == 0 { value.to_string() } else { encode::encode_path(value) },
        )
    }

    /// A JSON value with every string (keys included) bound.
    fn bind_json(&self, value: &serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::String(s) => Value::String(self.bind(s)),
            Value::Array(items) => Value::Array(items.iter().map(|v| self.bind_json(v)).collect()),
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (self.bind(k), self.bind_json(v))).collect())
            }
            other => other.clone(),
        }
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

/// One query parameter; `value` is `None` for a name sent without `=` (`?flag`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryParam {
    pub name: String,
    pub value: Option<String>,
}

/// The Content-Type a file part is sent with when the spec gives it none.
pub const DEFAULT_PART_TYPE: &str = "application/octet-stream";

/// One multipart part, as in the spec but bound, with a file part's `filename` defaulted to the
/// path's last segment, and what every client spells the same way computed once.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub name: String,
    pub value: Option<String>,
    pub file: Option<String>,
    pub filename: Option<String>,
    /// The part's own Content-Type, as the spec gives it.
    pub content_type: Option<String>,
    /// The Content-Disposition value: `form-data; name="…"`, plus `; filename="…"` for a file
    /// part (RFC 7578, quoted as browsers do).
    pub disposition: String,
    /// The Content-Type sent for a file or typed part: its own, or application/octet-stream
    /// for a file; `None` for a plain text part, which is sent without one.
    pub sent_type: Option<String>,
    /// A text part (a `value`, not a file).
    pub is_text: bool,
    /// A file part's position among the body's file parts (0, 1, …): where a browser sample
    /// finds it in a file input's list.
    pub file_index: Option<usize>,
}

impl Part {
    fn new(spec: &crate::spec::Part, settings: &Settings, file_index: Option<usize>) -> Part {
        let name = settings.bind(&spec.name);
        let filename = spec.filename.clone().or_else(|| spec.file.as_deref().map(last_segment));
        let mut disposition = format!("form-data; name={}", encode::mime_quote(&name));
        if let (Some(_), Some(f)) = (&spec.file, &filename) {
            disposition.push_str(&format!("; filename={}", encode::mime_quote(f)));
        }
        let sent_type = match (&spec.content_type, &spec.file) {
            (Some(t), _) => Some(t.clone()),
            (None, Some(_)) => Some(DEFAULT_PART_TYPE.to_string()),
            (None, None) => None,
        };
        Part {
            value: spec.value.as_deref().map(|v| settings.bind(v)),
            is_text: spec.file.is_none(),
            file: spec.file.clone(),
            content_type: spec.content_type.clone(),
            name,
            filename,
            disposition,
            sent_type,
            file_index,
        }
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
        /// Some name occurs twice, so clients whose form facility is a map must send `encoded`.
        repeated_names: bool,
    },
    Json {
        value: serde_json::Value,
        /// The bytes sent: `value` as pretty JSON, two-space indented.
        text: String,
    },
    Text {
        text: String,
    },
    Multipart {
        parts: Vec<Part>,
        /// Some part name occurs twice, which clients keeping parts in a map cannot send.
        repeated_names: bool,
        /// Some part is read from a file.
        has_files: bool,
        /// Some part has its own Content-Type.
        has_typed_parts: bool,
        /// The parts as clients that keep text fields and files in two maps of lists send
        /// them (PHP HTTP_Request2): text fields grouped by name in first-seen order, then files.
        grouped: Vec<PartGroup>,
        /// Whether `grouped`, read in order, is the parts' own order.
        grouped_in_order: bool,
        /// The boundary for samples that spell the body out (raw HTTP): see [`spelled_boundary`].
        boundary: String,
    },
    Binary {
        file: String,
        filename: String,
    },
    Graphql {
        query: String,
        variables: serde_json::Value,
        /// The bytes sent: `{"query":…,"variables":…}`.
        text: String,
    },
}

impl Body {
    /// The serde tag templates see as `body_kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Body::Form { .. } => "form",
            Body::Json { .. } => "json",
            Body::Text { .. } => "text",
            Body::Multipart { .. } => "multipart",
            Body::Binary { .. } => "binary",
            Body::Graphql { .. } => "graphql",
        }
    }

    /// Sent as one string, `text`, exactly as written (json, text, graphql).
    pub fn is_text(&self) -> bool {
        matches!(self, Body::Json { .. } | Body::Text { .. } | Body::Graphql { .. })
    }

    /// The Content-Type sent when neither the headers nor `body.content_type` give one.
    fn default_content_type(&self) -> &'static str {
        match self {
            Body::Form { .. } => "application/x-www-form-urlencoded",
            Body::Json { .. } | Body::Graphql { .. } => "application/json",
            Body::Text { .. } => "text/plain",
            Body::Multipart { .. } => "multipart/form-data",
            Body::Binary { .. } => "application/octet-stream",
        }
    }
}

/// The auth method as templates see it, for clients that render it natively.
#[derive(Debug, Clone, Serialize)]
pub struct AuthModel {
    pub kind: &'static str,
    /// For people, as docs tabs show it (`Client secret (Basic)`).
    #[serde(skip)]
    pub label: &'static str,
    /// User and password of an `Authorization: Basic` header (basic, client_secret_basic),
    /// for clients with a basic-auth facility.
    pub basic: Option<BasicCredentials>,
    /// An API key's name and where it goes (`header` or `query`), for documents that declare
    /// the scheme (the openapi format); templates read the key from the headers or query.
    #[serde(skip)]
    pub api_key: Option<(String, &'static str)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BasicCredentials {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Request {
    /// Output id: the spec's id, plus `/<auth>` when the spec lists several auth methods.
    pub id: String,
    /// The spec's id, shared by the requests of its auth methods (one docs page).
    #[serde(skip)]
    pub spec_id: String,
    pub title: String,
    pub method: String,
    /// Not one of the standard seven methods.
    pub custom_method: bool,
    /// The full URL, query included (RFC 3986 encoded, `{{variables}}` readable).
    pub url: String,
    /// The URL without its query.
    pub base_url: String,
    /// `host[:port]` as written (may be a `{{variable}}`), for raw HTTP's Host header.
    pub host: String,
    /// Path and query, starting with `/`, for the raw HTTP request line.
    pub path: String,
    pub query: Vec<QueryParam>,
    /// Headers in send order: the spec's, then auth's, then a derived Content-Type.
    pub headers: Vec<Pair>,
    /// `headers` without the Authorization header of `auth.basic`, for clients that render
    /// basic auth with their own facility. Templates see it beside the serialised fields (see
    /// `render::Renderer::context`): most requests have no basic auth, and then it is `headers`.
    #[serde(skip)]
    pub headers_without_basic: Vec<Pair>,
    /// The media type the body is sent as (also for multipart, where clients add the header).
    pub content_type: Option<String>,
    pub body: Option<Body>,
    pub auth: AuthModel,
    /// The spec's example values for its `{{variables}}`, for documents that describe them.
    #[serde(skip)]
    pub variables: Vec<(String, String)>,
}

/// Where an auth method puts its credentials.
struct Credentials {
    headers: Vec<Pair>,
    query: Vec<Pair>,
    form_fields: Vec<Pair>,
    basic: Option<BasicCredentials>,
}

fn basic_credentials(username: String, password: String) -> Result<Credentials, String> {
    if username.contains(':') {
        return Err("a basic-auth user name cannot contain `:` (RFC 7617)".into());
    }
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
    Ok(Credentials {
        headers: vec![Pair::new("Authorization", format!("Basic {token}"))],
        query: vec![],
        form_fields: vec![],
        basic: Some(BasicCredentials { username, password }),
    })
}

const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

fn credentials(auth: &Auth, settings: &Settings) -> Result<Credentials, String> {
    let none = || Credentials { headers: vec![], query: vec![], form_fields: vec![], basic: None };
    Ok(match auth.bound(|s| settings.bind(s)) {
        Auth::None => none(),
        Auth::Bearer { token } => {
            Credentials { headers: vec![Pair::new("Authorization", format!("Bearer {}", token.0))], ..none() }
        }
        Auth::Basic { username, password } => basic_credentials(username, password)?,
        Auth::ApiKey { name, value, location: ApiKeyLocation::Header } => {
            if let Some(why) = spec::managed_header(&name.0) {
                return Err(why.into());
            }
            Credentials { headers: vec![Pair::new(name.0, value.0)], ..none() }
        }
        Auth::ApiKey { name, value, location: ApiKeyLocation::Query } => {
            Credentials { query: vec![Pair::new(name.0, value.0)], ..none() }
        }
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and encoded.
        Auth::ClientSecretBasic { client_id, client_secret } => basic_credentials(
            encode::encode_component(&client_id, false),
            encode::encode_component(&client_secret, false),
        )?,
        Auth::ClientSecretPost { client_id, client_secret } => Credentials {
            form_fields: vec![Pair::new("client_id", client_id), Pair::new("client_secret", client_secret)],
            ..none()
        },
        Auth::ClientSecretJwt { client_id, client_assertion }
        | Auth::PrivateKeyJwt { client_id, client_assertion } => {
            let mut form_fields: Vec<Pair> =
                client_id.map(|id| Pair::new("client_id", id)).into_iter().collect();
            form_fields.push(Pair::new("client_assertion_type", JWT_BEARER));
            form_fields.push(Pair::new("client_assertion", client_assertion));
            Credentials { form_fields, ..none() }
        }
    })
}

/// Joins headers that repeat a name (case-insensitively) into the first one's place, as
/// RFC 9110 §5.3 allows: `a, b` (`a; b` for Cookie, RFC 6265 §5.4). Clients whose headers are a
/// map or dictionary would otherwise send only the last value; this way every language sends
/// the same field.
fn merge_repeated_headers(all: impl Iterator<Item = Pair>) -> Vec<Pair> {
    let mut merged: Vec<Pair> = Vec::new();
    // Lower-cased name → index in `merged`, so that many headers merge in linear time.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for header in all {
        match index.entry(header.name.to_ascii_lowercase()) {
            std::collections::hash_map::Entry::Occupied(at) => {
                let first = &mut merged[*at.get()];
                let separator = if first.name.eq_ignore_ascii_case("cookie") { "; " } else { ", " };
                first.value.push_str(separator);
                first.value.push_str(&header.value);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(merged.len());
                merged.push(header);
            }
        }
    }
    merged
}

/// The multipart boundary of the samples that spell a body out (Postman's, on the reference
/// page).
const HOUSE_BOUNDARY: &str = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

/// [`HOUSE_BOUNDARY`], unless some part's text (value, Content-Disposition, Content-Type) holds
/// it, which would end the part there: then that boundary followed by a hash of every part's
/// text, which a part cannot hold without holding its own hash.
fn spelled_boundary(parts: &[Part]) -> String {
    let texts = || {
        parts
            .iter()
            .flat_map(|p| [p.value.as_deref(), Some(p.disposition.as_str()), p.content_type.as_deref()])
            .flatten()
    };
    let collides = |boundary: &str| texts().any(|t| t.contains(boundary));
    if !collides(HOUSE_BOUNDARY) {
        return HOUSE_BOUNDARY.to_string();
    }
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for text in texts() {
        hasher.update(&(text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    let mut seed = hasher.digest();
    loop {
        let boundary = format!("{HOUSE_BOUNDARY}{seed:016x}");
        if !collides(&boundary) {
            return boundary;
        }
        seed = seed.wrapping_add(1);
    }
}

/// A relative path's file name: the default name a file is uploaded under.
pub(crate) fn last_segment(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// Whether some name occurs more than once.
/// Parts of one name and kind (text or file), in body order.
#[derive(Debug, Clone, Serialize)]
pub struct PartGroup {
    pub name: String,
    pub file: bool,
    pub parts: Vec<Part>,
}

/// Text parts grouped by name, then file parts grouped by name, each in first-seen order; and
/// whether that reading keeps the body's part order.
fn group_parts(parts: &[Part]) -> (Vec<PartGroup>, bool) {
    let mut groups: Vec<PartGroup> = Vec::new();
    for file in [false, true] {
        let start = groups.len();
        for p in parts.iter().filter(|p| p.file.is_some() == file) {
            match groups[start..].iter_mut().find(|g| g.name == p.name) {
                Some(g) => g.parts.push(p.clone()),
                None => groups.push(PartGroup { name: p.name.clone(), file, parts: vec![p.clone()] }),
            }
        }
    }
    let key = |p: &Part| (p.name.clone(), p.file.clone(), p.value.clone());
    let in_order = groups.iter().flat_map(|g| &g.parts).map(key).eq(parts.iter().map(key));
    (groups, in_order)
}

fn has_repeats<'a>(names: impl Iterator<Item = &'a String>) -> bool {
    let mut seen = std::collections::HashSet::new();
    names.into_iter().any(|n| !seen.insert(n))
}

/// The `charset` a media type names when it is not UTF-8.
fn foreign_charset(media_type: &str) -> Option<String> {
    let parsed = mediatype::MediaType::parse(media_type).ok()?;
    let (_, charset) =
        parsed.params.iter().find(|(name, _)| name.as_str().eq_ignore_ascii_case("charset"))?;
    let charset = charset.as_str().trim_matches('"');
    (!["utf-8", "utf8"].iter().any(|u| charset.eq_ignore_ascii_case(u))).then(|| charset.to_string())
}

/// Text is sent as its UTF-8 bytes; a Content-Type naming another charset would have OkHttp
/// (which encodes a string in the declared charset) send other bytes than every other client.
fn charset_message(what: &str, charset: &str) -> String {
    format!(
        "{what} holds non-ASCII text, sent as UTF-8, but its Content-Type says charset={charset}, which \
         some clients encode it in (OkHttp) and others ignore; remove the charset or write charset=utf-8"
    )
}

/// Splits `scheme://host/path` (or `host/path` when the scheme is a variable's business).
fn split_url(url: &str) -> (&str, &str) {
    let authority = spec::authority(url);
    let path = &url[authority.end..];
    (&url[authority], if path.is_empty() { "/" } else { path })
}

/// A request the spec describes but no request can be built from: the message, and the
/// top-level key of the spec it is about (where the error is reported).
type Problem = (&'static str, String);

/// The diagnostic of a problem: at its key's line in the spec file (top-level keys start a
/// line), else for the file as a whole.
fn locate(loaded: &LoadedSpec, (key, message): Problem) -> Diagnostic {
    let at = loaded.source.lines().position(|line| {
        line.strip_prefix(key).is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
    });
    match at {
        Some(line) => Diagnostic::at(&loaded.path, line as u64 + 1, 1, message),
        None => Diagnostic::plain(&loaded.path, message),
    }
}

/// Builds one request per auth method the spec lists.
pub fn build(loaded: &LoadedSpec, settings: &Settings) -> Result<Vec<Request>, Diagnostic> {
    build_all(loaded, settings).map_err(|p| locate(loaded, p))
}

fn build_all(loaded: &LoadedSpec, settings: &Settings) -> Result<Vec<Request>, Problem> {
    let spec = &loaded.spec;
    let several = spec.auth.0.len() > 1;
    if let Some(spec::Body::Form(fields)) = &loaded.body {
        let mut auth_fields = Vec::new();
        for auth in &spec.auth.0 {
            let creds = credentials(auth, settings).map_err(|m| ("auth", m))?;
            auth_fields.extend(creds.form_fields.into_iter().map(|f| f.name));
        }
        for (name, value) in &fields.0 {
            if value.is_none() && !auth_fields.contains(name) {
                return Err((
                    "body",
                    format!(
                        "form field `{name}` has no value and no auth method of this spec sends a form field of that name"
                    ),
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

/// The form fields in order: the spec's, with auth fields filling `~` slots in place and
/// the rest appended.
fn form_fields(
    fields: &spec::Pairs<String, Option<String>>,
    auth_fields: &[Pair],
    auth: &Auth,
    settings: &Settings,
) -> Result<Vec<Pair>, String> {
    let mut unused = auth_fields.to_vec();
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
    Ok(out)
}

fn build_body(
    body: &spec::Body,
    creds: &Credentials,
    auth: &Auth,
    settings: &Settings,
) -> Result<Body, String> {
    Ok(match body {
        spec::Body::Form(fields) => {
            let fields = form_fields(fields, &creds.form_fields, auth, settings)?;
            let pairs = || fields.iter().map(|p| (p.name.as_str(), p.value.as_str()));
            let repeated_names = has_repeats(fields.iter().map(|f| &f.name));
            let encoded = encode::form_urlencoded(pairs(), settings.readable_variables);
            // Without a `{{` in any field (or with readable variables) both spellings are one text.
            let has_placeholder = fields.iter().any(|p| p.name.contains("{{") || p.value.contains("{{"));
            let encoded_readable = if settings.readable_variables || !has_placeholder {
                encoded.clone()
            } else {
                encode::form_urlencoded(pairs(), true)
            };
            Body::Form { repeated_names, encoded, encoded_readable, fields }
        }
        spec::Body::Json(value) => {
            let value = settings.bind_json(value);
            let text = serde_json::to_string_pretty(&value).expect("JSON values always serialise");
            Body::Json { value, text }
        }
        spec::Body::Text(text) => Body::Text { text: settings.bind(text) },
        spec::Body::Multipart(parts) => {
            let parts: Vec<Part> = parts
                .iter()
                .scan(0, |files, p| {
                    let index = p.file.is_some().then(|| {
                        *files += 1;
                        *files - 1
                    });
                    Some(Part::new(p, settings, index))
                })
                .collect();
            let (grouped, grouped_in_order) = group_parts(&parts);
            Body::Multipart {
                boundary: spelled_boundary(&parts),
                repeated_names: has_repeats(parts.iter().map(|p| &p.name)),
                has_files: parts.iter().any(|p| p.file.is_some()),
                has_typed_parts: parts.iter().any(|p| p.content_type.is_some()),
                parts,
                grouped,
                grouped_in_order,
            }
        }
        spec::Body::Binary(file) => Body::Binary { file: file.clone(), filename: last_segment(file) },
        spec::Body::Graphql(g) => {
            let variables =
                g.variables.as_ref().map(|v| settings.bind_json(v)).unwrap_or(serde_json::json!({}));
            let query = settings.bind(&g.query);
            let text = serde_json::to_string(&serde_json::json!({"query": query, "variables": variables}))
                .expect("JSON values always serialise");
            Body::Graphql { query, variables, text }
        }
    })
}

fn build_one(loaded: &LoadedSpec, auth: &Auth, id: String, settings: &Settings) -> Result<Request, Problem> {
    let spec = &loaded.spec;
    let creds = credentials(auth, settings).map_err(|m| ("auth", m))?;
    let api_key = match auth {
        Auth::ApiKey { name, location: ApiKeyLocation::Header, .. } => Some((name.0.clone(), "header")),
        Auth::ApiKey { name, location: ApiKeyLocation::Query, .. } => Some((name.0.clone(), "query")),
        _ => None,
    };
    let mut headers =
        merge_repeated_headers(spec.headers.0.iter().map(|(k, v)| Pair::new(&k.0, settings.bind(&v.0))));
    for h in &creds.headers {
        if headers.iter().any(|x| x.name.eq_ignore_ascii_case(&h.name)) {
            return Err((
                "headers",
                format!("header `{}` is set by auth `{}`; remove it from `headers`", h.name, auth.name()),
            ));
        }
    }
    let spec_header_count = headers.len();
    headers.extend(creds.headers.iter().cloned());

    if !creds.form_fields.is_empty() && !matches!(loaded.body, Some(spec::Body::Form(_))) {
        return Err((
            "auth",
            format!("auth `{}` sends form fields, so the spec needs a `body: form:`", auth.name()),
        ));
    }
    let body = match &loaded.body {
        None => None,
        Some(b) => Some(build_body(b, &creds, auth, settings).map_err(|m| ("body", m))?),
    };

    let given_type =
        headers.iter().find(|h| h.name.eq_ignore_ascii_case("content-type")).map(|h| h.value.clone());
    let type_key = if given_type.is_some() { "headers" } else { "body" };
    let content_type = match (&body, given_type, &loaded.body_content_type) {
        (Some(Body::Multipart { .. }), Some(_), _) => {
            return Err((
                "headers",
                "do not set Content-Type for a multipart body: the client adds it with its boundary".into(),
            ));
        }
        (Some(Body::Form { .. }), Some(t), _) if !t.starts_with("application/x-www-form-urlencoded") => {
            return Err(("headers", format!("Content-Type `{t}` contradicts the form body")));
        }
        (_, Some(_), Some(_)) => {
            return Err((
                "body",
                "Content-Type is given both in `headers` and as `body.content_type`; keep one".into(),
            ));
        }
        (None, given, _) => given,
        (_, Some(t), None) => Some(t),
        (Some(body), None, given) => {
            let t = given.clone().unwrap_or_else(|| body.default_content_type().to_string());
            if !matches!(body, Body::Multipart { .. }) {
                headers.push(Pair::new("Content-Type", &t));
            }
            Some(t)
        }
    };
    if let (Some(body), Some(media_type)) = (&body, &content_type) {
        let text = match body {
            Body::Json { text, .. } | Body::Text { text } | Body::Graphql { text, .. } => Some(text.as_str()),
            _ => None,
        };
        if let Some(charset) = text.filter(|t| !t.is_ascii()).and_then(|_| foreign_charset(media_type)) {
            return Err((type_key, charset_message("the body", &charset)));
        }
    }
    if let Some(Body::Multipart { parts, .. }) = &body {
        for part in parts {
            if let (Some(value), Some(media_type)) = (&part.value, &part.content_type)
                && !value.is_ascii()
                && let Some(charset) = foreign_charset(media_type)
            {
                return Err(("body", charset_message(&format!("part `{}`", part.name), &charset)));
            }
        }
    }

    let mut query: Vec<QueryParam> = spec
        .query
        .0
        .iter()
        .map(|(k, v)| QueryParam { name: settings.bind(k), value: v.as_ref().map(|v| settings.bind(v)) })
        .collect();
    query.extend(
        creds.query.iter().map(|p| QueryParam { name: p.name.clone(), value: Some(p.value.clone()) }),
    );
    let mut base_url = settings.bind_url(&spec.url.value);
    if let Some(origin) = &settings.origin {
        base_url = format!("{origin}{}", split_url(&base_url).1);
    }
    let query_string = query
        .iter()
        .map(|p| match &p.value {
            Some(value) => {
                format!("{}={}", encode::encode_query(&p.name, true), encode::encode_query(value, true))
            }
            None => encode::encode_query(&p.name, true),
        })
        .collect::<Vec<_>>()
        .join("&");
    let url = if query.is_empty() { base_url.clone() } else { format!("{base_url}?{query_string}") };
    let (host, path) = split_url(&base_url);
    let path = if query.is_empty() { path.to_string() } else { format!("{path}?{query_string}") };

    let mut headers_without_basic = headers.clone();
    if creds.basic.is_some() {
        headers_without_basic.remove(spec_header_count);
    }
    Ok(Request {
        id,
        spec_id: loaded.id.clone(),
        title: spec.title.clone(),
        method: spec.method.value.as_str().to_string(),
        custom_method: spec.method.value.is_custom(),
        host: host.to_string(),
        path,
        url,
        base_url,
        query,
        headers,
        headers_without_basic,
        content_type,
        body,
        auth: AuthModel { kind: auth.name(), label: auth.label(), basic: creds.basic, api_key },
        variables: spec.variables.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
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

    #[test]
    fn repeated_headers_are_joined_in_place() {
        let headers = [("Accept", "a/b"), ("Cookie", "x=1"), ("accept", "c/d"), ("cookie", "y=2")]
            .into_iter()
            .map(|(n, v)| Pair::new(n, v));
        assert_eq!(
            merge_repeated_headers(headers),
            vec![Pair::new("Accept", "a/b, c/d"), Pair::new("Cookie", "x=1; y=2")]
        );
    }

    /// The readable spelling is encoded on its own only when a field holds a `{{`; otherwise
    /// it is the same text, copied.
    #[test]
    fn form_bodies_spell_variables_both_ways() {
        let form = |text: &str| -> (String, String) {
            let path = std::path::Path::new("f.yaml");
            let source = format!("title: F\nmethod: POST\nurl: https://h/x\nbody:\n  form:\n{text}");
            let loaded = crate::spec::parse(path, path, &source).expect("spec loads");
            match build(&loaded, &Settings::default()).expect("builds").remove(0).body {
                Some(Body::Form { encoded, encoded_readable, .. }) => (encoded, encoded_readable),
                other => panic!("not a form: {other:?}"),
            }
        };
        assert_eq!(form("    a: b c\n"), ("a=b%20c".into(), "a=b%20c".into()));
        assert_eq!(
            form("    id: \"{{clientID}} x\"\n"),
            ("id=%7B%7BclientID%7D%7D%20x".into(), "id={{clientID}}%20x".into())
        );
        assert_eq!(form("    \"{{k}}\": v\n"), ("%7B%7Bk%7D%7D=v".into(), "{{k}}=v".into()));
    }

    #[test]
    fn binding_replaces_only_known_variables() {
        let settings = Settings {
            bindings: [("a".to_string(), "1 & {{b}}".to_string())].into_iter().collect(),
            ..Settings::default()
        };
        assert_eq!(settings.bind("x{{a}}y{{ a }}z{{c}}"), "x1 & {{b}}y{{ a }}z{{c}}");
    }
}
