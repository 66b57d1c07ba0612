//! Arbitrary bytes as a spec file, through the whole pipeline: load, model, and every client's
//! template. Each step returns a value or a clean error (a client may refuse), never panics.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use snipgen::render::Renderer;

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| snipgen::renderer(&Default::default()).expect("built-in templates load"))
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("specs/fuzz.yaml");
    let Ok(loaded) = snipgen::spec::parse_bytes(path, Path::new("fuzz.yaml"), data) else { return };
    let renderer = renderer();
    let Ok(requests) = snipgen::model::build(&loaded, renderer.settings()) else { return };
    for request in &requests {
        for target in renderer.registry().all_clients() {
            let _ = renderer.render(request, target);
        }
    }
});
