//! Reading what teams already have — OpenAPI documents, Postman collections, curl command
//! lines — into ordinary
//! spec YAML. Every importer produces spec text, which then goes through the same
//! validation (`spec::parse`) and model as a hand-written spec, so every rule applies.

pub mod curl;
pub mod har;
pub mod openapi;
pub mod postman;
mod shell;
mod swagger;

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error};
use crate::spec::{self, LoadedSpec};

/// One spec an importer produced: its id, where it came from (`file#/json/pointer`, or
/// `file:line`) and its YAML text.
#[derive(Debug, Clone)]
pub struct Imported {
    pub id: String,
    pub origin: String,
    pub yaml: String,
}

impl Imported {
    /// Validates the text as any spec file is validated. A problem is reported at the origin
    /// (the operation's JSON pointer), since the generated text is not a file the user has.
    pub fn load(&self) -> Result<LoadedSpec, Diagnostic> {
        let origin = Path::new(&self.origin);
        let relative = PathBuf::from(format!("{}.yaml", self.id));
        let loaded =
            spec::parse(origin, &relative, &self.yaml).map_err(|d| Diagnostic::plain(origin, d.message))?;
        // The model's rules too (a header an auth method sets, a slot no method fills): an
        // imported spec must render, not just parse.
        crate::model::build(&loaded, &Default::default())
            .map_err(|d| Diagnostic::plain(origin, d.message))?;
        Ok(loaded)
    }
}

/// Where specs come from: the specs folder and OpenAPI documents.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub specs: PathBuf,
    pub openapi: Vec<PathBuf>,
    /// `--server N`: which entry of an OpenAPI `servers` list (1-based) the URLs use.
    pub server: Option<usize>,
}

/// Every spec of the sources, and the warnings about what an importer could not map.
#[derive(Debug, Default)]
pub struct Loaded {
    pub specs: Vec<LoadedSpec>,
    pub warnings: Vec<String>,
}

/// Loads the specs folder (if it exists, or when no OpenAPI document is given) and every
/// OpenAPI document. A spec file in the folder wins over an operation with the same id.
pub fn load(sources: &Sources) -> Result<Loaded, Error> {
    let mut loaded = Loaded::default();
    if sources.openapi.is_empty() || sources.specs.is_dir() {
        if !sources.specs.is_dir() {
            return Err(Error::Usage(format!("specs folder {} does not exist", sources.specs.display())));
        }
        loaded.specs = spec::load_dir(&sources.specs).map_err(Error::Specs)?;
    }
    let from_files = loaded.specs.len();
    let mut errors = Vec::new();
    let options = openapi::Options { server: sources.server };
    for doc in &sources.openapi {
        let imported = match openapi::import(doc, &options) {
            Ok((imported, warnings)) => {
                loaded.warnings.extend(warnings);
                imported
            }
            Err(mut e) => {
                errors.append(&mut e);
                continue;
            }
        };
        for one in imported {
            if loaded.specs[..from_files].iter().any(|s| s.id == one.id) {
                continue;
            }
            if let Some(first) = loaded.specs.iter().find(|s| s.id == one.id) {
                errors.push(Diagnostic::plain(
                    Path::new(&one.origin),
                    format!(
                        "id `{}` is already used by {}; set `x-snipgen: {{id: …}}` on one of them",
                        one.id,
                        first.path.display()
                    ),
                ));
                continue;
            }
            match one.load() {
                Ok(spec) => loaded.specs.push(spec),
                Err(d) => errors.push(d),
            }
        }
    }
    if errors.is_empty() { Ok(loaded) } else { Err(Error::Specs(errors)) }
}

/// What `import` did or would do with each file.
#[derive(Debug, Default)]
pub struct WriteReport {
    pub written: Vec<PathBuf>,
    pub unchanged: Vec<PathBuf>,
    /// Existing files whose content differs; written only with `force`.
    pub changed: Vec<PathBuf>,
}

/// Writes imported specs as `<out>/<id>.yaml`. Each is validated first; if any is invalid, or
/// an existing file would change and `force` is not set, nothing is written.
pub fn write(out: &Path, imported: &[Imported], force: bool) -> Result<WriteReport, Error> {
    let mut errors = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for one in imported {
        if !seen.insert(one.id.as_str()) {
            errors.push(Diagnostic::plain(
                Path::new(&one.origin),
                format!("id `{}` is produced twice", one.id),
            ));
        } else if let Err(d) = one.load() {
            errors.push(d);
        }
    }
    if !errors.is_empty() {
        return Err(Error::Specs(errors));
    }
    let mut report = WriteReport::default();
    let mut pending = Vec::new();
    for one in imported {
        let relative = format!("{}.yaml", one.id);
        let relative = crate::output::checked_relative(&relative)?.to_path_buf();
        crate::output::refuse_symlinks(out, &relative)?;
        let path = out.join(&relative);
        match std::fs::read(&path) {
            Ok(old) if old == one.yaml.as_bytes() => report.unchanged.push(path),
            Ok(_) => {
                report.changed.push(path.clone());
                pending.push((path, relative, &one.yaml));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => pending.push((path, relative, &one.yaml)),
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    if !report.changed.is_empty() && !force {
        return Ok(report);
    }
    if pending.is_empty() {
        return Ok(report);
    }
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    // Opened once for every spec written below it.
    let root = crate::output::OpenFolder::existing_root(out)?;
    for (path, relative, text) in pending {
        // Ids are UTF-8 and use `/` between folders (`checked_relative` has held them to it).
        let relative = relative.to_str().expect("an id is UTF-8");
        root.write_below(out, relative, None, |w| w.write_all(text.as_bytes()))?;
        report.written.push(path);
    }
    Ok(report)
}

/// Serialises a spec built as a JSON value into YAML, and checks that the text reads back as
/// the same value, read the way a spec's JSON body is (YAML 1.2, numbers as written): a spec's
/// strings are data and must survive byte for byte, and its numbers keep their written form
/// (`1.10`, `-0`, `1e3`, twenty digits).
/// Multi-line text is written as a block scalar where that reads back exactly, else quoted.
pub(crate) fn to_yaml(header: &str, value: &serde_json::Value) -> Result<String, String> {
    let token = number_token(value);
    for blocks in [true, false] {
        let options =
            serde_saphyr::ser_options! { prefer_block_scalars: blocks, folded_wrap_chars: 1_000_000 };
        let numbers = std::cell::RefCell::new(Vec::new());
        let yaml = AsYaml { value, numbers: &numbers, token: &token };
        let Ok(body) = serde_saphyr::to_string_with_options(&yaml, options) else { continue };
        let body = with_numbers(&body, &token, &numbers.into_inner());
        let back =
            serde_saphyr::from_str_with_options::<crate::yaml_json::Node>(&body, crate::spec::yaml_options())
                .ok()
                .and_then(|node| crate::yaml_json::to_json(&node, &body).ok());
        if back.as_ref() == Some(value) {
            return Ok(format!("{header}{body}"));
        }
    }
    Err("the spec cannot be written as YAML that reads back exactly".into())
}

/// A plain-scalar stand-in for numbers, `snipgen-number-N-`, with N chosen so that no text of
/// `value` holds it: the serialiser writes each number as the stand-in plus its index and `n`,
/// and [`with_numbers`] puts the number's own text in its place.
fn number_token(value: &serde_json::Value) -> String {
    fn holds(value: &serde_json::Value, token: &str) -> bool {
        match value {
            serde_json::Value::String(s) => s.contains(token),
            serde_json::Value::Array(items) => items.iter().any(|i| holds(i, token)),
            serde_json::Value::Object(map) => map.iter().any(|(k, v)| k.contains(token) || holds(v, token)),
            _ => false,
        }
    }
    (0u64..)
        .map(|n| format!("snipgen-number-{n}-"))
        .find(|t| !holds(value, t))
        .expect("a token no text holds")
}

/// `body` with each `{token}{index}n` replaced by `numbers[index]`.
fn with_numbers(body: &str, token: &str, numbers: &[String]) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(token) {
        out.push_str(&rest[..at]);
        let after = &rest[at + token.len()..];
        let digits = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
        match (
            after[..digits].parse::<usize>().ok().and_then(|i| numbers.get(i)),
            after[digits..].strip_prefix('n'),
        ) {
            (Some(number), Some(tail)) => {
                out.push_str(number);
                rest = tail;
            }
            // Not a stand-in after all: kept, and the read-back check decides.
            _ => {
                out.push_str(token);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A JSON value as YAML scalars, each number as a stand-in (see [`number_token`]): serde_json
/// keeps a number's text (`arbitrary_precision`) in a private wrapper that would otherwise be
/// written out as a mapping, and a float would lose its written form.
struct AsYaml<'a> {
    value: &'a serde_json::Value,
    numbers: &'a std::cell::RefCell<Vec<String>>,
    token: &'a str,
}

impl serde::Serialize for AsYaml<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        use serde_json::Value;
        let inner = |value| AsYaml { value, numbers: self.numbers, token: self.token };
        match self.value {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => {
                let mut numbers = self.numbers.borrow_mut();
                let stand_in = format!("{}{}n", self.token, numbers.len());
                numbers.push(n.to_string());
                serializer.serialize_str(&stand_in)
            }
            Value::String(text) => serializer.serialize_str(text),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&inner(item))?;
                }
                seq.end()
            }
            Value::Object(map) => {
                let mut out = serializer.serialize_map(Some(map.len()))?;
                for (k, v) in map {
                    out.serialize_entry(k, &inner(v))?;
                }
                out.end()
            }
        }
    }
}

/// The request part of a spec every importer writes alike: method (a custom one as
/// `{custom: NAME}`), `allow_body` for a GET or HEAD with a body, url, headers, query and body.
pub(crate) fn insert_request(
    spec: &mut serde_json::Map<String, serde_json::Value>,
    method: &str,
    url: String,
    headers: &[(String, String)],
    query: &[(String, Option<String>)],
    body: Option<serde_json::Value>,
) -> Vec<String> {
    use serde_json::Value;
    // Headers every client sets from the request itself: a spec may not hold them.
    let (managed, headers): (Vec<_>, Vec<_>) =
        headers.iter().cloned().partition(|(name, _)| crate::spec::managed_header(name).is_some());
    let method_value = if crate::spec::METHODS.contains(&method) {
        Value::String(method.into())
    } else {
        serde_json::json!({ "custom": method })
    };
    spec.insert("method".into(), method_value);
    if body.is_some() && matches!(method, "GET" | "HEAD") {
        spec.insert("allow_body".into(), Value::Bool(true));
    }
    spec.insert("url".into(), Value::String(url));
    if !headers.is_empty() {
        spec.insert("headers".into(), pairs(&headers));
    }
    if !query.is_empty() {
        spec.insert("query".into(), pairs(query));
    }
    if let Some(b) = body {
        spec.insert("body".into(), b);
    }
    managed.into_iter().map(|(name, _)| name).collect()
}

/// The warning for the headers [`insert_request`] left out, if any.
pub(crate) fn managed_warning(at: &str, dropped: &[String]) -> Option<String> {
    (!dropped.is_empty())
        .then(|| format!("{at}: dropped {}, which every client sets on its own", dropped.join(", ")))
}

/// Spec pairs: a mapping when no name repeats, else a list of one-entry mappings.
pub(crate) fn pairs<V: Clone + Into<serde_json::Value>>(list: &[(String, V)]) -> serde_json::Value {
    use serde_json::Value;
    let mut names = std::collections::BTreeSet::new();
    if list.iter().all(|(k, _)| names.insert(k.as_str())) {
        Value::Object(list.iter().map(|(k, v)| (k.clone(), v.clone().into())).collect())
    } else {
        Value::Array(list.iter().map(|(k, v)| serde_json::json!({ k.clone(): v.clone().into() })).collect())
    }
}

/// Moves a Content-Type header into the body: implied by form and multipart bodies (the spec
/// refuses it there) and by a JSON or text body's default type, else kept as the body's
/// `content_type`. Returns a warning when the header said more than a form body sends
/// (`; charset=UTF-8`, as jQuery and browsers write it): the samples will not send that part,
/// and the reader should know. (A multipart header's own
/// boundary is the client's to choose, so dropping it changes nothing.)
#[must_use]
pub(crate) fn content_type_into_body(
    headers: &mut Vec<(String, String)>,
    body: &mut serde_json::Value,
) -> Option<String> {
    const FORM: &str = "application/x-www-form-urlencoded";
    let obj = body.as_object_mut()?;
    let i = headers.iter().position(|(n, _)| n.eq_ignore_ascii_case("content-type"))?;
    let (_, t) = headers.remove(i);
    let form = obj.contains_key("form");
    // What snipgen sends for the body kind anyway, so not written into the spec.
    let implied = form
        || obj.contains_key("multipart")
        || (obj.contains_key("json") && t == "application/json")
        || (obj.contains_key("text") && t == "text/plain");
    if !implied && !obj.contains_key("content_type") {
        obj.insert("content_type".into(), serde_json::Value::String(t.clone()));
    }
    (form && !t.trim().eq_ignore_ascii_case(FORM)).then(|| {
        format!(
            "Content-Type `{t}` is sent as `{FORM}`, as a form body always is; to send it as written, make the body `text:` with that `content_type:`"
        )
    })
}

/// An `Authorization` header value as an auth method: `Bearer …`, or `Basic …` decoded.
pub(crate) fn auth_from_header(value: &str) -> Option<serde_json::Value> {
    use base64::Engine;
    if let Some(token) = value.strip_prefix("Bearer ") {
        return Some(serde_json::json!({ "bearer": { "token": token.trim() } }));
    }
    let b64 = value.strip_prefix("Basic ")?;
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64.trim()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (u, p) = text.split_once(':')?;
    Some(serde_json::json!({ "basic": { "username": u, "password": p } }))
}

/// A name usable as a `{{variable}}`: letters, digits, `_`, `.`, `-`; anything else becomes `_`.
pub(crate) fn variable_name(name: &str) -> String {
    let s: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || "_.-".contains(c) { c } else { '_' }).collect();
    if s.is_empty() { "value".into() } else { s }
}

/// A lower-case id segment: words of letters and digits joined by `-`.
pub(crate) fn slug_words(text: &str) -> String {
    let lower: String =
        text.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' }).collect();
    lower.split_whitespace().collect::<Vec<_>>().join("-")
}

/// Like [`slug_words`], and camelCase splits into words (`getUserById` → `get-user-by-id`).
pub(crate) fn slug(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut pending_dash = false;
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            pending_dash = !out.is_empty();
            continue;
        }
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let boundary = c.is_ascii_uppercase()
            && ((prev.is_ascii_lowercase() || prev.is_ascii_digit())
                || (prev.is_ascii_uppercase() && next.is_ascii_lowercase()));
        if (pending_dash || boundary) && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        pending_dash = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// `%XX` escapes decoded (see [`decode_escapes`]).
pub(crate) fn percent_decode(s: &str) -> String {
    decode_escapes(s, false)
}

/// `application/x-www-form-urlencoded` text decoded: `+` is a space, then as [`decode_escapes`].
pub(crate) fn form_decode(s: &str) -> String {
    decode_escapes(s, true)
}

/// An escape is `%` and exactly two hex digits (`u8::from_str_radix` took `%+4` as one);
/// anything else is kept as written. Text whose escapes make bytes that are not UTF-8 is kept
/// whole, as written: a U+FFFD in its place would send something else.
fn decode_escapes(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let hex = |at: usize| bytes.get(at).and_then(|&b| char::from(b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'+', _, _) if plus_is_space => out.push(b' '),
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 2;
            }
            (b, _, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_written_form_and_strings_stay_strings() {
        let value: serde_json::Value = serde_json::from_str(
            r#"{"json": {"price": 10.50, "one": 1.0, "zero": -0, "big": 98765432109876543210, "text": "1.10",
                "stand-in": "snipgen-number-0-0n", "list": [2.50, "0o17"]}}"#,
        )
        .unwrap();
        let yaml = to_yaml("", &value).unwrap();
        assert!(
            yaml.contains("price: 10.50\n") && yaml.contains("one: 1.0\n") && yaml.contains("zero: -0\n"),
            "{yaml}"
        );
        assert!(yaml.contains("big: 98765432109876543210\n") && yaml.contains("- 2.50\n"), "{yaml}");
        // A text that looks like a stand-in moves the stand-ins to another token.
        assert!(yaml.contains("snipgen-number-0-0n") && !yaml.contains("snipgen-number-1-"), "{yaml}");
    }

    #[test]
    fn escapes_are_two_hex_digits_and_never_lossy() {
        assert_eq!(percent_decode("%41%2b+%+4%-1%2%zz%4"), "A++%+4%-1%2%zz%4");
        assert_eq!(form_decode("%41+%+4"), "A % 4");
        assert_eq!(percent_decode("a+%C3%A9"), "a+é");
        assert_eq!(form_decode("a+%ff+b"), "a+%ff+b");
        assert_eq!(percent_decode("%e9"), "%e9");
    }

    #[test]
    fn slugs_split_words_and_camel_case() {
        assert_eq!(slug("getUserById"), "get-user-by-id");
        assert_eq!(slug("listAPIKeys"), "list-api-keys");
        assert_eq!(slug("Client Credentials"), "client-credentials");
        assert_eq!(slug("get /users/{userId}/keys"), "get-users-user-id-keys");
        assert_eq!(slug("__x__"), "x");
        assert_eq!(slug("v2"), "v2");
    }

    #[test]
    fn variable_names_are_identifiers() {
        assert_eq!(variable_name("user id"), "user_id");
        assert_eq!(variable_name("X-Request-Id"), "X-Request-Id");
    }

    #[test]
    fn yaml_keeps_strings_that_look_like_other_types() {
        let v = serde_json::json!({"a": "25", "b": 25, "c": "true", "d": "multi\nline\n", "e": "  pad ", "f": null});
        let text = to_yaml("", &v).unwrap();
        let back: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
