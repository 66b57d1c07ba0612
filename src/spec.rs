//! Loading and validating endpoint specs: YAML → typed [`Spec`], with every error located
//! as `file:line:column`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::error::Diagnostic;

/// One endpoint, as written in `specs/**/*.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub title: String,
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
    pub method: Method,
    pub url: Spanned<String>,
    #[serde(default)]
    pub headers: Pairs<HeaderName, HeaderValue>,
    #[serde(default)]
    pub query: Pairs<String, String>,
    #[serde(default)]
    pub body: Option<Body>,
    #[serde(default)]
    pub auth: AuthList,
    /// Example values for the spec's `{{variables}}`: documentation for readers, and the
    /// values `snipgen verify` binds.
    #[serde(default)]
    pub variables: indexmap::IndexMap<String, String>,
}

/// The request body; exactly one kind per spec.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Body {
    /// `application/x-www-form-urlencoded` fields. A field with no value (`~`) is a slot that an
    /// auth method sending form fields fills in place.
    Form(Pairs<String, Option<String>>),
}

/// How the client authenticates. Credentials are written here and nowhere else.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Auth {
    None,
    Bearer { token: String },
    Basic { username: String, password: String },
    ClientSecretBasic { client_id: String, client_secret: String },
    ClientSecretPost { client_id: String, client_secret: String },
}

impl Auth {
    /// The same method with `{{variables}}` in its credentials bound.
    pub fn bound(&self, settings: &crate::model::Settings) -> Auth {
        let b = |s: &String| settings.bind(s);
        match self {
            Auth::None => Auth::None,
            Auth::Bearer { token } => Auth::Bearer { token: b(token) },
            Auth::Basic { username, password } => {
                Auth::Basic { username: b(username), password: b(password) }
            }
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

/// HTTP methods a spec may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
}

pub const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

impl Method {
    pub fn as_str(self) -> &'static str {
        METHODS[self as usize]
    }
}

impl<'de> Deserialize<'de> for Method {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let all = [
            Method::Get,
            Method::Post,
            Method::Put,
            Method::Patch,
            Method::Delete,
            Method::Head,
            Method::Options,
        ];
        if let Some(m) = all.iter().find(|m| m.as_str() == text) {
            return Ok(*m);
        }
        let hint = match METHODS.iter().find(|m| m.eq_ignore_ascii_case(&text)) {
            Some(upper) => format!("; methods are upper case: `{upper}`"),
            None => did_you_mean(&text, METHODS.iter().copied()),
        };
        Err(de::Error::custom(format!(
            "unknown method `{text}`, expected one of {}{hint}",
            METHODS.join(", ")
        )))
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

/// A header value: any text but line breaks and NUL, which no HTTP client can send.
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
        Ok(HeaderValue(value))
    }
}

/// A spec file after loading: where it came from, its resolved id and its content.
#[derive(Debug)]
pub struct LoadedSpec {
    pub path: PathBuf,
    pub id: String,
    pub spec: Spec,
}

/// Suggests the closest of `candidates` to `word`, if any is close.
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    candidates
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// Turns serde-saphyr's message into ours: location suffix dropped, a hint added for
/// unknown keys and variants.
fn describe(error: &serde_saphyr::Error) -> String {
    let mut message = error.without_snippet().to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    for prefix in ["unknown field `", "unknown variant `"] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((word, expected)) = rest.split_once("`, expected one of ")
        {
            let hint = did_you_mean(word, expected.split(", "));
            message.push_str(&hint);
        }
    }
    message
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

/// Parses one spec file. `relative` is its path under the specs folder, used for the default id.
pub fn parse(path: &Path, relative: &Path, text: &str) -> Result<LoadedSpec, Diagnostic> {
    let spec: Spec = serde_saphyr::from_str(text).map_err(|e| {
        let (line, column) = e.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
        Diagnostic::at(path, line, column, describe(&e))
    })?;
    let id = match &spec.id {
        Some(id) => {
            check_id(&id.value).map_err(|m| Diagnostic::spanned(path, &id.referenced, m))?;
            id.value.clone()
        }
        None => {
            let id = relative
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
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
    if url.is_empty() || url.chars().any(|c| c.is_whitespace()) {
        return Err(Diagnostic::spanned(path, &spec.url.referenced, "url is empty or contains white space"));
    }
    Ok(LoadedSpec { path: path.to_path_buf(), id, spec })
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
    let mut specs: Vec<LoadedSpec> = Vec::new();
    for file in files {
        let relative = file.strip_prefix(dir).unwrap_or(&file).to_path_buf();
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) => {
                errors.push(Diagnostic::plain(&file, format!("cannot read: {e}")));
                continue;
            }
        };
        match parse(&file, &relative, &text) {
            Ok(spec) => {
                if let Some(first) = specs.iter().find(|s| s.id == spec.id) {
                    let (line, column) = spec
                        .spec
                        .id
                        .as_ref()
                        .map(|i| (i.referenced.line(), i.referenced.column()))
                        .unwrap_or((1, 1));
                    errors.push(Diagnostic::at(
                        &file,
                        line,
                        column,
                        format!("id `{}` is already used by {}", spec.id, first.path.display()),
                    ));
                } else {
                    specs.push(spec);
                }
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() { Ok(specs) } else { Err(errors) }
}
