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
                    insta::assert_snapshot!(name, sample);
                }
            }
        }
    }
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
