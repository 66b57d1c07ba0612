//! The body × auth matrix rendered for every language and client, pinned by insta snapshots
//! (`cargo insta review` to accept a change; CI runs with INSTA_UPDATE=no). specs/ is pinned
//! once, by the committed output/ and `snipgen check`.

use snipgen::lang::{Target, languages};

/// Renders `path` (relative ids from `root`) for every language and client into snapshots.
fn snapshot_every_client(root: &std::path::Path, path: &std::path::Path, prefix: &str) {
    let renderer = snipgen::renderer(&Default::default()).unwrap();
    {
        let text = std::fs::read_to_string(path).unwrap();
        let relative = path.strip_prefix(root).unwrap();
        let loaded = snipgen::spec::parse(path, relative, &text).unwrap();
        for request in snipgen::model::build(&loaded, renderer.settings()).unwrap() {
            for language in languages() {
                for (i, client) in language.clients.iter().enumerate() {
                    let target = Target { language, client };
                    let sample = match renderer.render(&request, target) {
                        Ok(sample) => sample,
                        // A client that cannot send this request says so; pin the reason.
                        Err(snipgen::error::Error::Refused { reason, .. }) => format!("REFUSED: {reason}\n"),
                        Err(e) => panic!("{}: {e}", path.display()),
                    };
                    // Named after the output path: `<id>.<lang>`, `/` as `__`, plus the
                    // client for non-default clients.
                    let id = format!("{prefix}{}", request.id.replace('/', "__"));
                    let name = if i == 0 {
                        format!("{id}.{}", language.id)
                    } else {
                        format!("{id}.{}-{}", language.id, client.id)
                    };
                    let sample = visible_bytes(client, sample);
                    insta::assert_snapshot!(name, sample);
                }
            }
        }
    }
}

/// insta compares text with CRLF read as LF and trailing white space trimmed; a client whose
/// sample is a message's bytes (raw HTTP) is pinned with each CR shown as `␍` and its end
/// marked `␄`, so line ends and the last byte are pinned too.
fn visible_bytes(client: &snipgen::lang::Client, sample: String) -> String {
    if client.verbatim { format!("{}␄", sample.replace('\r', "␍")) } else { sample }
}

/// Each body kind × each auth method that can go with it × every client.
#[test]
fn body_and_auth_matrix() {
    let root = super::repo().join("tests/fixtures/matrix");
    insta::glob!("../fixtures/matrix", "*.yaml", |path| snapshot_every_client(&root, path, "matrix__"));
}

/// Realistic endpoints with hostile values in every field × every client (their ids already
/// start with `adversarial/`).
#[test]
fn adversarial_fixtures() {
    let root = super::repo().join("tests/fixtures/adversarial");
    insta::glob!("../fixtures/adversarial", "*.yaml", |path| snapshot_every_client(&root, path, ""));
}

/// The raw HTTP sample is the request's bytes: a body ending in a newline and one that does
/// not are different requests and render differently, line ends CRLF, nothing after the body.
#[test]
fn http_body_with_and_without_final_newline_render_differently() {
    let renderer = snipgen::renderer(&Default::default()).unwrap();
    let http = languages().iter().find(|l| l.id == "http").unwrap();
    let target = Target { language: http, client: http.default_client() };
    let render = |body: &str| {
        let text = format!("title: T\nmethod: POST\nurl: https://h.example/x\nbody:\n  text: {body}\n");
        let loaded = snipgen::spec::parse("t.yaml".as_ref(), "t.yaml".as_ref(), &text).unwrap();
        let request = &snipgen::model::build(&loaded, renderer.settings()).unwrap()[0];
        renderer.render(request, target).unwrap()
    };
    let without = render("\"abc\"");
    let with = render("\"abc\\n\"");
    assert_eq!(without, "POST /x HTTP/1.1\r\nHost: h.example\r\nContent-Type: text/plain\r\n\r\nabc");
    assert_eq!(with, format!("{without}\n"));
}
