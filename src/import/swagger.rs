//! A Swagger 2.0 document read as the OpenAPI 3.0 document it describes, so one importer reads
//! both. The mapping is the one OpenAPI 3.0 set out for its predecessor (and swagger2openapi
//! implements): `host`/`basePath`/`schemes` become `servers`; `in: body` and `in: formData`
//! parameters become the `requestBody`, in the media types `consumes` lists; a parameter's
//! `type`, `items`, `enum`… move into its `schema` and `x-example` becomes its `example`;
//! `collectionFormat` becomes `style`/`explode`; `securityDefinitions` and `definitions` move
//! under `components`. Path-level parameters are merged into each operation, since a body
//! parameter there belongs to every operation's request body.

use serde_json::{Map, Value, json};

use super::openapi::METHODS;

/// Whether `doc` says it is a Swagger 2.0 document (`swagger: "2.0"`, or the YAML number 2.0).
pub(super) fn is_swagger_2(doc: &Value) -> bool {
    match doc.get("swagger") {
        Some(Value::String(s)) => s == "2.0",
        Some(Value::Number(n)) => n.as_f64() == Some(2.0),
        _ => false,
    }
}

/// A problem at a JSON pointer of the Swagger document.
pub(super) type Problem = (String, String);

/// Rewrites every loaded file of a Swagger 2.0 document (`files[0]` is the root) in place as
/// OpenAPI 3.0.3.
pub(super) fn convert(files: &mut [Value]) -> Result<(), Problem> {
    for file in files.iter_mut() {
        rewrite_refs(file);
        let Some(object) = file.as_object_mut() else { continue };
        if let Some(schemas) = object.remove("definitions") {
            components(object).insert("schemas".into(), schemas);
        }
    }
    let root = files[0].as_object_mut().expect("a Swagger document is a mapping");
    let shared = root.remove("parameters").unwrap_or(Value::Null);
    root.remove("swagger");
    root.insert("openapi".into(), json!("3.0.3"));
    let servers = servers(root);
    if !servers.is_empty() {
        root.insert("servers".into(), Value::Array(servers));
    }
    if let Some(Value::Object(definitions)) = root.remove("securityDefinitions") {
        let schemes = definitions.into_iter().map(|(name, d)| (name, security_scheme(d))).collect();
        components(root).insert("securitySchemes".into(), Value::Object(schemes));
    }
    let consumes = root.remove("consumes");
    let produces = root.remove("produces");
    let Some(Value::Object(paths)) = root.get_mut("paths") else { return Ok(()) };
    for (path, item) in paths.iter_mut() {
        let at = format!("/paths/{}", path.replace('~', "~0").replace('/', "~1"));
        let Some(item) = item.as_object_mut() else { continue };
        if item.contains_key("$ref") {
            return Err((at, "a path item `$ref` in a Swagger 2.0 document is not read; convert the document first: `npx swagger2openapi --yaml FILE -o openapi.yaml`".into()));
        }
        let common = item.remove("parameters").unwrap_or(Value::Null);
        for (method, op) in item.iter_mut().filter(|(m, _)| METHODS.contains(&m.as_str())) {
            let Some(op) = op.as_object_mut() else { continue };
            let media = (consumes.as_ref(), produces.as_ref());
            operation(op, (&common, &at), &shared, media, &format!("{at}/{method}"))?;
        }
    }
    Ok(())
}

/// The document's `components`, made a mapping (Swagger 2.0 has no such key of its own).
fn components(object: &mut Map<String, Value>) -> &mut Map<String, Value> {
    let components = object.entry("components").or_insert_with(|| json!({}));
    if !components.is_object() {
        *components = json!({});
    }
    match components {
        Value::Object(map) => map,
        _ => unreachable!("made a mapping above"),
    }
}

/// `#/definitions/X` is `#/components/schemas/X` now; `#/parameters/X` is inlined where used.
fn rewrite_refs(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref")
                && let Some((file, fragment)) = r.split_once('#')
                && let Some(name) = fragment.strip_prefix("/definitions/")
            {
                *r = format!("{file}#/components/schemas/{name}");
            }
            map.values_mut().for_each(rewrite_refs);
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

/// One server per scheme (the first is the default), or a `{baseUrl}` variable when the
/// document names no host (Swagger's "the host serving the documentation").
fn servers(root: &mut Map<String, Value>) -> Vec<Value> {
    let host = root.remove("host");
    let base_path = root.remove("basePath");
    let schemes = root.remove("schemes");
    let base = base_path.as_ref().and_then(Value::as_str).unwrap_or("").trim_end_matches('/');
    let Some(host) = host.as_ref().and_then(Value::as_str) else {
        if base.is_empty() {
            return Vec::new();
        }
        return vec![json!({
            "url": format!("{{baseUrl}}{base}"),
            "variables": {"baseUrl": {"default": "https://api.example.com"}},
        })];
    };
    let schemes: Vec<&str> = schemes.as_ref().and_then(Value::as_array).map_or_else(Vec::new, |s| {
        s.iter().filter_map(Value::as_str).filter(|s| matches!(*s, "https" | "http")).collect()
    });
    let schemes = if schemes.is_empty() { vec!["https"] } else { schemes };
    schemes.into_iter().map(|scheme| json!({"url": format!("{scheme}://{host}{base}")})).collect()
}

fn security_scheme(definition: Value) -> Value {
    let Value::Object(mut d) = definition else { return definition };
    let description = d.remove("description");
    let mut scheme = match d.get("type").and_then(Value::as_str) {
        Some("basic") => json!({"type": "http", "scheme": "basic"}),
        Some("oauth2") => {
            let flow = match d.get("flow").and_then(Value::as_str) {
                Some("implicit") => "implicit",
                Some("password") => "password",
                Some("application") => "clientCredentials",
                _ => "authorizationCode",
            };
            let mut details = Map::new();
            for key in ["authorizationUrl", "tokenUrl", "scopes"] {
                if let Some(v) = d.remove(key) {
                    details.insert(key.into(), v);
                }
            }
            json!({"type": "oauth2", "flows": {flow: details}})
        }
        _ => Value::Object(d),
    };
    if let (Some(text), Some(map)) = (description, scheme.as_object_mut()) {
        map.insert("description".into(), text);
    }
    scheme
}

/// The schema keywords a Swagger parameter (or its `items`) holds directly.
const SCHEMA_KEYS: [&str; 17] = [
    "type",
    "format",
    "items",
    "enum",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "multipleOf",
    "collectionFormat",
];

/// A parameter's (or `items`') schema keywords as a schema; `type: file` is binary text.
fn schema_of(p: &mut Map<String, Value>) -> Map<String, Value> {
    let mut schema = Map::new();
    for key in SCHEMA_KEYS {
        if let Some(v) = p.remove(key) {
            schema.insert(key.into(), v);
        }
    }
    schema.remove("collectionFormat");
    if let Some(Value::Object(items)) = schema.get_mut("items") {
        let inner = schema_of(items);
        *items = inner;
    }
    if schema.get("type").and_then(Value::as_str) == Some("file") {
        schema.insert("type".into(), json!("string"));
        schema.insert("format".into(), json!("binary"));
    }
    schema
}

/// An array parameter's `collectionFormat` as OpenAPI 3's `style` and `explode`; `None` for a
/// parameter that is no array.
fn array_style(p: &Map<String, Value>, at: &str) -> Result<Option<(&'static str, bool)>, Problem> {
    if p.get("type").and_then(Value::as_str) != Some("array") {
        return Ok(None);
    }
    let place = p.get("in").and_then(Value::as_str).unwrap_or("");
    Ok(Some(match (p.get("collectionFormat").and_then(Value::as_str), place) {
        (None | Some("csv"), "query" | "formData") => ("form", false),
        (None | Some("csv"), _) => ("simple", false),
        (Some("multi"), "query" | "formData") => ("form", true),
        (Some("ssv"), "query") => ("spaceDelimited", false),
        (Some("pipes"), "query") => ("pipeDelimited", false),
        (Some(other), _) => {
            return Err((
                at.to_string(),
                format!(
                    "`collectionFormat: {other}` in `{place}` has no OpenAPI 3 style snipgen can send; use csv"
                ),
            ));
        }
    }))
}

/// The parameter at `at`, its local `#/parameters/…` reference followed.
fn parameter(p: &Value, shared: &Value, at: &str) -> Result<Map<String, Value>, Problem> {
    let p = match p.get("$ref").and_then(Value::as_str) {
        Some(r) => match r.strip_prefix("#/parameters/").and_then(|name| shared.get(name)) {
            Some(found) => found,
            None => {
                return Err((
                    at.to_string(),
                    format!(
                        "$ref {r:?}: a Swagger 2.0 parameter is read from this document's `parameters` only; convert the document first: `npx swagger2openapi --yaml FILE -o openapi.yaml`"
                    ),
                ));
            }
        },
        None => p,
    };
    p.as_object().cloned().ok_or_else(|| (at.to_string(), "a parameter is a mapping".to_string()))
}

/// A `content` with `media` in each of `types`, each with the example `by_type` (a mapping
/// from media type to example, when given) holds for it.
fn content_by_type(
    types: &[String],
    media: &Map<String, Value>,
    by_type: Option<Value>,
) -> Map<String, Value> {
    let mut by_type = match by_type {
        Some(Value::Object(by_type)) => by_type,
        _ => Map::new(),
    };
    types
        .iter()
        .map(|m| {
            let mut media = media.clone();
            if let Some(example) = by_type.remove(m) {
                media.insert("example".into(), example);
            }
            (m.clone(), Value::Object(media))
        })
        .collect()
}

/// The media types a `consumes` or `produces` list names (the operation's, else the
/// document's), `application/json` when neither names any.
fn media_types(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .map(|c| c.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .filter(|c: &Vec<String>| !c.is_empty())
        .unwrap_or_else(|| vec!["application/json".to_string()])
}

/// Rewrites one operation; `common` is its path item's parameters and the item's pointer.
fn operation(
    op: &mut Map<String, Value>,
    (common, item_at): (&Value, &str),
    shared: &Value,
    (consumes, produces): (Option<&Value>, Option<&Value>),
    at: &str,
) -> Result<(), Problem> {
    // Each parameter with the pointer its problems are reported at.
    let mut params: Vec<(String, Map<String, Value>)> = Vec::new();
    if let Some(list) = op.get("parameters").and_then(Value::as_array) {
        for (i, p) in list.iter().enumerate() {
            let here = format!("{at}/parameters/{i}");
            params.push((here.clone(), parameter(p, shared, &here)?));
        }
    }
    // The path item's parameters apply unless the operation redefines one (same name and place).
    if let Some(list) = common.as_array() {
        for (i, p) in list.iter().enumerate() {
            let here = format!("{item_at}/parameters/{i}");
            let p = parameter(p, shared, &here)?;
            let key = |q: &Map<String, Value>| (q.get("name").cloned(), q.get("in").cloned());
            if !params.iter().any(|(_, q)| key(q) == key(&p)) {
                params.push((here, p));
            }
        }
    }
    let consumes = media_types(op.remove("consumes").as_ref().or(consumes));
    let produces = media_types(op.remove("produces").as_ref().or(produces));
    // A response's body is its `schema`, in each media type `produces` lists, and its
    // `examples` are by media type already.
    if let Some(Value::Object(responses)) = op.get_mut("responses") {
        for response in responses.values_mut().filter_map(Value::as_object_mut) {
            let Some(schema) = response.remove("schema") else { continue };
            let media = Map::from_iter([("schema".to_string(), schema)]);
            let content = content_by_type(&produces, &media, response.remove("examples"));
            response.insert("content".into(), Value::Object(content));
        }
    }

    let mut kept = Vec::new();
    let mut body = None;
    let mut form = Map::new();
    let mut form_required = Vec::new();
    let mut encoding = Map::new();
    let mut has_file = false;
    for (here, mut p) in params {
        let place = p.get("in").and_then(Value::as_str).unwrap_or("").to_string();
        let name = p.get("name").and_then(Value::as_str).unwrap_or("").to_string();
        let required = p.get("required").and_then(Value::as_bool) == Some(true);
        match place.as_str() {
            "body" => {
                let mut media = Map::new();
                media.insert("schema".into(), p.remove("schema").unwrap_or_else(|| json!({})));
                if let Some(example) = p.remove("x-example") {
                    media.insert("example".into(), example);
                }
                // `x-examples`, by media type (as Swagger 2.0 gives a response's `examples`),
                // is the example of the media type it names.
                let content = content_by_type(&consumes, &media, p.remove("x-examples"));
                let mut request = json!({"content": content, "required": required});
                if let Some(text) = p.remove("description") {
                    request["description"] = text;
                }
                body = Some(request);
            }
            "formData" => {
                let style = array_style(&p, &here)?;
                let mut schema = schema_of(&mut p);
                has_file |= schema.get("format").and_then(Value::as_str) == Some("binary");
                for (from, to) in [("description", "description"), ("x-example", "example")] {
                    if let Some(v) = p.remove(from) {
                        schema.insert(to.into(), v);
                    }
                }
                if let Some((style, explode)) = style {
                    encoding.insert(name.clone(), json!({"style": style, "explode": explode}));
                }
                if required {
                    form_required.push(Value::String(name.clone()));
                }
                form.insert(name, Value::Object(schema));
            }
            _ => {
                let style = array_style(&p, &here)?;
                let schema = schema_of(&mut p);
                p.insert("schema".into(), Value::Object(schema));
                if let Some(example) = p.remove("x-example") {
                    p.insert("example".into(), example);
                }
                if let Some((style, explode)) = style {
                    p.insert("style".into(), json!(style));
                    p.insert("explode".into(), json!(explode));
                }
                kept.push(Value::Object(p));
            }
        }
    }
    if kept.is_empty() {
        op.remove("parameters");
    } else {
        op.insert("parameters".into(), Value::Array(kept));
    }
    if !form.is_empty() {
        // One media type: multipart when a part is a file or multipart is all that is consumed.
        let multipart = "multipart/form-data";
        let urlencoded = "application/x-www-form-urlencoded";
        let only_multipart =
            consumes.iter().any(|m| m == multipart) && !consumes.iter().any(|m| m == urlencoded);
        let media_type = if has_file || only_multipart { multipart } else { urlencoded };
        let required = !form_required.is_empty();
        let mut schema = json!({"type": "object", "properties": form});
        if required {
            schema["required"] = Value::Array(form_required);
        }
        let mut media = json!({"schema": schema});
        if !encoding.is_empty() {
            media["encoding"] = Value::Object(encoding);
        }
        body = Some(json!({"content": {media_type: media}, "required": required}));
    }
    if let Some(body) = body {
        op.insert("requestBody".into(), body);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converted(doc: Value) -> Value {
        let mut files = [doc];
        convert(&mut files).unwrap();
        let [doc] = files;
        doc
    }

    #[test]
    fn servers_come_from_schemes_host_and_base_path() {
        let doc = converted(
            json!({"swagger": "2.0", "host": "h.example", "basePath": "/v1/", "schemes": ["ws", "http"]}),
        );
        assert_eq!(doc["servers"], json!([{"url": "http://h.example/v1"}]));
        assert_eq!(doc["openapi"], json!("3.0.3"));
        // No host: the host serving the document, which the reader fills in.
        let doc = converted(json!({"swagger": "2.0", "basePath": "/v1"}));
        assert_eq!(doc["servers"][0]["url"], json!("{baseUrl}/v1"));
        assert!(converted(json!({"swagger": "2.0"})).get("servers").is_none());
    }

    #[test]
    fn oauth2_flows_get_their_openapi_3_names() {
        let doc = converted(json!({"swagger": "2.0", "securityDefinitions": {
            "a": {"type": "oauth2", "flow": "application", "tokenUrl": "https://t", "scopes": {}},
            "p": {"type": "oauth2", "flow": "password", "tokenUrl": "https://t", "scopes": {}},
            "i": {"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://a", "scopes": {}},
            "b": {"type": "basic", "description": "d"},
        }}));
        let schemes = &doc["components"]["securitySchemes"];
        assert_eq!(schemes["a"]["flows"]["clientCredentials"]["tokenUrl"], json!("https://t"));
        assert_eq!(schemes["p"]["flows"]["password"]["tokenUrl"], json!("https://t"));
        assert_eq!(schemes["i"]["flows"]["implicit"]["authorizationUrl"], json!("https://a"));
        assert_eq!(schemes["b"], json!({"type": "http", "scheme": "basic", "description": "d"}));
    }

    #[test]
    fn an_operation_redefining_a_path_parameter_keeps_its_own() {
        let doc = converted(json!({"swagger": "2.0", "paths": {"/a": {
            "parameters": [{"name": "x", "in": "query", "type": "string", "x-example": "path"}],
            "get": {"parameters": [{"name": "x", "in": "query", "type": "string", "x-example": "op"}]},
        }}}));
        let params = &doc["paths"]["/a"]["get"]["parameters"];
        assert_eq!(
            params,
            &json!([{"name": "x", "in": "query", "schema": {"type": "string"}, "example": "op"}])
        );
        assert!(doc["paths"]["/a"].get("parameters").is_none());
    }

    #[test]
    fn a_body_example_by_media_type_is_that_media_type_s_example() {
        let doc = converted(json!({"swagger": "2.0", "consumes": ["application/json", "application/xml"],
            "paths": {"/a": {"post": {"parameters": [{"name": "b", "in": "body", "schema": {"type": "object"},
                "x-example": {"all": 1}, "x-examples": {"application/json": {"id": 7}, "text/csv": "id\n7"}}]}}}}));
        let content = &doc["paths"]["/a"]["post"]["requestBody"]["content"];
        assert_eq!(content["application/json"]["example"], json!({"id": 7}));
        // A media type `x-examples` does not name keeps `x-example`; one `consumes` does not
        // list is not added.
        assert_eq!(content["application/xml"]["example"], json!({"all": 1}));
        assert_eq!(content.as_object().unwrap().len(), 2, "{content}");
    }

    #[test]
    fn definitions_move_and_references_follow() {
        let doc = converted(json!({"swagger": "2.0", "definitions": {"Pet": {"type": "object"}},
            "paths": {"/a": {"post": {"parameters": [{"name": "b", "in": "body", "schema": {"$ref": "#/definitions/Pet"}}]}}}}));
        assert_eq!(doc["components"]["schemas"]["Pet"], json!({"type": "object"}));
        let body = &doc["paths"]["/a"]["post"]["requestBody"];
        assert_eq!(body["content"]["application/json"]["schema"]["$ref"], json!("#/components/schemas/Pet"));
        assert_eq!(body["required"], json!(false));
    }
}
