//! Client records: a user's `clients.yaml` and templates add a language snipgen does not ship,
//! and `languages`, `render`, `generate` and `verify` all use it without a recompile.

use super::{project, put, snipgen};

/// A language snipgen does not ship: Python's standard library, run with the system python3.
const CLIENTS_YAML: &str = r#"languages:
  - id: py3
    label: Python 3 (stdlib)
    extension: py
    fence: python
    indent: "    "
    clients:
      - id: urllib
        label: urllib.request
        refuses:
          bodies:
            except: [form, json, text, graphql]
            because: this urllib sample sends no {body} bodies
        verify:
          how: python3 (urllib.request)
          needs: { programs: [python3] }
          sample: sample.py
          steps: [[python3, sample.py]]
      - id: norecipe
        label: no verify recipe
"#;

const URLLIB_TERA: &str = r#"import urllib.request

request = urllib.request.Request({{ url | py_double }}, method={{ method | py_double }})
{%- for h in headers %}
request.add_header({{ h.name | py_double }}, {{ h.value | py_double }})
{%- endfor %}
{%- if body_kind == "form" %}
request.data = {{ body.encoded | py_double }}.encode('utf-8')
{%- elif body_kind != "none" %}
request.data = {{ body.text | py_text }}.encode('utf-8')
{%- endif %}

with urllib.request.urlopen(request) as response:
{{ i1 }}print(response.read().decode('utf-8'))
"#;

const POST_SPEC: &str = r#"title: Create
method: POST
url: "https://api.example.com/v1/items"
query:
  tag: "a b"
headers:
  X-Trace: "t-1"
body:
  json:
    name: "é \"x\""
    n: 12
"#;

const UPLOAD_SPEC: &str = r#"title: Upload
method: POST
url: "https://api.example.com/v1/upload"
body:
  multipart:
    - name: title
      value: "My file"
"#;

fn user_project() -> tempfile::TempDir {
    let dir = project(&[("create.yaml", POST_SPEC), ("upload.yaml", UPLOAD_SPEC)]);
    put(dir.path(), "tpl/clients.yaml", CLIENTS_YAML);
    put(dir.path(), "tpl/py3/urllib.tera", URLLIB_TERA);
    put(dir.path(), "tpl/py3/norecipe.tera", URLLIB_TERA);
    dir
}

#[test]
fn a_user_language_is_listed_rendered_and_generated() {
    let dir = user_project();
    let (code, stdout, stderr) = snipgen(dir.path(), &["languages", "--templates", "tpl"]);
    assert_eq!(code, 0, "{stderr}");
    let stdout = columns_as_single_spaces(&stdout);
    assert!(
        stdout.contains(
            "py3 Python 3 (stdlib) .py python urllib* (urllib.request), norecipe (no verify recipe)\n"
        ),
        "{stdout}"
    );
    // Built-ins first, in their tab order; the user's language after them.
    assert!(stdout.starts_with("curl "), "{stdout}");

    let (code, stdout, stderr) =
        snipgen(dir.path(), &["render", "specs/create.yaml", "--lang", "py3:urllib", "--templates", "tpl"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("request.add_header(\"X-Trace\", \"t-1\")\n"), "{stdout}");
    assert!(stdout.contains("\n    print(response.read().decode('utf-8'))\n"), "{stdout}");

    let (code, stdout, stderr) =
        snipgen(dir.path(), &["generate", "--lang", "py3,python", "--templates", "tpl"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(dir.path().join("output/create/py3.py").is_file(), "{stdout}");
    assert!(dir.path().join("output/create/python.py").is_file(), "{stdout}");
    // Refused from the record, before rendering, with the reason; the default client of
    // Python still writes its sample.
    assert!(
        stderr.contains("refused output/upload/py3.py: this urllib sample sends no multipart bodies"),
        "{stderr}"
    );
    assert!(dir.path().join("output/upload/python.py").is_file());
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--lang", "py3,python", "--templates", "tpl"]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn a_user_language_is_verified_by_its_recipe() {
    let dir = user_project();
    let (code, stdout, stderr) = snipgen(
        dir.path(),
        &["verify", "--lang", "py3,py3:norecipe", "--templates", "tpl", "--keep", "kept"],
    );
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("create  PASS     SKIP"), "{stdout}");
    assert!(stdout.contains("upload  REFUSED  SKIP"), "{stdout}");
    assert!(stdout.contains("SKIP py3:norecipe (2): client `py3:norecipe` has no verify recipe"), "{stdout}");
    assert!(stdout.ends_with("\n1 passed, 0 failed, 2 skipped\n"), "{stdout}");
    assert!(dir.path().join("kept/create/py3/sample.py").is_file());
}

#[test]
fn a_user_record_changes_a_builtin_and_a_missing_template_is_named() {
    let dir = project(&[("create.yaml", POST_SPEC)]);
    let record = "languages:\n  - id: python\n    label: Python 3\n    clients:\n      - id: urllib\n";
    put(dir.path(), "tpl/clients.yaml", record);
    let (code, _, stderr) =
        snipgen(dir.path(), &["render", "specs/create.yaml", "--lang", "python", "--templates", "tpl"]);
    assert_eq!(code, 2);
    assert_eq!(stderr, "error: client `python:urllib` has no template: add python/urllib.tera to tpl\n");
    put(dir.path(), "tpl/python/urllib.tera", URLLIB_TERA);
    let (code, stdout, stderr) = snipgen(dir.path(), &["languages", "--templates", "tpl"]);
    assert_eq!(code, 0, "{stderr}");
    let stdout = columns_as_single_spaces(&stdout);
    assert!(
        stdout.contains("python Python 3 .py python requests* (requests), httpx (HTTPX), urllib (urllib)\n"),
        "{stdout}"
    );
}

#[test]
fn a_bad_clients_yaml_is_located() {
    let dir = project(&[("create.yaml", POST_SPEC)]);
    put(dir.path(), "tpl/clients.yaml", "languages:\n  - id: py3\n    lable: x\n");
    let (code, _, stderr) = snipgen(dir.path(), &["languages", "--templates", "tpl"]);
    assert_eq!(code, 3);
    assert!(stderr.starts_with("error: tpl/clients.yaml:3:5: unknown field `lable`"), "{stderr}");
    assert!(stderr.contains("did you mean `label`?"), "{stderr}");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_snipgen"))
        .arg("languages")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Hang up before it writes, as `| head -0` would: its writes then fail with EPIPE.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}: {stderr}");
    assert_eq!(stderr, "");
}

/// The `languages` table with its column padding collapsed (the widths follow the longest id
/// and label, which a user's records change).
fn columns_as_single_spaces(table: &str) -> String {
    table.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") + "\n").collect()
}

#[test]
fn a_user_template_that_does_not_parse_is_named_when_samples_are_rendered() {
    let dir = project(&[("create.yaml", POST_SPEC)]);
    put(dir.path(), "tpl/python/requests.tera", "import requests\n{% if url %}\n");
    // Templates are parsed on the first render (not at start-up): the error still names the file.
    let (code, stdout, stderr) =
        snipgen(dir.path(), &["render", "specs/create.yaml", "--lang", "python", "--templates", "tpl"]);
    assert_ne!(code, 0, "{stdout}");
    assert!(stderr.starts_with("error: template tpl/python/requests.tera: Failed to parse"), "{stderr}");
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--templates", "tpl"]);
    assert_ne!(code, 0);
    assert!(stderr.contains("requests.tera"), "{stderr}");
}

/// Tera's own `range` loops for ever on `step_by=0` and fills memory on a huge `end`, and
/// ranges nested in loops multiply; a docs build must stop with an error instead.
#[test]
fn a_user_template_cannot_make_a_range_that_never_ends() {
    let dir = project(&[("create.yaml", POST_SPEC)]);
    for (template, message) in [
        (
            "{% for i in range(end=3, step_by=0) %}x{% endfor %}",
            "function `range`: step_by=0 would never reach `end`",
        ),
        (
            "{{ range(end=10000000000) | length }}",
            "function `range` would make 10000000000 numbers; a template may make at most 100000",
        ),
        // Each range is small, their product is not: 10^10 iterations, counted together.
        (
            "{% for a in range(end=100000) %}{% for b in range(end=100000) %}x{% endfor %}{% endfor %}",
            "function `range` calls would make more than 100000 numbers for one sample",
        ),
    ] {
        put(dir.path(), "tpl/python/requests.tera", template);
        let (code, _, stderr) =
            snipgen(dir.path(), &["render", "specs/create.yaml", "--lang", "python", "--templates", "tpl"]);
        assert_eq!(code, 3, "{template}: {stderr}");
        assert!(stderr.contains(message), "{stderr}");
    }
    put(dir.path(), "tpl/python/requests.tera", "{{ range(start=1, end=6, step_by=2) | join(sep=\",\") }}\n");
    let (code, stdout, stderr) =
        snipgen(dir.path(), &["render", "specs/create.yaml", "--lang", "python", "--templates", "tpl"]);
    assert_eq!((code, stdout.as_str()), (0, "1,3,5\n"), "{stderr}");
}

#[test]
fn a_user_template_tera_crashes_on_is_an_error_naming_it_not_a_panic() {
    let dir = project(&[("create.yaml", POST_SPEC)]);
    // Tera accepts this template, then unwraps a `None` evaluating the condition; snipgen
    // leaves such expressions to Tera, so Tera's crash must become the template's error.
    put(dir.path(), "tpl/python/requests.tera", "{% if not \"a\" ~ url %}x{% endif %}\n");
    for args in [
        &["render", "specs/create.yaml", "--lang", "python", "--templates", "tpl"][..],
        &["generate", "--templates", "tpl"],
    ] {
        let (code, stdout, stderr) = snipgen(dir.path(), args);
        assert_eq!(code, 3, "{args:?}: {stdout}{stderr}");
        assert!(stderr.contains("error: template python/requests.tera: Tera, the template engine, crashed on this template (called `Option::unwrap()` on a `None` value)"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert!(!dir.path().join("out/create/python.py").exists());
}
