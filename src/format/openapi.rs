//! `--format openapi`: a copy of each input OpenAPI document with `x-codeSamples` (`lang`,
//! `label`, `source`) on every operation, as Redoc, Scalar, Mintlify and
//! docusaurus-openapi-docs read them.
//!
//! Operations are matched by spec id, so a spec in `specs/` that overrides an operation gives
//! it its samples. The document and every file its `$ref`s reach are written below
//! `openapi/`, at their paths relative to the folder all input files share, so relative
//! `$ref`s still resolve. A file with operations is written in its own format (JSON stays
//! JSON with its indentation, YAML stays YAML) and key order; YAML comments and anchors do not
//! survive. A file without operations is copied byte for byte.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Page;
use crate::error::{Diagnostic, Error};
use crate::import::openapi::{CodeSample, DocFile, operation_sites};
use crate::render::Rendered;

/// The samples of every page, by spec id: languages in tab order, and for a spec with several
/// auth methods one entry per method (after the language's label); refused samples left out.
fn samples_by_id<'a>(pages: &'a [Page]) -> BTreeMap<&'a str, Vec<CodeSample>> {
    let mut out = BTreeMap::new();
    for page in pages {
        let several = page.sections.len() > 1;
        let mut list = Vec::new();
        let tabs = page.sections.first().map_or(0, |s| s.tabs.len());
        for i in 0..tabs {
            for section in &page.sections {
                let Some(tab) = section.tabs.get(i) else { continue };
                let Ok(source) = &tab.sample.outcome else { continue };
                let label = if several {
                    format!("{}: {}", tab.label, section.request.auth.label)
                } else {
                    tab.label.clone()
                };
                list.push(CodeSample { lang: tab.fence.to_string(), label, source: source.clone() });
            }
        }
        out.insert(page.id, list);
    }
    out
}

/// One file of the output: its value (edited or not) and where it came from.
struct Out {
    file: DocFile,
    edited: bool,
}

/// Every file of every document, `x-codeSamples` added to the operations.
pub fn documents(docs: &[PathBuf], pages: &[Page]) -> Result<Vec<Rendered>, Error> {
    let samples = samples_by_id(pages);
    if docs.is_empty() {
        return from_specs(pages, &samples).map(|r| vec![r]);
    }
    // By canonical path, so a file two documents share is written once with both's samples.
    let mut files: BTreeMap<PathBuf, Out> = BTreeMap::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut done = std::collections::BTreeSet::new();
    for doc in docs {
        let (doc_files, sites) = match operation_sites(doc) {
            Ok(found) => found,
            Err(mut e) => {
                errors.append(&mut e);
                continue;
            }
        };
        let keys: Vec<PathBuf> = doc_files.iter().map(|f| f.canonical.clone()).collect();
        for f in doc_files {
            files.entry(f.canonical.clone()).or_insert(Out { file: f, edited: false });
        }
        for site in sites {
            let Some(list) = samples.get(site.id.as_str()) else { continue };
            let out = files.get_mut(&keys[site.file]).expect("every file of the document is listed");
            // An operation two paths share (one path item file) keeps its first id's samples.
            let Some(op) = out.file.value.pointer_mut(&site.pointer).and_then(Value::as_object_mut) else {
                continue;
            };
            if !done.insert((keys[site.file].clone(), site.pointer.clone())) {
                continue;
            }
            op.insert("x-codeSamples".into(), serde_json::to_value(list).expect("samples are plain data"));
            out.edited = true;
        }
    }
    if !errors.is_empty() {
        return Err(Error::Specs(errors));
    }
    let base = common_folder(files.keys());
    let mut rendered = Vec::new();
    for (canonical, out) in &files {
        let relative = canonical.strip_prefix(&base).unwrap_or(canonical);
        let path = format!("openapi/{}", crate::common::slash_joined(relative));
        let text = if out.edited { serialise(&out.file)? } else { out.file.text.clone() };
        rendered.push(Rendered { path, text, spec: PathBuf::from(&out.file.name) });
    }
    Ok(rendered)
}

/// Why specs are missing from the `openapi/openapi.json` made without an OpenAPI input (a
/// custom method has no operation in 3.1), for the run's warnings.
pub fn left_out(pages: &[Page]) -> Vec<String> {
    let mut ids: Vec<&Page> = pages
        .iter()
        .filter(|p| !STANDARD_METHODS.contains(&p.method.to_ascii_lowercase().as_str()))
        .collect();
    ids.sort_by_key(|p| p.id);
    ids.iter()
        .map(|p| {
            format!(
                "--format openapi: spec `{}` left out of openapi/openapi.json: OpenAPI 3.1 has no operation for the method {}",
                p.id, p.method
            )
        })
        .collect()
}

/// Without an OpenAPI input: `openapi/openapi.json`, an OpenAPI 3.1 document made from the
/// specs, so a team without a document can still hand its samples to an OpenAPI renderer.
/// One operation per method and path (the URL's path after its origin, `{{name}}` written
/// `{name}` and declared a path parameter): a spec's id is its `operationId`, its title the
/// `summary`, its first id segment the tag. Specs that share a method and path (one token
/// endpoint, several grant types) share the operation: the first by id names it, and each
/// sample's label starts with its spec's title.
fn from_specs(pages: &[Page], samples: &BTreeMap<&str, Vec<CodeSample>>) -> Result<Rendered, Error> {
    let mut sorted: Vec<&Page> = pages.iter().collect();
    sorted.sort_by_key(|p| p.id);
    let mut groups: indexmap::IndexMap<(String, String), Vec<&Page>> = indexmap::IndexMap::new();
    // OpenAPI forbids two paths that differ only in their parameters' names (`/users/{id}`,
    // `/users/{uid}`): each shape is spelled as the first spec by id spells it.
    let mut spellings: HashMap<String, (String, Vec<String>)> = HashMap::new();
    for page in sorted {
        let method = page.method.to_ascii_lowercase();
        if !STANDARD_METHODS.contains(&method.as_str()) {
            // Said by `left_out`; a document cannot hold it before OpenAPI 3.2.
            continue;
        }
        let (path, names) = openapi_path(page.url);
        let shape = path_shape(&path);
        let path = spellings.entry(shape).or_insert((path, names)).0.clone();
        groups.entry((path, method)).or_default().push(page);
    }
    let mut paths = serde_json::Map::new();
    let mut servers: Vec<Value> = Vec::new();
    let mut op_servers = Vec::new();
    let mut schemes = serde_json::Map::new();
    for ((path, method), group) in groups {
        let first = group[0];
        let tag = first.id.split('/').next().unwrap_or(first.id);
        let mut op = serde_json::json!({"operationId": first.id, "summary": first.title, "tags": [tag]});
        let names = &spellings[&path_shape(&path)].1;
        let mut params: Vec<Value> = Vec::new();
        if !names.is_empty() {
            // A parameter's example is the spec's value for its variable, as `verify` binds it
            // (found by the first spec's own name for it, which may be spelled otherwise).
            let own_names = openapi_path(first.url).1;
            params.extend(names.iter().enumerate().map(|(i, n)| {
                let mut param =
                    serde_json::json!({"name": n, "in": "path", "required": true, "schema": {"type": "string"}});
                if let Some(value) = own_names.get(i).and_then(|own| example(first, own)) {
                    param["example"] = Value::from(value);
                }
                param
            }));
        }
        // Each spec's own query and headers, and its body, as its first auth method sends them
        // (what auth adds is described by the security scheme instead).
        let requests: Vec<(&Page, &crate::model::Request)> =
            group.iter().filter_map(|p| Some((*p, p.sections.first()?.request))).collect();
        params.extend(shared_parameters(&requests));
        if let Some(body) = shared_request_body(&requests) {
            op["requestBody"] = body;
        }
        if !params.is_empty() {
            op["parameters"] = Value::Array(params);
        }
        op["responses"] = match shared_accept(&requests) {
            // What the specs ask for is what a success answers with (`2XX`: no code is
            // claimed), which the importer reads back as their `Accept`.
            Some(media) => serde_json::json!({"2XX": {
                "description": "The endpoint's response.",
                "content": {media: {}},
            }}),
            None => serde_json::json!({"default": {"description": "The endpoint's response."}}),
        };
        let mut own_servers = Vec::new();
        let mut security = Vec::new();
        for page in &group {
            // One entry per URL in each list: the first spec by id gives its defaults.
            let server = server(page);
            for list in [&mut servers, &mut own_servers] {
                if !list.iter().any(|s| s["url"] == server["url"]) {
                    list.push(server.clone());
                }
            }
            for section in &page.sections {
                let requirement = match security_scheme(&section.request.auth) {
                    Some((name, scheme)) => serde_json::json!({ declare(&mut schemes, name, scheme): [] }),
                    // No credentials, or credentials sent in the body: nothing HTTP-level.
                    None => serde_json::json!({}),
                };
                if !security.contains(&requirement) {
                    security.push(requirement);
                }
            }
        }
        // Only `{}`: the operation needs no auth, which OpenAPI spells as an empty list.
        if security.iter().all(|r| r.as_object().is_some_and(serde_json::Map::is_empty)) {
            security.clear();
        }
        op["security"] = Value::Array(security);
        op_servers.push((path.clone(), method.clone(), own_servers));
        let mut list = Vec::new();
        for page in &group {
            for sample in samples.get(page.id).into_iter().flatten() {
                let mut sample = sample.clone();
                if group.len() > 1 {
                    sample.label = format!("{}: {}", page.title, sample.label);
                }
                list.push(sample);
            }
        }
        op["x-codeSamples"] = serde_json::to_value(list).expect("samples are plain data");
        let item = paths.entry(path).or_insert_with(|| Value::Object(serde_json::Map::new()));
        item.as_object_mut().expect("path items are objects").insert(method, op);
    }
    // One origin: the document's server. Several: the document lists them all and each
    // operation names its own.
    if servers.len() > 1 {
        for (path, method, own) in op_servers {
            paths[&path][&method]["servers"] = Value::Array(own);
        }
    }
    let mut doc = serde_json::json!({
        "openapi": "3.1.0",
        "info": {"title": "API samples", "version": "1", "description": "Made by snipgen from its specs: one operation per method and path, with its code samples."},
        "servers": servers,
        "paths": paths,
    });
    if !schemes.is_empty() {
        doc["components"] = serde_json::json!({ "securitySchemes": schemes });
    }
    let mut text = yaml_readable(serde_json::to_string_pretty(&doc).expect("the document is plain data"));
    text.push('\n');
    Ok(Rendered { path: "openapi/openapi.json".into(), text, spec: PathBuf::from("openapi.json") })
}

/// The origin of a page's URL (`scheme://host[:port]`, or the `{{variable}}` standing for it) as
/// an OpenAPI server: `{{name}}` becomes the server variable `{name}`, whose default is the
/// spec's example value, or the placeholder the samples show when it has none.
fn server(page: &Page) -> Value {
    let origin = &page.url[..crate::spec::authority(page.url).end];
    let (url, names) = single_braced(origin);
    let mut variables = serde_json::Map::new();
    for name in names {
        let default = example(page, &name).map_or(format!("{{{{{name}}}}}"), str::to_string);
        variables.insert(name, serde_json::json!({ "default": default }));
    }
    let mut server = serde_json::json!({ "url": url });
    if !variables.is_empty() {
        server["variables"] = Value::Object(variables);
    }
    server
}

/// The one media type every spec of an operation asks for with `Accept`, when they agree on
/// one: not a list, not `*/*`.
fn shared_accept<'a>(requests: &[(&Page, &'a crate::model::Request)]) -> Option<&'a str> {
    let accept = |request: &'a crate::model::Request| {
        let value = request.headers.iter().find(|h| h.name.eq_ignore_ascii_case("accept"))?.value.trim();
        let media = value.split_once('/').is_some() && !value.contains(',') && value != "*/*";
        media.then_some(value)
    };
    let (first, rest) = requests.split_first()?;
    let media = accept(first.1)?;
    rest.iter().all(|(_, r)| accept(r) == Some(media)).then_some(media)
}

/// Header parameters OpenAPI ignores (said by the media type and the security scheme).
const IGNORED_HEADERS: [&str; 3] = ["accept", "content-type", "authorization"];

/// A spec's query parameters and headers as OpenAPI parameters, each with the spec's value as
/// its example: a name given several times is an exploded list, a name without a value
/// (`?flag`) allows an empty value. An API key's own parameter is its security scheme's.
fn query_and_header_parameters(request: &crate::model::Request) -> Vec<Value> {
    let api_key = request.auth.api_key.as_ref();
    let is_key = |name: &str, place: &str| api_key.is_some_and(|(n, p)| n == name && *p == place);
    let mut params = Vec::new();
    let mut by_name: indexmap::IndexMap<&str, Vec<Option<&str>>> = indexmap::IndexMap::new();
    for q in request.query.iter().filter(|q| !is_key(&q.name, "query")) {
        by_name.entry(&q.name).or_default().push(q.value.as_deref());
    }
    for (name, values) in by_name {
        let mut param = serde_json::json!({"name": name, "in": "query"});
        match values.as_slice() {
            [None] => {
                param["schema"] = serde_json::json!({"type": "string", "enum": [""]});
                param["allowEmptyValue"] = Value::Bool(true);
                param["description"] = Value::from("Sent as the name alone, without `=`.");
            }
            [Some(value)] => {
                param["schema"] = serde_json::json!({"type": "string"});
                param["example"] = Value::from(*value);
            }
            many => {
                param["schema"] = serde_json::json!({"type": "array", "items": {"type": "string"}});
                param["explode"] = Value::Bool(true);
                param["example"] = many.iter().map(|v| Value::from(v.unwrap_or(""))).collect();
                if many.contains(&None) {
                    param["allowEmptyValue"] = Value::Bool(true);
                }
            }
        }
        params.push(param);
    }
    let mut seen = std::collections::HashSet::new();
    for h in &request.headers {
        let lower = h.name.to_ascii_lowercase();
        if IGNORED_HEADERS.contains(&lower.as_str()) || is_key(&h.name, "header") || !seen.insert(lower) {
            continue;
        }
        params.push(serde_json::json!({"name": h.name, "in": "header", "schema": {"type": "string"}, "example": h.value}));
    }
    params
}

/// The parameters of an operation several specs may share: each (place, name) once, as the
/// first spec by id that sends it describes it. Where the specs send different values, or not
/// all send it, its example becomes `examples`, one per spec that sends it (named by spec id,
/// summarised by its title), so no spec's value is lost; a parameter not every spec sends
/// says which do.
fn shared_parameters(requests: &[(&Page, &crate::model::Request)]) -> Vec<Value> {
    // Each (place, name) with every sender's own parameter, as it alone would describe it.
    let mut merged: indexmap::IndexMap<(String, String), (Shared, Vec<Value>)> = indexmap::IndexMap::new();
    for (page, request) in requests {
        for param in query_and_header_parameters(request) {
            let place = param["in"].as_str().unwrap_or_default().to_string();
            let name = param["name"].as_str().unwrap_or_default();
            // Header names are case-insensitive.
            let name = if place == "header" { name.to_ascii_lowercase() } else { name.to_string() };
            let example = param.get("example").cloned();
            let (shared, shapes) = merged
                .entry((place, name))
                .or_insert_with(|| (Shared { value: param.clone(), senders: Vec::new() }, Vec::new()));
            shared.senders.push((page, example));
            shapes.push(param);
        }
    }
    merged
        .into_values()
        .map(|(mut shared, shapes)| {
            shared.reconcile_parameter(&shapes);
            if shared.senders.len() < requests.len() {
                let titles: Vec<&str> = shared.senders.iter().map(|(page, _)| page.title).collect();
                let sent_by = format!("Sent by {} only.", titles.join(", "));
                shared.value["description"] = match shared.value.get("description").and_then(Value::as_str) {
                    Some(own) => Value::from(format!("{own} {sent_by}")),
                    None => Value::from(sent_by),
                };
            }
            shared.with_examples(requests.len())
        })
        .collect()
}

/// A parameter or a media type of a request body as the first spec that sends it describes it
/// (its own example in place), and each spec that sends it with its example, if any.
struct Shared<'a> {
    value: Value,
    senders: Vec<(&'a Page<'a>, Option<Value>)>,
}

impl Shared<'_> {
    /// A query parameter the specs send in different shapes is described so that every
    /// sender's value fits: an array (each value an example of one item) when any spec repeats
    /// it, and a name sent alone (`?flag`) says which specs send it so. `shapes` holds each
    /// sender's own parameter, in the senders' order.
    fn reconcile_parameter(&mut self, shapes: &[Value]) {
        let schemas: Vec<&Value> = shapes.iter().map(|p| &p["schema"]).collect();
        if schemas.iter().all(|s| *s == schemas[0]) {
            return;
        }
        let repeated = schemas.iter().any(|s| s["type"] == "array");
        let Some(param) = self.value.as_object_mut() else { return };
        if repeated {
            param.insert("schema".into(), serde_json::json!({"type": "array", "items": {"type": "string"}}));
            param.insert("explode".into(), Value::Bool(true));
            for (_, example) in &mut self.senders {
                as_array(example.as_mut());
            }
            as_array(param.get_mut("example"));
        } else {
            param.insert("schema".into(), serde_json::json!({"type": "string"}));
        }
        if shapes.iter().any(|p| p.get("allowEmptyValue").is_some()) {
            param.insert("allowEmptyValue".into(), Value::Bool(true));
        }
        // Only a parameter sent as the name alone has a description of its own.
        let alone: Vec<&str> = shapes
            .iter()
            .zip(&self.senders)
            .filter(|(p, _)| p.get("description").is_some())
            .map(|(_, (page, _))| page.title)
            .collect();
        param.shift_remove("description");
        if !alone.is_empty() {
            param.insert(
                "description".into(),
                Value::from(format!("Sent as the name alone, without `=`, by {}.", alone.join(", "))),
            );
        }
    }

    /// The value with one `example` when each of the operation's `requests` specs sends the
    /// same, else with `examples`, one per spec by id.
    fn with_examples(mut self, requests: usize) -> Value {
        let first = self.senders.first().map(|(_, e)| e);
        let everyone_same =
            self.senders.len() == requests && self.senders.iter().all(|(_, e)| Some(e) == first);
        let examples: Vec<(&Page, Value)> =
            self.senders.into_iter().filter_map(|(page, example)| Some((page, example?))).collect();
        if everyone_same || examples.is_empty() {
            return self.value;
        }
        if let Some(own) = self.value.as_object_mut() {
            own.shift_remove("example");
        }
        let mut by_id = serde_json::Map::new();
        for (page, example) in examples {
            let name = example_name(&by_id, page.id);
            by_id.insert(name, serde_json::json!({"summary": page.title, "value": example}));
        }
        self.value["examples"] = Value::Object(by_id);
        self.value
    }
}

/// `name` with every character OpenAPI's component names do not allow (they allow letters,
/// digits, `.`, `-` and `_`, and linters ask it of every map key) written `other`.
fn component_safe(name: &str, other: char) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || "-._".contains(c) { c } else { other }).collect()
}

/// A spec id as the name of an example ([`component_safe`], `/` and the rest written `.`),
/// unique in `taken`.
fn example_name(taken: &serde_json::Map<String, Value>, id: &str) -> String {
    let safe = component_safe(id, '.');
    let mut name = safe.clone();
    for n in 2.. {
        if !taken.contains_key(&name) {
            break;
        }
        name = format!("{safe}-{n}");
    }
    name
}

/// The request body of an operation several specs may share: each media type once, as the
/// first spec by id that sends it describes it (a form's or multipart body's fields are every
/// spec's), with every spec's example (see [`Shared::with_examples`]); required when every
/// spec sends a body.
fn shared_request_body(requests: &[(&Page, &crate::model::Request)]) -> Option<Value> {
    let mut content: indexmap::IndexMap<String, Shared> = indexmap::IndexMap::new();
    let mut with_body = 0;
    for (page, request) in requests {
        let Some(mut body) = request_body(request) else { continue };
        with_body += 1;
        let Some(Value::Object(media_types)) = body.get_mut("content").map(Value::take) else { continue };
        for (media_type, media) in media_types {
            let more = media.pointer("/schema/properties").and_then(Value::as_object).cloned();
            // A multipart body's values are examples of its fields; as one example of the
            // body they can be told apart per spec like a form's.
            let example = media.get("example").cloned().or_else(|| more.as_ref().map(field_examples));
            let shared =
                content.entry(media_type).or_insert_with(|| Shared { value: media, senders: Vec::new() });
            // Fields only some specs send join the schema; one a spec repeats is an array.
            if let (Some(have), Some(more)) =
                (shared.value.pointer_mut("/schema/properties").and_then(Value::as_object_mut), more)
            {
                for (name, schema) in more {
                    match have.get_mut(&name) {
                        Some(field) => widen(field, &schema),
                        None => {
                            have.insert(name, schema);
                        }
                    }
                }
            }
            shared.senders.push((page, example));
        }
    }
    if content.is_empty() {
        return None;
    }
    let content: serde_json::Map<String, Value> = content
        .into_iter()
        .map(|(media_type, mut shared)| {
            // Each spec's value of a field that is an array (another spec repeats it) is one
            // item of it.
            let arrays: Vec<String> = shared
                .value
                .pointer("/schema/properties")
                .and_then(Value::as_object)
                .map(|p| p.iter().filter(|(_, f)| f["type"] == "array").map(|(n, _)| n.clone()).collect())
                .unwrap_or_default();
            for example in shared.senders.iter_mut().filter_map(|(_, e)| e.as_mut()) {
                for name in &arrays {
                    as_array(example.get_mut(name));
                }
            }
            if let Some(own) = shared.value.get_mut("example") {
                for name in &arrays {
                    as_array(own.get_mut(name));
                }
            }
            let mut media = shared.with_examples(requests.len());
            // Per-spec examples of the whole body: a field's own example would show one
            // spec's value as everyone's.
            if media.get("examples").is_some()
                && let Some(fields) = media.pointer_mut("/schema/properties").and_then(Value::as_object_mut)
            {
                for field in fields.values_mut().filter_map(Value::as_object_mut) {
                    field.shift_remove("example");
                }
            }
            (media_type, media)
        })
        .collect();
    Some(serde_json::json!({"required": with_body == requests.len(), "content": content}))
}

/// A single value where an array is described: the array of that one value.
fn as_array(value: Option<&mut Value>) {
    if let Some(value) = value
        && !value.is_array()
    {
        *value = Value::Array(vec![value.take()]);
    }
}

/// The examples a body's field schemas hold, as one example of the body (files, which have
/// none, left out).
fn field_examples(fields: &serde_json::Map<String, Value>) -> Value {
    fields.iter().filter_map(|(name, field)| Some((name.clone(), field.get("example")?.clone()))).collect()
}

/// A field's schema `have` made to describe `more`, another spec's schema of it, too: a field
/// one spec sends once and another repeats is an array of the single one's schema.
fn widen(have: &mut Value, more: &Value) {
    if have["type"] != "array" && more["type"] == "array" {
        let mut item = have.take();
        item.as_object_mut().map(|i| i.shift_remove("example"));
        *have = serde_json::json!({"type": "array", "items": item});
    }
}

/// The spec's body as a request body, its content the media type it is sent as, with the
/// spec's values as the example.
fn request_body(request: &crate::model::Request) -> Option<Value> {
    use crate::model::Body;
    let body = request.body.as_ref()?;
    let fields = |names: Vec<(&str, Value)>| {
        let properties: serde_json::Map<String, Value> =
            names.into_iter().map(|(n, schema)| (n.to_string(), schema)).collect();
        serde_json::json!({"type": "object", "properties": properties})
    };
    let (default_type, media) = match body {
        Body::Json { value, .. } => ("application/json", serde_json::json!({"example": value})),
        Body::Graphql { query, variables, .. } => {
            ("application/json", serde_json::json!({"example": {"query": query, "variables": variables}}))
        }
        Body::Text { text } => {
            ("text/plain", serde_json::json!({"schema": {"type": "string"}, "example": text}))
        }
        Body::Binary { .. } => (
            "application/octet-stream",
            serde_json::json!({"schema": {"type": "string", "format": "binary"}}),
        ),
        Body::Form { fields: pairs, .. } => {
            // A name given several times is an array, which a form sends as the name repeated
            // (OpenAPI's default for a form: `style: form`, `explode: true`).
            let mut by_name: indexmap::IndexMap<&str, Vec<&str>> = indexmap::IndexMap::new();
            for p in pairs {
                by_name.entry(&p.name).or_default().push(&p.value);
            }
            let schema = fields(
                by_name
                    .iter()
                    .map(|(name, values)| match values.len() {
                        1 => (*name, serde_json::json!({"type": "string"})),
                        _ => (*name, serde_json::json!({"type": "array", "items": {"type": "string"}})),
                    })
                    .collect(),
            );
            let example: serde_json::Map<String, Value> = by_name
                .into_iter()
                .map(|(name, values)| match values.as_slice() {
                    [one] => (name.to_string(), Value::from(*one)),
                    many => (name.to_string(), many.iter().map(|v| Value::from(*v)).collect()),
                })
                .collect();
            ("application/x-www-form-urlencoded", serde_json::json!({"schema": schema, "example": example}))
        }
        Body::Multipart { parts, .. } => {
            let mut by_name: indexmap::IndexMap<&str, Vec<&crate::model::Part>> = indexmap::IndexMap::new();
            for p in parts {
                by_name.entry(&p.name).or_default().push(p);
            }
            let part_schema = |p: &crate::model::Part| match (&p.file, &p.value) {
                (Some(_), _) => serde_json::json!({"type": "string", "format": "binary"}),
                (None, Some(value)) => serde_json::json!({"type": "string", "example": value}),
                (None, None) => serde_json::json!({"type": "string"}),
            };
            let schema = fields(
                by_name
                    .into_iter()
                    .map(|(name, same)| match same.as_slice() {
                        [one] => (name, part_schema(one)),
                        // A name given several times: an array, sent as one part per item.
                        many => {
                            let mut items = part_schema(many[0]);
                            items.as_object_mut().map(|i| i.shift_remove("example"));
                            let mut array = serde_json::json!({"type": "array", "items": items});
                            if many.iter().all(|p| p.file.is_none() && p.value.is_some()) {
                                array["example"] =
                                    many.iter().map(|p| Value::from(p.value.as_deref())).collect();
                            }
                            (name, array)
                        }
                    })
                    .collect(),
            );
            ("multipart/form-data", serde_json::json!({"schema": schema}))
        }
    };
    let media_type = request.content_type.as_deref().unwrap_or(default_type);
    Some(serde_json::json!({"required": true, "content": {media_type: media}}))
}

/// The spec's example value (`variables:`) for its `{{name}}`.
fn example<'a>(page: &Page<'a>, name: &str) -> Option<&'a str> {
    let variables = &page.sections.first()?.request.variables;
    variables.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The OpenAPI security scheme an auth method uses, with a name for it; `None` for no auth and
/// for the methods whose credentials travel in the form body (client_secret_post and the JWT
/// assertions), which OpenAPI describes as body fields, not as a scheme.
fn security_scheme(auth: &crate::model::AuthModel) -> Option<(String, Value)> {
    let http = |scheme: &str, description: &str| serde_json::json!({ "type": "http", "scheme": scheme, "description": description });
    Some(match auth.kind {
        "bearer" => ("bearerAuth".into(), http("bearer", "A bearer token in the Authorization header.")),
        "basic" => ("basicAuth".into(), http("basic", "HTTP Basic: a user name and password.")),
        "client_secret_basic" => (
            "clientSecretBasic".into(),
            http(
                "basic",
                "OAuth 2.0 client_secret_basic: the client id and secret as HTTP Basic credentials.",
            ),
        ),
        "api_key" => {
            let (name, location) = auth.api_key.as_ref()?;
            let safe = component_safe(name, '_');
            (
                format!("apiKey.{location}.{safe}"),
                serde_json::json!({ "type": "apiKey", "name": name, "in": location }),
            )
        }
        _ => return None,
    })
}

/// Adds `scheme` under `name` (or under `name-2`, `name-3`… when another scheme holds that
/// name) unless it is there already, and returns the name it is declared under.
fn declare(schemes: &mut serde_json::Map<String, Value>, name: String, scheme: Value) -> String {
    let mut candidate = name.clone();
    for n in 2.. {
        match schemes.get(&candidate) {
            None => {
                schemes.insert(candidate.clone(), scheme);
                break;
            }
            Some(existing) if *existing == scheme => break,
            Some(_) => candidate = format!("{name}-{n}"),
        }
    }
    candidate
}

/// JSON text with the characters YAML forbids raw (DEL, the C1 controls but NEL, U+FFFE and
/// U+FFFF) written as `\u` escapes. JSON allows them raw, but OpenAPI tools read JSON with a YAML
/// loader (openapi-spec-validator refuses a sample holding DEL). Outside strings serde_json
/// writes only ASCII punctuation, so every such character stands inside a string.
fn yaml_readable(json: String) -> String {
    let forbidden =
        |c: char| matches!(c, '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}');
    if !json.contains(forbidden) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if forbidden(c) {
            let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The methods a 3.1 path item holds operations for.
const STANDARD_METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// The OpenAPI path of a spec's URL: what follows the origin (`scheme://host`, or a leading
/// `{{variable}}` standing for it), `{{name}}` as `{name}`; and the names, in order, once each.
fn openapi_path(url: &str) -> (String, Vec<String>) {
    let rest = &url[crate::spec::authority(url).end..];
    let (path, names) = single_braced(rest.trim_start_matches('/'));
    (format!("/{path}"), names)
}

/// `text` with each `{{name}}` written `{name}`, as OpenAPI's path and server templates spell
/// variables, and the names in order, once each.
fn single_braced(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut names: Vec<String> = Vec::new();
    let mut last = 0;
    for (start, end) in crate::encode::variable_spans(text) {
        let name = &text[start + 2..end - 2];
        out.push_str(&text[last..start]);
        out.push('{');
        out.push_str(name);
        out.push('}');
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        last = end;
    }
    out.push_str(&text[last..]);
    (out, names)
}

/// An OpenAPI path with its parameters' names left out: `/users/{}/keys`.
fn path_shape(path: &str) -> String {
    let mut shape = String::with_capacity(path.len());
    let mut in_name = false;
    for c in path.chars() {
        match c {
            '{' => in_name = true,
            '}' => {
                in_name = false;
                shape.push_str("{}");
            }
            c if !in_name => shape.push(c),
            _ => {}
        }
    }
    shape
}

/// The deepest folder holding every file.
fn common_folder<'a>(paths: impl Iterator<Item = &'a PathBuf>) -> PathBuf {
    let mut base: Option<PathBuf> = None;
    for p in paths {
        let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
        base = Some(match base {
            None => dir,
            Some(b) => {
                b.components().zip(dir.components()).take_while(|(x, y)| x == y).map(|(x, _)| x).collect()
            }
        });
    }
    base.unwrap_or_default()
}

fn is_json(file: &DocFile) -> bool {
    file.canonical.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// The value in the file's own format: JSON with the indentation of its first indented line,
/// YAML as the spec importer writes it (block scalars where they read back exactly).
fn serialise(file: &DocFile) -> Result<String, Error> {
    let problem = |m: String| Error::Specs(vec![Diagnostic::plain(Path::new(&file.name), m)]);
    let mut text = if is_json(file) {
        let indent: String = file
            .text
            .lines()
            .skip(1)
            .map(|l| l.chars().take_while(|c| *c == ' ' || *c == '\t').collect::<String>())
            .find(|i| !i.is_empty())
            .unwrap_or_else(|| "  ".into());
        let mut buf = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
        serde::Serialize::serialize(&file.value, &mut ser).map_err(|e| problem(e.to_string()))?;
        yaml_readable(String::from_utf8(buf).expect("serde_json writes UTF-8"))
    } else {
        crate::import::to_yaml("", &file.value).map_err(problem)?
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_output_escapes_what_yaml_forbids_raw() {
        let text = super::yaml_readable(
            serde_json::to_string(&serde_json::json!(["a\u{7f}b\u{85}\u{9f}\u{fffe}é"])).unwrap(),
        );
        assert_eq!(text, "[\"a\\u007fb\u{85}\\u009f\\ufffeé\"]");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back[0], "a\u{7f}b\u{85}\u{9f}\u{fffe}é");
    }

    use super::*;

    #[test]
    fn spec_urls_become_openapi_paths() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            openapi_path("{{apiPath}}/environments/{{envID}}/images"),
            ("/environments/{envID}/images".into(), names(&["envID"]))
        );
        assert_eq!(openapi_path("https://api.example.com"), ("/".into(), vec![]));
        assert_eq!(
            openapi_path("https://{{host}}/v1/{{a}}/x/{{a}}"),
            ("/v1/{a}/x/{a}".into(), names(&["a"]))
        );
    }

    #[test]
    fn common_folder_is_the_shared_prefix() {
        let paths =
            [PathBuf::from("/a/b/c/x.yaml"), PathBuf::from("/a/b/d/y.json"), PathBuf::from("/a/b/z.yaml")];
        assert_eq!(common_folder(paths.iter()), PathBuf::from("/a/b"));
        assert_eq!(common_folder(paths[..1].iter()), PathBuf::from("/a/b/c"));
    }
}
