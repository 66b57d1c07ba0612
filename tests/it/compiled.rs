//! The lowered templates (src/render/compiled.rs) against Tera itself: every client's sample of
//! every fixture spec is byte-identical, and every built-in template is lowered, so the speed-up
//! cannot go away unnoticed.

use snipgen::lang::builtin;

use crate::repo;

#[test]
fn every_built_in_template_is_lowered() {
    let renderer = snipgen::renderer(&Default::default()).unwrap();
    let mut all: Vec<String> =
        builtin().all_clients().iter().map(|t| t.language.template_name(t.client)).collect();
    all.sort();
    assert_eq!(renderer.compiled_templates(), all);
}

#[test]
fn lowered_templates_render_what_tera_renders_for_every_fixture() {
    // The opt-in settings take other branches of the templates.
    let style = snipgen::StyleOptions {
        indent: vec!["python=tab".into(), "2".into()],
        readable_variables: true,
        content_length: true,
        ..Default::default()
    };
    for style in [Default::default(), style] {
        let lowered = snipgen::renderer(&style).unwrap();
        let tera = snipgen::renderer(&style).unwrap().with_tera_only();
        let mut compared = 0;
        for dir in ["specs", "tests/fixtures/matrix", "tests/fixtures/adversarial"] {
            for (path, requests) in snipgen::load_requests(&repo().join(dir), lowered.settings()).unwrap() {
                for request in &requests {
                    for target in builtin().all_clients() {
                        let want = tera.render(request, target).map_err(|e| e.to_string());
                        let got = lowered.render(request, target).map_err(|e| e.to_string());
                        assert_eq!(
                            got,
                            want,
                            "{} as {}",
                            path.display(),
                            target.language.template_name(target.client)
                        );
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 2000, "only {compared} samples compared");
    }
}
