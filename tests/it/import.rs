//! OpenAPI documents and curl files as spec sources: the imported specs pinned by snapshots,
//! every operation rendered in every language, the CLI (`--openapi`, `import`), overrides and
//! errors naming the file and JSON pointer.

use std::path::{Path, PathBuf};

use snipgen::import::{self, Sources};
use snipgen::lang::parse_targets;

use super::{SIMPLE, project, repo, snipgen};

const DOCS: [&str; 4] =
    ["identity/openapi.yaml", "payments/openapi.json", "storage/openapi.yaml", "forge/openapi.yaml"];

fn doc(name: &str) -> PathBuf {
    repo().join("tests/fixtures/openapi").join(name)
}

/// Warnings with the machine's path to the fixtures removed.
fn portable(warnings: &[String]) -> String {
    let root = format!("{}/", repo().join("tests/fixtures/openapi").display());
    warnings.iter().map(|w| w.replace(&root, "")).collect::<Vec<_>>().join("\n")
}

#[test]
fn openapi_documents_import_as_pinned_specs() {
    for name in DOCS {
        let (specs, warnings) = import::openapi::import(&doc(name), &Default::default()).unwrap();
        let api = name.split('/').next().unwrap();
        for one in &specs {
            insta::assert_snapshot!(format!("openapi__{api}__{}", one.id.replace('/', "__")), one.yaml);
        }
        insta::assert_snapshot!(format!("openapi__{api}__warnings"), portable(&warnings));
    }
}

/// A Swagger 2.0 document imports as the OpenAPI 3.0 document swagger2openapi converts it to
/// (committed beside it): same specs, same warnings, each spec's origin in the Swagger file.
#[test]
fn swagger_2_documents_import_as_their_openapi_3_reading() {
    let (native, native_warnings) =
        import::openapi::import(&doc("petshop/swagger.yaml"), &Default::default()).unwrap();
    let (converted, converted_warnings) =
        import::openapi::import(&doc("petshop/openapi.yaml"), &Default::default()).unwrap();
    let body = |yaml: &str| yaml.split_once('\n').unwrap().1.to_string();
    assert_eq!(native.len(), 5);
    assert_eq!(native.len(), converted.len());
    for (n, c) in native.iter().zip(&converted) {
        assert_eq!(n.id, c.id);
        assert_eq!(body(&n.yaml), body(&c.yaml), "{}", n.id);
        assert!(n.yaml.starts_with("# Imported by snipgen from swagger.yaml#/paths/"), "{}", n.yaml);
        insta::assert_snapshot!(format!("openapi__petshop__{}", n.id.replace('/', "__")), n.yaml);
    }
    assert_eq!(
        portable(&native_warnings),
        portable(&converted_warnings).replace("openapi.yaml", "swagger.yaml")
    );
}

#[test]
fn every_operation_renders_in_every_language() {
    let sources = Sources {
        specs: PathBuf::from("/nonexistent/specs"),
        openapi: DOCS.iter().map(|d| doc(d)).collect(),
        server: None,
    };
    let loaded = import::load(&sources).unwrap();
    assert!(loaded.specs.len() >= 50, "{} operations", loaded.specs.len());
    let targets = parse_targets(&[]).unwrap();
    let renderer = snipgen::renderer(&Default::default()).unwrap();
    let plan = snipgen::plan_loaded(loaded.specs, &targets, &renderer).unwrap();
    // Only what a client cannot send at all: browsers forbid Cookie and Origin, these clients
    // cannot type a text part (the upload's JSON metadata part), and RestSharp sends files
    // before the dispute evidence's text fields.
    let refused: Vec<&str> = plan.refused().into_iter().map(|(path, _)| path).collect();
    assert_eq!(
        refused,
        [
            "disputes/submit-dispute-evidence/api_key/csharp.cs",
            "disputes/submit-dispute-evidence/basic/csharp.cs",
            "objects/preflight-object/jquery.js",
            "objects/upload-objects/csharp.cs",
            "objects/upload-objects/jquery.js",
            "objects/upload-objects/php.php",
            "objects/upload-objects/ruby.rb",
            "shares/open-share/jquery.js",
        ]
    );
}

#[test]
fn curl_file_imports_as_pinned_specs() {
    let path = repo().join("tests/fixtures/curl/commands.sh");
    let text = std::fs::read_to_string(&path).unwrap();
    let (specs, warnings) = import::curl::import("commands.sh", &text).unwrap();
    for one in &specs {
        one.load().unwrap();
        insta::assert_snapshot!(format!("curl__{}", one.id.replace('/', "__")), one.yaml);
    }
    insta::assert_snapshot!("curl__warnings", warnings.join("\n"));
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const SMALL: &str = r#"openapi: 3.1.0
info: {title: Small, version: "1"}
servers: [{url: "https://api.example.com/v1"}, {url: "https://{env}.example.com", variables: {env: {default: sandbox}}}]
paths:
  /users/{id}:
    get:
      tags: [Users]
      operationId: getUser
      summary: Get a user
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}, example: 42}
      responses: {"200": {description: OK}}
    delete:
      tags: [Users]
      operationId: deleteUser
      x-snipgen: {skip: true}
      responses: {"204": {description: Gone}}
  /users:
    post:
      tags: [Users]
      operationId: createUser
      x-snipgen:
        title: Create a user (custom)
        parameters: {dryRun: "true"}
        body: {name: Grace}
      parameters:
        - {name: dryRun, in: query, schema: {type: boolean}}
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [name], properties: {name: {type: string}}}
      responses: {"201": {description: Created}}
"#;

#[test]
fn generate_and_check_read_openapi_beside_specs() {
    let dir = project(&[(
        "users/create-user.yaml",
        "title: Hand-written\nmethod: POST\nurl: https://x.example.com/u\n",
    )]);
    write(dir.path(), "api.yaml", SMALL);
    let (code, stdout, stderr) =
        snipgen(dir.path(), &["generate", "--openapi", "api.yaml", "--lang", "curl"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 files: 2 written"), "{stdout}");
    let get = std::fs::read_to_string(dir.path().join("output/users/get-user/curl.sh")).unwrap();
    assert!(get.contains("https://api.example.com/v1/users/{{id}}"), "{get}");
    // The spec in specs/ with the same id wins over the operation.
    let create = std::fs::read_to_string(dir.path().join("output/users/create-user/curl.sh")).unwrap();
    assert!(create.contains("https://x.example.com/u"), "{create}");
    assert!(!dir.path().join("output/users/delete-user").exists(), "x-snipgen skip");
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--openapi", "api.yaml", "--lang", "curl"]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn openapi_alone_with_settings_file_and_server_choice() {
    let dir = project(&[]);
    write(dir.path(), "api.yaml", SMALL);
    write(dir.path(), "snipgen.yaml", "openapi: api.yaml\nlang: [curl]\n");
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--server", "2"]);
    assert_eq!(code, 0, "{stderr}");
    let get = std::fs::read_to_string(dir.path().join("output/users/get-user/curl.sh")).unwrap();
    assert!(get.contains("https://{{env}}.example.com/users/{{id}}"), "{get}");
    let create = std::fs::read_to_string(dir.path().join("output/users/create-user/curl.sh")).unwrap();
    assert!(create.contains("dryRun=true") && create.contains("\"name\": \"Grace\""), "{create}");
}

#[test]
fn render_one_operation() {
    let dir = project(&[]);
    write(dir.path(), "api.yaml", SMALL);
    let args = ["render", "--openapi", "api.yaml", "--operation", "users/get-user", "--lang", "python"];
    let (code, stdout, stderr) = snipgen(dir.path(), &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("https://api.example.com/v1/users/{{id}}"), "{stdout}");
    let args = ["render", "--openapi", "api.yaml", "--operation", "users/get-usr", "--lang", "python"];
    let (code, _, stderr) = snipgen(dir.path(), &args);
    assert_eq!(code, 2);
    assert!(stderr.contains("no operation `users/get-usr`; did you mean `users/get-user`?"), "{stderr}");
}

#[test]
fn import_writes_specs_and_reimport_is_identical() {
    let dir = project(&[]);
    write(dir.path(), "api.yaml", SMALL);
    let (code, stdout, stderr) = snipgen(dir.path(), &["import", "openapi", "api.yaml", "--out", "specs"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 specs: 2 written, 0 unchanged"), "{stdout}");
    let spec = std::fs::read_to_string(dir.path().join("specs/users/get-user.yaml")).unwrap();
    assert_eq!(
        spec,
        "# Imported by snipgen from api.yaml#/paths/~1users~1{id}/get\ntitle: Get a user\nmethod: GET\nurl: https://api.example.com/v1/users/{{id}}\nvariables:\n  id: \"42\"\n"
    );
    let (code, stdout, _) = snipgen(dir.path(), &["import", "openapi", "api.yaml", "--out", "specs"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("2 specs: 0 written, 2 unchanged"), "{stdout}");
    // The imported specs generate like any other.
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--lang", "go"]);
    assert_eq!(code, 0, "{stderr}");

    // An edited spec is not overwritten without --force, and nothing else is written.
    write(dir.path(), "specs/users/get-user.yaml", "title: Mine\nmethod: GET\nurl: https://x.example.com\n");
    std::fs::remove_file(dir.path().join("specs/users/create-user.yaml")).unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["import", "openapi", "api.yaml", "--out", "specs"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("would change specs/users/get-user.yaml"), "{stderr}");
    assert!(!dir.path().join("specs/users/create-user.yaml").exists());
    let (code, _, stderr) =
        snipgen(dir.path(), &["import", "openapi", "api.yaml", "--out", "specs", "--force"]);
    assert_eq!(code, 0, "{stderr}");
    let spec = std::fs::read_to_string(dir.path().join("specs/users/get-user.yaml")).unwrap();
    assert!(spec.contains("title: Get a user"));
}

#[test]
fn import_curl_from_a_file() {
    let dir = project(&[]);
    write(
        dir.path(),
        "docs.sh",
        &format!(
            "# Get a user\ncurl -s https://api.example.com/users/{{{{id}}}}\n{}",
            "curl -X DELETE https://api.example.com/users/7 --compressed\n"
        ),
    );
    let (code, stdout, stderr) = snipgen(dir.path(), &["import", "curl", "docs.sh", "--out", "specs"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 specs: 2 written"), "{stdout}");
    assert!(stderr.contains("warning: docs.sh:3: ignored --compressed"), "{stderr}");
    assert!(dir.path().join("specs/api.example.com/delete-users-7.yaml").exists());
    let (code, _, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{stderr}");
    // `-q` prints errors only: no file list, no summary, no warnings.
    let args = ["-q", "import", "curl", "docs.sh", "--out", "again"];
    assert_eq!(snipgen(dir.path(), &args), (0, String::new(), String::new()));
}

#[test]
fn imported_headers_every_client_sets_are_dropped_with_a_warning() {
    let dir = project(&[]);
    let command = "curl https://api.example.com/notes -H 'Host: api.example.com' -H 'Content-Length: 5' -H 'X-Kept: 1' -d hello\n";
    write(dir.path(), "docs.sh", command);
    let (code, _, stderr) = snipgen(dir.path(), &["import", "curl", "docs.sh", "--out", "specs"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr
            .contains("warning: docs.sh:1: dropped Host, Content-Length, which every client sets on its own"),
        "{stderr}"
    );
    let spec = std::fs::read_to_string(dir.path().join("specs/api.example.com/post-notes.yaml")).unwrap();
    assert!(spec.contains("X-Kept") && !spec.contains("Host") && !spec.contains("Content-Length"), "{spec}");
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
}

/// Runs generate on a document and returns stderr, which must report an error.
fn error_of(document: &str, extra: &[(&str, &str)]) -> String {
    let dir = project(&[]);
    write(dir.path(), "api.yaml", document);
    for (name, text) in extra {
        write(dir.path(), name, text);
    }
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--openapi", "api.yaml"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(!dir.path().join("output").exists(), "nothing written on error");
    stderr
}

#[test]
fn errors_name_the_file_and_json_pointer() {
    let head =
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://api.example.com'}]\n";
    let stderr = error_of(
        &format!(
            "{head}paths:\n  /users:\n    post:\n      requestBody: {{$ref: '#/components/requestBodies/Nope'}}\n      responses: {{}}\n"
        ),
        &[],
    );
    assert_eq!(
        stderr.trim(),
        "error: api.yaml#/paths/~1users/post/requestBody: $ref \"#/components/requestBodies/Nope\" points to nothing"
    );
    let stderr = error_of("swagger: '1.2'\npaths: {}\n", &[]);
    assert_eq!(
        stderr.trim(),
        "error: api.yaml#/openapi: expected OpenAPI 3.0.x or 3.1.x, or Swagger 2.0, found `swagger: 1.2`"
    );
    // Swagger 2.0: what has no OpenAPI 3 reading is said at the parameter.
    let swagger = "swagger: '2.0'\ninfo: {title: T, version: '1'}\nhost: api.example.com\npaths:\n  /a/{id}:\n    parameters: [{name: id, in: path, required: true, type: string}]\n    get:\n      parameters:\n";
    let stderr = error_of(
        &format!(
            "{swagger}        - {{name: ids, in: query, type: array, items: {{type: string}}, collectionFormat: tsv}}\n      responses: {{}}\n"
        ),
        &[],
    );
    assert_eq!(
        stderr.trim(),
        "error: api.yaml#/paths/~1a~1{id}/get/parameters/0: `collectionFormat: tsv` in `query` has no OpenAPI 3 style snipgen can send; use csv"
    );
    let stderr = error_of(
        &format!("{swagger}        - {{$ref: 'params.yaml#/limit'}}\n      responses: {{}}\n"),
        &[("params.yaml", "limit: {name: limit, in: query, type: integer}\n")],
    );
    assert!(
        stderr.trim().starts_with("error: api.yaml#/paths/~1a~1{id}/get/parameters/0: $ref \"params.yaml#/limit\": a Swagger 2.0 parameter is read from this document's `parameters` only"),
        "{stderr}"
    );
    let stderr = error_of("openapi: 3.1.0\npaths: [unclosed\n", &[]);
    assert!(stderr.starts_with("error: api.yaml:2:"), "{stderr}");
    let stderr = error_of(
        &format!("{head}paths:\n  /a:\n    get: {{$ref: 'ops.yaml#/missing'}}\n"),
        &[("ops.yaml", "other: {}\n")],
    );
    assert_eq!(stderr.trim(), "error: api.yaml#/paths/~1a/get: $ref \"ops.yaml#/missing\" points to nothing");
    // A document that is not UTF-8 is reported at its first bad byte, as a spec is.
    let dir = project(&[]);
    std::fs::write(dir.path().join("api.yaml"), b"openapi: 3.1.0\ninfo: {title: \xff}\n").unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--openapi", "api.yaml"]);
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(
        stderr.trim(),
        "error: api.yaml:2:15: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8"
    );
    // A file a `$ref` names that is not there is said in words (not `os error 2`), at the `$ref`.
    let stderr = error_of(&format!("{head}paths:\n  /a:\n    get: {{$ref: 'gone.yaml#/x'}}\n"), &[]);
    assert!(stderr.trim().starts_with("error: api.yaml#/paths/~1a/get: cannot read "), "{stderr}");
    assert!(stderr.trim().ends_with("gone.yaml: no such file or folder"), "{stderr}");
    // A value the spec format refuses is reported at the operation.
    let stderr = error_of(
        &format!(
            "{head}paths:\n  /a:\n    get:\n      parameters: [{{name: X-Name, in: header, required: true, example: \"Zoë\"}}]\n      responses: {{}}\n"
        ),
        &[],
    );
    assert!(stderr.starts_with("error: api.yaml#/paths/~1a/get: header value contains 'ë'"), "{stderr}");
    let stderr = error_of(
        &format!("{head}paths:\n  /a:\n    get:\n      x-snipgen: {{skp: true}}\n      responses: {{}}\n"),
        &[],
    );
    assert!(
        stderr.starts_with("error: api.yaml#/paths/~1a/get/x-snipgen: x-snipgen: unknown field `skp`"),
        "{stderr}"
    );
}

#[test]
fn reference_cycles_are_cut() {
    let dir = project(&[]);
    write(
        dir.path(),
        "api.yaml",
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://api.example.com'}]\npaths:\n  /nodes:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Node'}\n      responses: {}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      required: [name, parent, children]\n      properties:\n        name: {type: string}\n        parent: {$ref: '#/components/schemas/Node'}\n        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n",
    );
    let (specs, _) = import::openapi::import(&dir.path().join("api.yaml"), &Default::default()).unwrap();
    assert!(
        specs[0].yaml.contains("body:\n  json:\n    name: string\n    children: []\n"),
        "{}",
        specs[0].yaml
    );
}

#[test]
fn specs_folder_must_exist_without_openapi() {
    let dir = project(&[]);
    let (code, _, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("specs folder specs does not exist"), "{stderr}");
    let _ = SIMPLE;
}

#[test]
fn postman_collection_imports_as_pinned_specs() {
    let path = repo().join("tests/fixtures/postman/storage.postman_collection.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let (specs, warnings) = import::postman::import("storage.postman_collection.json", &text).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    for one in &specs {
        one.load().unwrap();
        insta::assert_snapshot!(format!("postman__{}", one.id.replace('/', "__")), one.yaml);
    }
}

#[test]
fn har_file_imports_as_pinned_specs() {
    let path = repo().join("tests/fixtures/har/identity.har");
    let text = std::fs::read_to_string(&path).unwrap();
    let (specs, warnings) = import::har::import("identity.har", &text).unwrap();
    assert_eq!(specs.len(), 7, "the repeated discovery request is imported once");
    for one in &specs {
        one.load().unwrap();
        insta::assert_snapshot!(format!("har__{}", one.id.replace('/', "__")), one.yaml);
    }
    insta::assert_snapshot!("har__warnings", warnings.join("\n"));
}

/// `X-Requested-With` is set by the page's script (jQuery), not the browser, and servers check
/// it (CSRF guards): a HAR import keeps it, while the browser's own headers are dropped.
#[test]
fn har_keeps_headers_the_page_set() {
    let har = r#"{"log": {"version": "1.2", "entries": [
      {"request": {"method": "GET", "url": "https://api.example.com/v1/me", "headers": [
        {"name": "X-Requested-With", "value": "XMLHttpRequest"},
        {"name": "User-Agent", "value": "Mozilla/5.0"},
        {"name": "Accept", "value": "application/json"}]}}
    ]}}"#;
    let (specs, warnings) = import::har::import("s.har", har).unwrap();
    let yaml = &specs[0].yaml;
    assert!(
        yaml.contains("headers:\n  X-Requested-With: XMLHttpRequest\n  Accept: application/json\n"),
        "{yaml}"
    );
    assert!(
        !yaml.contains("User-Agent") && warnings.iter().any(|w| w.contains("user-agent")),
        "{yaml}\n{warnings:?}"
    );
}

#[test]
fn yaml_is_read_as_yaml_1_2() {
    let dir = project(&[]);
    write(
        dir.path(),
        "api.yaml",
        "openapi: 3.0.0\ninfo: {title: t, version: 1.0}\nservers: [{url: 'https://a.example.com'}]\npaths:\n  /x:\n    get:\n      responses:\n        200: {description: ok}\n      parameters:\n        - {name: n, in: query, required: true, schema: {type: string, enum: [yes, no]}}\n        - {name: on, in: query, required: true, schema: {type: integer}}\n",
    );
    let (specs, _) = import::openapi::import(&dir.path().join("api.yaml"), &Default::default()).unwrap();
    assert!(specs[0].yaml.ends_with("query:\n  \"n\": \"yes\"\n  \"on\": \"1\"\n"), "{}", specs[0].yaml);
}

/// A YAML document's example numbers are sent as written, as a JSON document's are: `10.50`
/// stays `10.50`, a twenty-digit id keeps every digit, and `1e400` is a number, not infinity.
/// Infinity in a schema keyword does not stop an import; in an example it is still refused.
#[test]
fn openapi_infinity_is_refused_only_where_a_sample_sends_it() {
    let document = |example: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\nservers: [{{url: 'https://api.example.com'}}]\npaths:\n  /m:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              required: [n]\n              properties:\n                n: {{type: number, minimum: -.inf, maximum: !!float .inf, example: {example}}}\n      responses: {{}}\n"
        )
    };
    let dir = project(&[]);
    write(dir.path(), "api.yaml", &document("2.5"));
    let (specs, _) = import::openapi::import(&dir.path().join("api.yaml"), &Default::default()).unwrap();
    assert!(specs[0].yaml.ends_with("body:\n  json:\n    \"n\": 2.5\n"), "{}", specs[0].yaml);
    let stderr = error_of(&document(".nan"), &[]);
    assert_eq!(
        stderr.trim(),
        "error: api.yaml:14:83: `.nan` is infinity or NaN, which JSON cannot hold; quote it to send it as text"
    );
}

#[test]
fn yaml_numbers_keep_their_written_form() {
    let dir = project(&[]);
    write(
        dir.path(),
        "api.yaml",
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://a.example.com'}]\npaths:\n  /n:\n    post:\n      parameters:\n        - {name: X-N, in: header, required: true, schema: {type: number}, example: 1.50}\n      requestBody:\n        content:\n          application/json:\n            example: {price: 10.50, id: 98765432109876543210, z: -0, hex: 0x1F, huge: 1e400}\n      responses:\n        200: {description: ok}\n",
    );
    let (specs, _) = import::openapi::import(&dir.path().join("api.yaml"), &Default::default()).unwrap();
    let yaml = &specs[0].yaml;
    assert!(yaml.contains("X-N: \"1.50\"\n"), "{yaml}");
    assert!(
        yaml.contains(
            "price: 10.50\n    id: 98765432109876543210\n    z: -0\n    hex: 31\n    huge: 1e+400\n"
        ),
        "{yaml}"
    );
}

/// Path parameters by style and explode, as OpenAPI §4.8.12.4's table spells them: an
/// exploded matrix list repeats `;name=`, exploded objects are `k=v`.
#[test]
fn path_parameter_styles_follow_openapi() {
    let dir = project(&[]);
    let param = |path: &str, style: &str, explode: bool, example: &str| {
        format!(
            "  /{path}/{{v}}:\n    get:\n      operationId: {path}\n      parameters:\n        - {{name: v, in: path, required: true, style: {style}, explode: {explode}, example: {example}}}\n"
        )
    };
    let document = [
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://a.example.com'}]\npaths:\n"
            .to_string(),
        param("m", "matrix", true, "blue"),
        param("ma", "matrix", true, "[b, c]"),
        param("mo", "matrix", true, "{R: 1, G: 2}"),
        param("mn", "matrix", false, "[b, c]"),
        param("l", "label", true, "{R: 1, G: 2}"),
        param("s", "simple", true, "{R: 1, G: 2}"),
        param("sn", "simple", false, "{R: 1, G: 2}"),
        param("slash", "simple", false, "a/b"),
    ]
    .concat();
    write(dir.path(), "api.yaml", &document);
    let (specs, warnings) =
        import::openapi::import(&dir.path().join("api.yaml"), &Default::default()).unwrap();
    let bound: Vec<String> = specs
        .iter()
        .map(|s| {
            let loaded = s.load().unwrap();
            let bindings = loaded.spec.variables.clone().into_iter().collect();
            let settings = snipgen::model::Settings { bindings, ..Default::default() };
            settings.bind_url(&loaded.spec.url.value)
        })
        .collect();
    assert_eq!(
        bound,
        [
            "https://a.example.com/m/;v=blue",
            "https://a.example.com/ma/;v=b;v=c",
            "https://a.example.com/mo/;R=1;G=2",
            "https://a.example.com/mn/;v=b,c",
            "https://a.example.com/l/.R=1.G=2",
            "https://a.example.com/s/R=1,G=2",
            "https://a.example.com/sn/R,1,G,2",
            "https://a.example.com/slash/a/b",
        ]
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("path parameter `v`'s example \"a/b\" holds `/`, which stays a path separator"),
        "{warnings:?}"
    );
}

/// An API key scheme and a header parameter of the same name are one header, sent by `auth`;
/// kept twice, the spec would not load (a header its auth method sets may not be in `headers`).
#[test]
fn a_header_an_api_key_sends_is_not_also_a_parameter() {
    let dir = project(&[]);
    write(
        dir.path(),
        "api.yaml",
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://a.example.com'}]\ncomponents: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\nsecurity: [{key: []}]\npaths:\n  /i:\n    get:\n      parameters: [{name: x-key, in: header, schema: {type: string}, example: k}]\n",
    );
    let (specs, warnings) =
        import::openapi::import(&dir.path().join("api.yaml"), &Default::default()).unwrap();
    assert!(!specs[0].yaml.contains("headers:"), "{}", specs[0].yaml);
    specs[0].load().expect("the imported spec loads and builds");
    assert!(
        warnings[0].ends_with("header parameter `X-Key` left out: the API key security scheme sends it"),
        "{warnings:?}"
    );
}

/// A curl sample with the white space ending each header value removed: HTTP does not count
/// it as part of the value, and the importer trims it.
fn without_header_padding(sample: &str) -> String {
    sample
        .lines()
        .map(|l| match l.strip_prefix("  --header '").and_then(|v| v.strip_suffix("' \\")) {
            Some(v) => format!("  --header '{}' \\", v.trim_end_matches([' ', '\t'])),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// snipgen's own curl samples import back to the same request: every spec of `specs/`, the
/// matrix and the adversarial fixtures rendered for curl, imported with `import curl`, and
/// rendered again gives the same sample (a sample the importer misreads, such as a quoted
/// `--form` file name or a media type with parameters, renders differently or fails).
#[test]
fn curl_samples_import_back_to_the_same_sample() {
    use snipgen::lang::{Target, languages};
    let renderer = snipgen::renderer(&Default::default()).unwrap();
    let curl = languages().iter().find(|l| l.id == "curl").unwrap();
    let target = Target { language: curl, client: &curl.clients[0] };
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in ["specs", "tests/fixtures/matrix", "tests/fixtures/adversarial"] {
        for (path, requests) in snipgen::load_requests(&super::repo().join(dir), renderer.settings()).unwrap()
        {
            for request in requests {
                let Ok(sample) = renderer.render(&request, target) else { continue };
                let again = snipgen::import::curl::import("sample.sh", &sample)
                    .map_err(|d| format!("{d:?}"))
                    .and_then(|(imported, _)| imported[0].load().map_err(|d| d.message))
                    .and_then(|spec| {
                        let requests = snipgen::model::build(&spec, renderer.settings())
                            .map_err(|e| format!("{e:?}"))?;
                        renderer.render(&requests[0], target).map_err(|e| e.to_string())
                    });
                checked += 1;
                // curl has no GraphQL: the body comes back as the JSON it sends, rendered pretty.
                let graphql = request.body.as_ref().is_some_and(|b| b.kind() == "graphql");
                match again {
                    Ok(again)
                        if graphql || without_header_padding(&again) == without_header_padding(&sample) => {}
                    Ok(again) => {
                        failures.push(format!("{}: re-rendered as\n{again}\nfrom\n{sample}", path.display()))
                    }
                    Err(e) => failures.push(format!("{}: {e}\nfrom\n{sample}", path.display())),
                }
            }
        }
    }
    assert!(checked > 90, "only {checked} samples");
    assert!(
        failures.is_empty(),
        "{} of {checked} curl samples did not survive import:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// curl files are split into words as bash splits them: every kind of quoting, escapes outside
/// quotes, words joined from quoted and unquoted parts, comments at a word's start, and
/// `$VAR`/`$(…)` kept as written (never expanded).
#[test]
fn curl_words_follow_bash_quoting() {
    let text = concat!(
        "# Bash quoting\n",
        "curl https://api.example.com/notes \\\n",
        "  -H \"X-Double: \\$HOME \\\"q\\\" \\\\ \\`x\\` \\a\"'single \\n'plain\\ word \\\n",
        "  -H X-Joined:\\ a\"b\"'c'\"d\\\ne\" -H \"X-Var: $TOKEN\" -H X-Cmd:$(date +%s) \\\n",
        "  --data-raw $'line\\tone\\n\\x41\\u00e9\\101 \\'q\\' \\\\ \\\"' # a comment with 'no close\n",
        "curl https://api.example.com/joined#not-a-comment -H 'X-A: 1'#also-not\n",
    );
    let (specs, _) = import::curl::import("docs.sh", text).unwrap();
    assert_eq!(specs.len(), 2);
    let yaml = &specs[0].yaml;
    assert!(yaml.contains("title: Bash quoting\n"), "{yaml}");
    assert!(yaml.contains("X-Double: $HOME \"q\" \\ `x` \\asingle \\nplain word\n"), "{yaml}");
    assert!(yaml.contains("X-Joined: abcde\n"), "{yaml}");
    assert!(yaml.contains("X-Var: $TOKEN\n") && yaml.contains("X-Cmd: $(date +%s)\n"), "{yaml}");
    assert!(yaml.contains("text: |-\n    line\tone\n    AéA 'q' \\ \"\n"), "{yaml}");
    assert!(specs[1].yaml.contains("X-A: 1#also-not\n"), "{}", specs[1].yaml);

    let dir = project(&[]);
    write(
        dir.path(),
        "docs.sh",
        "curl https://api.example.com/a\ncurl https://api.example.com/b -d 'oops\n\n",
    );
    let (code, _, stderr) = snipgen(dir.path(), &["import", "curl", "docs.sh", "--out", "specs"]);
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(stderr.trim(), "error: docs.sh:2:35: this `'` quote is never closed");
}

/// Shell operators outside quotes end a curl command as in bash: a pipeline's rest and
/// redirections are not the request (ignored with a warning, `curl URL | jq .` used to read
/// `|` as a second URL), commands after `&&`, `||`, `;` or `&` that are not curl are ignored
/// with a warning, and an unquoted `&` in a URL ends the command there, as bash runs it.
#[test]
fn curl_commands_end_at_shell_operators() {
    let text = concat!(
        "curl https://api.example.com/a -H 'X-A: 1|2' | jq '.items' > items.json 2>&1\n",
        "curl -s https://api.example.com/b && echo done || echo failed; curl https://api.example.com/c\n",
        "curl https://api.example.com/d?x=1&y=2\n",
    );
    let (specs, warnings) = import::curl::import("docs.sh", text).unwrap();
    let urls: Vec<_> =
        specs.iter().map(|s| s.yaml.lines().find(|l| l.starts_with("url:")).unwrap_or_default()).collect();
    assert_eq!(
        urls,
        [
            "url: https://api.example.com/a",
            "url: https://api.example.com/b",
            "url: https://api.example.com/c",
            "url: https://api.example.com/d"
        ]
    );
    assert!(specs[0].yaml.contains("X-A: 1|2\n"), "{}", specs[0].yaml);
    assert!(
        specs[3].yaml.contains("query:\n  x: \"1\"\n") && !specs[3].yaml.contains("\n  y:"),
        "{}",
        specs[3].yaml
    );
    for expected in [
        "docs.sh:1: ignored `| jq .items > items.json 2>&1`: it is shell around the curl command, not part of the request",
        "docs.sh:2: ignored `echo done` after `&&`: it is not a curl command",
        "docs.sh:2: ignored `echo failed` after `||`: it is not a curl command",
        "docs.sh:3: ignored `y=2` after `&`: it is not a curl command",
    ] {
        assert!(warnings.iter().any(|w| w == expected), "{expected}\n{warnings:#?}");
    }
    let error = |text: &str| match import::curl::import("docs.sh", text) {
        Err(d) => d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"),
        Ok(_) => panic!("{text} imported"),
    };
    assert!(error("curl https://api.example.com/a >\n").contains("docs.sh:1:32: `>` has no file after it"));
    assert!(
        error("(curl https://api.example.com/a)\n").contains("docs.sh:1:1: `(` starts or ends a subshell")
    );
}

/// A Postman URL object without `raw` keeps its `port`, a URL written without a scheme is
/// sent over http, as Postman sends it (it was imported as https), and headers given as one
/// string are read line by line.
#[test]
fn postman_ports_default_scheme_and_header_lines() {
    let collection = r#"{
      "info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "item": [
        {"name": "Object", "request": {"method": "GET",
          "url": {"protocol": "https", "host": ["api", "example", "com"], "port": "8443", "path": ["v1", "items"]}}},
        {"name": "Bare", "request": {"method": "GET", "url": "localhost:3000/health"}},
        {"name": "Numbered port", "request": {"method": "GET",
          "url": {"host": ["localhost"], "port": 8080, "path": ["x"]}}}
      ]
    }"#;
    let (specs, _) = import::postman::import("c.json", collection).unwrap();
    let url =
        |i: usize| specs[i].yaml.lines().find(|l| l.starts_with("url:")).unwrap_or_default().to_string();
    assert_eq!(url(0), "url: https://api.example.com:8443/v1/items");
    assert_eq!(url(1), "url: http://localhost:3000/health");
    assert_eq!(url(2), "url: http://localhost:8080/x");

    // The schema also allows a request's headers as one string of `Name: value` lines.
    let collection = r#"{
      "info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "item": [{"name": "Lines", "request": {"method": "GET", "url": "https://api.example.com/x",
        "header": "X-One: 1\nX-Two:  two words \r\n\nnot a header\n"}}]
    }"#;
    let (specs, _) = import::postman::import("c.json", collection).unwrap();
    assert!(specs[0].yaml.contains("headers:\n  X-One: \"1\"\n  X-Two: two words\n"), "{}", specs[0].yaml);
}

/// OAuth 2.0 is imported as Postman signs the request: in the `access_token` query parameter
/// when added to the query, else in Authorization after its header prefix (it was always a
/// bearer token).
#[test]
fn postman_oauth2_keeps_where_and_how_the_token_goes() {
    let request = |auth: &str| {
        format!(
            r#"{{"name": "R", "request": {{"method": "GET", "url": "https://api.example.com/x",
              "auth": {{"type": "oauth2", "oauth2": [{{"key": "accessToken", "value": "tok"}}{auth}]}}}}}}"#
        )
    };
    let items = [
        request(""),
        request(r#", {"key": "headerPrefix", "value": "Bearer"}"#),
        request(r#", {"key": "headerPrefix", "value": " Token "}"#),
        request(r#", {"key": "headerPrefix", "value": ""}"#),
        request(r#", {"key": "addTokenTo", "value": "queryParams"}, {"key": "headerPrefix", "value": "X"}"#),
        request(r#", {"key": "tokenType", "value": "MAC"}"#),
    ];
    let collection = format!(
        r#"{{"info": {{"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}},
          "item": [{}]}}"#,
        items.join(", ")
    );
    let (specs, warnings) = import::postman::import("c.json", &collection).unwrap();
    let auth = |i: usize| {
        let yaml = &specs[i].yaml;
        yaml[yaml.find("auth:").map_or(yaml.len(), |at| at)..].to_string()
    };
    assert_eq!(auth(0), "auth:\n  bearer:\n    token: tok\n");
    assert_eq!(auth(1), auth(0));
    assert_eq!(auth(2), "auth:\n  api_key:\n    name: Authorization\n    value: Token tok\n");
    assert_eq!(auth(3), "auth:\n  api_key:\n    name: Authorization\n    value: tok\n");
    assert_eq!(auth(4), "auth:\n  api_key:\n    name: access_token\n    value: tok\n    in: query\n");
    assert_eq!(auth(5), "");
    assert!(warnings.iter().any(|w| w.contains("MAC tokens are not supported")), "{warnings:?}");
}

/// A form-data item with several files is a part per file, all under its key, as Postman
/// sends it (only the first file was imported).
#[test]
fn postman_formdata_item_with_several_files_is_a_part_each() {
    let collection = r#"{
      "info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "item": [{"name": "Upload", "request": {"method": "POST", "url": "https://api.example.com/up",
        "body": {"mode": "formdata", "formdata": [
          {"key": "photos", "type": "file", "src": ["/home/me/a.png", "C:\\pics\\b.png"], "contentType": "image/png"},
          {"key": "none", "type": "file", "src": []},
          {"key": "note", "type": "text", "value": "hi"}
        ]}}}]
    }"#;
    let (specs, _) = import::postman::import("c.json", collection).unwrap();
    let yaml = &specs[0].yaml;
    let want = "  multipart:\n  - name: photos\n    file: a.png\n    content_type: image/png\n  - name: photos\n    file: b.png\n    content_type: image/png\n  - name: none\n    file: none.bin\n  - name: note\n    value: hi\n";
    assert!(yaml.contains(want), "{yaml}");
}

/// Postman replaces `{{name}}` whatever the name; a spec's variables are identifiers. A name a
/// spec cannot use is an error where Postman surely replaces it, said as such (the URL's used
/// to be "url contains '{'"), and a warning where Postman may leave it as text.
#[test]
fn postman_variables_a_spec_cannot_name_are_said_plainly() {
    let import = |url: &str, header: &str| {
        let collection = format!(
            r#"{{"info": {{"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}},
              "variable": [{{"key": "api key", "value": "k"}}],
              "item": [{{"name": "R", "request": {{"method": "GET", "url": "{url}",
                "header": [{{"key": "X-A", "value": "{header}"}}]}}}}]}}"#
        );
        import::postman::import("c.json", &collection)
    };
    let error = |url: &str, header: &str| match import(url, header) {
        Err(d) => d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"),
        Ok(_) => panic!("{url} {header} imported"),
    };
    assert_eq!(
        error("{{base url}}/x", "1"),
        "c.json#/item/0: `{{base url}}`: a variable name is letters, digits, `_`, `.` and `-`, starting with a letter or `_`; rename the variable in the collection"
    );
    assert!(error("https://api.example.com/x", "{{api key}}").contains("`{{api key}}`: a variable name is"));
    assert!(
        error("https://api.example.com/x?id={{$guid}}", "1")
            .contains("`{{$guid}}` is a Postman dynamic variable, which a spec cannot express")
    );
    let (specs, warnings) = import("https://api.example.com/x", "{{not defined}}").unwrap();
    assert!(specs[0].yaml.contains("X-A: \"{{not defined}}\""), "{}", specs[0].yaml);
    assert_eq!(
        warnings,
        [
            "c.json#/item/0: `{{not defined}}` is kept as text (a variable name is letters, digits, `_`, `.` and `-`, starting with a letter or `_`); if it is an environment's variable, rename it"
        ]
    );
}

/// Data from a file is sent as a form unless a Content-Type is given, as curl sends it (it was
/// imported as `application/octet-stream`), and `-d @file`, whose line breaks curl removes, is
/// imported with a warning saying the spec sends the file as it is; `-T file`, which curl
/// sends with no Content-Type, warns that the spec's body has one.
#[test]
fn curl_data_from_a_file_keeps_curls_content_type() {
    let text = concat!(
        "curl https://api.example.com/a -d @body.txt\n",
        "curl https://api.example.com/b --data-binary @blob.bin\n",
        "curl https://api.example.com/c --data-binary @blob.bin -H 'Content-Type: application/octet-stream'\n",
        "curl https://api.example.com/d -T photo.png\n",
        "curl https://api.example.com/e -T photo.png -H 'Content-Type: image/png'\n",
    );
    let (specs, warnings) = import::curl::import("docs.sh", text).unwrap();
    let form = "content_type: application/x-www-form-urlencoded\n";
    assert!(specs[0].yaml.contains(&format!("body:\n  binary: body.txt\n  {form}")), "{}", specs[0].yaml);
    assert!(specs[1].yaml.contains(&format!("body:\n  binary: blob.bin\n  {form}")), "{}", specs[1].yaml);
    assert!(
        specs[2].yaml.contains("body:\n  binary: blob.bin\n  content_type: application/octet-stream\n"),
        "{}",
        specs[2].yaml
    );
    assert!(
        specs[4].yaml.contains("body:\n  binary: photo.png\n  content_type: image/png\n"),
        "{}",
        specs[4].yaml
    );
    let untyped: Vec<_> = warnings.iter().filter(|w| w.contains("with no Content-Type")).collect();
    assert_eq!(
        untyped,
        [
            "docs.sh:4: `-T photo.png` sends the file with no Content-Type, which a spec cannot express; the spec's body is `application/octet-stream` (give a type with -H)"
        ]
    );
    let about_line_breaks: Vec<_> = warnings.iter().filter(|w| w.contains("line breaks")).collect();
    assert_eq!(
        about_line_breaks,
        [
            "docs.sh:1: `-d @body.txt`: curl removes the file's line breaks before sending it; the spec sends the file as it is, as `--data-binary @body.txt` does"
        ]
    );
}

/// Postman stores a query as written in the URL, percent-encoded: the spec holds the decoded
/// text, so a sample encodes it once (`%20` stays `%20`, not `%2520`); an invalid escape is kept.
#[test]
fn postman_query_is_decoded_once() {
    let dir = project(&[]);
    let collection = r#"{
      "info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "item": [
        {"name": "Search", "request": {"method": "GET", "url": {
          "raw": "https://api.example.com/search?q=a%20b&tag=c%2Bd+e&bad=%zz&n%5B%5D=1",
          "query": [{"key": "q", "value": "a%20b"}, {"key": "tag", "value": "c%2Bd+e"},
                    {"key": "bad", "value": "%zz"}, {"key": "n%5B%5D", "value": "1"}]}}},
        {"name": "Raw", "request": {"method": "GET", "url": "https://api.example.com/raw?q=a%20b"}}
      ]
    }"#;
    write(dir.path(), "c.json", collection);
    let (code, _, stderr) = snipgen(dir.path(), &["import", "postman", "c.json", "--out", "specs"]);
    assert_eq!(code, 0, "{stderr}");
    let spec = std::fs::read_to_string(dir.path().join("specs/search.yaml")).unwrap();
    assert!(spec.contains("query:\n  q: a b\n  tag: c+d e\n  bad: \"%zz\"\n  \"n[]\": \"1\"\n"), "{spec}");
    let raw = std::fs::read_to_string(dir.path().join("specs/raw.yaml")).unwrap();
    assert!(raw.contains("query:\n  q: a b\n"), "{raw}");
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--lang", "curl"]);
    assert_eq!(code, 0, "{stderr}");
    let sample = std::fs::read_to_string(dir.path().join("output/raw/curl.sh")).unwrap();
    assert!(sample.contains("q=a%20b") && !sample.contains("%25"), "{sample}");
}

/// curl and HAR read a `%` escape only as `%` and two hex digits (`%+4` was `\x04`; `%2`,
/// `%zz` stay as written), and a value whose escapes decode to bytes that are not UTF-8 is kept whole as
/// written rather than turned into U+FFFD.
#[test]
fn percent_escapes_are_strict_and_never_lossy() {
    let command = "curl 'https://u%ff:p%2@api.example.com/x?a=%2B1%+41&b=%ff+x&c=%2&d=%zz&e=%C3%A9+1' -d 'f=%+41%41&g=%e9'\n";
    let (specs, _) = import::curl::import("docs.sh", command).unwrap();
    let yaml = &specs[0].yaml;
    assert!(
        yaml.contains("query:\n  a: +1% 41\n  b: \"%ff+x\"\n  c: \"%2\"\n  d: \"%zz\"\n  e: é 1\n"),
        "{yaml}"
    );
    assert!(yaml.contains("form:\n    f: \"% 41A\"\n    g: \"%e9\"\n"), "{yaml}");
    assert!(yaml.contains("username: u%ff\n    password: p%2\n"), "{yaml}");

    let har = r#"{"log": {"version": "1.2", "entries": [
      {"request": {"method": "POST", "url": "https://api.example.com/v1/h?q=%+41%41&r=%e9&s=%C3%A9", "headers": [],
        "postData": {"mimeType": "application/x-www-form-urlencoded",
          "params": [{"name": "n%ff", "value": "%41%zz%4"}]}}}
    ]}}"#;
    let (specs, _) = import::har::import("s.har", har).unwrap();
    let yaml = &specs[0].yaml;
    assert!(yaml.contains("query:\n  q: \"% 41A\"\n  r: \"%e9\"\n  s: é\n"), "{yaml}");
    assert!(yaml.contains("form:\n    n%ff: A%zz%4\n"), "{yaml}");
}

/// A `-H` header replaces curl's own header of that name (from `--json`, `-A`, `-e`, `-b`,
/// `-r`), `-H 'Name:'` removes it, `-H 'Name;'` sends it empty, `-A ''` sends no User-Agent and
/// `-e` drops its `;auto` suffix, as curl's manual says.
#[test]
fn curl_user_headers_replace_curls_own() {
    let yaml = |command: &str| {
        let (specs, warnings) = import::curl::import("docs.sh", command).unwrap();
        (specs[0].yaml.split_once('\n').unwrap().1.to_string(), warnings)
    };
    let (json, _) = yaml("curl https://a.example.com/j --json '{\"a\":1}' -H 'Accept: text/plain'");
    assert!(json.contains("headers:\n  Accept: text/plain\nbody:\n  json:\n    a: 1\n"), "{json}");
    let (json, warnings) = yaml("curl https://a.example.com/j --json '{\"a\":1}' -H 'Accept:'");
    assert!(!json.contains("headers:") && warnings.is_empty(), "{json}{warnings:?}");
    let (json, _) =
        yaml("curl https://a.example.com/j --json '{\"a\":1}' -H 'Content-Type: application/vnd.api+json'");
    assert!(json.contains("headers:\n  Accept: application/json\n"), "{json}");
    assert!(json.contains("content_type: application/vnd.api+json\n"), "{json}");

    let (removed, warnings) = yaml(
        "curl https://a.example.com/x -A agent/1 -H 'User-Agent:' -e 'https://r.example.com/;auto' -H 'X-Gone:' -H 'X-Empty;'",
    );
    assert!(removed.ends_with("headers:\n  Referer: https://r.example.com/\n  X-Empty: \"\"\n"), "{removed}");
    // The option a header gives way to is named; `--json`'s Accept gives way silently.
    assert_eq!(warnings, ["docs.sh:1: -A ignored: -H 'User-Agent:' stops curl sending it"]);
    let (none, _) = yaml("curl https://a.example.com/x -A '' -e ';auto' -H 'Accept:' -H 'Host:'");
    assert!(!none.contains("headers:"), "{none}");
    let (replaced, warnings) = yaml(concat!(
        "curl https://a.example.com/x -A one -A two -H 'Referer: https://mine.example.com/' ",
        "-e https://curl.example.com/ -b a=1 -H 'Cookie: b=2' -r 0-99 -H 'Range: bytes=5-'"
    ));
    assert!(
        replaced.contains(
            "headers:\n  User-Agent: two\n  Referer: https://mine.example.com/\n  Cookie: b=2\n  Range: bytes=5-\n"
        ),
        "{replaced}"
    );
    assert_eq!(
        warnings,
        [
            "docs.sh:1: -e ignored: curl sends the -H 'Referer: …' header instead",
            "docs.sh:1: -r ignored: curl sends the -H 'Range: …' header instead",
            "docs.sh:1: -b ignored: curl sends the -H 'Cookie: …' header instead",
        ]
    );
    let (form, warnings) = yaml("curl https://a.example.com/f -d a=1 -H 'Content-Type:'");
    assert!(form.contains("form:\n    a: \"1\"\n"), "{form}");
    assert_eq!(
        warnings,
        [
            "docs.sh:1: -H 'Content-Type:' sends the body without a Content-Type, which a spec cannot express; the body keeps its type"
        ]
    );
}

/// An `Authorization` header given with `-H` is what curl sends: the auth of `-u`,
/// `--oauth2-bearer` or the URL's user info is left out, with a warning naming it.
#[test]
fn curl_authorization_header_wins_over_auth_options() {
    let import = |command: &str| {
        let (specs, warnings) = import::curl::import("docs.sh", command).unwrap();
        specs[0].load().unwrap();
        (specs[0].yaml.split_once('\n').unwrap().1.to_string(), warnings)
    };
    let (yaml, warnings) = import("curl -u a:b -H 'Authorization: Bearer t' https://a.example.com/x");
    assert!(yaml.ends_with("auth:\n  bearer:\n    token: t\n") && !yaml.contains("basic"), "{yaml}");
    assert_eq!(warnings, ["docs.sh:1: -u ignored: curl sends the -H 'Authorization: …' header instead"]);
    let (yaml, warnings) =
        import("curl --oauth2-bearer x -H 'Authorization: Basic YTpi' https://a.example.com/x");
    assert!(yaml.ends_with("auth:\n  basic:\n    username: a\n    password: b\n"), "{yaml}");
    assert_eq!(
        warnings,
        ["docs.sh:1: --oauth2-bearer ignored: curl sends the -H 'Authorization: …' header instead"]
    );
    let (yaml, warnings) = import("curl https://u:p@a.example.com/x -H 'Authorization: Token abc'");
    assert!(yaml.ends_with("headers:\n  Authorization: Token abc\n"), "{yaml}");
    assert_eq!(
        warnings,
        ["docs.sh:1: the URL's user info ignored: curl sends the -H 'Authorization: …' header instead"]
    );
    let (yaml, warnings) = import("curl -u a:b -H 'Authorization:' https://a.example.com/x");
    assert!(yaml.ends_with("url: https://a.example.com/x\n"), "{yaml}");
    assert_eq!(warnings, ["docs.sh:1: -u ignored: -H 'Authorization:' stops curl sending it"]);
}

/// `--format openapi` annotates a Swagger 2.0 input in place of converting it.
#[test]
fn swagger_2_input_stays_swagger_2_with_code_samples() {
    let dir = project(&[]);
    let text = std::fs::read_to_string(doc("petshop/swagger.yaml")).unwrap();
    write(dir.path(), "swagger.yaml", &text);
    let (code, _, stderr) =
        snipgen(dir.path(), &["generate", "--openapi", "swagger.yaml", "--format", "openapi"]);
    assert_eq!(code, 0, "{stderr}");
    let written = std::fs::read_to_string(dir.path().join("output/openapi/swagger.yaml")).unwrap();
    assert!(written.starts_with("swagger: \"2.0\"\n"), "{written}");
    assert!(!written.contains("requestBody") && !written.contains("openapi:"), "{written}");
    assert_eq!(written.matches("x-codeSamples").count(), 5);
}

/// A query name without `=` stays one through every importer (`acl: null`), apart from an
/// empty value (`empty: ""`).
#[test]
fn query_names_without_a_value_are_kept() {
    let want = "query:\n- acl: null\n- empty: \"\"\n- a b: null\n- acl: null\n";
    let url = "https://api.example.com/b?acl&empty=&a%20b&acl";
    let (specs, _) = import::curl::import("q.sh", &format!("curl '{url}'\n")).unwrap();
    assert!(specs[0].yaml.contains(want), "{}", specs[0].yaml);
    // `-G --data-urlencode content` sends the encoded content alone.
    let (specs, _) =
        import::curl::import("q.sh", "curl -G https://api.example.com/b --data-urlencode 'a b' -d x=1\n")
            .unwrap();
    assert!(specs[0].yaml.contains("query:\n  a b: null\n  x: \"1\"\n"), "{}", specs[0].yaml);
    let har = format!(
        r#"{{"log": {{"version": "1.2", "entries": [{{"request": {{"method": "GET", "url": "{url}", "headers": []}}}}]}}}}"#
    );
    let (specs, _) = import::har::import("q.har", &har).unwrap();
    assert!(specs[0].yaml.contains(want), "{}", specs[0].yaml);
    let postman = r#"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
      "item": [{"name": "q", "request": {"method": "GET", "url": {"raw": "https://api.example.com/b?acl&empty=&a%20b&acl",
        "host": ["api", "example", "com"], "path": ["b"], "protocol": "https",
        "query": [{"key": "acl", "value": null}, {"key": "empty", "value": ""}, {"key": "a%20b"}, {"key": "acl", "value": null}]}}}]}"#;
    let (specs, _) = import::postman::import("q.json", postman).unwrap();
    assert!(specs[0].yaml.contains(want), "{}", specs[0].yaml);
    // Each item has its own: a name repeated with a value keeps it.
    let postman = postman.replace(r#"{"key": "acl", "value": null}]"#, r#"{"key": "acl", "value": "x"}]"#);
    let (specs, _) = import::postman::import("q.json", &postman).unwrap();
    assert!(specs[0].yaml.contains("- a b: null\n- acl: x\n"), "{}", specs[0].yaml);
}

/// A sample asks for what the operation answers with: the first media type of its lowest
/// success response that has content (`2XX` after the numbered ones), never the `default`
/// response's (most often the error model), nor `*/*`; the Swagger 2.0 reading takes it from
/// `produces`, the operation's over the document's.
#[test]
fn accept_comes_from_the_success_responses() {
    let dir = tempfile::tempdir().unwrap();
    let json = |media: &str| format!("{{content: {{{media}: {{schema: {{type: object}}}}}}}}");
    let op = |path: &str, responses: &str| {
        format!("  /{path}:\n    get:\n      operationId: {path}\n      responses: {{{responses}}}\n")
    };
    let doc = format!(
        "openapi: 3.0.3\ninfo: {{title: A, version: \"1\"}}\nservers: [{{url: \"https://api.example.com\"}}]\npaths:\n{}{}{}{}{}",
        op(
            "lowest",
            &format!(
                "\"201\": {}, \"200\": {}, \"400\": {}",
                json("text/csv"),
                json("application/xml"),
                json("application/problem+json")
            )
        ),
        op("ranged", &format!("\"204\": {{description: none}}, \"2XX\": {}", json("application/json"))),
        op(
            "errors-only",
            &format!("\"404\": {}, default: {}", json("application/json"), json("application/json"))
        ),
        op("anything", &format!("\"200\": {}", json("\"*/*\""))),
        op("plain", "\"200\": {description: ok}"),
    );
    write(dir.path(), "api.yaml", &doc);
    let (specs, _) = import::openapi::import(&dir.path().join("api.yaml"), &Default::default()).unwrap();
    assert_eq!(accept_of(&specs, "lowest").as_deref(), Some("application/xml"));
    assert_eq!(accept_of(&specs, "ranged").as_deref(), Some("application/json"));
    assert_eq!(accept_of(&specs, "errors-only"), None);
    assert_eq!(accept_of(&specs, "anything"), None);
    assert_eq!(accept_of(&specs, "plain"), None);

    let swagger = "swagger: \"2.0\"\ninfo: {title: S, version: \"1\"}\nhost: api.example.com\nproduces: [application/json]\npaths:\n  /a:\n    get:\n      operationId: a\n      responses: {\"200\": {description: ok, schema: {type: object}}}\n  /b:\n    get:\n      operationId: b\n      produces: [text/plain, application/json]\n      responses: {\"200\": {description: ok, schema: {type: string}}}\n  /c:\n    get:\n      operationId: c\n      responses: {\"200\": {description: ok}}\n";
    write(dir.path(), "swagger.yaml", swagger);
    let (specs, _) = import::openapi::import(&dir.path().join("swagger.yaml"), &Default::default()).unwrap();
    assert_eq!(accept_of(&specs, "a").as_deref(), Some("application/json"));
    assert_eq!(accept_of(&specs, "b").as_deref(), Some("text/plain"));
    assert_eq!(accept_of(&specs, "c"), None);
}

/// The `Accept` header of the imported spec of the untagged operation `id` (such operations go
/// in a folder named after their path).
fn accept_of(specs: &[import::Imported], id: &str) -> Option<String> {
    let yaml = &specs.iter().find(|s| s.id == format!("{id}/{id}")).unwrap_or_else(|| panic!("{id}")).yaml;
    yaml.lines().find_map(|l| l.trim().strip_prefix("Accept: ")).map(str::to_string)
}
