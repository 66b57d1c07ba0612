//! `cargo bench`: renders N synthetic specs (default 2000) in all 11 languages through the whole
//! pipeline (YAML load, validation, model, render) and prints snippets per second and the time
//! the same specs take to load without rendering, with the
//! ratio to postman-code-generators' 10,685 snippets/s measured on the same 2-core machine with
//! the same request shape (../shared/reference/postman-style.md §4). `scripts/bench-peers.sh`
//! runs the peers themselves side by side.
//!
//! Usage: cargo bench -- [N]

use std::time::Instant;

use snipgen::lang::parse_targets;

const POSTMAN_SNIPPETS_PER_SECOND: f64 = 10_685.0;

fn synthetic_spec(i: usize) -> String {
    let method = ["GET", "POST", "PUT", "PATCH", "DELETE"][i % 5];
    let body = if method == "GET" || method == "DELETE" {
        String::new()
    } else {
        format!(
            "body:\n  form:\n    grant_type: client_credentials\n    scope: \"read write {i}\"\n    audience: https://api.example.com/{i}\n    state: \"s&t=a+t e\"\n    nonce: n{i}\n"
        )
    };
    format!(
        "title: Endpoint {i}\nmethod: {method}\nurl: https://api{}.example.com/v1/items/{i}/{{{{id}}}}\nheaders:\n  Accept: application/json\n  X-Request-Id: req-{i}\n  User-Agent: bench/1.0\n{body}",
        i % 7
    )
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(2000);
    let dir = tempfile::tempdir().expect("temp dir");
    let specs = dir.path().join("specs");
    std::fs::create_dir_all(&specs).unwrap();
    for i in 0..n {
        std::fs::write(specs.join(format!("endpoint-{i:05}.yaml")), synthetic_spec(i)).unwrap();
    }
    let targets = parse_targets(&[]).unwrap();
    let renderer = snipgen::renderer(&Default::default()).unwrap();

    let mut best = f64::MAX;
    let mut snippets = 0;
    let mut bytes = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let plan = snipgen::plan(&specs, &targets, &renderer, false).expect("plan");
        best = best.min(start.elapsed().as_secs_f64());
        let texts = plan.samples.iter().filter_map(|s| s.outcome.as_ref().ok());
        snippets = texts.clone().count();
        bytes = texts.map(String::len).sum();
    }
    // The same specs read, parsed, validated and modelled, without rendering: the part of the
    // time a faster template engine cannot win back.
    let mut load_best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let requests = snipgen::load_requests(&specs, renderer.settings()).expect("load");
        load_best = load_best.min(start.elapsed().as_secs_f64());
        assert_eq!(requests.len(), n);
    }
    let rate = snippets as f64 / best;
    println!("specs: {n}, snippets: {snippets}, output: {:.1} MB", bytes as f64 / 1e6);
    println!("best of 5: {best:.3} s, {rate:.0} snippets/s, {:.0} specs/s", n as f64 / best);
    println!(
        "load without render: best of 5: {load_best:.3} s, {:.1} us/spec ({:.0}% of the whole)",
        load_best * 1e6 / n as f64,
        100.0 * load_best / best
    );
    println!(
        "ratio to postman-code-generators (10,685 snippets/s): {:.1}x",
        rate / POSTMAN_SNIPPETS_PER_SECOND
    );
    if let Some(kib) = peak_rss_kib() {
        println!("peak RSS: {:.0} MB (postman-code-generators: 116 MB)", kib as f64 / 1024.0);
    }
}
