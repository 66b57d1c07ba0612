//! Every spec in specs/ rendered for every language, pinned by insta snapshots
//! (`cargo insta review` to accept a change; CI runs with INSTA_UPDATE=no).

use snipgen::lang::{LANGUAGES, Target};

#[test]
fn every_spec_in_every_language() {
    let renderer = snipgen::renderer(&Default::default()).unwrap();
    let specs_dir = super::repo().join("specs");
    insta::glob!("../../specs", "**/*.yaml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let relative = path.strip_prefix(&specs_dir).unwrap();
        let loaded = snipgen::spec::parse(path, relative, &text).unwrap();
        for request in snipgen::model::build(&loaded, renderer.settings()).unwrap() {
            for language in LANGUAGES {
                let target = Target { language, client: language.default_client() };
                let sample = renderer.render(&request, target).unwrap();
                // One snapshot per sample, named after the output path: `<id>.<lang>` with `/` as `__`.
                let name = format!("{}.{}", request.id.replace('/', "__"), language.id);
                insta::assert_snapshot!(name, sample);
            }
        }
    });
}
