//! HAR 1.2 (what browsers' devtools save) → one spec per request, de-duplicated by method
//! and URL; cookies and headers only a browser sets are dropped and listed.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::curl::{form_pairs, url_query_pairs};
use super::form_decode;
use super::{Imported, insert_request, pairs, slug};
use crate::error::{Diagnostic, Error};

/// Headers the browser (or the HTTP library) sets on its own; a sample should not.
const BROWSER_HEADERS: &[&str] = &[
    "host",
    "connection",
    "content-length",
    "transfer-encoding",
    "accept-encoding",
    "accept-language",
    "user-agent",
    "origin",
    "referer",
    "cookie",
    "upgrade-insecure-requests",
    "dnt",
    "priority",
    "pragma",
    "cache-control",
    "te",
    "keep-alive",
];

/// Reads a HAR file.
pub fn import_file(file: &Path) -> Result<(Vec<Imported>, Vec<String>), Error> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
    import(&file.display().to_string(), &text).map_err(Error::Specs)
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or("").to_string()
}

/// Parses a HAR document (named `name` in messages).
pub fn import(name: &str, source: &str) -> Result<(Vec<Imported>, Vec<String>), Vec<Diagnostic>> {
    let doc: Value = serde_json::from_str(source).map_err(|e| {
        vec![Diagnostic::at(
            Path::new(name),
            e.line() as u64,
            e.column() as u64,
            format!("invalid JSON: {e}"),
        )]
    })?;
    let Some(entries) = doc.pointer("/log/entries").and_then(Value::as_array) else {
        return Err(vec![Diagnostic::plain(
            Path::new(&format!("{name}#/log/entries")),
            "expected a HAR 1.2 `log.entries` list",
        )]);
    };
    let file = Path::new(name).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let mut out: Vec<Imported> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut dropped = BTreeSet::new();
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let origin = format!("{name}#/log/entries/{i}/request");
        let request = entry.get("request").unwrap_or(&Value::Null);
        let method = text(request.get("method")).to_ascii_uppercase();
        let url = text(request.get("url"));
        if !seen.insert((method.clone(), url.clone())) {
            continue;
        }
        match entry_spec(request, &method, &url, &mut dropped, &mut |w| notes.push(format!("{origin}: {w}")))
        {
            Ok((id, spec)) => {
                let mut unique = id.clone();
                let mut n = 2;
                while out.iter().any(|o| o.id == unique) {
                    unique = format!("{id}-{n}");
                    n += 1;
                }
                let header = format!("# Imported by snipgen from {file}#/log/entries/{i}/request\n");
                match super::to_yaml(&header, &spec) {
                    Ok(yaml) => out.push(Imported { id: unique, origin, yaml }),
                    Err(m) => errors.push(Diagnostic::plain(Path::new(&origin), m)),
                }
            }
            Err(m) => errors.push(Diagnostic::plain(Path::new(&origin), m)),
        }
    }
    let mut warnings = notes;
    if !dropped.is_empty() {
        warnings.push(format!(
            "{name}: dropped headers a browser sets on its own: {}",
            dropped.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    if errors.is_empty() { Ok((out, warnings)) } else { Err(errors) }
}

fn entry_spec(
    request: &Value,
    method: &str,
    url: &str,
    dropped: &mut BTreeSet<String>,
    warn: &mut dyn FnMut(String),
) -> Result<(String, Value), String> {
    if !url.contains("://") {
        return Err(format!("url {url:?} is not absolute"));
    }
    let (base, query_text) = url.split_once('?').unwrap_or((url, ""));
    let base = base.split('#').next().unwrap_or("");
    let query = url_query_pairs(query_text.split('#').next().unwrap_or(""));
    let mut headers = Vec::new();
    let mut auth = None;
    for h in request.get("headers").and_then(Value::as_array).into_iter().flatten() {
        let n = text(h.get("name"));
        let v = text(h.get("value"));
        let lower = n.to_ascii_lowercase();
        // HTTP/2 pseudo-headers (`:authority`) and the browser's own headers.
        if n.starts_with(':') || lower.starts_with("sec-") || BROWSER_HEADERS.contains(&lower.as_str()) {
            if !n.starts_with(':') {
                dropped.insert(lower);
            }
            continue;
        }
        if lower == "authorization"
            && let Some(a) = super::auth_from_header(&v)
        {
            auth = Some(a);
            continue;
        }
        headers.push((n, v));
    }
    let post = request.get("postData");
    let mime = text(post.and_then(|p| p.get("mimeType")));
    let mime = mime.trim();
    let mut body = match post {
        None => None,
        Some(post) => post_body(post, mime)?,
    };
    if let Some(b) = body.as_mut() {
        // The recorded mimeType is the body's Content-Type when the entry has no header of its
        // own, decided by the same rule as a header: kept unless the body kind implies it.
        if !mime.is_empty() && !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("content-type")) {
            headers.push(("Content-Type".into(), mime.to_string()));
        }
        if let Some(w) = super::content_type_into_body(&mut headers, b) {
            warn(w);
        }
    }

    let after_scheme = base.find("://").map(|i| i + 3).unwrap_or(0);
    let (host, path) = match base[after_scheme..].find('/') {
        Some(s) => (&base[after_scheme..after_scheme + s], &base[after_scheme + s..]),
        None => (&base[after_scheme..], "/"),
    };
    let group: String = host
        .split(':')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "-._".contains(*c))
        .collect();
    let group = if group.is_empty() || group.starts_with('.') { "har".to_string() } else { group };
    let id = format!("{group}/{}", slug(&format!("{method} {path}")));

    let mut spec = Map::new();
    spec.insert("title".into(), Value::String(format!("{method} {path}")));
    let managed = insert_request(&mut spec, method, base.to_string(), &headers, &query, body);
    debug_assert!(managed.is_empty(), "the browser's own headers are dropped above");
    if let Some(a) = auth {
        spec.insert("auth".into(), a);
    }
    Ok((id, Value::Object(spec)))
}

/// `postData` by its `mime` type: JSON, form, multipart (`params` with `fileName` → file
/// parts), anything else as text. The type itself is left to the caller, as the entry's
/// Content-Type.
fn post_body(post: &Value, mime: &str) -> Result<Option<Value>, String> {
    let base = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let body_text = post_text(post)?;
    let params = post.get("params").and_then(Value::as_array);
    Ok(Some(if base == "application/json" || base.ends_with("+json") {
        match serde_json::from_str::<Value>(&body_text) {
            Ok(v) => json!({ "json": v }),
            Err(_) => json!({ "text": body_text }),
        }
    } else if base == "application/x-www-form-urlencoded" {
        let fields: Vec<(String, String)> = match params.filter(|p| !p.is_empty()) {
            Some(p) => p
                .iter()
                .map(|f| (form_decode(&text(f.get("name"))), form_decode(&text(f.get("value")))))
                .collect(),
            None => form_pairs(&body_text),
        };
        json!({ "form": pairs(&fields) })
    } else if base == "multipart/form-data" {
        let Some(params) = params else {
            return Err("a multipart body without `params` cannot be split into parts".into());
        };
        let parts: Vec<Value> = params
            .iter()
            .map(|p| {
                let mut part = Map::new();
                part.insert("name".into(), Value::String(text(p.get("name"))));
                match p.get("fileName").and_then(Value::as_str).filter(|f| !f.is_empty()) {
                    Some(f) => part.insert(
                        "file".into(),
                        Value::String(f.rsplit(['/', '\\']).next().unwrap_or(f).to_string()),
                    ),
                    None => part.insert("value".into(), Value::String(text(p.get("value")))),
                };
                if let Some(t) = p.get("contentType").and_then(Value::as_str).filter(|t| !t.is_empty()) {
                    part.insert("content_type".into(), Value::String(t.into()));
                }
                Value::Object(part)
            })
            .collect();
        json!({ "multipart": parts })
    } else if body_text.is_empty() {
        return Ok(None);
    } else {
        json!({ "text": body_text })
    }))
}

/// `postData.text`, decoded when the exporter gave it as base64 (`"encoding": "base64"`, which
/// some tools write beside HAR 1.2's fields, as for response bodies). A body that is not UTF-8
/// text cannot be written in a spec: that is an error, not bytes silently changed.
fn post_text(post: &Value) -> Result<String, String> {
    use base64::Engine;
    let raw = text(post.get("text"));
    match post.get("encoding").and_then(Value::as_str) {
        None | Some("") => Ok(raw),
        Some(e) if e.eq_ignore_ascii_case("base64") => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(raw.trim())
                .map_err(|_| "postData.text is not valid base64, as its `encoding` says".to_string())?;
            String::from_utf8(bytes).map_err(|_| {
                "the body is binary (base64 in the HAR), which a spec holds as a file: save it and write `body: {binary: FILE}`".to_string()
            })
        }
        Some(other) => Err(format!("postData.encoding `{other}` is not one snipgen reads (base64 is)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_deduplicated_browser_headers_dropped() {
        let har = r#"{"log": {"version": "1.2", "entries": [
          {"request": {"method": "POST", "url": "https://api.example.com/v1/login?next=%2Fhome",
            "headers": [{"name": ":authority", "value": "api.example.com"}, {"name": "Cookie", "value": "a=1"},
                        {"name": "Content-Type", "value": "application/json"}, {"name": "Authorization", "value": "Bearer t0k"},
                        {"name": "X-Client", "value": "web"}, {"name": "sec-fetch-mode", "value": "cors"}],
            "postData": {"mimeType": "application/json", "text": "{\"user\":\"ada\"}"}}},
          {"request": {"method": "POST", "url": "https://api.example.com/v1/login?next=%2Fhome", "headers": []}}
        ]}}"#;
        let (specs, warnings) = import("s.har", har).unwrap();
        assert_eq!(specs.len(), 1);
        assert_eq!(specs[0].id, "api.example.com/post-v1-login");
        assert_eq!(
            specs[0].yaml,
            "# Imported by snipgen from s.har#/log/entries/0/request\ntitle: POST /v1/login\nmethod: POST\nurl: https://api.example.com/v1/login\nheaders:\n  X-Client: web\nquery:\n  next: /home\nbody:\n  json:\n    user: ada\nauth:\n  bearer:\n    token: t0k\n"
        );
        assert_eq!(warnings, ["s.har: dropped headers a browser sets on its own: cookie, sec-fetch-mode"]);
    }

    /// The recorded media type is what the samples send: a vendor JSON type or a charset is
    /// kept even without a Content-Type header; a form's charset, which a form body cannot
    /// send, is dropped with a warning naming the entry.
    #[test]
    fn media_types_are_kept_or_their_loss_said() {
        let har = r#"{"log": {"version": "1.2", "entries": [
          {"request": {"method": "POST", "url": "https://api.example.com/a", "headers": [],
            "postData": {"mimeType": "application/vnd.api+json", "text": "{\"data\":1}"}}},
          {"request": {"method": "POST", "url": "https://api.example.com/b",
            "headers": [{"name": "Content-Type", "value": "application/x-www-form-urlencoded; charset=UTF-8"}],
            "postData": {"mimeType": "application/x-www-form-urlencoded; charset=UTF-8", "text": "q=1"}}}
        ]}}"#;
        let (specs, warnings) = import("s.har", har).unwrap();
        assert!(
            specs[0]
                .yaml
                .ends_with("body:\n  json:\n    data: 1\n  content_type: application/vnd.api+json\n"),
            "{}",
            specs[0].yaml
        );
        specs[0].load().unwrap();
        assert!(specs[1].yaml.ends_with("body:\n  form:\n    q: \"1\"\n"), "{}", specs[1].yaml);
        assert_eq!(
            warnings,
            [
                "s.har#/log/entries/1/request: Content-Type `application/x-www-form-urlencoded; charset=UTF-8` is sent as `application/x-www-form-urlencoded`, as a form body always is; to send it as written, make the body `text:` with that `content_type:`"
            ]
        );
    }

    /// The recorded mimeType is the entry's Content-Type when it has no header: the same rule
    /// as for a header keeps what the body kind does not imply (a text body's charset) and says
    /// what a form cannot send. A header of its own is what was sent, and wins.
    #[test]
    fn mime_type_is_the_content_type_without_a_header() {
        let har = r#"{"log": {"version": "1.2", "entries": [
          {"request": {"method": "POST", "url": "https://api.example.com/a", "headers": [],
            "postData": {"mimeType": "application/x-www-form-urlencoded; charset=UTF-8", "text": "q=1"}}},
          {"request": {"method": "POST", "url": "https://api.example.com/b", "headers": [],
            "postData": {"mimeType": "text/plain; charset=utf-8", "text": "hi"}}},
          {"request": {"method": "POST", "url": "https://api.example.com/c", "headers": [],
            "postData": {"mimeType": "text/plain", "text": "hi"}}},
          {"request": {"method": "POST", "url": "https://api.example.com/d",
            "headers": [{"name": "content-type", "value": "application/vnd.api+json"}],
            "postData": {"mimeType": "application/json", "text": "{\"data\":1}"}}}
        ]}}"#;
        let (specs, warnings) = import("s.har", har).unwrap();
        assert!(specs[0].yaml.ends_with("body:\n  form:\n    q: \"1\"\n"), "{}", specs[0].yaml);
        assert!(
            specs[1].yaml.ends_with("body:\n  text: hi\n  content_type: text/plain; charset=utf-8\n"),
            "{}",
            specs[1].yaml
        );
        assert!(specs[2].yaml.ends_with("body:\n  text: hi\n"), "{}", specs[2].yaml);
        assert!(
            specs[3]
                .yaml
                .ends_with("body:\n  json:\n    data: 1\n  content_type: application/vnd.api+json\n"),
            "{}",
            specs[3].yaml
        );
        for spec in &specs {
            spec.load().unwrap();
            assert!(!spec.yaml.to_ascii_lowercase().contains("\n  content-type:"), "{}", spec.yaml);
        }
        assert_eq!(
            warnings,
            [
                "s.har#/log/entries/0/request: Content-Type `application/x-www-form-urlencoded; charset=UTF-8` is sent as `application/x-www-form-urlencoded`, as a form body always is; to send it as written, make the body `text:` with that `content_type:`"
            ]
        );
    }

    /// A body some exporters give as base64 is decoded; a binary one is an error (a spec holds
    /// binary bodies as files), never the base64 text sent as the body.
    #[test]
    fn base64_bodies_are_decoded_or_refused() {
        let har = |mime: &str, text: &str| {
            format!(
                r#"{{"log": {{"version": "1.2", "entries": [{{"request": {{"method": "POST",
                  "url": "https://api.example.com/b", "headers": [],
                  "postData": {{"mimeType": "{mime}", "text": "{text}", "encoding": "base64"}}}}}}]}}}}"#
            )
        };
        // {"a": 1e400}: a number beyond f64 is kept as written, as JSON allows.
        let (specs, _) = import("s.har", &har("application/json", "eyJhIjogMWU0MDB9")).unwrap();
        assert!(specs[0].yaml.ends_with("body:\n  json:\n    a: 1e+400\n"), "{}", specs[0].yaml);
        specs[0].load().unwrap();
        let Err(errors) = import("s.har", &har("application/octet-stream", "AAEC/w==")) else {
            panic!("a binary body was imported")
        };
        assert!(errors[0].to_string().contains("the body is binary (base64 in the HAR)"), "{}", errors[0]);
        let Err(errors) = import("s.har", &har("text/plain", "not base64!")) else { panic!("imported") };
        assert!(errors[0].to_string().contains("not valid base64"), "{}", errors[0]);
    }
}
