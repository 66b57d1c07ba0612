//! Embeds every file under `templates/` (client templates, macros, `clients.yaml`) and verify's
//! support files under `src/verify/stubs/` (as `stubs/…`), so the binary needs no install step
//! and adding a built-in client edits no Rust.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for (dir, prefix) in [("templates", ""), ("src/verify/stubs", "stubs/")] {
        let root = manifest.join(dir);
        println!("cargo::rerun-if-changed={}", root.display());
        collect(&root, &root, prefix, &mut files);
    }
    files.sort();
    let mut out = String::from(
        "/// Every embedded file: (relative name, contents).\npub static EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        println!("cargo::rerun-if-changed={path}");
        writeln!(out, "    ({name:?}, include_str!({path:?})),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(root: &Path, dir: &Path, prefix: &str, files: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            collect(root, &path, prefix, files);
        } else {
            let name: Vec<String> = path
                .strip_prefix(root)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((format!("{prefix}{}", name.join("/")), path.display().to_string()));
        }
    }
}
