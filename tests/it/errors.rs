//! Bad specs get `file:line:column: message`, exit 1, and nothing is written.

use super::{SIMPLE, project, snipgen};

fn generate_error(spec: &str) -> String {
    let dir = project(&[("bad.yaml", spec)]);
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 1, "expected failure; stdout:\n{stdout}");
    assert!(!dir.path().join("output").exists(), "nothing may be written on error");
    stderr.trim_end().to_string()
}

#[test]
fn unknown_key_is_located_with_a_suggestion() {
    let err = generate_error("title: x\nmethod: GET\nurl: http://h/x\nhedaers:\n  A: b\n");
    assert!(err.starts_with("error: specs/bad.yaml:4:1: unknown field `hedaers`"), "{err}");
    assert!(err.ends_with("did you mean `headers`?"), "{err}");
}

#[test]
fn bad_method_is_located() {
    let err = generate_error("title: x\nmethod: PSOT\nurl: http://h/x\n");
    assert!(err.starts_with("error: specs/bad.yaml:2:9: unknown method `PSOT`"), "{err}");
    assert!(err.contains("did you mean `POST`?"), "{err}");
    let err = generate_error("title: x\nmethod: post\nurl: http://h/x\n");
    assert!(err.contains("methods are upper case: `POST`"), "{err}");
}

#[test]
fn wrong_type_is_located() {
    let err = generate_error("title: x\nmethod: GET\nurl: http://h/x\nquery:\n  a: [1, 2]\n");
    assert!(err.starts_with("error: specs/bad.yaml:5:6:"), "{err}");
}

#[test]
fn missing_field_is_reported() {
    let err = generate_error("title: x\nmethod: GET\n");
    assert!(err.contains("specs/bad.yaml:") && err.contains("url"), "{err}");
}

#[test]
fn unknown_body_kind_and_auth_get_suggestions() {
    let err = generate_error("title: x\nmethod: POST\nurl: http://h/x\nbody:\n  from: {a: b}\n");
    assert!(
        err.contains("bad.yaml:5:3: unknown field `from`") && err.contains("did you mean `form`?"),
        "{err}"
    );
    let err = generate_error("title: x\nmethod: GET\nurl: http://h/x\nauth:\n  beraer: {token: t}\n");
    assert!(err.contains("did you mean `bearer`?"), "{err}");
}

#[test]
fn query_in_url_and_header_line_breaks_are_rejected() {
    let err = generate_error("title: x\nmethod: GET\nurl: http://h/x?a=b\n");
    assert!(err.contains("bad.yaml:3:6: url contains a query string"), "{err}");
    let err = generate_error("title: x\nmethod: GET\nurl: http://h/x\nheaders:\n  X-A: \"a\\nb\"\n");
    assert!(err.contains("bad.yaml:5:8: header value contains a line break"), "{err}");
}

#[test]
fn ids_that_escape_the_output_folder_are_rejected() {
    let err = generate_error("title: x\nid: ../../etc/x\nmethod: GET\nurl: http://h/x\n");
    assert!(err.contains("bad.yaml:2:5: id \"../../etc/x\" must be"), "{err}");
    let err = generate_error("title: x\nid: /abs\nmethod: GET\nurl: http://h/x\n");
    assert!(err.contains("bad.yaml:2:5:"), "{err}");
}

#[test]
fn duplicate_ids_name_both_files_and_every_bad_spec_is_reported() {
    let dir = project(&[
        ("a.yaml", "title: a\nid: same\nmethod: GET\nurl: http://h/a\n"),
        ("b.yaml", "title: b\nid: same\nmethod: GET\nurl: http://h/b\n"),
        ("c.yaml", "title: c\nmethod: GTE\nurl: http://h/c\n"),
    ]);
    let (code, _, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("specs/b.yaml:2:5: id `same` is already used by specs/a.yaml"), "{stderr}");
    assert!(stderr.contains("specs/c.yaml:2:9: unknown method `GTE`"), "{stderr}");
}

#[test]
fn auth_header_is_not_duplicated() {
    let err = generate_error(
        "title: x\nmethod: GET\nurl: http://h/x\nheaders:\n  authorization: x\nauth:\n  bearer: {token: t}\n",
    );
    assert!(err.contains("header `Authorization` is set by auth `bearer`"), "{err}");
}

#[test]
fn bad_spec_leaves_existing_output_untouched() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let sample = dir.path().join("output/a/curl.sh");
    let before = std::fs::read_to_string(&sample).unwrap();
    std::fs::write(dir.path().join("specs/a.yaml"), SIMPLE.replace("method: GET", "mehtod: GET")).unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("specs/a.yaml:2:1: unknown field `mehtod`"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&sample).unwrap(), before);
}

#[test]
fn body_needs_exactly_one_kind() {
    let err = generate_error("title: x\nmethod: POST\nurl: http://h/x\nbody:\n  text: a\n  json: {a: 1}\n");
    assert!(err.contains("bad.yaml:5:3: body needs exactly one of form, json, text"), "{err}");
}

#[test]
fn get_with_a_body_needs_allow_body() {
    let err = generate_error("title: x\nmethod: GET\nurl: http://h/x\nbody:\n  text: a\n");
    assert!(
        err.contains("bad.yaml:2:9: a GET request with a body") && err.contains("allow_body: true"),
        "{err}"
    );
}

#[test]
fn custom_methods_are_explicit() {
    let err = generate_error("title: x\nmethod: PURGE\nurl: http://h/x\n");
    assert!(err.contains("unknown method `PURGE`") && err.contains("write `{custom: PURGE}`"), "{err}");
    let err = generate_error("title: x\nmethod: {custom: purge}\nurl: http://h/x\n");
    assert!(err.contains("must be upper-case"), "{err}");
}

#[test]
fn multipart_parts_and_file_paths_are_checked() {
    let err = generate_error(
        "title: x\nmethod: POST\nurl: http://h/x\nbody:\n  multipart:\n    - name: a\n      value: b\n      file: c\n",
    );
    assert!(err.contains("part `a` needs exactly one of `value` or `file`"), "{err}");
    let err = generate_error("title: x\nmethod: POST\nurl: http://h/x\nbody:\n  binary: ../secret\n");
    assert!(err.contains("bad.yaml:5:11: file path \"../secret\" must be relative"), "{err}");
}

#[test]
fn url_characters_clients_disagree_on_are_rejected() {
    let err = generate_error("title: x\nmethod: GET\nurl: \"https://h/caf\u{e9}\"\n");
    assert!(err.contains("bad.yaml:3:6: url contains 'é'") && err.contains("%C3%A9"), "{err}");
    let err = generate_error("title: x\nmethod: GET\nurl: \"https://h/a\\x01b\"\n");
    assert!(err.contains("url contains '\\u{1}'"), "{err}");
}

#[test]
fn credentials_that_become_headers_are_header_safe() {
    let err = generate_error(
        "title: x\nmethod: GET\nurl: https://h/x\nauth:\n  bearer: {token: \"a\\nX-Injected: 1\"}\n",
    );
    assert!(err.contains("header value contains a line break"), "{err}");
}

#[test]
fn multipart_names_curl_cannot_send_are_rejected() {
    let err = generate_error(
        "title: x\nmethod: POST\nurl: https://h/x\nbody:\n  multipart:\n    - {name: \"a=b\", value: c}\n",
    );
    assert!(err.contains("holds `=` or `;`"), "{err}");
}

/// Errors found while building the request (after the YAML is read) are located at the
/// top-level key they are about.
#[test]
fn request_errors_are_located_at_their_key() {
    let cases = [
        (
            "title: x\nmethod: GET\nurl: http://h/x\nheaders:\n  authorization: x\nauth:\n  bearer: {token: t}\n",
            "4:1: header `Authorization` is set by auth `bearer`; remove it from `headers`",
        ),
        (
            "title: x\nmethod: GET\nurl: http://h/x\nauth:\n  basic: {username: \"a:b\", password: p}\n",
            "4:1: a basic-auth user name cannot contain `:` (RFC 7617)",
        ),
        (
            "title: x\nmethod: POST\nurl: http://h/x\nbody:\n  form:\n    grant_type: ~\n",
            "4:1: form field `grant_type` has no value and no auth method of this spec sends a form field of that name",
        ),
        (
            "title: x\nmethod: POST\nurl: http://h/x\nheaders:\n  Content-Type: text/plain\nbody:\n  form:\n    a: b\n",
            "4:1: Content-Type `text/plain` contradicts the form body",
        ),
    ];
    for (spec, expected) in cases {
        let err = generate_error(spec);
        assert_eq!(err, format!("error: specs/bad.yaml:{expected}"));
    }
}
