//! Postman Collection v2.0/v2.1 → specs: folders become sub-folders of the id, auth is
//! inherited from folders and the collection, collection variables become `variables:`.

use std::path::Path;

use serde_json::{Map, Value, json};

use super::form_decode;
use super::{Imported, insert_request, pairs, slug};
use crate::error::{Diagnostic, Error};

/// Reads a collection file.
pub fn import_file(file: &Path) -> Result<(Vec<Imported>, Vec<String>), Error> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
    import(&file.display().to_string(), &text).map_err(Error::Specs)
}

struct Ctx<'a> {
    name: &'a str,
    variables: Vec<(String, String)>,
    out: Vec<Imported>,
    warnings: Vec<String>,
    errors: Vec<Diagnostic>,
}

/// Parses a collection (named `name` in messages).
pub fn import(name: &str, text: &str) -> Result<(Vec<Imported>, Vec<String>), Vec<Diagnostic>> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        vec![Diagnostic::at(
            Path::new(name),
            e.line() as u64,
            e.column() as u64,
            format!("invalid JSON: {e}"),
        )]
    })?;
    let schema = doc.pointer("/info/schema").and_then(Value::as_str).unwrap_or("");
    if !(schema.contains("v2.1") || schema.contains("v2.0")) {
        return Err(vec![Diagnostic::plain(
            Path::new(&format!("{name}#/info/schema")),
            "expected a Postman Collection v2.0 or v2.1 (`info.schema`)",
        )]);
    }
    let variables = doc
        .get("variable")
        .and_then(Value::as_array)
        .map(|vars| {
            vars.iter()
                .filter(|v| v.get("disabled") != Some(&Value::Bool(true)))
                .filter_map(|v| Some((v.get("key")?.as_str()?.to_string(), text_of(v.get("value")?))))
                .collect()
        })
        .unwrap_or_default();
    let mut ctx = Ctx { name, variables, out: Vec::new(), warnings: Vec::new(), errors: Vec::new() };
    let auth = doc.get("auth").cloned();
    if let Some(items) = doc.get("item").and_then(Value::as_array) {
        ctx.items(items, "/item", "", auth.as_ref());
    }
    if ctx.errors.is_empty() { Ok((ctx.out, ctx.warnings)) } else { Err(ctx.errors) }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The names of the `{{…}}` placeholders in `value`'s strings that are not variable names a
/// spec accepts, each with whether it is in the URL. A placeholder with another in its name
/// (`{{host_{{env}}}}`, which Postman resolves inside out) is found whole.
fn placeholders(value: &Value, in_url: bool, found: &mut Vec<(String, bool)>) {
    match value {
        Value::String(s) => {
            let names = crate::encode::non_variable_placeholders(s);
            found.extend(names.into_iter().map(|name| (name.to_string(), in_url)));
            found.extend(nested_placeholders(s).into_iter().map(|name| (name.to_string(), in_url)));
        }
        Value::Array(items) => items.iter().for_each(|v| placeholders(v, in_url, found)),
        Value::Object(map) => map.values().for_each(|v| placeholders(v, in_url, found)),
        _ => {}
    }
}

/// The names of the placeholders in `s` that hold another placeholder (`host_{{env}}` in
/// `{{host_{{env}}}}`).
fn nested_placeholders(s: &str) -> Vec<&str> {
    let bytes = s.as_bytes();
    let (mut found, mut depth, mut start, mut nested, mut i) = (Vec::new(), 0, 0, false, 0);
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'{', b'{') => {
                if depth == 0 {
                    (start, nested) = (i + 2, false);
                } else {
                    nested = true;
                }
                depth += 1;
                i += 2;
            }
            (b'}', b'}') if depth > 0 => {
                depth -= 1;
                if depth == 0 && nested {
                    found.push(&s[start..i]);
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    found
}

/// `description` as a string or `{content: …}`.
fn description(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Object(o) => o.get("content").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// Enabled `{key, value}` entries of a list.
fn entries(v: Option<&Value>) -> Vec<(String, String)> {
    optional_entries(v).into_iter().map(|(k, v)| (k, v.unwrap_or_default())).collect()
}

/// The enabled `{key, value}` items, a null or missing value as `None` (a query name
/// without `=`).
fn optional_entries(v: Option<&Value>) -> Vec<(String, Option<String>)> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|e| e.get("disabled") != Some(&Value::Bool(true)))
        .filter_map(|e| {
            Some((e.get("key")?.as_str()?.to_string(), e.get("value").filter(|v| !v.is_null()).map(text_of)))
        })
        .collect()
}

/// An auth parameter: v2.1 lists `{key, value}`, v2.0 maps keys to values.
fn auth_param(auth: &Value, kind: &str, key: &str) -> Option<String> {
    match auth.get(kind)? {
        Value::Array(list) => list
            .iter()
            .find(|e| e.get("key").and_then(Value::as_str) == Some(key))
            .and_then(|e| e.get("value"))
            .map(text_of),
        Value::Object(map) => map.get(key).map(text_of),
        _ => None,
    }
}

impl Ctx<'_> {
    /// Postman replaces `{{name}}` with any name; a spec's variables are identifiers. A name a
    /// spec cannot use is an error where Postman surely replaces it (a dynamic variable such as
    /// `{{$guid}}`, a collection variable, anything in the URL) and a warning elsewhere, where
    /// it may be an environment's variable or text Postman leaves alone when none is defined.
    fn check_placeholders(&mut self, request: &Value, origin: &str) -> Result<(), String> {
        let mut found = Vec::new();
        for (key, part) in request.as_object().into_iter().flatten().filter(|(k, _)| *k != "description") {
            placeholders(part, key == "url", &mut found);
        }
        for (name, in_url) in found {
            if name.contains("{{") {
                // Postman resolves the inner one first; a spec's variable has one name.
                let what = format!(
                    "`{{{{{name}}}}}` has a variable in its name, which Postman resolves inside out and a spec cannot express"
                );
                let inner_known = self.variables.iter().any(|(k, _)| name.contains(&format!("{{{{{k}}}}}")));
                if in_url || inner_known {
                    return Err(format!("{what}: give the value a variable of its own in the collection"));
                }
                self.warnings.push(format!("{origin}: {what}; it is kept as text"));
                continue;
            }
            if name.starts_with('$') {
                return Err(format!(
                    "`{{{{{name}}}}}` is a Postman dynamic variable, which a spec cannot express: write a value or a `{{{{variable}}}}` in the collection"
                ));
            }
            let named = "a variable name is letters, digits, `_`, `.` and `-`, starting with a letter or `_`";
            if in_url || self.variables.iter().any(|(k, _)| *k == name) {
                return Err(format!("`{{{{{name}}}}}`: {named}; rename the variable in the collection"));
            }
            self.warnings.push(format!(
                "{origin}: `{{{{{name}}}}}` is kept as text ({named}); if it is an environment's variable, rename it"
            ));
        }
        Ok(())
    }

    fn items(&mut self, items: &[Value], ptr: &str, folder: &str, auth: Option<&Value>) {
        for (i, item) in items.iter().enumerate() {
            let at = format!("{ptr}/{i}");
            let name = item.get("name").and_then(Value::as_str).unwrap_or("request");
            // An item's own auth, else the inherited one (`inherit` or absent).
            let own = item.get("auth").filter(|a| a.get("type").and_then(Value::as_str) != Some("inherit"));
            let auth = own.or(auth);
            if let Some(children) = item.get("item").and_then(Value::as_array) {
                let segment = match slug(name) {
                    s if s.is_empty() => "folder".to_string(),
                    s => s,
                };
                let folder = if folder.is_empty() { segment } else { format!("{folder}/{segment}") };
                self.items(children, &format!("{at}/item"), &folder, auth);
            } else if let Some(request) = item.get("request") {
                let origin = format!("{}#{at}", self.name);
                match self.request(item, request, folder, auth, &origin) {
                    Ok(one) => self.out.push(one),
                    Err(m) => self.errors.push(Diagnostic::plain(Path::new(&origin), m)),
                }
            }
        }
    }

    fn request(
        &mut self,
        item: &Value,
        request: &Value,
        folder: &str,
        auth: Option<&Value>,
        origin: &str,
    ) -> Result<Imported, String> {
        let title = item.get("name").and_then(Value::as_str).unwrap_or("Request").to_string();
        let request = match request {
            // v2 allows a request written as just its URL.
            Value::String(url) => json!({ "method": "GET", "url": url }),
            other => other.clone(),
        };
        self.check_placeholders(&request, origin)?;
        let method = request.get("method").and_then(Value::as_str).unwrap_or("GET").to_ascii_uppercase();
        let (url, query, path_vars) = url_parts(request.get("url"))?;
        let mut headers = match request.get("header") {
            // The schema also allows the headers as one string of `Name: value` lines.
            Some(Value::String(lines)) => lines
                .lines()
                .filter_map(|line| line.split_once(':'))
                .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
                .filter(|(name, _)| !name.is_empty())
                .collect(),
            other => entries(other),
        };
        let mut body = self.body(request.get("body"), &headers, origin)?;
        if let Some(b) = body.as_mut() {
            let dropped = super::content_type_into_body(&mut headers, b);
            self.warnings.extend(dropped.map(|w| format!("{origin}: {w}")));
        }
        // The request's own auth, else its folder's or the collection's.
        let own = request.get("auth").filter(|a| a.get("type").and_then(Value::as_str) != Some("inherit"));
        let auth = match own.or(auth) {
            Some(a) => self.auth(a, origin),
            None => None,
        };

        let mut base = match slug(&title) {
            s if s.is_empty() => "request".to_string(),
            s => s,
        };
        if !folder.is_empty() {
            base = format!("{folder}/{base}");
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.out.iter().any(|o| o.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }

        let mut spec = Map::new();
        spec.insert("title".into(), Value::String(title));
        if let Some(d) = description(request.get("description")) {
            spec.insert("description".into(), Value::String(d));
        }
        let managed = insert_request(&mut spec, &method, url.clone(), &headers, &query, body);
        self.warnings.extend(super::managed_warning(origin, &managed));
        if let Some(a) = auth {
            spec.insert("auth".into(), a);
        }
        // Values of the variables this request uses: its path variables, then the collection's.
        let text = Value::Object(spec.clone()).to_string();
        let mut variables = Map::new();
        for (k, v) in path_vars.iter().chain(&self.variables) {
            if text.contains(&format!("{{{{{k}}}}}")) && !variables.contains_key(k) {
                variables.insert(k.clone(), Value::String(v.clone()));
            }
        }
        if !variables.is_empty() {
            spec.insert("variables".into(), Value::Object(variables));
        }
        let file =
            Path::new(self.name).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let ptr = origin.split_once('#').map(|(_, p)| p).unwrap_or("");
        let header = format!("# Imported by snipgen from {file}#{ptr}\n");
        let yaml = super::to_yaml(&header, &Value::Object(spec))?;
        Ok(Imported { id, origin: origin.to_string(), yaml })
    }

    fn body(
        &mut self,
        body: Option<&Value>,
        headers: &[(String, String)],
        origin: &str,
    ) -> Result<Option<Value>, String> {
        let Some(body) = body.filter(|b| b.get("disabled") != Some(&Value::Bool(true))) else {
            return Ok(None);
        };
        let header_type = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.to_ascii_lowercase());
        Ok(match body.get("mode").and_then(Value::as_str) {
            None => None,
            Some("raw") => {
                let raw = body.get("raw").and_then(Value::as_str).unwrap_or("");
                if raw.is_empty() {
                    return Ok(None);
                }
                let language = body.pointer("/options/raw/language").and_then(Value::as_str);
                let json_type = header_type.as_deref().is_some_and(|t| {
                    let base = t.split(';').next().unwrap_or("").trim();
                    base == "application/json" || base.ends_with("+json")
                });
                if language == Some("json") || json_type {
                    match serde_json::from_str::<Value>(raw) {
                        Ok(v) => Some(json!({ "json": v })),
                        // JSON with unquoted `{{variables}}` is sent as the text it is.
                        Err(_) => Some(json!({ "text": raw, "content_type": "application/json" })),
                    }
                } else {
                    let mut b = json!({ "text": raw });
                    let implied = match language {
                        Some("xml") => Some("application/xml"),
                        Some("html") => Some("text/html"),
                        Some("javascript") => Some("application/javascript"),
                        _ => None,
                    };
                    if let (None, Some(t)) = (&header_type, implied) {
                        b["content_type"] = Value::String(t.into());
                    }
                    Some(b)
                }
            }
            Some("urlencoded") => {
                let fields = entries(body.get("urlencoded"));
                (!fields.is_empty()).then(|| json!({ "form": pairs(&fields) }))
            }
            Some("formdata") => {
                let mut parts = Vec::new();
                for p in body.get("formdata").and_then(Value::as_array).into_iter().flatten() {
                    if p.get("disabled") == Some(&Value::Bool(true)) {
                        continue;
                    }
                    let Some(key) = p.get("key").and_then(Value::as_str) else { continue };
                    // Each value is one part: Postman sends a part per file chosen for the key.
                    let values = if p.get("type").and_then(Value::as_str) == Some("file") {
                        let sources = match p.get("src") {
                            Some(Value::Array(a)) if !a.is_empty() => {
                                a.iter().map(|s| Some(text_of(s))).collect()
                            }
                            Some(Value::String(s)) => vec![Some(s.clone())],
                            _ => vec![None],
                        };
                        let files = sources.iter().map(|src| local_file(src.as_deref(), key));
                        files.map(|f| ("file", f)).collect()
                    } else {
                        vec![("value", p.get("value").map(text_of).unwrap_or_default())]
                    };
                    let content_type = p.get("contentType").and_then(Value::as_str).filter(|t| !t.is_empty());
                    for (kind, value) in values {
                        let mut part = Map::new();
                        part.insert("name".into(), Value::String(key.into()));
                        part.insert(kind.into(), Value::String(value));
                        if let Some(t) = content_type {
                            part.insert("content_type".into(), Value::String(t.into()));
                        }
                        parts.push(Value::Object(part));
                    }
                }
                (!parts.is_empty()).then(|| json!({ "multipart": parts }))
            }
            Some("file") => {
                let src = body.pointer("/file/src").and_then(Value::as_str);
                Some(json!({ "binary": local_file(src, "body") }))
            }
            Some("graphql") => {
                let query = body.pointer("/graphql/query").and_then(Value::as_str).unwrap_or("");
                let mut g = json!({ "query": query });
                match body.pointer("/graphql/variables") {
                    Some(Value::String(s)) if !s.trim().is_empty() => {
                        let v: Value = serde_json::from_str(s)
                            .map_err(|e| format!("graphql variables are not JSON: {e}"))?;
                        g["variables"] = v;
                    }
                    Some(v @ Value::Object(_)) => g["variables"] = v.clone(),
                    _ => {}
                }
                Some(json!({ "graphql": g }))
            }
            Some(other) => {
                self.warnings.push(format!("{origin}: body mode `{other}` is not supported; no body"));
                None
            }
        })
    }

    fn auth(&mut self, auth: &Value, origin: &str) -> Option<Value> {
        let kind = auth.get("type").and_then(Value::as_str).unwrap_or("noauth");
        let p = |key: &str| auth_param(auth, kind, key);
        match kind {
            "noauth" => None,
            "bearer" => {
                Some(json!({ "bearer": { "token": p("token").unwrap_or_else(|| "{{accessToken}}".into()) } }))
            }
            "oauth2" => {
                let token =
                    p("accessToken").filter(|t| !t.is_empty()).unwrap_or_else(|| "{{accessToken}}".into());
                // As Postman signs the request: the token in `access_token` when added to the
                // query, else in Authorization after the header prefix (trimmed; `Bearer` when
                // unset, none when empty).
                if p("tokenType").is_some_and(|t| t.eq_ignore_ascii_case("mac")) {
                    self.warnings
                        .push(format!("{origin}: OAuth 2.0 MAC tokens are not supported; sent without auth"));
                    return None;
                }
                if p("addTokenTo").as_deref() == Some("queryParams") {
                    return Some(
                        json!({ "api_key": { "name": "access_token", "value": token, "in": "query" } }),
                    );
                }
                let prefix = p("headerPrefix");
                Some(match prefix.as_deref().map(str::trim) {
                    None | Some("Bearer") => json!({ "bearer": { "token": token } }),
                    Some("") => json!({ "api_key": { "name": "Authorization", "value": token } }),
                    Some(prefix) => {
                        json!({ "api_key": { "name": "Authorization", "value": format!("{prefix} {token}") } })
                    }
                })
            }
            "basic" => Some(
                json!({ "basic": { "username": p("username").unwrap_or_default(), "password": p("password").unwrap_or_default() } }),
            ),
            "apikey" => {
                let name = p("key").unwrap_or_else(|| "X-API-Key".into());
                let value = p("value").unwrap_or_else(|| "{{apiKey}}".into());
                if p("in").as_deref() == Some("query") {
                    Some(json!({ "api_key": { "name": name, "value": value, "in": "query" } }))
                } else {
                    Some(json!({ "api_key": { "name": name, "value": value } }))
                }
            }
            other => {
                self.warnings
                    .push(format!("{origin}: auth type `{other}` is not supported; sent without auth"));
                None
            }
        }
    }
}

/// A file a sample reads: Postman stores absolute paths of the author's machine, so only the
/// file name is kept (relative to where the sample runs).
fn local_file(src: Option<&str>, fallback: &str) -> String {
    let name = src.and_then(|s| s.rsplit(['/', '\\']).next()).filter(|s| !s.is_empty() && *s != "..");
    name.map(str::to_string).unwrap_or_else(|| format!("{fallback}.bin"))
}

/// The URL without its query, the enabled query pairs, and the values of `:path` variables
/// (which become `{{variables}}`).
type UrlParts = (String, Vec<(String, Option<String>)>, Vec<(String, String)>);

fn url_parts(url: Option<&Value>) -> Result<UrlParts, String> {
    let (raw, query, vars) = match url {
        Some(Value::String(s)) => (s.clone(), None, Vec::new()),
        Some(Value::Object(o)) => {
            let raw = o.get("raw").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| {
                let host = match o.get("host") {
                    Some(Value::Array(h)) => h.iter().map(text_of).collect::<Vec<_>>().join("."),
                    Some(other) => text_of(other),
                    None => String::new(),
                };
                let path = match o.get("path") {
                    Some(Value::Array(p)) => p.iter().map(text_of).collect::<Vec<_>>().join("/"),
                    Some(other) => text_of(other).trim_start_matches('/').to_string(),
                    None => String::new(),
                };
                let protocol =
                    o.get("protocol").and_then(Value::as_str).map(|p| format!("{p}://")).unwrap_or_default();
                let port = match o.get("port") {
                    Some(Value::Null) | None => String::new(),
                    Some(p) => format!(":{}", text_of(p)),
                };
                format!("{protocol}{host}{port}/{path}")
            });
            let query = o.get("query").map(|q| optional_entries(Some(q)));
            (raw, query, entries(o.get("variable")))
        }
        _ => return Err("request has no url".into()),
    };
    let (base, raw_query) = match raw.split_once('?') {
        Some((b, q)) => (b.to_string(), Some(q)),
        None => (raw.clone(), None),
    };
    let base = base.split('#').next().unwrap_or("").to_string();
    // Postman keeps a query as written in the URL, encoded: the spec holds its text, which
    // every sample encodes again (`%20` was sent as `%2520`). `+` is a space, as servers read it.
    let query = match query {
        Some(items) => {
            items.into_iter().map(|(k, v)| (form_decode(&k), v.map(|v| form_decode(&v)))).collect()
        }
        None => raw_query.map(super::curl::url_query_pairs).unwrap_or_default(),
    };
    // `:name` path segments are Postman's path variables.
    let base = base
        .split('/')
        .map(|seg| match seg.strip_prefix(':') {
            Some(name) if !name.is_empty() => format!("{{{{{name}}}}}"),
            _ => seg.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/");
    // Postman sends a URL written without a scheme over http, as browsers' address bars do.
    let base = if base.contains("://") || base.starts_with("{{") { base } else { format!("http://{base}") };
    Ok((base, query, vars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_inherited_auth_and_bodies() {
        let collection = r#"{
          "info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
          "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
          "variable": [{"key": "baseUrl", "value": "https://api.example.com"}],
          "item": [{
            "name": "Users",
            "item": [{
              "name": "Create user",
              "request": {
                "method": "POST",
                "header": [{"key": "Content-Type", "value": "application/json"}, {"key": "X-Off", "value": "1", "disabled": true}],
                "url": {"raw": "{{baseUrl}}/users/:team?dry=1", "variable": [{"key": "team", "value": "blue"}]},
                "body": {"mode": "raw", "raw": "{\"name\": \"Ada\"}", "options": {"raw": {"language": "json"}}}
              }
            }, {
              "name": "Login", "auth": {"type": "noauth"},
              "request": {"method": "POST", "url": "{{baseUrl}}/login",
                "body": {"mode": "urlencoded", "urlencoded": [{"key": "user", "value": "ada"}]}}
            }]
          }]
        }"#;
        let (specs, _) = import("c.json", collection).unwrap();
        assert_eq!(specs[0].id, "users/create-user");
        assert_eq!(
            specs[0].yaml,
            "# Imported by snipgen from c.json#/item/0/item/0\ntitle: Create user\nmethod: POST\nurl: \"{{baseUrl}}/users/{{team}}\"\nquery:\n  dry: \"1\"\nbody:\n  json:\n    name: Ada\nauth:\n  bearer:\n    token: \"{{token}}\"\nvariables:\n  team: blue\n  baseUrl: https://api.example.com\n"
        );
        assert!(
            specs[1].yaml.contains("body:\n  form:\n    user: ada\n") && !specs[1].yaml.contains("auth:"),
            "{}",
            specs[1].yaml
        );
    }

    /// A variable inside a variable's name (Postman resolves the inner one first) cannot be a
    /// spec's variable: an error where Postman surely resolves it (the URL, or an inner name
    /// the collection defines), a warning where it may be text.
    #[test]
    fn a_variable_in_a_variable_s_name_is_named() {
        let collection = |url: &str, header: &str| {
            format!(
                r#"{{"info": {{"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}},
                "variable": [{{"key": "env", "value": "prod"}}],
                "item": [{{"name": "Get", "request": {{"method": "GET", "url": "{url}",
                  "header": [{{"key": "X-Host", "value": "{header}"}}]}}}}]}}"#
            )
        };
        let in_url = collection("https://{{host_{{env}}}}/v1", "h");
        let refused = |text: &str| import("c.json", text).expect_err("refused")[0].message.clone();
        let err = refused(&in_url);
        assert!(err.contains("`{{host_{{env}}}}` has a variable in its name"), "{err}");
        let known_inner = collection("https://api.example.com/v1", "{{host_{{env}}}}");
        let err = refused(&known_inner);
        assert!(err.contains("give the value a variable of its own"), "{err}");
        let unknown_inner = collection("https://api.example.com/v1", "{{a_{{region}}}} and {{{x}}}");
        let (specs, warnings) = import("c.json", &unknown_inner).unwrap();
        assert_eq!(specs.len(), 1);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("`{{a_{{region}}}}` has a variable in its name"), "{warnings:?}");
        assert_eq!(nested_placeholders("{{a}} {{b_{{c}}_{{d}}}} {{{e}}}"), ["b_{{c}}_{{d}}"]);
    }

    /// A form's charset cannot be sent (a form body's type is fixed): dropped with a warning.
    #[test]
    fn form_charset_dropped_with_a_warning() {
        let collection = r#"{
          "info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
          "item": [{"name": "Login", "request": {"method": "POST", "url": "https://api.example.com/login",
            "header": [{"key": "Content-Type", "value": "application/x-www-form-urlencoded; charset=UTF-8"}],
            "body": {"mode": "urlencoded", "urlencoded": [{"key": "user", "value": "ada"}]}}}]
        }"#;
        let (specs, warnings) = import("c.json", collection).unwrap();
        assert!(specs[0].yaml.contains("body:\n  form:\n    user: ada\n"), "{}", specs[0].yaml);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with(
                "c.json#/item/0: Content-Type `application/x-www-form-urlencoded; charset=UTF-8` is sent as"
            ),
            "{warnings:?}"
        );
    }
}
