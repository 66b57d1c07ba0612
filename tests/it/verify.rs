//! `snipgen verify`: the echo server, the comparison, and whole runs with real runtimes.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;

use snipgen::verify::compare::{Expected, ExpectedBody, compare};
use snipgen::verify::runners::{RawBody, raw_http_bytes};
use snipgen::verify::server::{Captured, EchoServer, RESPONSE_BODY};

use super::{project, put, repo, snipgen};

/// Sends `bytes` to the server and returns everything it answered.
fn exchange(server: &EchoServer, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    stream.write_all(bytes).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn echo_server_records_the_raw_request() {
    let server = EchoServer::start().unwrap();
    assert!(server.origin().starts_with("http://127.0.0.1:"));
    let response = exchange(
        &server,
        b"POST /a%20b/c?x=1&x=2&y=%7B%7D HTTP/1.1\r\nHost: h\r\nX-One: a\r\nx-one: b\r\nContent-Length: 5\r\n\r\nhello",
    );
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    assert!(response.ends_with(RESPONSE_BODY));
    let got = server.requests();
    assert_eq!(
        got,
        [Captured {
            method: "POST".into(),
            target: "/a%20b/c?x=1&x=2&y=%7B%7D".into(),
            headers: vec![
                ("Host".into(), b"h".to_vec()),
                ("X-One".into(), b"a".to_vec()),
                ("x-one".into(), b"b".to_vec()),
                ("Content-Length".into(), b"5".to_vec()),
            ],
            body: b"hello".to_vec(),
            chunked: false,
        }]
    );
}

#[test]
fn echo_server_decodes_chunked_bodies() {
    let server = EchoServer::start().unwrap();
    let response = exchange(
        &server,
        b"PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
    );
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    let got = &server.requests()[0];
    assert_eq!((got.method.as_str(), got.body.as_slice(), got.chunked), ("PUT", &b"hello world"[..], true));
}

#[test]
fn echo_server_answers_expect_100_continue_before_the_body() {
    let server = EchoServer::start().unwrap();
    let mut stream = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    stream
        .write_all(b"POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        .unwrap();
    // Like curl: wait for the interim response, only then send the body.
    let interim = b"HTTP/1.1 100 Continue\r\n\r\n";
    let mut buf = vec![0; interim.len()];
    stream.read_exact(&mut buf).unwrap();
    assert_eq!(buf, interim);
    stream.write_all(b"data").unwrap();
    let mut rest = String::new();
    stream.read_to_string(&mut rest).unwrap();
    assert!(rest.starts_with("HTTP/1.1 200 OK"), "{rest}");
    assert_eq!(server.requests()[0].body, b"data");
}

#[test]
fn servers_are_independent() {
    let (a, b) = (EchoServer::start().unwrap(), EchoServer::start().unwrap());
    assert_ne!(a.port(), b.port());
    exchange(&a, b"GET /only-a HTTP/1.1\r\nHost: h\r\n\r\n");
    assert_eq!(a.requests().len(), 1);
    assert!(b.requests().is_empty());
}

#[test]
fn comparison_explains_each_difference() {
    let expected = Expected {
        method: "POST".into(),
        target: "/token?a=1".into(),
        headers: vec![
            ("Authorization".into(), "Bearer right".into()),
            ("Content-Type".into(), "application/x-www-form-urlencoded".into()),
        ],
        content_type: Some("application/x-www-form-urlencoded".into()),
        body: ExpectedBody::Form(vec![("scope".into(), "openid profile".into()), ("x".into(), "a+b".into())]),
    };
    let got = Captured {
        method: "POST".into(),
        target: "/token?a=2".into(),
        headers: vec![
            ("authorization".into(), b"Bearer wrong".to_vec()),
            ("Content-Type".into(), b"application/x-www-form-urlencoded; charset=UTF-8".to_vec()),
            ("User-Agent".into(), b"ignored/1.0".to_vec()),
        ],
        // `+` is a space in a form body, so the second field arrived as "a b".
        body: b"scope=openid+profile&x=a+b".to_vec(),
        chunked: false,
    };
    let diff = compare(&expected, &got).join("\n");
    assert_eq!(
        diff,
        "path and query differ:\n  expected \"/token?a=1\"\n  got      \"/token?a=2\"\n\
         header Authorization: expected \"Bearer right\", got \"Bearer wrong\"\n\
         form fields differ (decoded, in order):\n      \"scope\"=\"openid profile\"\n    - \"x\"=\"a+b\"\n    + \"x\"=\"a b\""
    );
    let right =
        Captured { target: "/token?a=1".into(), body: b"scope=openid%20profile&x=a%2Bb".to_vec(), ..got };
    let right = Captured {
        headers: vec![
            ("Authorization".into(), b"Bearer right".to_vec()),
            ("content-type".into(), b"application/x-www-form-urlencoded".to_vec()),
        ],
        ..right
    };
    assert_eq!(compare(&expected, &right), Vec::<String>::new());
}

#[test]
fn comparison_of_json_bodies_is_by_value() {
    let expected = Expected {
        method: "PUT".into(),
        target: "/".into(),
        headers: vec![],
        content_type: None,
        body: ExpectedBody::Json(serde_json::json!({"a": [1, true, null], "b": "é\n"})),
    };
    let got = |body: &[u8]| Captured {
        method: "PUT".into(),
        target: "/".into(),
        headers: vec![],
        body: body.to_vec(),
        chunked: false,
    };
    assert!(compare(&expected, &got(br#"{ "b": "\u00e9\n", "a": [1, true, null] }"#)).is_empty());
    let diff = compare(&expected, &got(r#"{"a": [1, false, null], "b": "é\n"}"#.as_bytes())).join("\n");
    assert!(
        diff.starts_with("JSON body differs:")
            && diff.contains("-     true,")
            && diff.contains("+     false,"),
        "{diff}"
    );
}

#[test]
fn raw_http_sample_is_sent_as_it_is() {
    let sample = "POST /x HTTP/1.1\nHost: h\n\nh\u{e9}\n";
    assert_eq!(
        raw_http_bytes(sample, &RawBody::default()),
        sample.as_bytes(),
        "no line end or length fixed up"
    );
    let raw = RawBody { files: vec![("f.bin".into(), vec![0, 13, 10, 255])] };
    assert_eq!(
        raw_http_bytes("PUT /x HTTP/1.1\r\nHost: h\r\n\r\n<contents of f.bin>", &raw),
        b"PUT /x HTTP/1.1\r\nHost: h\r\n\r\n\x00\r\n\xff",
        "a file placeholder stands for the file's bytes"
    );
}

/// The raw sample's server takes an unframed body up to the client's half-close; every other
/// client's server keeps RFC 9112's rule that such a request has no body.
#[test]
fn unframed_body_runs_to_the_half_close_only_on_the_raw_server() {
    for (server, want) in
        [(EchoServer::start_until_close().unwrap(), &b"a=b\n"[..]), (EchoServer::start().unwrap(), &b""[..])]
    {
        let mut s = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
        s.write_all(b"POST /x HTTP/1.1\r\nHost: h\r\n\r\na=b\n").unwrap();
        s.shutdown(std::net::Shutdown::Write).unwrap();
        let mut response = String::new();
        s.read_to_string(&mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 200"), "{response}");
        assert_eq!(server.requests()[0].body, want);
    }
}

const FORM_SPEC: &str = r#"title: Token
method: POST
url: "https://{{host}}/v1/{{tenant}}/token"
headers:
  X-Request-Id: "{{rid}}"
query:
  mode: "a b&c"
body:
  form:
    grant_type: client_credentials
    note: "100% {{tenant}} + more"
auth:
  bearer:
    token: "{{token}}"
variables:
  tenant: acme.corp
"#;

fn verify(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["verify"];
    all.extend_from_slice(args);
    snipgen(dir, &all)
}

#[test]
fn curl_and_http_samples_pass() {
    let dir = project(&[("token.yaml", FORM_SPEC)]);
    let (code, stdout, stderr) = verify(dir.path(), &["--lang", "curl,http", "--keep", "kept"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("token  PASS     PASS"), "{stdout}");
    assert!(stdout.ends_with("\n2 passed, 0 failed, 0 skipped\n"), "{stdout}");
    // Bound at render time: spec example, then `test-<name>`, the origin replaced.
    let sample = std::fs::read_to_string(dir.path().join("kept/token/curl/sample.sh")).unwrap();
    assert!(sample.contains("/v1/acme.corp/token?mode=a%20b%26c'"), "{sample}");
    assert!(sample.contains("'Authorization: Bearer test-token'"), "{sample}");
    assert!(sample.contains("'http://127.0.0.1:"), "{sample}");
}

/// With `--content-length` the raw sample frames its own body and still sends the spec's
/// request; the kept sample is exactly what went on the wire.
#[test]
fn http_sample_with_content_length_passes() {
    let dir = project(&[("token.yaml", FORM_SPEC)]);
    let (code, stdout, stderr) =
        verify(dir.path(), &["--lang", "http", "--content-length", "--keep", "kept"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let sample = std::fs::read_to_string(dir.path().join("kept/token/http/sample.txt")).unwrap();
    let (head, body) = sample.split_once("\r\n\r\n").unwrap();
    assert!(head.contains(&format!("\r\nContent-Length: {}", body.len())), "{sample:?}");
    assert!(!body.ends_with('\n'), "{sample:?}");
}

#[test]
fn vars_file_overrides_examples() {
    let dir = project(&[("token.yaml", FORM_SPEC)]);
    std::fs::write(dir.path().join("vars.yaml"), "tenant: \"x&y=z\"\ntoken: \"t o'k\"\n").unwrap();
    let (code, stdout, stderr) =
        verify(dir.path(), &["--lang", "curl", "--vars", "vars.yaml", "--keep", "kept"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let sample = std::fs::read_to_string(dir.path().join("kept/token/curl/sample.sh")).unwrap();
    assert!(sample.contains("/v1/x&y=z/token") || sample.contains("/v1/x%26y%3Dz/token"), "{sample}");
    assert!(sample.contains("Bearer t o'\\''k"), "{sample}");
}

#[test]
fn a_wrong_sample_fails_with_a_diff() {
    let dir = project(&[("token.yaml", FORM_SPEC)]);
    // Forgets the Authorization header and percent-encodes nothing in the form body.
    put(
        dir.path(),
        "tpl/curl/curl.tera",
        "curl -s {{ url | sh }} --header {{ 'X-Request-Id: ' ~ headers.0.value | sh }} --data {{ 'grant_type=client_credentials&note=' ~ body.fields.1.value | sh }}\n",
    );
    put(
        dir.path(),
        "tpl/http/http1.tera",
        "{{ method }} /wrong HTTP/1.1{{ crlf }}Host: {{ host }}{{ crlf }}{{ crlf }}",
    );
    let (code, stdout, _) = verify(dir.path(), &["--lang", "curl,http", "--templates", "tpl"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("token  FAIL     FAIL"), "{stdout}");
    assert!(
        stdout.contains(
            "FAIL token [curl]\n  header Authorization: expected \"Bearer test-token\", got (missing)"
        ),
        "{stdout}"
    );
    // The raw `+` arrives as a space and the raw `%` does not decode.
    assert!(stdout.contains("form fields differ") || stdout.contains("not form-urlencoded"), "{stdout}");
    assert!(stdout.contains("FAIL token [http]\n  path and query differ:"), "{stdout}");
    assert!(stdout.contains("body: expected") || stdout.contains("form fields differ"), "{stdout}");
    assert!(stdout.ends_with("\n0 passed, 2 failed, 0 skipped\n"), "{stdout}");
}

#[test]
fn a_swift_syntax_error_fails() {
    let dir = project(&[("token.yaml", FORM_SPEC)]);
    put(dir.path(), "tpl/swift/urlsession.tera", "let url = URL(string: \"{{ url }}\"\n");
    let (code, stdout, _) = verify(dir.path(), &["--lang", "swift", "--templates", "tpl"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("FAIL token [swift]\n  static check failed:\n      1:"), "{stdout}");
    assert!(stdout.contains(": missing `)`: let url = URL("), "{stdout}");
    // Parses, but the header value literal spells something else than the spec's value.
    std::fs::write(
        dir.path().join("tpl/swift/urlsession.tera"),
        "var r = URLRequest(url: URL(string: {{ url | swift_str }})!)\nr.httpMethod = {{ method | swift_str }}\n\
         {% for h in headers %}r.addValue(\"{{ h.value }}x\", forHTTPHeaderField: {{ h.name | swift_str }})\n{% endfor %}\
         let body = {{ body.encoded | swift_str }}\n",
    )
    .unwrap();
    let (code, stdout, _) = verify(dir.path(), &["--lang", "swift", "--templates", "tpl"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains(
            "      no string literal spells the value of header Authorization \"Bearer test-token\"\n"
        ),
        "{stdout}"
    );
    let (code, stdout, _) = verify(dir.path(), &["--lang", "swift"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with("\n1 checked\n0 passed, 0 failed, 0 skipped\n"), "{stdout}");
}

#[test]
fn a_client_refusal_is_reported_not_failed() {
    let dir = project(&[("token.yaml", FORM_SPEC)]);
    let record = "languages:\n  - id: curl\n    clients:\n      - id: curl\n        refuses:\n          bodies: { except: [json], because: curl cannot do this }\n";
    put(dir.path(), "tpl/clients.yaml", record);
    let (code, stdout, _) = verify(dir.path(), &["--lang", "curl,http", "--templates", "tpl"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("token  REFUSED  PASS"), "{stdout}");
    assert!(stdout.contains("\nREFUSED token [curl]: curl cannot do this\n"), "{stdout}");
    assert!(stdout.ends_with("\n1 refused by their client\n1 passed, 0 failed, 0 skipped\n"), "{stdout}");
}

#[test]
fn missing_runtimes_skip_unless_all_are_required() {
    let dir = project(&[("token.yaml", FORM_SPEC)]);
    let empty = tempfile::tempdir().unwrap();
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let out = Command::new(env!("CARGO_BIN_EXE_snipgen"))
            .current_dir(dir.path())
            .args(["verify", "--lang", "python,curl"])
            .args(extra)
            .env("SNIPGEN_RUNTIMES", empty.path())
            .env_remove("SNIPGEN_REQUIRE_ALL")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (code, stdout) = run(&[], &[]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("SKIP python (1): "), "{stdout}");
    assert!(stdout.contains("/venv/bin/python missing (run scripts/install-runtimes.sh)"), "{stdout}");
    assert!(stdout.ends_with("\n1 passed, 0 failed, 1 skipped\n"), "{stdout}");
    assert_eq!(run(&["--require-all"], &[]).0, Some(1));
    assert_eq!(run(&[], &[("SNIPGEN_REQUIRE_ALL", "1")]).0, Some(1));
}

const JSON_SPEC: &str = r#"title: Create
method: PUT
url: "https://{{host}}/v1/items/{{id}}"
headers:
  X-Trace: "a \"quoted\" $value #{x} %s"
body:
  json:
    name: "é \"x\"\n\\"
    n: 12
    ok: true
    none: null
    list: [1, "two"]
auth:
  basic:
    username: "{{user}}"
    password: "p@ss:w0rd"
"#;

const UPLOAD_SPEC: &str = r#"title: Upload
method: POST
url: "https://{{host}}/v1/upload"
query:
  - tag: "a b"
  - tag: "c+d"
body:
  multipart:
    - name: title
      value: "My file"
    - name: file
      file: data/report.bin
      content_type: application/octet-stream
"#;

/// Every language and client on the reference spec, a JSON body and a file upload: runtimes
/// that are installed must pass (CI installs them all, and runs `verify --require-all` on
/// the whole specs/ folder besides).
#[test]
fn every_installed_runtime_sends_the_right_request() {
    let reference =
        std::fs::read_to_string(repo().join("specs/pingone/par-client-secret-post.yaml")).unwrap();
    let dir = project(&[("par.yaml", &reference), ("json.yaml", JSON_SPEC), ("upload.yaml", UPLOAD_SPEC)]);
    let (code, stdout, stderr) = verify(dir.path(), &[]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    // curl and the raw HTTP sample need nothing beyond curl, so something always ran.
    assert!(!stdout.contains("\n0 passed"), "{stdout}");
    assert!(stdout.contains(", 0 failed, "), "{stdout}");
}

/// The HTTP_Request2 stub reads repeated names as the real library does (HTTP/Request2.php,
/// HTTP/Request2/MultipartBody.php): an array value is sent as `name[0]`, `name[1]` by
/// default and as the bare name repeated with `use_brackets` off; a form's fields likewise.
#[test]
fn request2_stub_follows_use_brackets() {
    if Command::new("php").arg("-v").output().is_err() {
        super::skip("php not installed");
        return;
    }
    let server = EchoServer::start().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("HTTP")).unwrap();
    std::fs::copy(repo().join("src/verify/stubs/Request2.php"), dir.path().join("HTTP/Request2.php"))
        .unwrap();
    std::fs::write(dir.path().join("f.txt"), "F").unwrap();
    let script = format!(
        r#"<?php
require_once 'HTTP/Request2.php';
foreach (array(true, false) as $brackets) {{
    $r = new HTTP_Request2('{origin}/m', HTTP_Request2::METHOD_POST);
    $r->setConfig('use_brackets', $brackets);
    $r->addPostParameter('a', array('1', '2'));
    $r->addUpload('f', array('f.txt', array('f.txt', 'g.txt', 'text/plain')));
    $r->send();
    $r = new HTTP_Request2('{origin}/u', HTTP_Request2::METHOD_POST);
    $r->setConfig('use_brackets', $brackets);
    $r->addPostParameter(array('a' => array('x y', '~'), 'b' => '3'));
    $r->send();
}}
"#,
        origin = server.origin()
    );
    std::fs::write(dir.path().join("s.php"), script).unwrap();
    let out =
        Command::new("php").args(["-d", "include_path=.", "s.php"]).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let requests = server.requests();
    let names = |i: usize| {
        let body = String::from_utf8_lossy(&requests[i].body).into_owned();
        body.match_indices("data; name=\"")
            .map(|(at, _)| body[at + 12..].split('"').next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(0), ["a[0]", "a[1]", "f[0]", "f[1]"]);
    assert_eq!(String::from_utf8_lossy(&requests[1].body), "a%5B0%5D=x+y&a%5B1%5D=~&b=3");
    assert_eq!(names(2), ["a", "a", "f", "f"]);
    assert!(
        String::from_utf8_lossy(&requests[2].body).contains("filename=\"g.txt\"\r\nContent-Type: text/plain")
    );
    assert_eq!(String::from_utf8_lossy(&requests[3].body), "a=x+y&a=~&b=3");
}

/// A user client run in batches (python3 standing in for a compiled runtime): the samples
/// are checked together first (one `py_compile`), then run by one driver; the batch's own
/// step logs each batch to `log`.
fn batched_project(log: &Path) -> tempfile::TempDir {
    let clients = format!(
        r##"languages:
  - id: py3
    label: Python 3 (stdlib)
    extension: py
    fence: python
    clients:
      - id: urllib
        label: urllib.request
        verify:
          how: python3 (urllib.request)
          needs: {{ programs: [python3] }}
          sample: sample.py
          steps: [[python3, sample.py]]
          batch:
            sample: "s{{n}}.py"
            prefix: "# sample {{n}}\n"
            driver: {{ file: driver.py, from: driver.py, each: "{{n}}, " }}
            steps:
              - [sh, -c, "echo batch >> '{log}'"]
              - [python3, -m, py_compile, "{{samples}}"]
              - [python3, driver.py]
"##,
        log = log.display()
    );
    let driver = r#"for n in [{each}]:
    try:
        exec(compile(open(f"s{n}.py").read(), f"s{n}.py", "exec"), {"__name__": "__main__"})
        print(f"\nsnipgen-batch-ok {n}", flush=True)
    except BaseException as e:
        print(f"\nsnipgen-batch-failed {n}: {e!r}", flush=True)
"#;
    // A `crash` URL exits the sample with status 3; a `broken` one does not compile.
    let template = r#"import urllib.request
{% if url is containing("crash") %}raise SystemExit(3)
{% endif %}{% if url is containing("broken") %}print(
{% endif %}request = urllib.request.Request({{ url | py_double }}, method={{ method | py_double }})
with urllib.request.urlopen(request) as response:
    print(response.read().decode('utf-8'))
"#;
    let get = |path: &str| format!("title: T\nmethod: GET\nurl: https://api.example.com/{path}\n");
    let dir = project(&[("a.yaml", &get("a")), ("b.yaml", &get("b")), ("crash.yaml", &get("crash"))]);
    put(dir.path(), "tpl/clients.yaml", &clients);
    put(dir.path(), "tpl/driver.py", driver);
    put(dir.path(), "tpl/py3/urllib.tera", template);
    dir
}

/// In a batch, a sample that fails (at run time, or when the batch does not compile) fails
/// alone, with the message a run without batching gives, and the others pass.
#[test]
fn a_broken_sample_in_a_batch_fails_alone() {
    if Command::new("python3").arg("-V").output().is_err() {
        super::skip("python3 not installed");
        return;
    }
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("batches.log");
    let dir = batched_project(&log);
    let (code, stdout, stderr) = verify(dir.path(), &["--lang", "py3", "--templates", "tpl"]);
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert!(stdout.contains("a      PASS\nb      PASS\ncrash  FAIL\n"), "{stdout}");
    assert!(stdout.contains("FAIL crash [py3]\n  `python3 sample.py` failed (exit status: 3)"), "{stdout}");
    assert!(stdout.ends_with("\n2 passed, 1 failed, 0 skipped\n"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "batch\n", "one batch for the three samples");

    // A sample that does not compile fails the batch's compile: each sample then runs alone.
    put(dir.path(), "specs/broken.yaml", "title: T\nmethod: GET\nurl: https://api.example.com/broken\n");
    let (code, stdout, stderr) = verify(dir.path(), &["--lang", "py3", "--templates", "tpl"]);
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert!(stdout.contains("a       PASS\nb       PASS\nbroken  FAIL\ncrash   FAIL\n"), "{stdout}");
    assert!(stdout.contains("FAIL broken [py3]\n  `python3 sample.py` failed (exit status: 1):"), "{stdout}");
    assert!(stdout.contains("SyntaxError"), "{stdout}");
    assert!(stdout.ends_with("\n2 passed, 2 failed, 0 skipped\n"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "batch\nbatch\n");

    // With --keep every sample runs alone in its own kept folder.
    let (_, stdout, _) = verify(dir.path(), &["--lang", "py3", "--templates", "tpl", "--keep", "kept"]);
    assert!(stdout.ends_with("\n2 passed, 2 failed, 0 skipped\n"), "{stdout}");
    assert!(dir.path().join("kept/a/py3/sample.py").is_file());
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "batch\nbatch\n");
}

/// `--message-format json`: a line per sample as it finishes, then the summary.
#[test]
fn verify_prints_json_lines() {
    let dir = project(&[("token.yaml", FORM_SPEC)]);
    put(
        dir.path(),
        "tpl/clients.yaml",
        "languages:\n  - id: curl\n    clients:\n      - id: curl\n        refuses:\n          bodies: { except: [json], because: curl cannot do this }\n",
    );
    let (code, stdout, stderr) =
        verify(dir.path(), &["--lang", "curl,http", "--templates", "tpl", "--message-format", "json"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let lines: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))).collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    let mut samples: Vec<&serde_json::Value> = lines[..2].iter().collect();
    samples.sort_by_key(|v| v["column"].as_str().unwrap().to_string());
    assert_eq!(samples[0]["reason"], "sample");
    assert_eq!(samples[0]["id"], "token");
    assert_eq!(samples[0]["column"], "curl");
    assert_eq!(samples[0]["language"], "curl");
    assert_eq!(samples[0]["client"], "curl");
    assert_eq!(samples[0]["outcome"], "REFUSED");
    assert_eq!(samples[0]["message"], "curl cannot do this");
    assert_eq!(samples[1]["column"], "http");
    assert_eq!(samples[1]["client"], "http1");
    assert_eq!(samples[1]["outcome"], "PASS");
    assert_eq!(samples[1]["message"], serde_json::Value::Null);
    assert!(samples[1]["seconds"].as_f64().unwrap() >= 0.0);
    let summary = &lines[2];
    assert_eq!(summary["reason"], "summary");
    assert_eq!(summary["command"], "verify");
    assert_eq!(summary["success"], true);
    assert_eq!((summary["samples"].as_u64(), summary["passed"].as_u64()), (Some(2), Some(1)));
    assert_eq!((summary["failed"].as_u64(), summary["refused"].as_u64()), (Some(0), Some(1)));
}

/// Node samples run in batches (one node process, each sample its own module), and a sample
/// that fails only after its request was sent (an asynchronous throw, which ends `node
/// sample.js` with status 1) is still caught in its batch and reported by its run alone; the
/// batch's own step logs each batch to `log`.
#[test]
fn a_node_sample_failing_late_in_its_batch_fails_alone() {
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("batches.log");
    // nodejs:fetch's own recipe, with a step that logs the batch.
    let clients = format!(
        r##"languages:
  - id: nodejs
    clients:
      - id: fetch
        verify:
          how: node (built-in fetch)
          needs: {{ programs: [node] }}
          sample: sample.js
          steps: [[node, sample.js]]
          batch:
            sample: "s{{n}}.js"
            driver: {{ file: snipgen_batch_node.js, from: stubs/snipgen_batch_node.js, each: "{{n}}, " }}
            steps:
              - [sh, -c, "echo batch >> '{log}'"]
              - [node, snipgen_batch_node.js]
"##,
        log = log.display()
    );
    // A `late` URL throws once its response has been printed: the request itself is right.
    let template = r#"fetch('{{ url }}', { method: '{{ method }}' })
  .then((response) => response.text())
  .then((text) => {
    console.log(text);{% if url is containing("late") %}
    setTimeout(() => { throw new Error('late failure'); }, 20);{% endif %}
  });
"#;
    let get = |path: &str| format!("title: T\nmethod: GET\nurl: https://api.example.com/{path}\n");
    let dir = project(&[("a.yaml", &get("late")), ("b.yaml", &get("b")), ("c.yaml", &get("c"))]);
    put(dir.path(), "tpl/clients.yaml", &clients);
    put(dir.path(), "tpl/nodejs/fetch.tera", template);
    let (code, stdout, stderr) = verify(dir.path(), &["--lang", "nodejs:fetch", "--templates", "tpl"]);
    if stdout.contains("SKIP") {
        super::skip("node not installed");
        return;
    }
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert!(stdout.contains("a     FAIL\nb     PASS\nc     PASS\n"), "{stdout}");
    assert!(
        stdout.contains("FAIL a [nodejs:fetch]\n  `node sample.js` failed (exit status: 1):"),
        "{stdout}"
    );
    assert!(stdout.contains("Error: late failure"), "{stdout}");
    assert!(stdout.ends_with("\n2 passed, 1 failed, 0 skipped\n"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "batch\n", "one batch for the three samples");
}

/// HTTPie samples run in batches, each as written in its own `sh`, `http` handing its
/// arguments to HTTPie in the driver: values full of shell syntax arrive byte for byte. The
/// recipe's steps for a sample alone fail here, so a PASS is the batch's own.
#[test]
fn httpie_batch_sends_shell_special_values_exactly() {
    let clients = r#"languages:
  - id: httpie
    clients:
      - id: httpie
        verify:
          how: the batch only
          needs: { programs: [sh], files: ["{runtimes}/venv/bin/http"] }
          sample: sample.sh
          env:
            PATH: "{runtimes}/venv/bin:/usr/local/bin:/usr/bin:/bin"
            HTTPIE_CONFIG_DIR: "{dir}/.httpie"
          steps: [[sh, -c, "echo not run in the batch; exit 7"]]
          batch:
            sample: "s{n}.sh"
            driver: { file: snipgen_batch_httpie.py, from: stubs/snipgen_batch_httpie.py, each: "{n}, " }
            steps: [["{runtimes}/venv/bin/python", snipgen_batch_httpie.py]]
"#;
    let spec = r#"title: Shell
method: POST
url: "https://api.example.com/q/$HOME/*"
query:
  a: "$HOME"
  b: "`id` 'x'"
headers:
  X-Shell: "it's \"$HOME\" `id` $(id) ${x:-y} * ? ; & | < > ~ # % ! \\ \\n"
  X-Tab: "a\tb"
body:
  text: "$HOME 'single' \"double\" `id` $(id) \\ \\\\ \n*\t! é\n"
"#;
    let dir = project(&[
        ("shell.yaml", spec),
        ("plain.yaml", "title: T\nmethod: GET\nurl: https://api.example.com/p\n"),
    ]);
    put(dir.path(), "tpl/clients.yaml", clients);
    let (code, stdout, stderr) = verify(dir.path(), &["--lang", "httpie", "--templates", "tpl"]);
    if stdout.contains("SKIP") {
        super::skip("HTTPie not installed");
        return;
    }
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("plain  PASS\nshell  PASS\n"), "{stdout}");
    assert!(stdout.ends_with("\n2 passed, 0 failed, 0 skipped\n"), "{stdout}");
}

/// PHP samples run in batches, each in a child forked from one php before any sample ran:
/// samples that declare the same function and global pass side by side, as each does alone;
/// a sample that throws after its request was sent, and one with a syntax error, fail
/// alone with the messages a run without batching gives. The batch's own step logs each
/// batch to `log`.
#[test]
fn a_php_sample_failing_in_its_batch_fails_alone_and_the_others_are_isolated() {
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("batches.log");
    // php:curl's own recipe, with a step that logs the batch.
    let clients = format!(
        r##"languages:
  - id: php
    clients:
      - id: curl
        verify:
          how: php -l, then php with the curl extension
          needs: {{ programs: [php] }}
          sample: sample.php
          steps: [[php, -l, sample.php], [php, sample.php]]
          batch:
            sample: "s{{n}}.php"
            driver: {{ file: snipgen_batch.php, from: stubs/snipgen_batch.php, each: "{{n}}, " }}
            steps:
              - [sh, -c, "echo batch >> '{log}'"]
              - [php, snipgen_batch.php]
"##,
        log = log.display()
    );
    // Every sample declares `snipgen_helper` and refuses to run when another sample's
    // global is visible: in one process without isolation the second would fail.
    let template = r#"<?php
function snipgen_helper() { return 1; }
if (isset($snipgen_mark)) { exit(4); }
$snipgen_mark = 1;
$ch = curl_init('{{ url }}');
curl_setopt($ch, CURLOPT_CUSTOMREQUEST, '{{ method }}');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
echo curl_exec($ch);
{% if url is containing("late") %}throw new Exception('late failure');
{% endif %}{% if url is containing("syntax") %}$x = ;
{% endif %}"#;
    let get = |path: &str| format!("title: T\nmethod: GET\nurl: https://api.example.com/{path}\n");
    let dir = project(&[
        ("a.yaml", &get("late")),
        ("b.yaml", &get("b")),
        ("c.yaml", &get("c")),
        ("d.yaml", &get("syntax")),
    ]);
    put(dir.path(), "tpl/clients.yaml", &clients);
    put(dir.path(), "tpl/php/curl.tera", template);
    let (code, stdout, stderr) = verify(dir.path(), &["--lang", "php:curl", "--templates", "tpl"]);
    if stdout.contains("SKIP") {
        super::skip("php not installed");
        return;
    }
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    assert!(stdout.contains("a     FAIL\nb     PASS\nc     PASS\nd     FAIL\n"), "{stdout}");
    assert!(stdout.contains("FAIL a [php:curl]\n  `php sample.php` failed (exit status: 255):"), "{stdout}");
    assert!(stdout.contains("late failure"), "{stdout}");
    assert!(stdout.contains("FAIL d [php:curl]\n  `php -l sample.php` failed"), "{stdout}");
    assert!(stdout.ends_with("\n2 passed, 2 failed, 0 skipped\n"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "batch\n", "one batch for the four samples");
    // With steps for a sample alone that fail, a PASS is the batch's own: b and c ran
    // isolated in it.
    put(
        dir.path(),
        "tpl/clients.yaml",
        &clients.replace("[[php, -l, sample.php], [php, sample.php]]", "[[sh, -c, \"exit 7\"]]"),
    );
    std::fs::remove_file(dir.path().join("specs/a.yaml")).unwrap();
    std::fs::remove_file(dir.path().join("specs/d.yaml")).unwrap();
    let (code, stdout, stderr) = verify(dir.path(), &["--lang", "php:curl", "--templates", "tpl"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.ends_with("\n2 passed, 0 failed, 0 skipped\n"), "{stdout}");
}

/// The compilers of the Java and Kotlin samples start from the class-data archives
/// scripts/install-runtimes.sh writes: started with exactly the JVM flags and class path of a
/// recipe's compile step (a batch's, or a single sample's), the compiler's classes come from
/// the archive. A recipe drifting from the installer (another class path, another flag)
/// would still pass every sample, only slower, so this is what notices it.
#[test]
fn compilers_load_their_classes_from_the_installed_archives() {
    let runtimes = super::runtimes();
    let runtimes = runtimes.to_str().unwrap();
    let javac = "com.sun.tools.javac.main.JavaCompiler";
    let kotlinc = "org.jetbrains.kotlin.cli.jvm.K2JVMCompiler";
    let cases = [
        ("java", "okhttp", true, javac),
        ("java", "okhttp", false, javac),
        ("java", "httpclient", true, javac),
        ("java", "httpclient", false, javac),
        ("kotlin", "okhttp", true, kotlinc),
        ("kotlin", "okhttp", false, kotlinc),
    ];
    let scratch = tempfile::tempdir().unwrap();
    let hello = scratch.path().join("Hello.java");
    std::fs::write(&hello, "public class Hello { public static void main(String[] a) {} }\n").unwrap();
    for (language, client, batched, compiler_class) in cases {
        let recipe =
            snipgen::lang::builtin().find(language).unwrap().client(client).unwrap().verify.clone().unwrap();
        let steps = if batched { recipe.batch.unwrap().steps } else { recipe.steps };
        let compile: Vec<String> = steps[0].iter().map(|a| a.replace("{runtimes}", runtimes)).collect();
        let what = format!("{language}:{client} ({})", if batched { "batch" } else { "one sample" });
        let flag = |prefix: &str| compile.iter().find_map(|a| a.strip_prefix(prefix)).map(str::to_owned);
        let (archive, start) = if compile[0] == "javac" {
            // javac's own JVM takes its flags as `-J`: they and nothing of the compile.
            let start: Vec<String> =
                compile.iter().take_while(|a| *a == "javac" || a.starts_with("-J")).cloned().collect();
            (
                flag("-J-XX:SharedArchiveFile="),
                [start, vec!["-J-Xlog:class+load=info".into(), "-version".into()]].concat(),
            )
        } else if compile.last().is_some_and(|a| a == "Main.java") {
            // The source launcher compiles the file it is given: a program of its own here.
            let mut start = compile.clone();
            *start.last_mut().unwrap() = hello.display().to_string();
            start.insert(1, "-Xlog:class+load=info".into());
            (flag("-XX:SharedArchiveFile="), start)
        } else {
            // `java FLAGS -cp COMPILER_CLASS_PATH MAIN_CLASS`, then the compiler's arguments.
            let main = compile.iter().position(|a| a == compiler_class).expect("the compiler's main class");
            let mut start = compile[..=main].to_vec();
            start.insert(1, "-Xlog:class+load=info".into());
            start.push("-version".into());
            (flag("-XX:SharedArchiveFile="), start)
        };
        let archive = archive.unwrap_or_else(|| panic!("{what}: the compile step names no archive"));
        if !Path::new(&archive).exists() {
            super::skip(&format!("{archive} missing: run scripts/install-runtimes.sh {language}"));
            continue;
        }
        let out = Command::new(&start[0]).args(&start[1..]).output().unwrap();
        let log = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{start:?}: {log}{}", String::from_utf8_lossy(&out.stderr));
        let line =
            log.lines().find(|l| l.contains(&format!(" {compiler_class} source:"))).unwrap_or("not loaded");
        assert!(line.ends_with("source: shared objects file (top)"), "{what}: {line}");
    }
}
