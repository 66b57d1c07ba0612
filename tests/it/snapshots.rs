//! Every spec in specs/ rendered for every language and client, pinned by insta snapshots
//! (`cargo insta review` to accept a change; CI runs with INSTA_UPDATE=no).

use snipgen::lang::{LANGUAGES, Target};

/// Renders `path` (relative ids from `root`) for every language and client into snapshots.
fn snapshot_every_client(root: &std::path::Path, path: &std::path::Path, prefix: &str) {
    let renderer = snipgen::renderer(&Default::default()).unwrap();
    {
        let text = std::fs::read_to_string(path).unwrap();
        let relative = path.strip_prefix(root).unwrap();
        let loaded = snipgen::spec::parse(path, relative, &text).unwrap();
        for request in snipgen::model::build(&loaded, renderer.settings()).unwrap() {
            for language in LANGUAGES {
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

#[test]
fn every_spec_in_every_language() {
    let root = super::repo().join("specs");
    insta::glob!("../../specs", "**/*.yaml", |path| snapshot_every_client(&root, path, ""));
}

/// Each body kind × each auth method that can go with it × every client.
#[test]
fn body_and_auth_matrix() {
    let root = super::repo().join("tests/fixtures/matrix");
    insta::glob!("../fixtures/matrix", "*.yaml", |path| snapshot_every_client(&root, path, "matrix__"));
}

/// YAML 1.1 traps in a JSON body (the Norway problem, octal-looking numbers, big integers…),
/// as every client sends them.
#[test]
fn yaml_traps_in_json_bodies() {
    let root = super::repo().join("tests/fixtures/adversarial");
    insta::glob!("../fixtures/adversarial", "yaml-1-1-traps.yaml", |path| snapshot_every_client(
        &root, path, "traps__"
    ));
}
