//! `cargo bench --bench stat_floor -- DIR... [--runs N]`: the least a run with nothing changed
//! can cost. A warm `generate` or a `check` must look at every spec file and every file it wrote
//! (a hand edit is found by its metadata), so this makes only those calls, the way snipgen makes
//! them — each folder opened once without following links, each file `lstat`ed relative to it,
//! on rayon's threads — and nothing else: no cache, no plan, no manifest. Prints the fastest of
//! N runs (default 3) as `FLOOR files=.. folders=.. seconds=..`; `scripts/bench-scale.sh` divides
//! the warm and check runs by it.

use std::collections::BTreeMap;
use std::ffi::CString;
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

#[cfg(unix)]
fn look_at(folder: &PathBuf, names: &[CString]) -> usize {
    use rustix::fs::{AtFlags, Mode, OFlags};
    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let Ok(fd) = rustix::fs::open(folder, flags, Mode::empty()) else { return 0 };
    let _ = rustix::fs::fstat(&fd);
    names
        .iter()
        .filter(|name| rustix::fs::statat(&fd, name.as_c_str(), AtFlags::SYMLINK_NOFOLLOW).is_ok())
        .count()
}

#[cfg(not(unix))]
fn look_at(folder: &PathBuf, names: &[CString]) -> usize {
    names
        .iter()
        .filter(|name| std::fs::symlink_metadata(folder.join(name.to_str().unwrap_or_default())).is_ok())
        .count()
}

fn main() {
    let mut roots = Vec::new();
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            // cargo bench passes --bench to every bench binary.
            "--bench" => {}
            _ => roots.push(PathBuf::from(arg)),
        }
    }
    assert!(!roots.is_empty(), "usage: stat_floor DIR... [--runs N]");
    // Untimed: which files there are, by folder.
    let mut by_folder: BTreeMap<PathBuf, Vec<CString>> = BTreeMap::new();
    for root in &roots {
        for entry in walkdir::WalkDir::new(root).min_depth(1) {
            let entry = entry.expect("a readable tree");
            if entry.file_type().is_file() {
                let parent = entry.path().parent().expect("below a root").to_path_buf();
                let name = CString::new(entry.file_name().as_encoded_bytes()).expect("no NUL in a file name");
                by_folder.entry(parent).or_default().push(name);
            }
        }
    }
    let files: usize = by_folder.values().map(Vec::len).sum();
    let folders = by_folder.len();
    // A big folder (the specs) in slices, so both threads share it as snipgen's do.
    let slices: Vec<(&PathBuf, &[CString])> = by_folder
        .iter()
        .flat_map(|(folder, names)| names.chunks(256).map(move |slice| (folder, slice)))
        .collect();
    let mut best = f64::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        let found: usize = slices.par_iter().map(|(folder, names)| look_at(folder, names)).sum();
        best = best.min(start.elapsed().as_secs_f64());
        assert_eq!(found, files, "every file is still there");
    }
    println!("FLOOR files={files} folders={folders} seconds={best:.4}");
}
