//! Integration tests: one binary, a module per area (see tests/README.md).

mod cli;
mod clients;
mod compiled;
mod errors;
mod formats;
mod import;
mod output;
mod prop;
mod reference;
mod schema;
mod snapshots;
mod syntax;
mod verify;

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the real binary in `dir`; returns (exit code, stdout, stderr).
pub fn snipgen(dir: &Path, args: &[&str]) -> (i32, String, String) {
    // CI's SNIPGEN_REQUIRE_ALL is for its own verify runs; a test asks with --require-all.
    let out = Command::new(env!("CARGO_BIN_EXE_snipgen"))
        .current_dir(dir)
        .args(args)
        .env_remove("SNIPGEN_REQUIRE_ALL")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether a missing tool or runtime fails a test (CI) rather than skipping it (a laptop).
fn required() -> bool {
    let set = |name: &str| std::env::var(name).is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));
    set("SNIPGEN_REQUIRE_ALL") || set("CI")
}

/// Says why a test does not run here, or fails it where tools are required.
pub fn skip(reason: &str) {
    assert!(!required(), "{reason} (required: SNIPGEN_REQUIRE_ALL or CI is set)");
    eprintln!("SKIP: {reason}");
}

/// Where the installers put runtimes and tools, as verify finds them.
pub fn runtimes() -> std::path::PathBuf {
    std::env::var_os("SNIPGEN_RUNTIMES").map(std::path::PathBuf::from).unwrap_or_else(|| {
        std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| "/root".into()))
            .join(".cache/snipgen-runtimes")
    })
}

/// A temporary project folder with the given spec files under `specs/`.
pub fn project(specs: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in specs {
        put(dir.path(), &format!("specs/{name}"), text);
    }
    dir
}

/// Writes `text` to `rel` below `dir`, creating the folders on the way (user templates,
/// clients.yaml records).
pub fn put(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub const SIMPLE: &str = "title: Get a user\nmethod: GET\nurl: https://api.example.com/users/{{id}}\n";

/// Every file below `root` (relative path with `/` → bytes), without following links.
pub fn tree(root: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap().to_str().unwrap().replace('\\', "/");
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Moves the cache's mtime a minute ahead, so that the next run trusts every file's recorded
/// size and times (they are then in an earlier second than the cache) without sleeping.
pub fn age_outputs(out: &std::path::Path) {
    let cache = std::fs::File::options().write(true).open(out.join(".snipgen-cache")).unwrap();
    cache.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(60)).unwrap();
}
