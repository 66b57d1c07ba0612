//! OpenAPI 3.0.x and 3.1.x → one spec per operation.
//!
//! The document is read as a plain JSON value (JSON or YAML) rather than through a typed
//! model: `openapiv3` covers 3.0 only and `oas3` targets 3.1 and warns about 3.0, neither
//! resolves `$ref`s into other files, and a plain value lets every problem be reported at its
//! JSON pointer. The mapping is documented in README.md ("OpenAPI").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::{Imported, pairs, slug, slug_words, variable_name};
use crate::error::Diagnostic;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// 1-based index into the `servers` list in effect; default the first.
    pub server: Option<usize>,
}

pub(super) const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// A place in one of the loaded files: the file's index and a JSON pointer.
#[derive(Debug, Clone)]
struct At {
    file: usize,
    ptr: String,
}

impl At {
    fn join(&self, key: &str) -> At {
        At { file: self.file, ptr: format!("{}/{}", self.ptr, key.replace('~', "~0").replace('/', "~1")) }
    }
    fn index(&self, i: usize) -> At {
        self.join(&i.to_string())
    }
}

/// The root document and every file its `$ref`s reach, loaded up front.
struct Docs {
    /// Display name (as the user would write it) and canonical path, per file.
    names: Vec<(String, PathBuf)>,
    values: Vec<Value>,
    /// Each file's text as read, for `--format openapi` to copy files it does not change.
    texts: Vec<String>,
}

type Res<T> = Result<T, Diagnostic>;

impl Docs {
    fn name(&self, at: &At) -> String {
        format!("{}#{}", self.names[at.file].0, at.ptr)
    }

    fn err(&self, at: &At, message: impl Into<String>) -> Diagnostic {
        Diagnostic::plain(Path::new(&self.name(at)), message)
    }

    fn load(root: &Path) -> Result<Docs, Vec<Diagnostic>> {
        let mut docs = Docs { names: Vec::new(), values: Vec::new(), texts: Vec::new() };
        let mut errors = Vec::new();
        let mut queue = vec![(root.display().to_string(), root.to_path_buf(), None::<String>)];
        while let Some((name, path, referrer)) = queue.pop() {
            let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if docs.names.iter().any(|(_, c)| *c == canonical) {
                continue;
            }
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    let at = referrer.unwrap_or_else(|| name.clone());
                    errors.push(Diagnostic::plain(
                        Path::new(&at),
                        format!("cannot read {}: {}", path.display(), crate::error::io_reason(&e)),
                    ));
                    continue;
                }
            };
            let text = match crate::spec::utf8_text(Path::new(&name), &bytes) {
                Ok(t) => t.to_string(),
                Err(d) => {
                    errors.push(d);
                    continue;
                }
            };
            let value = match parse_text(&path, &text) {
                Ok(v) => v,
                Err(d) => {
                    errors.push(d);
                    continue;
                }
            };
            let mut refs = Vec::new();
            collect_refs(&value, "", &mut refs);
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let name_dir = Path::new(&name).parent().map(Path::to_path_buf).unwrap_or_default();
            for (ptr, r) in refs {
                let file = r.split('#').next().unwrap_or("");
                if file.is_empty() {
                    continue;
                }
                let referrer = format!("{name}#{ptr}");
                if file.contains("://") {
                    errors.push(Diagnostic::plain(
                        Path::new(&referrer),
                        format!("$ref {r:?} points to a remote document; only local files are read"),
                    ));
                    continue;
                }
                queue.push((name_dir.join(file).display().to_string(), dir.join(file), Some(referrer)));
            }
            docs.names.push((name, canonical));
            docs.values.push(value);
            docs.texts.push(text);
        }
        if errors.is_empty() { Ok(docs) } else { Err(errors) }
    }

    fn get(&self, at: &At) -> Option<&Value> {
        self.values[at.file].pointer(&at.ptr)
    }

    /// Follows `$ref`s from `at` until a value that is not a reference.
    fn resolve(&self, at: &At) -> Res<(At, &Value)> {
        let mut at = at.clone();
        for _ in 0..64 {
            let value = self.get(&at).ok_or_else(|| self.err(&at, "nothing at this location"))?;
            let Some(r) = value.get("$ref").and_then(Value::as_str) else {
                return Ok((at, value));
            };
            at = self.target(&at, r)?;
        }
        Err(self.err(&at, "$ref chain does not end (a cycle of references)"))
    }

    /// Where the reference `r`, written in `from`'s file, points.
    fn target(&self, from: &At, r: &str) -> Res<At> {
        let (file, fragment) = r.split_once('#').unwrap_or((r, ""));
        let index = if file.is_empty() {
            from.file
        } else {
            let base = self.names[from.file].1.parent().map(Path::to_path_buf).unwrap_or_default();
            let wanted = std::fs::canonicalize(base.join(file)).unwrap_or_else(|_| base.join(file));
            self.names
                .iter()
                .position(|(_, c)| *c == wanted)
                .ok_or_else(|| self.err(from, format!("$ref {r:?}: file not loaded")))?
        };
        let ptr = super::percent_decode(fragment);
        let at = At { file: index, ptr };
        if self.get(&at).is_none() {
            return Err(self.err(from, format!("$ref {r:?} points to nothing")));
        }
        Ok(at)
    }
}

fn collect_refs(value: &Value, ptr: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{ptr}/{}", k.replace('~', "~0").replace('/', "~1"));
                if k == "$ref"
                    && let Some(r) = v.as_str()
                {
                    out.push((ptr.to_string(), r.to_string()));
                } else {
                    collect_refs(v, &here, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_refs(v, &format!("{ptr}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// JSON or YAML text into a value; YAML errors carry line and column.
fn parse_text(path: &Path, text: &str) -> Res<Value> {
    let json = matches!(path.extension().and_then(|e| e.to_str()), Some("json"));
    if json {
        serde_json::from_str(text).map_err(|e| {
            Diagnostic::at(path, e.line() as u64, e.column() as u64, format!("invalid JSON: {e}"))
        })
    } else {
        // OpenAPI 3 documents are YAML 1.2: `on`, `n` or `yes` are strings, not booleans, and
        // an example's numbers keep their written form (`10.50`, twenty-digit ids), as a JSON
        // document's do.
        let mut options = crate::spec::yaml_options();
        options.strict_booleans = true;
        let node: crate::yaml_json::Node = serde_saphyr::from_str_with_options(text, options)
            .map_err(|e| crate::common::yaml_error(path, &e))?;
        crate::yaml_json::document_to_json(&node, text)
            .map_err(|(at, message)| Diagnostic::spanned(path, &at, message))
    }
}

/// The `x-snipgen` extension of an operation.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Extension {
    #[serde(default)]
    skip: bool,
    title: Option<String>,
    id: Option<String>,
    /// Example values by parameter name (any location), overriding the document's.
    #[serde(default)]
    parameters: BTreeMap<String, Value>,
    /// The request body's example, overriding the document's.
    body: Option<Value>,
    /// Values for `{{variables}}` (server variables, path parameters).
    #[serde(default)]
    variables: BTreeMap<String, String>,
}

/// `<first tag or first path segment>/<operationId or method-path>`, slugged.
fn default_id(path: &str, method: &str, op: &Value) -> String {
    let group = match op.get("tags").and_then(|t| t.get(0)).and_then(Value::as_str) {
        Some(tag) => slug_words(tag),
        None => slug_words(path.split('/').find(|s| !s.is_empty()).unwrap_or("")),
    };
    let group = if group.is_empty() { "root".to_string() } else { group };
    let name = match op.get("operationId").and_then(Value::as_str) {
        Some(id) => slug(id),
        None => slug(&format!("{method} {path}")),
    };
    format!("{group}/{name}")
}

/// One code sample for an operation's `x-codeSamples` (as Redoc and others read it).
#[derive(Debug, Clone, serde::Serialize)]
pub struct CodeSample {
    pub lang: String,
    pub label: String,
    pub source: String,
}

/// One file of a document: the root or a file its `$ref`s reach.
#[derive(Debug, Clone)]
pub struct DocFile {
    /// As the user would write it (the root as given, others relative to it).
    pub name: String,
    pub canonical: PathBuf,
    pub text: String,
    pub value: Value,
}

/// Where an operation lives: its spec id, and the file (index into the files) and JSON
/// pointer of the operation object, `$ref`s followed.
#[derive(Debug, Clone)]
pub struct Site {
    pub id: String,
    pub file: usize,
    pub pointer: String,
}

/// Every file of the document `file` (the root first) and the site of every operation that
/// `import` turns into a spec (the same ids; skipped and `trace` operations left out).
pub fn operation_sites(file: &Path) -> Result<(Vec<DocFile>, Vec<Site>), Vec<Diagnostic>> {
    let docs = Docs::load(file)?;
    let root = At { file: 0, ptr: String::new() };
    let mut sites = Vec::new();
    if let Some(paths) = docs.get(&root).and_then(|d| d.get("paths")).and_then(Value::as_object) {
        for path in paths.keys() {
            let (item_at, item) = docs.resolve(&root.join("paths").join(path)).map_err(|d| vec![d])?;
            let Some(item) = item.as_object() else { continue };
            for method in item.keys().filter(|k| METHODS.contains(&k.as_str()) && *k != "trace") {
                let (op_at, op) = docs.resolve(&item_at.join(method)).map_err(|d| vec![d])?;
                if op.pointer("/x-snipgen/skip").and_then(Value::as_bool) == Some(true) {
                    continue;
                }
                let id = op
                    .pointer("/x-snipgen/id")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| default_id(path, method, op));
                sites.push(Site { id, file: op_at.file, pointer: op_at.ptr });
            }
        }
    }
    let files = docs
        .names
        .into_iter()
        .zip(docs.texts)
        .zip(docs.values)
        .map(|(((name, canonical), text), value)| DocFile { name, canonical, text, value })
        .collect();
    Ok((files, sites))
}

/// Reads `file` and maps every operation to a spec; warnings name what was not mapped.
pub fn import(file: &Path, options: &Options) -> Result<(Vec<Imported>, Vec<String>), Vec<Diagnostic>> {
    let mut docs = Docs::load(file)?;
    if super::swagger::is_swagger_2(&docs.values[0]) {
        super::swagger::convert(&mut docs.values)
            .map_err(|(ptr, message)| vec![docs.err(&At { file: 0, ptr }, message)])?;
    }
    let mut ctx = Ctx { docs: &docs, options, warnings: Vec::new() };
    let root = At { file: 0, ptr: String::new() };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    match ctx.operations(&root, &mut out, &mut errors) {
        Ok(()) if errors.is_empty() => Ok((out, ctx.warnings)),
        Ok(()) => Err(errors),
        Err(d) => Err(vec![d]),
    }
}

struct Ctx<'a> {
    docs: &'a Docs,
    options: &'a Options,
    warnings: Vec<String>,
}

/// The spec being built for one operation.
#[derive(Default)]
struct Draft {
    headers: Vec<(String, String)>,
    query: Vec<(String, String)>,
    cookies: Vec<String>,
    variables: Map<String, Value>,
}

/// A value as text in a URL, header or form field.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The first media type of `content` whose base type satisfies `want`.
fn media(content: &Map<String, Value>, want: impl Fn(&str) -> bool) -> Option<(&String, &Value)> {
    content.iter().find(|(k, _)| {
        let base = k.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        want(&base)
    })
}

fn is_json(base: &str) -> bool {
    base == "application/json" || base.ends_with("+json")
}

fn is_text(base: &str) -> bool {
    base.starts_with("text/") || base == "application/xml" || base.ends_with("+xml")
}

fn is_xml(base: &str) -> bool {
    base.ends_with("/xml") || base.ends_with("+xml")
}

/// A file name for a body or part of this media type.
fn file_name(stem: &str, media_type: Option<&str>) -> String {
    let ext = match media_type.map(|m| m.split(';').next().unwrap_or("").trim()) {
        Some("image/png") => "png",
        Some("image/jpeg") => "jpg",
        Some("image/gif") => "gif",
        Some("image/svg+xml") => "svg",
        Some("application/pdf") => "pdf",
        Some("application/zip") => "zip",
        Some("text/csv") => "csv",
        Some("text/plain") => "txt",
        Some("application/json") => "json",
        Some(m) if m.ends_with("xml") => "xml",
        _ => "bin",
    };
    let stem: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() || "-_".contains(c) { c } else { '-' }).collect();
    format!("{}.{ext}", if stem.is_empty() { "file" } else { &stem })
}

impl Ctx<'_> {
    fn warn(&mut self, at: &At, message: impl Into<String>) {
        // A shared component (`$ref`'d by many operations) warns once, not once per use.
        let warning = format!("{}: {}", self.docs.name(at), message.into());
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    fn operations(&mut self, root: &At, out: &mut Vec<Imported>, errors: &mut Vec<Diagnostic>) -> Res<()> {
        let docs = self.docs;
        let doc = docs.get(root).expect("root");
        let version = doc.get("openapi").and_then(Value::as_str).unwrap_or("");
        if !(version.starts_with("3.0") || version.starts_with("3.1")) {
            let found = if version.is_empty() {
                match doc.get("swagger") {
                    Some(v) => format!("`swagger: {}`", scalar_text(v)),
                    None => "no `openapi` field".to_string(),
                }
            } else {
                format!("`openapi: {version}`")
            };
            return Err(docs.err(
                &root.join("openapi"),
                format!("expected OpenAPI 3.0.x or 3.1.x, or Swagger 2.0, found {found}"),
            ));
        }
        if let Some(hooks) = doc.get("webhooks").and_then(Value::as_object)
            && !hooks.is_empty()
        {
            self.warn(
                &root.join("webhooks"),
                "webhooks are not supported (no request is sent to the API); skipped",
            );
        }
        let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
            return Ok(());
        };
        let mut ids: Vec<(String, String)> = Vec::new();
        for path in paths.keys() {
            let item_at = root.join("paths").join(path);
            let (item_at, item) = docs.resolve(&item_at)?;
            let Some(item) = item.as_object() else { continue };
            for (method, _) in item.iter().filter(|(k, _)| METHODS.contains(&k.as_str())) {
                let op_at = item_at.join(method);
                match self.operation(path, method, &item_at, &op_at) {
                    Ok(None) => {}
                    Ok(Some(one)) => {
                        if let Some((_, first)) = ids.iter().find(|(id, _)| *id == one.id) {
                            errors.push(docs.err(
                                &op_at,
                                format!(
                                    "id `{}` is also the id of {first}; set `x-snipgen: {{id: …}}` on one of them",
                                    one.id
                                ),
                            ));
                        } else {
                            ids.push((one.id.clone(), one.origin.clone()));
                            out.push(one);
                        }
                    }
                    Err(d) => errors.push(d),
                }
            }
        }
        Ok(())
    }

    fn operation(&mut self, path: &str, method: &str, item_at: &At, op_at: &At) -> Res<Option<Imported>> {
        let docs = self.docs;
        let (op_at, op) = docs.resolve(op_at)?;
        let ext: Extension = match op.get("x-snipgen") {
            None => Extension::default(),
            Some(v) => serde_json::from_value(v.clone())
                .map_err(|e| docs.err(&op_at.join("x-snipgen"), format!("x-snipgen: {e}")))?,
        };
        if ext.skip {
            return Ok(None);
        }
        if method == "trace" {
            self.warn(&op_at, "TRACE requests are not sent by the clients snipgen writes; skipped");
            return Ok(None);
        }
        if op.get("callbacks").and_then(Value::as_object).is_some_and(|c| !c.is_empty()) {
            self.warn(&op_at.join("callbacks"), "callbacks are not supported (the API sends them); ignored");
        }
        let item = docs.get(item_at).expect("path item");

        let op_id = op.get("operationId").and_then(Value::as_str);
        let id = ext.id.clone().unwrap_or_else(|| default_id(path, method, op));
        let title = ext
            .title
            .clone()
            .or_else(|| op.get("summary").and_then(Value::as_str).map(str::to_string))
            .or_else(|| op_id.map(str::to_string))
            .unwrap_or_else(|| format!("{} {path}", method.to_ascii_uppercase()));

        let mut draft = Draft::default();
        let mut url = self.server_url(item_at, item, &op_at, op, &mut draft)?;

        // Path-level parameters, overridden by operation-level ones of the same name and place.
        let mut params: Vec<(At, &Value)> = Vec::new();
        for (holder_at, holder) in [(item_at, item), (&op_at, op)] {
            if let Some(list) = holder.get("parameters").and_then(Value::as_array) {
                for i in 0..list.len() {
                    let (p_at, p) = docs.resolve(&holder_at.join("parameters").index(i))?;
                    let key = |v: &Value| (v.get("name").cloned(), v.get("in").cloned());
                    params.retain(|(_, q)| key(q) != key(p));
                    params.push((p_at, p));
                }
            }
        }
        let mut path_text = String::new();
        let mut rest = path;
        while let Some(open) = rest.find('{') {
            path_text.push_str(&encode_literal(&rest[..open]));
            let Some(close) = rest[open..].find('}') else {
                return Err(docs.err(&op_at, format!("path {path:?} has an unclosed `{{`")));
            };
            let pname = &rest[open + 1..open + close];
            let var = variable_name(pname);
            let param = params.iter().find(|(_, p)| {
                p.get("in").and_then(Value::as_str) == Some("path")
                    && p.get("name").and_then(Value::as_str) == Some(pname)
            });
            let (style, explode) = match param {
                Some((_, p)) => (
                    p.get("style").and_then(Value::as_str).unwrap_or("simple").to_string(),
                    p.get("explode").and_then(Value::as_bool).unwrap_or(false),
                ),
                None => ("simple".into(), false),
            };
            let value = match param {
                Some((p_at, p)) => self.param_value(p_at, p, &ext, true)?,
                None => {
                    self.warn(
                        &op_at,
                        format!("path parameter `{pname}` is not described; its value is a placeholder"),
                    );
                    None
                }
            };
            // OpenAPI §4.8.12.4: an exploded matrix list or object repeats `;name=` (or
            // spells `;key=value`) per item, so the variable holds the whole run of pairs.
            let composite = value.as_ref().is_some_and(|v| v.is_array() || v.is_object());
            match style.as_str() {
                "label" => path_text.push_str(&format!(".{{{{{var}}}}}")),
                "matrix" if explode && composite => path_text.push_str(&format!(";{{{{{var}}}}}")),
                "matrix" => path_text.push_str(&format!(";{}={{{{{var}}}}}", encode_literal(pname))),
                _ => path_text.push_str(&format!("{{{{{var}}}}}")),
            }
            if let Some(v) = value {
                let text = match style.as_str() {
                    "label" => join_value(&v, ".", explode),
                    "matrix" if explode => matrix_exploded(pname, &v),
                    _ => join_value(&v, ",", explode),
                };
                // OpenAPI encodes a path value whole (`a%2Fb`); a bound variable keeps `/` as
                // the separator it is in a written URL, so the server would see two segments.
                if text.contains('/') {
                    let at = param.map_or(&op_at, |(p_at, _)| p_at);
                    self.warn(
                        at,
                        format!(
                            "path parameter `{pname}`'s example {text:?} holds `/`, which stays a path separator when `{{{{{var}}}}}` is bound (OpenAPI would send `%2F`); fine for an API that reads the rest of the path as the value"
                        ),
                    );
                }
                draft.variables.entry(var).or_insert(Value::String(text));
            }
            rest = &rest[open + close + 1..];
        }
        path_text.push_str(&encode_literal(rest));
        url = format!("{}{}", url.trim_end_matches('/'), path_text);

        for (p_at, p) in &params {
            let name = p.get("name").and_then(Value::as_str).unwrap_or("");
            let place = p.get("in").and_then(Value::as_str).unwrap_or("");
            if place == "path" {
                continue;
            }
            if place == "header"
                && ["accept", "content-type", "authorization"].contains(&name.to_ascii_lowercase().as_str())
            {
                continue;
            }
            if place == "header" && crate::spec::managed_header(name).is_some() {
                self.warn(
                    p_at,
                    format!("header parameter `{name}` left out: every client sets it on its own"),
                );
                continue;
            }
            let Some(value) = self.param_value(p_at, p, &ext, false)? else { continue };
            let style = p.get("style").and_then(Value::as_str);
            let explode = p.get("explode").and_then(Value::as_bool);
            let content = p.get("content").is_some();
            match place {
                "query" => {
                    if content {
                        draft.query.push((name.into(), compact(&value)));
                        continue;
                    }
                    let style = style.unwrap_or("form");
                    let explode = explode.unwrap_or(style == "form");
                    query_pairs(name, &value, style, explode, &mut draft.query);
                }
                "header" => {
                    let text = if content {
                        compact(&value)
                    } else {
                        join_value(&value, ",", explode.unwrap_or(false))
                    };
                    draft.headers.push((name.into(), text));
                }
                "cookie" => {
                    let text = if content { compact(&value) } else { join_value(&value, ",", false) };
                    draft.cookies.push(format!("{name}={text}"));
                }
                other => {
                    return Err(docs.err(&p_at.join("in"), format!("unknown parameter location {other:?}")));
                }
            }
        }

        // Before the header parameters, as Swagger UI's requests put it.
        if let Some(media) = self.accept(&op_at, op)? {
            draft.headers.insert(0, ("Accept".into(), media));
        }
        let (auth, cookie_auth) = self.security(&op_at, op, &mut draft)?;
        // A header parameter that an API key scheme also describes is one header, which the
        // spec's `auth` sends (a spec may not set it twice).
        for key in auth.iter().flat_map(api_key_headers) {
            let before = draft.headers.len();
            draft.headers.retain(|(name, _)| !name.eq_ignore_ascii_case(&key));
            if draft.headers.len() < before {
                self.warn(
                    &op_at,
                    format!("header parameter `{key}` left out: the API key security scheme sends it"),
                );
            }
        }
        if let Some(c) = cookie_auth {
            draft.cookies.push(c);
        }
        if !draft.cookies.is_empty() {
            let cookies = draft.cookies.join("; ");
            draft.headers.push(("Cookie".into(), cookies));
        }

        let body = match op.get("requestBody") {
            Some(_) => self.body(&op_at.join("requestBody"), &ext)?,
            None => None,
        };

        for (k, v) in &ext.variables {
            draft.variables.insert(k.clone(), Value::String(v.clone()));
        }

        let mut spec = Map::new();
        spec.insert("title".into(), Value::String(title));
        if let Some(d) = op.get("description").and_then(Value::as_str) {
            spec.insert("description".into(), Value::String(d.to_string()));
        }
        let upper = method.to_ascii_uppercase();
        spec.insert("method".into(), Value::String(upper.clone()));
        if body.is_some() && matches!(upper.as_str(), "GET" | "HEAD") {
            self.warn(
                &op_at.join("requestBody"),
                format!("a {upper} request with a body; kept with `allow_body: true`"),
            );
            spec.insert("allow_body".into(), Value::Bool(true));
        }
        spec.insert("url".into(), Value::String(url));
        if !draft.headers.is_empty() {
            spec.insert("headers".into(), pairs(&draft.headers));
        }
        if !draft.query.is_empty() {
            spec.insert("query".into(), pairs(&draft.query));
        }
        if let Some(b) = body {
            spec.insert("body".into(), b);
        }
        if let Some(a) = auth {
            spec.insert("auth".into(), a);
        }
        if !draft.variables.is_empty() {
            spec.insert("variables".into(), Value::Object(draft.variables));
        }
        let origin = docs.name(&op_at);
        let file_name = Path::new(&docs.names[op_at.file].0)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let header = format!("# Imported by snipgen from {file_name}#{}\n", op_at.ptr);
        let yaml = super::to_yaml(&header, &Value::Object(spec)).map_err(|m| docs.err(&op_at, m))?;
        Ok(Some(Imported { id, origin, yaml }))
    }

    /// The base URL: the servers of the operation, else of the path, else of the document
    /// (`--server N` picks one; default the first), variables as `{{variables}}`.
    fn server_url(
        &mut self,
        item_at: &At,
        item: &Value,
        op_at: &At,
        op: &Value,
        draft: &mut Draft,
    ) -> Res<String> {
        let docs = self.docs;
        let root = At { file: 0, ptr: String::new() };
        let doc = docs.get(&root).expect("root");
        let found = [(op_at, op), (item_at, item), (&root, doc)].into_iter().find_map(|(at, v)| {
            v.get("servers")
                .and_then(Value::as_array)
                .filter(|s| !s.is_empty())
                .map(|s| (at.join("servers"), s))
        });
        let Some((servers_at, servers)) = found else {
            draft.variables.insert("baseUrl".into(), Value::String("https://api.example.com".into()));
            return Ok("{{baseUrl}}".into());
        };
        let index = self.options.server.unwrap_or(1);
        if index == 0 || index > servers.len() {
            return Err(docs.err(
                &servers_at,
                format!("--server {index}: this list has {} server(s), numbered from 1", servers.len()),
            ));
        }
        let server_at = servers_at.index(index - 1);
        let server = &servers[index - 1];
        let raw = server
            .get("url")
            .and_then(Value::as_str)
            .ok_or_else(|| docs.err(&server_at, "server has no `url`"))?;
        let vars = server.get("variables").and_then(Value::as_object);
        let mut url = String::new();
        let mut rest = raw;
        while let Some(open) = rest.find('{') {
            url.push_str(&rest[..open]);
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| docs.err(&server_at.join("url"), "unclosed `{` in server url"))?;
            let name = &rest[open + 1..open + close];
            let var = variable_name(name);
            url.push_str(&format!("{{{{{var}}}}}"));
            let value = vars.and_then(|v| v.get(name)).and_then(|v| {
                v.get("default").or_else(|| v.get("enum").and_then(|e| e.get(0))).map(scalar_text)
            });
            match value {
                Some(v) => {
                    draft.variables.insert(var, Value::String(v));
                }
                None => self
                    .warn(&server_at.join("variables"), format!("server variable `{name}` has no default")),
            }
            rest = &rest[open + close + 1..];
        }
        url.push_str(rest);
        if !url.contains("://") && !url.starts_with("{{") {
            self.warn(
                &server_at.join("url"),
                "relative server url: `{{baseUrl}}` stands for the API's origin",
            );
            draft.variables.insert("baseUrl".into(), Value::String("https://api.example.com".into()));
            url = format!("{{{{baseUrl}}}}{}", if url.starts_with('/') { url } else { format!("/{url}") });
        }
        Ok(url)
    }

    /// A parameter's example value: `x-snipgen`, `example`, first of `examples`, the schema's
    /// example, default or first enum; for required parameters a value from the schema.
    fn param_value(&mut self, at: &At, p: &Value, ext: &Extension, always: bool) -> Res<Option<Value>> {
        let name = p.get("name").and_then(Value::as_str).unwrap_or("");
        if let Some(v) = ext.parameters.get(name) {
            return Ok(Some(v.clone()));
        }
        if let Some(v) = self.example_of(at, p)? {
            return Ok(Some(v));
        }
        let schema_at = if p.get("schema").is_some() {
            Some(at.join("schema"))
        } else if let Some(content) = p.get("content").and_then(Value::as_object) {
            let Some((k, mt)) = content.iter().next() else { return Ok(None) };
            let mt_at = at.join("content").join(k);
            if let Some(v) = self.example_of(&mt_at, mt)? {
                return Ok(Some(v));
            }
            mt.get("schema").map(|_| mt_at.join("schema"))
        } else {
            None
        };
        let Some(schema_at) = schema_at else {
            return Ok(always.then(|| Value::String(format!("{name}-value"))));
        };
        let (_, schema) = self.docs.resolve(&schema_at)?;
        let has_example = schema.get("example").is_some() || schema.get("examples").is_some();
        let required = always || p.get("required").and_then(Value::as_bool).unwrap_or(false);
        if !(required || has_example) {
            return Ok(None);
        }
        let mut g = Gen::new(self, Purpose::Parameter);
        Ok(Some(g.value(&schema_at, 0)?.unwrap_or(Value::Null)))
    }

    /// `example`, else the first of `examples` (Example objects, resolved).
    fn example_of(&mut self, at: &At, v: &Value) -> Res<Option<Value>> {
        if let Some(e) = v.get("example") {
            return Ok(Some(e.clone()));
        }
        let Some(examples) = v.get("examples").and_then(Value::as_object) else { return Ok(None) };
        for key in examples.keys() {
            let (e_at, e) = self.docs.resolve(&at.join("examples").join(key))?;
            if let Some(value) = e.get("value") {
                return Ok(Some(value.clone()));
            }
            if e.get("externalValue").is_some() {
                self.warn(&e_at, "externalValue examples are not read; using the next example or the schema");
            }
        }
        Ok(None)
    }

    /// What a sample asks for (`Accept`): the first media type of the first success response
    /// with content (the lowest `2xx` code, else `2XX`), as Swagger UI's requests ask. Not
    /// `default`, which is most often the error model; not `*/*`, which every client asks for
    /// unasked; nothing that is not printable ASCII, which a header cannot hold.
    fn accept(&self, op_at: &At, op: &Value) -> Res<Option<String>> {
        let Some(responses) = op.get("responses").and_then(Value::as_object) else { return Ok(None) };
        let rank = |code: &str| match code.parse::<u16>() {
            Ok(n) if (200..300).contains(&n) && code.len() == 3 => Some(n),
            _ if code.eq_ignore_ascii_case("2XX") => Some(300),
            _ => None,
        };
        let mut success: Vec<(u16, &String)> =
            responses.keys().filter_map(|code| rank(code).map(|r| (r, code))).collect();
        success.sort();
        for (_, code) in success {
            let (_, response) = self.docs.resolve(&op_at.join("responses").join(code))?;
            let Some(media) =
                response.get("content").and_then(Value::as_object).and_then(|c| c.keys().next())
            else {
                continue;
            };
            let media = media.trim();
            let sendable = !media.is_empty() && media.bytes().all(|b| (0x20..0x7f).contains(&b));
            return Ok((sendable && media != "*/*").then(|| media.to_string()));
        }
        Ok(None)
    }

    /// The request body spec: the first supported media type, in the order JSON, form,
    /// multipart, text/XML, anything else as a binary file.
    fn body(&mut self, at: &At, ext: &Extension) -> Res<Option<Value>> {
        let docs = self.docs;
        let (at, rb) = docs.resolve(at)?;
        let Some(content) = rb.get("content").and_then(Value::as_object) else { return Ok(None) };
        let content_at = at.join("content");
        if let Some((key, mt)) = media(content, is_json) {
            let mt_at = content_at.join(key);
            let value = match &ext.body {
                Some(v) => v.clone(),
                None => match self.example_of(&mt_at, mt)? {
                    Some(v) => v,
                    None => self.schema_value(&mt_at, mt, Purpose::Json)?.unwrap_or(json!({})),
                },
            };
            let mut body = json!({ "json": value });
            if key != "application/json" {
                body["content_type"] = Value::String(key.clone());
            }
            return Ok(Some(body));
        }
        if let Some((key, mt)) = media(content, |b| b == "application/x-www-form-urlencoded") {
            let mt_at = content_at.join(key);
            let fields = self.fields(&mt_at, mt, ext, false)?;
            let list: Vec<(String, String)> = fields.into_iter().map(|f| (f.name, f.value)).collect();
            return Ok(Some(json!({ "form": pairs(&list) })));
        }
        if let Some((key, mt)) = media(content, |b| b == "multipart/form-data") {
            let mt_at = content_at.join(key);
            let mut fields = self.fields(&mt_at, mt, ext, true)?;
            // Text fields first, then files: RestSharp and HTTP_Request2 send them in that
            // order whatever the code says, and an HTML form's order is the schema's anyway.
            fields.sort_by_key(|f| f.file);
            let parts: Vec<Value> = fields
                .into_iter()
                .map(|f| {
                    let mut part = Map::new();
                    part.insert("name".into(), Value::String(f.name.clone()));
                    if f.file {
                        part.insert(
                            "file".into(),
                            Value::String(file_name(&f.name, f.content_type.as_deref())),
                        );
                    } else {
                        part.insert("value".into(), Value::String(f.value));
                    }
                    if let Some(t) = f.content_type {
                        part.insert("content_type".into(), Value::String(t));
                    }
                    Value::Object(part)
                })
                .collect();
            return Ok(Some(json!({ "multipart": parts })));
        }
        let mut xml_skipped = false;
        if let Some((key, mt)) = media(content, is_text) {
            let mt_at = content_at.join(key);
            let base = key.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            let example = match &ext.body {
                Some(v) => Some(v.clone()),
                None => self.example_of(&mt_at, mt)?,
            };
            let text = match example {
                Some(Value::String(s)) => Some(s),
                Some(other) if !is_xml(&base) => Some(other.to_string()),
                _ if is_xml(&base) => None,
                _ => Some(
                    self.schema_value(&mt_at, mt, Purpose::Json)?
                        .map(|v| scalar_text(&v))
                        .unwrap_or_default(),
                ),
            };
            match text {
                Some(text) => {
                    let mut body = json!({ "text": text });
                    if base != "text/plain" || key != "text/plain" {
                        body["content_type"] = Value::String(key.clone());
                    }
                    return Ok(Some(body));
                }
                None => {
                    self.warn(
                        &mt_at,
                        "XML schemas are not supported; give an `example` string to send an XML body",
                    );
                    xml_skipped = true;
                }
            }
        }
        if let Some((key, _)) = media(content, |b| {
            !(is_json(b)
                || is_text(b)
                || b.starts_with("multipart/")
                || b == "application/x-www-form-urlencoded")
        }) {
            let concrete = !key.contains('*');
            let mut body = json!({ "binary": file_name("body", concrete.then_some(key.as_str())) });
            if key != "application/octet-stream" && concrete {
                body["content_type"] = Value::String(key.clone());
            }
            return Ok(Some(body));
        }
        if !xml_skipped {
            self.warn(
                &content_at,
                "no supported media type (JSON, form, multipart, text, XML, binary); no body",
            );
        }
        Ok(None)
    }

    fn schema_value(&mut self, mt_at: &At, mt: &Value, purpose: Purpose) -> Res<Option<Value>> {
        if mt.get("schema").is_none() {
            return Ok(None);
        }
        let mut g = Gen::new(self, purpose);
        g.value(&mt_at.join("schema"), 0)
    }

    /// Form or multipart fields from the media type's example or schema, with its `encoding`.
    fn fields(&mut self, mt_at: &At, mt: &Value, ext: &Extension, multipart: bool) -> Res<Vec<Field>> {
        let encoding = mt.get("encoding").and_then(Value::as_object).cloned().unwrap_or_default();
        let example = match &ext.body {
            Some(v) => Some(v.clone()),
            None => self.example_of(mt_at, mt)?,
        };
        // Property schemas, to tell files from text.
        let mut props: Vec<(String, At)> = Vec::new();
        if mt.get("schema").is_some() {
            let mut g = Gen::new(self, Purpose::Json);
            props = g.properties(&mt_at.join("schema"))?;
        }
        let value = match example {
            Some(v) => v,
            None => self.schema_value(mt_at, mt, Purpose::Json)?.unwrap_or(json!({})),
        };
        let Some(object) = value.as_object() else {
            return Err(self.docs.err(mt_at, "a form or multipart body's example must be an object"));
        };
        let mut out = Vec::new();
        for (name, v) in object {
            let enc = encoding.get(name);
            let prop_at = props.iter().find(|(n, _)| n == name).map(|(_, a)| a.clone());
            let file = multipart
                && match &prop_at {
                    Some(a) => Gen::new(self, Purpose::Json).is_binary(a)?,
                    None => false,
                };
            let content_type = enc
                .and_then(|e| e.get("contentType"))
                .and_then(Value::as_str)
                .filter(|t| !t.contains(['*', ',']))
                .map(str::to_string);
            let content_type =
                if multipart { content_type.filter(|t| file || t != "text/plain") } else { None };
            let style = enc.and_then(|e| e.get("style")).and_then(Value::as_str).unwrap_or("form");
            let explode =
                enc.and_then(|e| e.get("explode")).and_then(Value::as_bool).unwrap_or(style == "form");
            if file {
                out.push(Field { name: name.clone(), value: String::new(), file: true, content_type });
                continue;
            }
            let mut list = Vec::new();
            match v {
                Value::Object(_) if style == "deepObject" && !multipart => {
                    query_pairs(name, v, style, true, &mut list)
                }
                Value::Object(_) => list.push((name.clone(), compact(v))),
                Value::Array(_) if multipart => {
                    for item in v.as_array().expect("array") {
                        list.push((name.clone(), scalar_or_json(item)));
                    }
                }
                _ => query_pairs(name, v, style, explode, &mut list),
            }
            for (n, value) in list {
                out.push(Field { name: n, value, file: false, content_type: content_type.clone() });
            }
        }
        Ok(out)
    }

    /// The operation's security (its own, else the document's) as an `auth:` value, plus a
    /// cookie when an API key travels in one.
    fn security(
        &mut self,
        op_at: &At,
        op: &Value,
        draft: &mut Draft,
    ) -> Res<(Option<Value>, Option<String>)> {
        let docs = self.docs;
        let root = At { file: 0, ptr: String::new() };
        let doc = docs.get(&root).expect("root");
        let (req_at, reqs) = match op.get("security") {
            Some(s) => (op_at.join("security"), s),
            None => match doc.get("security") {
                Some(s) => (root.join("security"), s),
                None => return Ok((None, None)),
            },
        };
        let Some(reqs) = reqs.as_array() else {
            return Err(docs.err(&req_at, "security must be a list of requirements"));
        };
        let mut methods: Vec<Value> = Vec::new();
        let mut cookie = None;
        let several = reqs.len() > 1;
        for (i, req) in reqs.iter().enumerate() {
            let at = req_at.index(i);
            let Some(req) = req.as_object() else {
                return Err(docs.err(&at, "a security requirement must be a mapping"));
            };
            if req.is_empty() {
                push_method(&mut methods, json!("none"));
                continue;
            }
            for (j, name) in req.keys().enumerate() {
                let scheme_at = root.join("components").join("securitySchemes").join(name);
                if docs.get(&scheme_at).is_none() {
                    return Err(docs.err(
                        &at.join(name),
                        format!("security scheme `{name}` is not defined in components/securitySchemes"),
                    ));
                }
                let (scheme_at, scheme) = docs.resolve(&scheme_at)?;
                let first = j == 0;
                let kind = scheme.get("type").and_then(Value::as_str).unwrap_or("");
                let method = match kind {
                    "http" => match scheme
                        .get("scheme")
                        .and_then(Value::as_str)
                        .map(str::to_ascii_lowercase)
                        .as_deref()
                    {
                        Some("bearer") => Some(json!({"bearer": {"token": "{{accessToken}}"}})),
                        Some("basic") => {
                            Some(json!({"basic": {"username": "{{username}}", "password": "{{password}}"}}))
                        }
                        other => {
                            self.warn(
                                &scheme_at,
                                format!(
                                    "http scheme {:?} is not supported; sent without it",
                                    other.unwrap_or("")
                                ),
                            );
                            None
                        }
                    },
                    "oauth2" | "openIdConnect" => Some(json!({"bearer": {"token": "{{accessToken}}"}})),
                    "apiKey" => {
                        let key_name =
                            scheme.get("name").and_then(Value::as_str).unwrap_or("api_key").to_string();
                        let var = if first { "apiKey".to_string() } else { variable_name(name) };
                        match scheme.get("in").and_then(Value::as_str) {
                            Some("cookie") => {
                                cookie = Some(format!("{key_name}={{{{{var}}}}}"));
                                if several {
                                    self.warn(&scheme_at, "a cookie API key is sent in the Cookie header with every alternative");
                                }
                                None
                            }
                            Some("query") if first => Some(
                                json!({"api_key": {"name": key_name, "value": format!("{{{{{var}}}}}"), "in": "query"}}),
                            ),
                            Some("query") => {
                                draft.query.push((key_name, format!("{{{{{var}}}}}")));
                                None
                            }
                            _ if first => Some(
                                json!({"api_key": {"name": key_name, "value": format!("{{{{{var}}}}}")}}),
                            ),
                            _ => {
                                draft.headers.push((key_name, format!("{{{{{var}}}}}")));
                                None
                            }
                        }
                    }
                    "mutualTLS" => {
                        self.warn(&scheme_at, "mutualTLS is configured outside the request; sent without it");
                        None
                    }
                    other => {
                        return Err(docs.err(
                            &scheme_at.join("type"),
                            format!("unknown security scheme type {other:?}"),
                        ));
                    }
                };
                match method {
                    Some(m) if first => push_method(&mut methods, m),
                    Some(_) => self.warn(&at.join(name), "a second scheme that must be sent together with the first is not supported; left out"),
                    None if first && cookie.is_some() => push_method(&mut methods, json!("none")),
                    None => {}
                }
            }
        }
        // A cookie key with alternatives would have to differ per alternative; it is sent always.
        let methods: Vec<Value> = if cookie.is_some() && methods.len() > 1 {
            methods.into_iter().filter(|m| m != "none").collect()
        } else {
            methods
        };
        let auth = match methods.len() {
            0 => None,
            1 if methods[0] == "none" => None,
            1 => Some(methods.into_iter().next().expect("one")),
            _ => Some(Value::Array(methods)),
        };
        Ok((auth, cookie))
    }
}

fn push_method(methods: &mut Vec<Value>, m: Value) {
    let kind = |v: &Value| match v {
        Value::Object(o) => o.keys().next().cloned().unwrap_or_default(),
        other => scalar_text(other),
    };
    if !methods.iter().any(|x| kind(x) == kind(&m)) {
        methods.push(m);
    }
}

struct Field {
    name: String,
    value: String,
    file: bool,
    content_type: Option<String>,
}

fn compact(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => serde_json::to_string(other).expect("JSON"),
    }
}

fn scalar_or_json(v: &Value) -> String {
    match v {
        Value::Object(_) | Value::Array(_) => compact(v),
        other => scalar_text(other),
    }
}

/// A value in `simple`/`form` style without a name: arrays joined by `sep`, objects as
/// `k,v,k,v` or (exploded) `k=v,k=v`.
fn join_value(v: &Value, sep: &str, explode: bool) -> String {
    match v {
        Value::Array(items) => items.iter().map(scalar_or_json).collect::<Vec<_>>().join(sep),
        Value::Object(map) => {
            if explode {
                map.iter().map(|(k, v)| format!("{k}={}", scalar_or_json(v))).collect::<Vec<_>>().join(sep)
            } else {
                map.iter().flat_map(|(k, v)| [k.clone(), scalar_or_json(v)]).collect::<Vec<_>>().join(sep)
            }
        }
        other => scalar_text(other),
    }
}

/// The headers the API key methods of an imported `auth` (one method or a list) send.
fn api_key_headers(auth: &Value) -> Vec<String> {
    let methods = match auth {
        Value::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    methods
        .into_iter()
        .filter_map(|m| m.get("api_key"))
        .filter(|key| key.get("in").is_none())
        .filter_map(|key| key.get("name").and_then(Value::as_str).map(str::to_string))
        .collect()
}

/// An exploded `matrix` value after its first `;`: `name=a;name=b` for a list, `k=v;k=v` for an
/// object, `name=value` for a scalar (the path holds the `;`).
fn matrix_exploded(name: &str, v: &Value) -> String {
    match v {
        Value::Array(items) => {
            items.iter().map(|i| format!("{name}={}", scalar_or_json(i))).collect::<Vec<_>>().join(";")
        }
        Value::Object(map) => {
            map.iter().map(|(k, v)| format!("{k}={}", scalar_or_json(v))).collect::<Vec<_>>().join(";")
        }
        other => scalar_text(other),
    }
}

/// Query (or form) pairs for one parameter, by its style and explode (OpenAPI §4.8.12.4).
fn query_pairs(name: &str, v: &Value, style: &str, explode: bool, out: &mut Vec<(String, String)>) {
    match v {
        Value::Array(items) => {
            if explode {
                out.extend(items.iter().map(|i| (name.to_string(), scalar_or_json(i))));
            } else {
                let sep = match style {
                    "spaceDelimited" => " ",
                    "pipeDelimited" => "|",
                    _ => ",",
                };
                out.push((name.to_string(), join_value(v, sep, false)));
            }
        }
        Value::Object(map) => {
            if style == "deepObject" {
                out.extend(map.iter().map(|(k, v)| (format!("{name}[{k}]"), scalar_or_json(v))));
            } else if explode {
                out.extend(map.iter().map(|(k, v)| (k.clone(), scalar_or_json(v))));
            } else {
                out.push((name.to_string(), join_value(v, ",", false)));
            }
        }
        other => out.push((name.to_string(), scalar_text(other))),
    }
}

/// Literal path text percent-encoded where a URL cannot hold it raw (`{{` and `}}` excluded).
fn encode_literal(s: &str) -> String {
    crate::encode::encode_path(s)
}

#[derive(Clone, Copy, PartialEq)]
enum Purpose {
    /// A request body: readOnly properties are left out.
    Json,
    Parameter,
}

/// Example values generated from schemas: required properties (all when none is required),
/// `format`-aware strings, the first enum, one array item, `allOf` merged, the first of
/// `oneOf`/`anyOf`; a `$ref` already being expanded is cut.
struct Gen<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    purpose: Purpose,
    stack: Vec<String>,
}

impl<'c, 'a> Gen<'c, 'a> {
    fn new(ctx: &'c mut Ctx<'a>, purpose: Purpose) -> Self {
        Gen { ctx, purpose, stack: Vec::new() }
    }

    /// Resolves `$ref`s, noting each on the stack; `None` when one is already expanding.
    fn enter(&mut self, at: &At) -> Res<Option<(At, &'a Value, usize)>> {
        let docs: &'a Docs = self.ctx.docs;
        let mut at = at.clone();
        let depth = self.stack.len();
        for _ in 0..64 {
            let value = docs.get(&at).ok_or_else(|| docs.err(&at, "nothing at this location"))?;
            let Some(r) = value.get("$ref").and_then(Value::as_str) else {
                return Ok(Some((at, value, depth)));
            };
            at = docs.target(&at, r)?;
            let key = docs.name(&at);
            if self.stack.contains(&key) {
                self.stack.truncate(depth);
                return Ok(None);
            }
            self.stack.push(key);
        }
        Err(docs.err(&at, "$ref chain does not end (a cycle of references)"))
    }

    fn value(&mut self, at: &At, level: usize) -> Res<Option<Value>> {
        if level > 32 {
            return Ok(None);
        }
        let Some((at, schema, depth)) = self.enter(at)? else { return Ok(None) };
        let result = self.value_of(&at, schema, level);
        self.stack.truncate(depth);
        result
    }

    fn value_of(&mut self, at: &At, schema: &'a Value, level: usize) -> Res<Option<Value>> {
        let Some(s) = schema.as_object() else {
            // `true` or `{}` in 3.1: any value.
            return Ok(Some(Value::Null));
        };
        if s.contains_key("xml") && level == 0 {
            self.ctx.warn(
                &at.join("xml"),
                "XML schema details are not supported; the value is generated as JSON",
            );
        }
        for key in ["example", "const", "default"] {
            if let Some(v) = s.get(key) {
                return Ok(Some(v.clone()));
            }
        }
        if let Some(v) = s.get("examples").and_then(Value::as_array).and_then(|e| e.first()) {
            return Ok(Some(v.clone()));
        }
        if let Some(v) = s.get("enum").and_then(Value::as_array).and_then(|e| e.iter().find(|v| !v.is_null()))
        {
            return Ok(Some(v.clone()));
        }
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            let mut merged = Map::new();
            let mut other = None;
            for i in 0..all.len() {
                match self.value(&at.join("allOf").index(i), level + 1)? {
                    Some(Value::Object(m)) => merged.extend(m),
                    Some(v) => other = Some(v),
                    None => {}
                }
            }
            if let Some(Value::Object(own)) = self.object(at, s, level)? {
                merged.extend(own);
            }
            return Ok(Some(if merged.is_empty() {
                other.unwrap_or(Value::Object(merged))
            } else {
                Value::Object(merged)
            }));
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(list) = s.get(key).and_then(Value::as_array) {
                for i in 0..list.len() {
                    let (_, alt) = self.ctx.docs.resolve(&at.join(key).index(i))?;
                    if alt.get("type").and_then(Value::as_str) == Some("null") {
                        continue;
                    }
                    if let Some(v) = self.value(&at.join(key).index(i), level + 1)? {
                        return Ok(Some(v));
                    }
                }
            }
        }
        let ty = match s.get("type") {
            Some(Value::String(t)) => Some(t.as_str()),
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
            _ => None,
        };
        let ty = ty.or(if s.contains_key("properties") || s.contains_key("additionalProperties") {
            Some("object")
        } else if s.contains_key("items") {
            Some("array")
        } else {
            None
        });
        let format = s.get("format").and_then(Value::as_str).unwrap_or("");
        Ok(Some(match ty {
            Some("object") => return self.object(at, s, level),
            Some("array") => match s.get("items") {
                Some(_) => match self.value(&at.join("items"), level + 1)? {
                    Some(v) => json!([v]),
                    None => json!([]),
                },
                None => json!([]),
            },
            Some("string") => Value::String(string_for(format, s)),
            Some("integer") => json!(number_for(s).round() as i64),
            Some("number") => {
                let n = number_for(s);
                if n.fract() == 0.0 { json!(n as i64) } else { json!(n) }
            }
            Some("boolean") => Value::Bool(true),
            Some("null") => Value::Null,
            _ => Value::Null,
        }))
    }

    fn object(&mut self, at: &At, s: &'a Map<String, Value>, level: usize) -> Res<Option<Value>> {
        let Some(props) = s.get("properties").and_then(Value::as_object) else {
            return Ok(Some(json!({})));
        };
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut out = Map::new();
        for (name, _) in props {
            if !required.is_empty() && !required.contains(&name.as_str()) {
                continue;
            }
            let p_at = at.join("properties").join(name);
            if self.purpose == Purpose::Json {
                let (_, p) = self.ctx.docs.resolve(&p_at)?;
                if p.get("readOnly").and_then(Value::as_bool) == Some(true) {
                    continue;
                }
            }
            if let Some(v) = self.value(&p_at, level + 1)? {
                out.insert(name.clone(), v);
            }
        }
        Ok(Some(Value::Object(out)))
    }

    /// The top-level properties of an object schema (allOf merged), by name.
    fn properties(&mut self, at: &At) -> Res<Vec<(String, At)>> {
        let mut out = Vec::new();
        let Some((at, schema, depth)) = self.enter(at)? else { return Ok(out) };
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            for i in 0..all.len() {
                out.extend(self.properties(&at.join("allOf").index(i))?);
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            out.extend(props.keys().map(|k| (k.clone(), at.join("properties").join(k))));
        }
        self.stack.truncate(depth);
        Ok(out)
    }

    /// A file: `format: binary` (3.0), `contentMediaType` without a string encoding (3.1),
    /// or an array of such.
    fn is_binary(&mut self, at: &At) -> Res<bool> {
        let (at, s) = self.ctx.docs.resolve(at)?;
        if s.get("format").and_then(Value::as_str) == Some("binary") {
            return Ok(true);
        }
        if s.get("contentMediaType").is_some() && s.get("contentEncoding").is_none() {
            return Ok(true);
        }
        if s.get("type").and_then(Value::as_str) == Some("array") && s.get("items").is_some() {
            return self.is_binary(&at.join("items"));
        }
        Ok(false)
    }
}

fn number_for(s: &Map<String, Value>) -> f64 {
    let min = s.get("minimum").and_then(Value::as_f64);
    let exclusive = s.get("exclusiveMinimum");
    match (min, exclusive) {
        (_, Some(Value::Number(n))) => n.as_f64().unwrap_or(0.0) + 1.0,
        (Some(m), Some(Value::Bool(true))) => m + 1.0,
        (Some(m), _) => m,
        _ => s.get("maximum").and_then(Value::as_f64).map(|m| m.min(1.0)).unwrap_or(1.0),
    }
}

fn string_for(format: &str, s: &Map<String, Value>) -> String {
    let text = match format {
        "date-time" => "2024-01-15T09:30:00Z",
        "date" => "2024-01-15",
        "time" => "09:30:00",
        "email" => "ada@example.com",
        "uri" | "url" | "iri" => "https://example.com/resource",
        "uri-reference" => "/resource",
        "hostname" => "example.com",
        "ipv4" => "192.0.2.10",
        "ipv6" => "2001:db8::10",
        "uuid" => "0b4f1a2e-7c3d-4e5f-9a6b-1c2d3e4f5a6b",
        "byte" => "c25pcGdlbg==",
        "password" => "s3cret-Passw0rd",
        "int64" | "int32" => "1",
        _ => "string",
    };
    let mut text = text.to_string();
    if let Some(min) = s.get("minLength").and_then(Value::as_u64) {
        while (text.chars().count() as u64) < min {
            text.push('x');
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_styles() {
        let mut out = Vec::new();
        query_pairs("id", &json!([3, 4]), "form", true, &mut out);
        query_pairs("id", &json!([3, 4]), "form", false, &mut out);
        query_pairs("id", &json!([3, 4]), "pipeDelimited", false, &mut out);
        query_pairs("f", &json!({"a": 1, "b": "x"}), "deepObject", true, &mut out);
        query_pairs("f", &json!({"a": 1}), "form", false, &mut out);
        let got: Vec<String> = out.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(got, ["id=3", "id=4", "id=3,4", "id=3|4", "f[a]=1", "f[b]=x", "f=a,1"]);
    }
}
