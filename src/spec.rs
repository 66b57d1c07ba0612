//! Loading and validating endpoint specs: YAML → typed [`Spec`], with every error located
//! as `file:line:column`.

use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::common::yaml_error;
pub use crate::common::{did_you_mean, slash_joined};
use crate::error::Diagnostic;

/// One endpoint, as written in `specs/**/*.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub title: String,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
    #[schemars(with = "Method")]
    pub method: Spanned<Method>,
    /// Allows a body on GET and HEAD, which many servers and clients refuse.
    #[serde(default)]
    pub allow_body: bool,
    #[schemars(with = "String")]
    pub url: Spanned<String>,
    #[serde(default)]
    pub headers: Pairs<HeaderName, HeaderValue>,
    #[serde(default)]
    pub query: Pairs<String, String>,
    #[serde(default)]
    #[schemars(with = "Option<BodySpec>")]
    pub body: Option<Spanned<BodySpec>>,
    #[serde(default)]
    pub auth: AuthList,
    /// Example values for the spec's `{{variables}}`: documentation for readers, and the
    /// values `snipgen verify` binds.
    #[serde(default)]
    pub variables: indexmap::IndexMap<String, String>,
}

/// `body:` as written: exactly one of the kinds, and optionally the content type to send.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BodySpec {
    #[serde(default)]
    form: Option<Pairs<String, Option<String>>>,
    /// `json: null` is the JSON body `null`, not a missing body.
    #[serde(default, deserialize_with = "present")]
    json: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    multipart: Option<Vec<PartSpec>>,
    #[serde(default)]
    binary: Option<FilePath>,
    #[serde(default)]
    graphql: Option<Graphql>,
    /// Overrides the body kind's default Content-Type (not for form or multipart).
    #[serde(default)]
    pub content_type: Option<HeaderValue>,
}

/// The request body; exactly one kind per spec.
#[derive(Debug)]
pub enum Body {
    /// `application/x-www-form-urlencoded` fields. A field with no value (`~`) is a slot that an
    /// auth method sending form fields fills in place.
    Form(Pairs<String, Option<String>>),
    /// Any YAML value, sent as JSON.
    Json(serde_json::Value),
    /// Text sent exactly as written (CRLF kept).
    Text(String),
    Multipart(Vec<Part>),
    /// A file's bytes as the whole body.
    Binary(String),
    Graphql(Graphql),
}

pub const BODY_KINDS: [&str; 6] = ["form", "json", "text", "multipart", "binary", "graphql"];

impl BodySpec {
    /// The one body kind written, or a message naming what is wrong.
    pub fn into_body(self) -> Result<(Body, Option<String>), String> {
        let content_type = self.content_type.map(|c| c.0);
        let mut kinds = Vec::new();
        if let Some(v) = self.form {
            if v.0.iter().any(|(name, _)| name.is_empty()) {
                return Err("a form field has an empty name, which curl and others cannot send".into());
            }
            kinds.push(Body::Form(v));
        }
        if let Some(v) = self.json {
            kinds.push(Body::Json(v));
        }
        if let Some(v) = self.text {
            kinds.push(Body::Text(v));
        }
        if let Some(v) = self.multipart {
            kinds.push(Body::Multipart(v.into_iter().map(|p| p.part).collect()));
        }
        if let Some(v) = self.binary {
            kinds.push(Body::Binary(v.0));
        }
        if let Some(v) = self.graphql {
            kinds.push(Body::Graphql(v));
        }
        if kinds.len() != 1 {
            return Err(format!("body needs exactly one of {}", BODY_KINDS.join(", ")));
        }
        let body = kinds.pop().expect("one kind");
        if content_type.is_some() && matches!(body, Body::Form(_) | Body::Multipart(_)) {
            return Err(
                "content_type is fixed for form and multipart bodies (multipart needs the client's boundary)"
                    .into(),
            );
        }
        Ok((body, content_type))
    }
}

fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(deserializer).map(Some)
}

/// One part of a multipart body: a text `value` or a `file`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Part {
    pub name: String,
    pub value: Option<String>,
    pub file: Option<String>,
    pub filename: Option<String>,
    pub content_type: Option<String>,
}

#[derive(Debug)]
pub(crate) struct PartSpec {
    part: Part,
}

impl<'de> Deserialize<'de> for PartSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            name: DispositionParam,
            #[serde(default)]
            value: Option<String>,
            #[serde(default)]
            file: Option<FilePath>,
            #[serde(default)]
            filename: Option<DispositionParam>,
            #[serde(default)]
            content_type: Option<HeaderValue>,
        }
        let raw = Raw::deserialize(deserializer)?;
        if raw.name.0.contains(['=', ';']) {
            return Err(de::Error::custom(format!(
                "multipart part name {:?} holds `=` or `;`, which curl's --form reads as syntax",
                raw.name.0
            )));
        }
        match (&raw.value, &raw.file) {
            (Some(_), Some(_)) | (None, None) => {
                return Err(de::Error::custom(format!(
                    "multipart part `{}` needs exactly one of `value` or `file`",
                    raw.name.0
                )));
            }
            (Some(_), None) if raw.filename.is_some() => {
                return Err(de::Error::custom("`filename` goes with `file`, not `value`"));
            }
            _ => {}
        }
        Ok(PartSpec {
            part: Part {
                name: raw.name.0,
                value: raw.value,
                file: raw.file.map(|f| f.0),
                filename: raw.filename.map(|f| f.0),
                content_type: raw.content_type.map(|c| c.0),
            },
        })
    }
}

/// A file a sample reads, relative to where the sample runs.
#[derive(Debug, Clone)]
pub struct FilePath(pub String);

impl<'de> Deserialize<'de> for FilePath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let path = String::deserialize(deserializer)?;
        let relative = Path::new(&path);
        let ok = !path.is_empty()
            && !path.contains(['\\', '\0', '\n', '\r', '"'])
            && relative.components().all(|c| matches!(c, std::path::Component::Normal(_)));
        if !ok {
            return Err(de::Error::custom(format!(
                "file path {path:?} must be relative to where the sample runs, without `..`, quotes, backslashes or line breaks"
            )));
        }
        Ok(FilePath(path))
    }
}

/// A GraphQL request: sent as JSON `{"query": …, "variables": …}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Graphql {
    pub query: String,
    #[serde(default)]
    pub variables: Option<serde_json::Value>,
}

/// How the client authenticates. Credentials are written here and nowhere else.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Auth {
    None,
    Bearer {
        token: HeaderValue,
    },
    Basic {
        username: String,
        password: String,
    },
    /// A key sent as a header (default) or a query parameter.
    ApiKey {
        name: HeaderName,
        value: HeaderValue,
        #[serde(default, rename = "in")]
        location: ApiKeyLocation,
    },
    ClientSecretBasic {
        client_id: String,
        client_secret: String,
    },
    ClientSecretPost {
        client_id: String,
        client_secret: String,
    },
    /// RFC 7523 client assertion signed with the client secret.
    ClientSecretJwt {
        #[serde(default)]
        client_id: Option<String>,
        client_assertion: String,
    },
    /// RFC 7523 client assertion signed with the client's private key.
    PrivateKeyJwt {
        #[serde(default)]
        client_id: Option<String>,
        client_assertion: String,
    },
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApiKeyLocation {
    #[default]
    Header,
    Query,
}

impl Auth {
    /// The same method with its credentials passed through `bind` (which binds
    /// `{{variables}}`; the model supplies it, so the spec layer needs nothing from the model).
    pub fn bound(&self, bind: impl Fn(&str) -> String) -> Auth {
        let b = |s: &String| bind(s);
        match self {
            Auth::None => Auth::None,
            Auth::Bearer { token } => Auth::Bearer { token: HeaderValue(b(&token.0)) },
            Auth::Basic { username, password } => {
                Auth::Basic { username: b(username), password: b(password) }
            }
            Auth::ApiKey { name, value, location } => {
                Auth::ApiKey { name: name.clone(), value: HeaderValue(b(&value.0)), location: *location }
            }
            Auth::ClientSecretJwt { client_id, client_assertion } => Auth::ClientSecretJwt {
                client_id: client_id.as_ref().map(b),
                client_assertion: b(client_assertion),
            },
            Auth::PrivateKeyJwt { client_id, client_assertion } => Auth::PrivateKeyJwt {
                client_id: client_id.as_ref().map(b),
                client_assertion: b(client_assertion),
            },
            Auth::ClientSecretBasic { client_id, client_secret } => {
                Auth::ClientSecretBasic { client_id: b(client_id), client_secret: b(client_secret) }
            }
            Auth::ClientSecretPost { client_id, client_secret } => {
                Auth::ClientSecretPost { client_id: b(client_id), client_secret: b(client_secret) }
            }
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Auth::None => "none",
            Auth::Bearer { .. } => "bearer",
            Auth::Basic { .. } => "basic",
            Auth::ApiKey { .. } => "api_key",
            Auth::ClientSecretJwt { .. } => "client_secret_jwt",
            Auth::PrivateKeyJwt { .. } => "private_key_jwt",
            Auth::ClientSecretBasic { .. } => "client_secret_basic",
            Auth::ClientSecretPost { .. } => "client_secret_post",
        }
    }
}

/// `auth:` takes one method or a list of them; a list yields one sample set per method.
#[derive(Debug, Clone)]
pub struct AuthList(pub Vec<Auth>);

impl Default for AuthList {
    fn default() -> Self {
        AuthList(vec![Auth::None])
    }
}

impl<'de> Deserialize<'de> for AuthList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AuthListVisitor;
        impl<'de> Visitor<'de> for AuthListVisitor {
            type Value = AuthList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an auth method or a list of auth methods")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AuthList, E> {
                Auth::deserialize(de::value::StrDeserializer::<E>::new(v)).map(|a| AuthList(vec![a]))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<AuthList, A::Error> {
                Auth::deserialize(de::value::MapAccessDeserializer::new(map)).map(|a| AuthList(vec![a]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AuthList, A::Error> {
                let mut all = Vec::new();
                while let Some(auth) = seq.next_element::<Auth>()? {
                    if all.iter().any(|a: &Auth| a.name() == auth.name()) {
                        return Err(de::Error::custom(format!(
                            "auth method `{}` is listed twice",
                            auth.name()
                        )));
                    }
                    all.push(auth);
                }
                if all.is_empty() {
                    return Err(de::Error::custom("auth list is empty; omit `auth` for none"));
                }
                Ok(AuthList(all))
            }
        }
        deserializer.deserialize_any(AuthListVisitor)
    }
}

/// An HTTP method: one of the standard seven, or `{custom: NAME}` for any other token
/// (declared explicitly so that a typo such as `PSOT` is an error, not a custom method).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    Standard(&'static str),
    Custom(String),
}

pub const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

impl Method {
    pub fn as_str(&self) -> &str {
        match self {
            Method::Standard(m) => m,
            Method::Custom(m) => m,
        }
    }

    pub fn is_custom(&self) -> bool {
        matches!(self, Method::Custom(_))
    }
}

impl<'de> Deserialize<'de> for Method {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MethodVisitor;
        impl<'de> Visitor<'de> for MethodVisitor {
            type Value = Method;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an HTTP method such as GET, or `{custom: NAME}`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Method, E> {
                if let Some(m) = METHODS.iter().find(|m| **m == text) {
                    return Ok(Method::Standard(m));
                }
                let hint = match METHODS.iter().find(|m| m.eq_ignore_ascii_case(text)) {
                    Some(upper) => format!("; methods are upper case: `{upper}`"),
                    None => match did_you_mean(text, METHODS.iter().copied()) {
                        hint if hint.is_empty() => format!("; for another method write `{{custom: {text}}}`"),
                        hint => hint,
                    },
                };
                Err(E::custom(format!(
                    "unknown method `{text}`, expected one of {}{hint}",
                    METHODS.join(", ")
                )))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Method, A::Error> {
                let key: String =
                    map.next_key()?.ok_or_else(|| de::Error::custom("expected `custom: NAME`"))?;
                if key != "custom" {
                    return Err(de::Error::custom(format!("unknown key `{key}`, expected `custom`")));
                }
                let name: String = map.next_value()?;
                let token = !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "-_".contains(c));
                if !token {
                    return Err(de::Error::custom(format!(
                        "custom method {name:?} must be upper-case letters, digits, `-` or `_`"
                    )));
                }
                if METHODS.contains(&name.as_str()) || ["CONNECT", "TRACE", "TRACK"].contains(&name.as_str())
                {
                    return Err(de::Error::custom(format!("`{name}` cannot be a custom method")));
                }
                Ok(Method::Custom(name))
            }
        }
        deserializer.deserialize_any(MethodVisitor)
    }
}

/// An ordered list of name/value pairs that may repeat a name. Written either as a mapping
/// (`name: value`, when no name repeats) or as a list of one-entry mappings.
#[derive(Debug)]
pub struct Pairs<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for Pairs<K, V> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Pairs<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for PairsVisitor<K, V> {
            type Value = Pairs<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of names to values, or a list of one-entry mappings")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Pairs(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    pairs.push(entry);
                }
                Ok(Pairs(pairs))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(OneEntry(k, v)) = seq.next_element()? {
                    pairs.push((k, v));
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_any(PairsVisitor(std::marker::PhantomData))
    }
}

/// A one-entry mapping `name: value`, the list form of [`Pairs`].
struct OneEntry<K, V>(K, V);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for OneEntry<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for EntryVisitor<K, V> {
            type Value = OneEntry<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a one-entry mapping `name: value`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let Some((k, v)) = map.next_entry()? else {
                    return Err(de::Error::custom("expected `name: value`, found an empty mapping"));
                };
                if map.next_key::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::custom(
                        "each list item holds one `name: value`; start a new item with `-`",
                    ));
                }
                Ok(OneEntry(k, v))
            }
        }
        deserializer.deserialize_map(EntryVisitor(std::marker::PhantomData))
    }
}

/// A header name: an RFC 9110 token.
#[derive(Debug, Clone)]
pub struct HeaderName(pub String);

impl<'de> Deserialize<'de> for HeaderName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        let is_tchar = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
        if name.is_empty() || !name.chars().all(is_tchar) {
            return Err(de::Error::custom(format!(
                "header name {name:?} is not a valid HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)"
            )));
        }
        Ok(HeaderName(name))
    }
}

/// A header value: printable ASCII, space and tab. HTTP forbids line breaks and NUL, and
/// clients disagree on how to send anything beyond ASCII (Latin-1, UTF-8 or an error), so a
/// sample with it would not send the same bytes in every language.
#[derive(Debug, Clone)]
pub struct HeaderValue(pub String);

impl<'de> Deserialize<'de> for HeaderValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        if value.contains(['\r', '\n', '\0']) {
            return Err(de::Error::custom(
                "header value contains a line break or NUL, which HTTP does not allow",
            ));
        }
        if let Some(c) = value.chars().find(|c| !(c.is_ascii_graphic() || *c == ' ' || *c == '\t')) {
            return Err(de::Error::custom(format!(
                "header value contains {c:?}; header values must be printable ASCII (percent-encode the value, or use RFC 8187 `UTF-8''…` where the header allows it)"
            )));
        }
        Ok(HeaderValue(value))
    }
}

/// A multipart part name or file name: any text but line breaks, quotes, backslashes and NUL,
/// which clients escape differently inside the part's Content-Disposition header.
#[derive(Debug, Clone)]
pub struct DispositionParam(pub String);

impl<'de> Deserialize<'de> for DispositionParam {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        if name.is_empty() || name.contains(['\r', '\n', '\0', '"', '\\']) {
            return Err(de::Error::custom(
                "multipart names and file names must be non-empty, without line breaks, quotes or backslashes",
            ));
        }
        Ok(DispositionParam(name))
    }
}

/// A spec file after loading: where it came from, its resolved id and its content.
#[derive(Debug)]
pub struct LoadedSpec {
    pub path: PathBuf,
    pub id: String,
    pub spec: Spec,
    /// The body, validated (taken out of `spec.body`).
    pub body: Option<Body>,
    /// `body.content_type`, if written.
    pub body_content_type: Option<String>,
    /// The file's text, for tools that look at how the spec was written (`verify`'s variables).
    pub source: String,
}

/// Validates an id: `/`-separated segments of letters, digits, `.`, `_`, `-`; never `.` or
/// `..`, so an id can never name a path outside the output folder.
pub fn check_id(id: &str) -> Result<(), String> {
    let ok_segment = |s: &str| {
        !s.is_empty()
            && s != "."
            && s != ".."
            && s.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    };
    if id.split('/').all(ok_segment) {
        Ok(())
    } else {
        Err(format!(
            "id {id:?} must be `/`-separated segments of letters, digits, `.`, `_` and `-` (no `..`, no leading or trailing `/`)"
        ))
    }
}

/// Characters a URL may hold outside `{{variables}}` (RFC 3986): anything else would be
/// encoded differently, or refused, by different clients.
fn check_url(url: &str) -> Option<String> {
    if url.is_empty() {
        return Some("url is empty".into());
    }
    let mut outside = url.to_string();
    for (start, end) in crate::encode::variable_spans(url).into_iter().rev() {
        outside.replace_range(start..end, "");
    }
    let allowed = |c: char| crate::encode::is_url_path_char(c) || c == '%';
    if outside.contains(['\'']) || outside.to_ascii_uppercase().contains("%27") {
        return Some(
            "url contains `'`, which no spelling sends the same from every client (Node encodes `'`, .NET decodes %27)"
                .into(),
        );
    }
    if let Some(c) = outside.chars().find(|c| !allowed(*c)) {
        return Some(format!(
            "url contains {c:?}, which clients encode differently; percent-encode it (e.g. a space as %20, é as %C3%A9)"
        ));
    }
    for (i, _) in outside.match_indices('%') {
        let hex = outside.get(i + 1..i + 3).filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()));
        let Some(hex) = hex else {
            return Some("url has a `%` that does not start a %XX escape; write it as %25".into());
        };
        let byte = u8::from_str_radix(hex, 16).expect("two hex digits");
        // RFC 2396's unreserved set: .NET decodes these escapes, others send them as written.
        if byte.is_ascii_alphanumeric() || b"-._~!*()".contains(&byte) {
            return Some(format!(
                "url has %{hex}, which some clients decode; write `{}` instead",
                byte as char
            ));
        }
    }
    None
}

/// Parses one spec file. `relative` is its path under the specs folder, used for the default id.
pub fn parse(path: &Path, relative: &Path, text: &str) -> Result<LoadedSpec, Diagnostic> {
    let mut spec: Spec = serde_saphyr::from_str(text).map_err(|e| yaml_error(path, &e))?;
    let id = match &spec.id {
        Some(id) => {
            check_id(&id.value).map_err(|m| Diagnostic::spanned(path, &id.referenced, m))?;
            id.value.clone()
        }
        None => {
            let id = slash_joined(&relative.with_extension(""));
            check_id(&id)
                .map_err(|m| Diagnostic::at(path, 1, 1, format!("{m}; rename the file or set `id:`")))?;
            id
        }
    };
    let url = &spec.url.value;
    if let Some(bad) = url.find(['?', '#']) {
        let what = if url.as_bytes()[bad] == b'?' {
            "a query string; list parameters under `query:`"
        } else {
            "a fragment, which is never sent to the server"
        };
        return Err(Diagnostic::spanned(path, &spec.url.referenced, format!("url contains {what}")));
    }
    if let Some(message) = check_url(url) {
        return Err(Diagnostic::spanned(path, &spec.url.referenced, message));
    }
    let (body, body_content_type) = match spec.body.take() {
        None => (None, None),
        Some(b) => {
            let at = b.referenced;
            let (body, content_type) = b.value.into_body().map_err(|m| Diagnostic::spanned(path, &at, m))?;
            let method = spec.method.value.as_str();
            if matches!(method, "GET" | "HEAD") && !spec.allow_body {
                return Err(Diagnostic::spanned(
                    path,
                    &spec.method.referenced,
                    format!(
                        "a {method} request with a body is refused by many clients and servers; remove the body or set `allow_body: true`"
                    ),
                ));
            }
            (Some(body), content_type)
        }
    };
    Ok(LoadedSpec { path: path.to_path_buf(), id, spec, body, body_content_type, source: text.to_string() })
}

/// Loads every `*.yaml`/`*.yml` below `dir`, in path order. Reports every bad spec, not just
/// the first, and rejects ids used twice.
pub fn load_dir(dir: &Path) -> Result<Vec<LoadedSpec>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let p = e.path();
                if matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml")) {
                    files.push(p.to_path_buf());
                }
            }
            Ok(_) => {}
            Err(e) => errors.push(Diagnostic::plain(dir, format!("cannot read: {e}"))),
        }
    }
    // Read and parsed in parallel; ids are then checked in file order, so the error names
    // the first file that used an id, as a sequential load would.
    let parsed: Vec<Result<LoadedSpec, Diagnostic>> = files
        .par_iter()
        .map(|file| {
            let relative = file.strip_prefix(dir).unwrap_or(file);
            let text = std::fs::read_to_string(file)
                .map_err(|e| Diagnostic::plain(file, format!("cannot read: {e}")))?;
            parse(file, relative, &text)
        })
        .collect();
    let mut specs: Vec<LoadedSpec> = Vec::new();
    let mut first_with_id: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for outcome in parsed {
        match outcome {
            Ok(spec) => {
                if let Some(&first) = first_with_id.get(&spec.id) {
                    let (line, column) = spec
                        .spec
                        .id
                        .as_ref()
                        .map(|i| (i.referenced.line(), i.referenced.column()))
                        .unwrap_or((1, 1));
                    errors.push(Diagnostic::at(
                        &spec.path,
                        line,
                        column,
                        format!("id `{}` is already used by {}", spec.id, specs[first].path.display()),
                    ));
                } else {
                    first_with_id.insert(spec.id.clone(), specs.len());
                    specs.push(spec);
                }
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() { Ok(specs) } else { Err(errors) }
}
