//! `cargo bench --bench load`: loading stays O(n log n) or better. Loads a folder of N and N/2
//! generated specs (default 50,000), and one spec with F and F/2 distinct headers (default
//! 100,000) through load and model, and prints the time per spec and per header at both sizes
//! with their ratio: about 1 means linear, 2 would mean quadratic. No timed assertions.
//!
//! Usage: cargo bench --bench load -- [N] [F]

use std::path::Path;
use std::time::Instant;

fn spec(i: usize) -> String {
    format!(
        "title: Endpoint {i}\nmethod: POST\nurl: https://api.example.com/v1/items/{i}\nheaders:\n  Accept: application/json\nquery:\n  page: \"{i}\"\nbody:\n  json: {{id: {i}, name: item {i}, tags: [a, b]}}\n"
    )
}

fn headers_spec(count: usize) -> String {
    let mut text =
        String::from("title: Many headers\nmethod: GET\nurl: https://api.example.com/x\nheaders:\n");
    for i in 0..count {
        text.push_str(&format!("  X-H{i}: v{i}\n"));
    }
    text
}

/// Best of 3, in seconds.
fn best(mut run: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn load_folder(n: usize) -> f64 {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..n {
        let sub = dir.path().join(format!("group{}", i % 100));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("endpoint-{i:06}.yaml")), spec(i)).unwrap();
    }
    best(|| assert_eq!(snipgen::spec::load_dir(dir.path()).expect("specs load").len(), n))
}

fn load_headers(count: usize) -> f64 {
    let text = headers_spec(count);
    let settings = snipgen::model::Settings::default();
    best(|| {
        let path = Path::new("many-headers.yaml");
        let loaded = snipgen::spec::parse(path, path, &text).expect("spec loads");
        let request = &snipgen::model::build(&loaded, &settings).expect("request builds")[0];
        assert_eq!(request.headers.len(), count);
    })
}

fn main() {
    let numbers: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let n = numbers.first().copied().unwrap_or(50_000);
    let f = numbers.get(1).copied().unwrap_or(100_000);

    let (small, large) = (load_folder(n / 2), load_folder(n));
    let (per_small, per_large) = (small / (n / 2) as f64, large / n as f64);
    println!("specs: {:>7}: {small:.3} s, {:.1} µs/spec", n / 2, per_small * 1e6);
    println!("specs: {n:>7}: {large:.3} s, {:.1} µs/spec", per_large * 1e6);
    println!("per-spec ratio (x2 specs): {:.2}", per_large / per_small);

    let (small, large) = (load_headers(f / 2), load_headers(f));
    let (per_small, per_large) = (small / (f / 2) as f64, large / f as f64);
    println!("headers: {:>7}: {small:.3} s, {:.2} µs/header", f / 2, per_small * 1e6);
    println!("headers: {f:>7}: {large:.3} s, {:.2} µs/header", per_large * 1e6);
    println!("per-header ratio (x2 headers): {:.2}", per_large / per_small);
}
