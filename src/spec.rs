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
    #[serde(default, deserialize_with = "headers")]
    pub headers: Pairs<HeaderName, HeaderValue>,
    /// Query parameters; a name with no value (`flag: ~`) is sent without `=` (`?flag`).
    #[serde(default)]
    pub query: Pairs<Text, Option<Text>>,
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
    form: Option<Pairs<Text, Option<Text>>>,
    /// `json: null` is the JSON body `null`, not a missing body. Read with YAML 1.2
    /// core-schema semantics when the body is built (see `yaml_json`).
    #[serde(default, deserialize_with = "present")]
    #[schemars(with = "Option<serde_json::Value>")]
    json: Option<crate::yaml_json::Node>,
    #[serde(default)]
    text: Option<Text>,
    #[serde(default)]
    multipart: Option<Vec<PartSpec>>,
    #[serde(default)]
    binary: Option<FilePath>,
    #[serde(default)]
    #[schemars(with = "Option<Graphql>")]
    graphql: Option<GraphqlSpec>,
    /// Overrides the body kind's default Content-Type (not for form or multipart).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub content_type: Option<MediaType>,
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
    /// The one body kind written, or a message naming what is wrong and where (`None`: the
    /// body as a whole). `source` is the file's text, which JSON values are resolved against.
    pub fn into_body(
        self,
        source: &str,
    ) -> Result<(Body, Option<String>), (Option<serde_saphyr::Location>, String)> {
        let json = |node: &crate::yaml_json::Node| {
            crate::yaml_json::to_json(node, source).map_err(|(at, m)| (Some(at), m))
        };
        let content_type = self.content_type.map(|c| c.0);
        let mut kinds = Vec::new();
        if let Some(v) = self.form {
            if v.0.iter().any(|(name, _)| name.is_empty()) {
                return Err((
                    None,
                    "a form field has an empty name, which curl and others cannot send".into(),
                ));
            }
            kinds.push(Body::Form(Pairs(v.0.into_iter().map(|(k, v)| (k.0, v.map(|v| v.0))).collect())));
        }
        if let Some(v) = &self.json {
            kinds.push(Body::Json(json(v)?));
        }
        if let Some(v) = self.text {
            kinds.push(Body::Text(v.0));
        }
        if let Some(v) = self.multipart {
            kinds.push(Body::Multipart(v.into_iter().map(|p| p.part).collect()));
        }
        if let Some(v) = self.binary {
            kinds.push(Body::Binary(v.0));
        }
        if let Some(g) = self.graphql {
            let variables = g.variables.as_ref().map(json).transpose()?;
            kinds.push(Body::Graphql(Graphql { query: g.query, variables }));
        }
        if kinds.len() != 1 {
            return Err((None, format!("body needs exactly one of {}", BODY_KINDS.join(", "))));
        }
        let body = kinds.pop().expect("one kind");
        if content_type.is_some() && matches!(body, Body::Form(_) | Body::Multipart(_)) {
            return Err((
                None,
                "content_type is fixed for form and multipart bodies (multipart needs the client's boundary)"
                    .into(),
            ));
        }
        Ok((body, content_type))
    }
}

fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<crate::yaml_json::Node>, D::Error> {
    crate::yaml_json::Node::deserialize(deserializer).map(Some)
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
            value: Option<Text>,
            #[serde(default)]
            file: Option<FilePath>,
            #[serde(default)]
            filename: Option<DispositionParam>,
            #[serde(default)]
            content_type: Option<MediaType>,
        }
        let raw = Raw::deserialize(deserializer)?;
        if let Some(media_type) = &raw.content_type {
            check_part_media_type(&media_type.0).map_err(de::Error::custom)?;
        }
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
                value: raw.value.map(|v| v.0),
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

/// `graphql:` as written; `variables` become JSON when the body is built.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphqlSpec {
    query: String,
    #[serde(default)]
    variables: Option<crate::yaml_json::Node>,
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
        #[serde(deserialize_with = "sendable")]
        username: String,
        #[serde(deserialize_with = "sendable")]
        password: String,
    },
    /// A key sent as a header (default) or a query parameter.
    ApiKey {
        name: KeyName,
        value: HeaderValue,
        #[serde(default, rename = "in")]
        location: ApiKeyLocation,
    },
    ClientSecretBasic {
        #[serde(deserialize_with = "sendable")]
        client_id: String,
        #[serde(deserialize_with = "sendable")]
        client_secret: String,
    },
    ClientSecretPost {
        #[serde(deserialize_with = "sendable")]
        client_id: String,
        #[serde(deserialize_with = "sendable")]
        client_secret: String,
    },
    /// RFC 7523 client assertion signed with the client secret.
    ClientSecretJwt {
        #[serde(default, deserialize_with = "sendable_opt")]
        client_id: Option<String>,
        #[serde(deserialize_with = "sendable")]
        client_assertion: String,
    },
    /// RFC 7523 client assertion signed with the client's private key.
    PrivateKeyJwt {
        #[serde(default, deserialize_with = "sendable_opt")]
        client_id: Option<String>,
        #[serde(deserialize_with = "sendable")]
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

    /// The method's name for people, as docs tabs show it.
    pub fn label(&self) -> &'static str {
        match self {
            Auth::None => "No auth",
            Auth::Bearer { .. } => "Bearer token",
            Auth::Basic { .. } => "Basic auth",
            Auth::ApiKey { .. } => "API key",
            Auth::ClientSecretJwt { .. } => "Client secret (JWT)",
            Auth::PrivateKeyJwt { .. } => "Private key (JWT)",
            Auth::ClientSecretBasic { .. } => "Client secret (Basic)",
            Auth::ClientSecretPost { .. } => "Client secret (POST)",
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
                    check_items(pairs.len())?;
                }
                Ok(Pairs(pairs))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(OneEntry(k, v)) = seq.next_element()? {
                    pairs.push((k, v));
                    check_items(pairs.len())?;
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_any(PairsVisitor(std::marker::PhantomData))
    }
}

/// Refuses a list longer than [`limits::ITEMS`].
fn check_items<E: de::Error>(count: usize) -> Result<(), E> {
    if count > limits::ITEMS {
        return Err(E::custom(format!(
            "more than {} entries in one list, the most a spec may hold",
            limits::ITEMS
        )));
    }
    Ok(())
}

/// A value a sample sends as text (query, form and multipart values, text bodies, credentials):
/// any text without NUL, at most [`limits::VALUE_BYTES`] long. NUL cannot be sent faithfully:
/// a command-line argument (curl) ends at NUL, so the shell sample would send less.
#[derive(Debug, Clone, PartialEq, Eq, Hash, JsonSchema)]
#[schemars(transparent)]
pub struct Text(pub String);

impl std::ops::Deref for Text {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        check_sendable(&text).map_err(de::Error::custom)?;
        Ok(Text(text))
    }
}

/// Why `text` cannot be sent as a value, if it cannot.
fn check_sendable(text: &str) -> Result<(), String> {
    if text.contains('\0') {
        return Err("the value contains a NUL character (\\0), which a curl sample cannot send (command-line arguments end at NUL)".into());
    }
    if text.len() > limits::VALUE_BYTES {
        return Err(format!(
            "the value is longer than {} KiB, the most one value may hold",
            limits::VALUE_BYTES >> 10
        ));
    }
    Ok(())
}

fn sendable<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Text::deserialize(deserializer).map(|t| t.0)
}

fn sendable_opt<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::<Text>::deserialize(deserializer).map(|t| t.map(|t| t.0))
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

/// A header name: an RFC 9110 token, and not one of [`managed_header`]'s.
#[derive(Debug, Clone)]
pub struct HeaderName(pub String);

/// Why a header is the client's to send, for the headers every client derives from the
/// request itself: written in a spec they duplicate or contradict it (`verify` showed a
/// written `Host` sent twice or dropped, `Transfer-Encoding` hanging or dropped).
pub(crate) fn managed_header(name: &str) -> Option<&'static str> {
    match name.to_ascii_lowercase().as_str() {
        "host" => Some(
            "header `Host` comes from `url`, and most clients cannot send another; put that host in `url`",
        ),
        "content-length" => Some(
            "header `Content-Length` is computed by every client from the body; remove it (`--content-length` writes it in raw HTTP samples)",
        ),
        "transfer-encoding" => {
            Some("header `Transfer-Encoding` is chosen by each client for the body it sends; remove it")
        }
        _ => None,
    }
}

impl<'de> Deserialize<'de> for HeaderName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let KeyName(name) = KeyName::deserialize(deserializer)?;
        if let Some(why) = managed_header(&name) {
            return Err(de::Error::custom(why));
        }
        Ok(HeaderName(name))
    }
}

/// An API key's name, a header or a query parameter's: an RFC 9110 token (a header's is
/// checked against [`managed_header`] where the request is built).
#[derive(Debug, Clone)]
pub struct KeyName(pub String);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        let is_tchar = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
        if name.is_empty() || !name.chars().all(is_tchar) {
            return Err(de::Error::custom(format!(
                "header name {name:?} is not a valid HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)"
            )));
        }
        Ok(KeyName(name))
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
        if value.len() > limits::VALUE_BYTES {
            return Err(de::Error::custom(check_sendable(&value).unwrap_err()));
        }
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

/// A media type: `type/subtype` and `; name=value` parameters (RFC 9110 §8.3.1, with RFC 6838's
/// restricted names), each value a token or a quoted string. Beyond the grammar, what some
/// client would not send as written is refused: an empty value, a wildcard, and a quoted
/// string with a backslash escape (OkHttp's parser stops at an escaped quote and drops the
/// whole type; .NET re-spells escapes).
#[derive(Debug, Clone)]
pub struct MediaType(pub String);

impl<'de> Deserialize<'de> for MediaType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let HeaderValue(value) = HeaderValue::deserialize(deserializer)?;
        check_media_type(&value).map_err(de::Error::custom)?;
        Ok(MediaType(value))
    }
}

/// Why `value` is not a media type every client sends as written, if it is not.
pub fn check_media_type(value: &str) -> Result<(), String> {
    let parsed = mediatype::MediaType::parse(value).map_err(|e| {
        format!("{value:?} is not a media type ({e}); write `type/subtype`, optionally followed by `; name=value` parameters")
    })?;
    if parsed.ty.as_str() == "*" || parsed.subty.as_str() == "*" {
        return Err(format!("{value:?} is a wildcard; a request's content type names one type"));
    }
    for (name, param) in parsed.params.iter() {
        let raw = param.as_str();
        if raw.is_empty() {
            return Err(format!("parameter `{}` of {value:?} has no value", name.as_str()));
        }
        if raw.starts_with('"') && raw.contains('\\') {
            return Err(format!(
                "parameter `{}` of {value:?} holds a backslash escape, which clients read differently (OkHttp drops the whole type)",
                name.as_str()
            ));
        }
    }
    Ok(())
}

/// A multipart part's media type is also written inside curl's `--form` argument, where
/// `;type=`, `;filename=`, `;headers=` and `;encoder=` are curl's own syntax (`headers=@file`
/// reads a local file) and `;` or `,` end the type whatever the quoting.
fn check_part_media_type(value: &str) -> Result<(), String> {
    let parsed = mediatype::MediaType::parse(value).map_err(|e| e.to_string())?;
    for (name, param) in parsed.params.iter() {
        let name = name.as_str();
        if ["type", "filename", "headers", "encoder"].iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return Err(format!(
                "multipart content_type {value:?} has a `{name}=` parameter, which curl's --form reads as its own option (`headers=@file` reads a local file)"
            ));
        }
        if param.as_str().contains([';', ',']) {
            return Err(format!(
                "multipart content_type {value:?} has `;` or `,` inside parameter `{name}`, which ends the type in curl's --form"
            ));
        }
    }
    Ok(())
}

/// `headers:`, with a Content-Type checked as a media type and given at most once (joined, two
/// would not be one media type).
fn headers<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Pairs<HeaderName, HeaderValue>, D::Error> {
    let headers = Pairs::<HeaderName, HeaderValue>::deserialize(deserializer)?;
    let mut content_types = headers.0.iter().filter(|(name, _)| name.0.eq_ignore_ascii_case("content-type"));
    if let Some((_, value)) = content_types.next() {
        check_media_type(&value.0).map_err(|m| de::Error::custom(format!("Content-Type: {m}")))?;
    }
    if content_types.next().is_some() {
        return Err(de::Error::custom("Content-Type is given twice; a request has one content type"));
    }
    Ok(headers)
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

/// Where a URL's `://` is, when it has one after a scheme (or a variable standing for one):
/// a `://` after the first `/` is part of the path (`{{baseUrl}}/a://b`).
pub(crate) fn scheme_end(url: &str) -> Option<usize> {
    url.find("://").filter(|&i| !url[..i].contains('/'))
}

/// Where a URL's authority (`host[:port]`, with any user info) is: after `scheme://` (from the
/// start when a variable stands for the scheme and host) up to the path's `/` or the end.
pub(crate) fn authority(url: &str) -> std::ops::Range<usize> {
    let start = scheme_end(url).map_or(0, |i| i + 3);
    start..url[start..].find('/').map_or(url.len(), |i| start + i)
}

/// A URL every client sends the same: the characters it may hold outside `{{variables}}` (RFC
/// 3986; anything else would be encoded differently, or refused, by different clients), then
/// its shape.
fn check_url(url: &str) -> Option<String> {
    if url.is_empty() {
        return Some("url is empty".into());
    }
    let spans = crate::encode::variable_spans(url);
    let mut outside = url.to_string();
    for &(start, end) in spans.iter().rev() {
        outside.replace_range(start..end, "");
    }
    let allowed = |c: char| crate::encode::is_url_path_char(c) || c == '%';
    if outside.contains(['\'']) || outside.to_ascii_uppercase().contains("%27") {
        return Some(
            "url contains `'`, which no spelling sends the same from every client (Node encodes `'`, .NET decodes %27)"
                .into(),
        );
    }
    // Percent-encoding is no fix in a host: say what is.
    let host = &url[authority(url)];
    if host.contains('[') {
        return Some(
            "url has an IPv6 address as its host (`[…]`), which samples do not support; use a host name (such as localhost)"
                .into(),
        );
    }
    if let Some(c) = host.chars().find(|c| !c.is_ascii()) {
        return Some(format!(
            "url host contains {c:?}, which clients convert differently or refuse; write the host in its ASCII (punycode) form, e.g. bücher.example as xn--bcher-kva.example"
        ));
    }
    if let Some(c) = outside.chars().find(|c| !allowed(*c)) {
        // `{{…}}` around what is not a variable name was most likely meant as a variable.
        if matches!(c, '{' | '}')
            && let Some(name) = crate::encode::non_variable_placeholders(url).first()
        {
            return Some(format!(
                "url holds `{{{{{name}}}}}`, which is not a variable name (a letter or `_`, then letters, digits, `_`, `.` or `-`); rename it, or write the braces as %7B and %7D to send them as text"
            ));
        }
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
    check_url_shape(url, &spans)
}

/// An http(s) scheme (unless a variable stands for the scheme and host), a host, a port from 1
/// to 65535, no user info and no dot segments: what clients read differently, or fail on, when run.
fn check_url_shape(url: &str, spans: &[(usize, usize)]) -> Option<String> {
    let in_variable = |at: usize| spans.iter().any(|&(start, end)| (start..end).contains(&at));
    if !url.starts_with("{{") {
        match scheme_end(url) {
            Some(end) if ["http", "https"].iter().any(|s| url[..end].eq_ignore_ascii_case(s)) => {}
            Some(end) => {
                return Some(format!(
                    "url has the scheme `{}`; samples send HTTP, so start it with https:// or http://",
                    &url[..end]
                ));
            }
            None => {
                return Some(
                    "url has no scheme; start it with https:// (or with a {{variable}} that stands for the scheme and host)"
                        .into(),
                );
            }
        }
    }
    let range = authority(url);
    let authority = &url[range.clone()];
    if authority.match_indices('@').any(|(i, _)| !in_variable(range.start + i)) {
        return Some(
            "url has user info before its host (`…@`), which clients treat differently (some send it as \
             basic auth, some drop it, browsers refuse the request) and raw HTTP cannot send; remove it \
             and use `auth: {basic: …}`"
                .into(),
        );
    }
    // A variable may stand for the host or the port: only what is written is checked.
    if !authority.contains("{{") {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        if host.is_empty() {
            return Some("url has no host; write it after `://`".into());
        }
        match port {
            Some("") => {
                return Some(
                    "url has a `:` after its host but no port; remove the `:` or write the port".into(),
                );
            }
            Some(port)
                if !(port.len() <= 5 && port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p))) =>
            {
                return Some(format!("url has the port `{port}`; a port is a number from 1 to 65535"));
            }
            _ => {}
        }
    }
    if url[range.end..].split('/').any(|segment| segment == "." || segment == "..") {
        return Some(
            "url has a `.` or `..` segment, which some clients resolve (curl, browsers) and others send as \
             written; write the path it stands for"
                .into(),
        );
    }
    None
}

/// How a spec's YAML is read. A number beyond f64 (`1e400`) is still a JSON number:
/// `yaml_json` keeps its text and refuses `.inf` and `.nan` itself, so serde-saphyr passes
/// non-finite floats through instead of refusing them.
pub(crate) fn yaml_options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::PassThrough;
    options
}

/// Parses one spec file. `relative` is its path under the specs folder, used for the default id.
pub fn parse(path: &Path, relative: &Path, text: &str) -> Result<LoadedSpec, Diagnostic> {
    let mut spec: Spec =
        serde_saphyr::from_str_with_options(text, yaml_options()).map_err(|e| yaml_error(path, &e))?;
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
            let (body, content_type) = b
                .value
                .into_body(text)
                .map_err(|(inner, m)| Diagnostic::spanned(path, inner.as_ref().unwrap_or(&at), m))?;
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

/// Limits on what one spec may hold, so that a hostile or mistaken file fails fast with a
/// clear message instead of exhausting memory or time. Documented in README (Limits).
pub mod limits {
    /// Largest spec file read, checked before reading.
    pub const SPEC_BYTES: u64 = 4 << 20;
    /// Largest single value (header, query, form, multipart or text body value).
    pub const VALUE_BYTES: usize = 1 << 20;
    /// Most entries in one list: headers, query parameters, form fields or multipart parts.
    pub const ITEMS: usize = 100_000;
    /// Deepest nesting of mappings and lists in a file (serde-saphyr's budget), which bounds
    /// JSON bodies too.
    pub const DEPTH: usize = 64;
    /// Most YAML nodes (mappings, lists and scalars) in one file.
    pub const NODES: usize = 250_000;
}

/// `line:column` (1-based, in characters) of byte `offset` in `bytes`.
fn line_column(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let line_start = before.iter().rposition(|b| *b == b'\n').map(|i| i + 1).unwrap_or(0);
    // The bytes before `offset` on its line are valid UTF-8 (`offset` is the first bad one).
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() as u64 + 1;
    (line, column)
}

/// Parses one spec file's bytes: UTF-8 is required, and a bad byte is located.
pub fn parse_bytes(path: &Path, relative: &Path, bytes: &[u8]) -> Result<LoadedSpec, Diagnostic> {
    parse(path, relative, utf8_text(path, bytes)?)
}

/// The file's bytes as text, or an error at the line and column of the first byte that is not
/// UTF-8.
pub(crate) fn utf8_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        Diagnostic::at(
            path,
            line,
            column,
            format!("the file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8", bytes[e.valid_up_to()]),
        )
    })
}

/// Reads a spec file: a regular file, not a link, at most [`limits::SPEC_BYTES`] long. Opened
/// without following a link or blocking on a FIFO, then checked by what was opened: one path
/// look-up per spec, and no window for a link swapped in between a check and the open.
pub(crate) fn read_spec_file(file: &Path) -> Result<Vec<u8>, String> {
    let opened = open_spec(file)?;
    let meta = opened.metadata().map_err(|e| cannot_read(&e))?;
    read_opened(opened, &meta)
}

/// Opens without following a link (which is then not a regular file) or blocking on a FIFO.
fn open_spec(file: &Path) -> Result<std::fs::File, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32);
    }
    options.open(file).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
            return NOT_REGULAR.to_string();
        }
        cannot_read(&e)
    })
}

const NOT_REGULAR: &str = "not a regular file";

fn cannot_read(e: &std::io::Error) -> String {
    format!("cannot read: {}", crate::error::io_reason(e))
}

/// The bytes of `opened`, a file whose metadata is `meta`.
fn read_opened(opened: std::fs::File, meta: &std::fs::Metadata) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let too_large = || {
        format!(
            "the file is larger than {} MiB, the most a spec may hold; split it",
            limits::SPEC_BYTES >> 20
        )
    };
    if !meta.file_type().is_file() {
        return Err(NOT_REGULAR.into());
    }
    if meta.len() > limits::SPEC_BYTES {
        return Err(too_large());
    }
    // Sized from the metadata and read in one call: a read that stops short at the size the
    // metadata gave has read the file as it was then, so no second call is made to find its
    // end (one of five calls per spec). A file that grew, or a short read before that size
    // (which some file systems give), is read on to its end, never past the limit.
    let expected = meta.len() as usize;
    let mut bytes = vec![0; expected + 1];
    let first = loop {
        match (&opened).read(&mut bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            read => break read.map_err(|e| cannot_read(&e))?,
        }
    };
    bytes.truncate(first);
    if first != expected {
        let left = (limits::SPEC_BYTES + 1).saturating_sub(first as u64);
        opened.take(left).read_to_end(&mut bytes).map_err(|e| cannot_read(&e))?;
    }
    if bytes.len() as u64 > limits::SPEC_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `path` below `root`, as walkdir gives it (`root` joined with the rest): cut by length on
/// Unix, where parsing both paths' components again was a tenth of listing the specs.
pub(crate) fn relative_to<'p>(path: &'p Path, root: &Path) -> &'p Path {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let (bytes, prefix) = (path.as_os_str().as_bytes(), root.as_os_str().as_bytes());
        if let Some(rest) = bytes.strip_prefix(prefix) {
            let rest = rest.strip_prefix(b"/").unwrap_or(rest);
            if !rest.is_empty() && !rest.starts_with(b"/") {
                return Path::new(std::ffi::OsStr::from_bytes(rest));
            }
        }
    }
    path.strip_prefix(root).unwrap_or(path)
}

/// A relative path's sort key in the order of a walk with each folder's names sorted: a
/// folder's separator sorts before any other byte, so the bytes compare as the components
/// would (as `Path` compares them), in one comparison.
pub(crate) fn walk_order_key(relative: &Path) -> Vec<u8> {
    let bytes = relative.as_os_str().as_encoded_bytes();
    bytes.iter().map(|&b| if std::path::is_separator(b as char) { 0 } else { b }).collect()
}

/// Whether a file of the specs folder named `name` is a spec: `*.yaml` or `*.yml`.
pub(crate) fn is_spec_name(name: &std::ffi::OsStr) -> bool {
    matches!(Path::new(name).extension().and_then(|x| x.to_str()), Some("yaml" | "yml"))
}

/// Loads every `*.yaml`/`*.yml` below `dir`, in path order. Reports every bad spec, not just
/// the first, and rejects ids used twice. Links and special files are errors: snipgen never
/// follows a link, and skipping one silently would drop specs without a word.
pub fn load_dir(dir: &Path) -> Result<Vec<LoadedSpec>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // Walked unsorted, then sorted once (walkdir's sort parses both names from full paths at
    // every comparison).
    for entry in walkdir::WalkDir::new(dir) {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if is_spec_name(e.file_name()) {
                    files.push(e.into_path());
                }
            }
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let what = if e.path_is_symlink() {
                    "is a symbolic link; snipgen does not follow links in the specs folder: move or copy the file here instead"
                } else {
                    "is not a regular file or folder (a FIFO, socket or device); remove it from the specs folder"
                };
                errors.push(Diagnostic::plain(e.path(), what));
            }
            Err(e) => {
                let reason = e.io_error().map_or_else(|| e.to_string(), crate::error::io_reason);
                errors.push(Diagnostic::plain(e.path().unwrap_or(dir), format!("cannot read: {reason}")));
            }
        }
    }
    let key = |p: &Path| walk_order_key(relative_to(p, dir));
    files.sort_by_cached_key(|p| key(p));
    errors.sort_by_cached_key(|d: &Diagnostic| key(&d.path));
    // Read and parsed in parallel; ids are then checked in file order, so the error names the
    // first file that used an id, as a sequential load would.
    let parsed: Vec<Result<LoadedSpec, Diagnostic>> = files
        .par_iter()
        .map(|file| {
            let relative = relative_to(file, dir);
            let bytes = read_spec_file(file).map_err(|m| Diagnostic::plain(file, m))?;
            parse_bytes(file, relative, &bytes)
        })
        .collect();
    // Ids are checked borrowed, before any spec is moved (cloning each id into a map and
    // moving specs into a growing vector was a third of the serial time between the two
    // parallel passes of a plan): each reuse, with its index, in file order.
    let reused: Vec<(usize, Diagnostic)> = {
        let mut first_with: std::collections::HashMap<&str, usize, xxhash_rust::xxh3::Xxh3DefaultBuilder> =
            std::collections::HashMap::with_capacity_and_hasher(parsed.len(), Default::default());
        let mut reused = Vec::new();
        for (at, outcome) in parsed.iter().enumerate() {
            let Ok(spec) = outcome else { continue };
            let first = *first_with.entry(spec.id.as_str()).or_insert(at);
            if first == at {
                continue;
            }
            let first_path = parsed[first].as_ref().map(|f| f.path.display().to_string()).unwrap_or_default();
            let (line, column) =
                spec.spec.id.as_ref().map(|i| (i.referenced.line(), i.referenced.column())).unwrap_or((1, 1));
            let message = format!("id `{}` is already used by {first_path}", spec.id);
            reused.push((at, Diagnostic::at(&spec.path, line, column, message)));
        }
        reused
    };
    let mut reused = reused.into_iter().peekable();
    // Collected in place, in the outcomes' own buffer: a new one would be another 1 KiB per
    // spec to fault in and copy into.
    let specs: Vec<LoadedSpec> = parsed
        .into_iter()
        .enumerate()
        .filter_map(|(at, outcome)| match (outcome, reused.next_if(|(i, _)| *i == at)) {
            (Err(d), _) | (Ok(_), Some((_, d))) => {
                errors.push(d);
                None
            }
            (Ok(spec), None) => Some(spec),
        })
        .collect();
    if errors.is_empty() { Ok(specs) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link or a FIFO put where a spec was is refused by what was opened, without following
    /// the link or waiting for a writer.
    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read_as_specs() {
        let dir = tempfile::tempdir().unwrap();
        let spec = dir.path().join("a.yaml");
        std::fs::write(&spec, "title: a\n").unwrap();
        assert_eq!(read_spec_file(&spec).unwrap(), b"title: a\n");
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&spec, &link).unwrap();
        assert_eq!(read_spec_file(&link).unwrap_err(), "not a regular file");
        let fifo = dir.path().join("fifo.yaml");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert_eq!(read_spec_file(&fifo).unwrap_err(), "not a regular file");
        assert_eq!(
            read_spec_file(&dir.path().join("gone.yaml")).unwrap_err(),
            "cannot read: no such file or folder"
        );
    }

    /// The read stops early only at the size the metadata gave: a file that grew or shrank
    /// after its metadata was taken is read whole, an empty file is empty, and one over the
    /// limit is refused, however it grew.
    #[test]
    fn a_file_is_read_whole_whatever_its_metadata_said() {
        let dir = tempfile::tempdir().unwrap();
        let spec = dir.path().join("a.yaml");
        let read_with_old_meta = |before: &[u8], after: &[u8]| {
            std::fs::write(&spec, before).unwrap();
            let meta = std::fs::metadata(&spec).unwrap();
            std::fs::write(&spec, after).unwrap();
            read_opened(std::fs::File::open(&spec).unwrap(), &meta)
        };
        let long = "x".repeat(100_000);
        assert_eq!(read_with_old_meta(b"title: a\n", long.as_bytes()).unwrap(), long.as_bytes());
        assert_eq!(read_with_old_meta(b"title: a\n", b"t").unwrap(), b"t");
        assert_eq!(read_with_old_meta(b"title: a\n", b"title: b\n").unwrap(), b"title: b\n");
        assert_eq!(read_with_old_meta(b"", b"").unwrap(), b"");
        assert_eq!(read_with_old_meta(b"", b"title: a\n").unwrap(), b"title: a\n");
        let huge = vec![b'#'; limits::SPEC_BYTES as usize + 1];
        assert!(read_with_old_meta(b"title: a\n", &huge).unwrap_err().contains("larger than"));
    }

    /// Every later user of an id is named, each against the first, in file order among the
    /// other errors.
    #[test]
    fn each_reuse_of_an_id_names_its_first_user() {
        let dir = tempfile::tempdir().unwrap();
        let spec = "title: t\nid: same\nmethod: GET\nurl: https://example.com/\n";
        for name in ["a.yaml", "b.yaml", "d.yaml"] {
            std::fs::write(dir.path().join(name), spec).unwrap();
        }
        std::fs::write(dir.path().join("c.yaml"), "title: [\n").unwrap();
        std::fs::write(dir.path().join("e.yaml"), spec.replace("same", "other")).unwrap();
        let errors = load_dir(dir.path()).unwrap_err();
        let named: Vec<_> = errors.iter().map(|d| d.path.file_name().unwrap().to_str().unwrap()).collect();
        assert_eq!(named, ["b.yaml", "c.yaml", "d.yaml"]);
        let first = dir.path().join("a.yaml").display().to_string();
        for reuse in [&errors[0], &errors[2]] {
            assert!(reuse.to_string().contains(&format!("id `same` is already used by {first}")), "{reuse}");
        }
    }

    /// The key orders paths as `Path` compares them, component by component (`a/x` before
    /// `a-b/x`, though `/` is a greater byte than `-`).
    #[test]
    fn walk_order_is_component_order() {
        let mut paths: Vec<&Path> =
            ["a-b/x.yaml", "a/x.yaml", "a.yaml", "a/b/c.yaml", "a b.yaml", "A/z.yaml", "a/b.yaml", "é.yaml"]
                .into_iter()
                .map(Path::new)
                .collect();
        let mut by_key = paths.clone();
        by_key.sort_by_cached_key(|p| walk_order_key(p));
        paths.sort();
        assert_eq!(by_key, paths);
    }
}
