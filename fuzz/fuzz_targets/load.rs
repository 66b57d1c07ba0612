//! Arbitrary bytes as a spec file: the loader returns a spec or a located error, never panics.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("specs/fuzz.yaml");
    let _ = snipgen::spec::parse_bytes(path, Path::new("fuzz.yaml"), data);
});
