//! The reference page (tests/fixtures/reference, copied from a real docs page) must be
//! reproduced 11 of 11 by the default settings, compared the way its scrape allows:
//! every line stripped, blank lines dropped.

fn normalise(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// The reference page's file name for each language id.
fn fixture_name(lang: &str) -> &'static str {
    match lang {
        "curl" => "curl.sh",
        "csharp" => "csharp.cs",
        "go" => "go.go",
        "http" => "http.txt",
        "java" => "java.java",
        "jquery" => "jquery.js",
        "nodejs" => "node.js",
        "python" => "python.py",
        "php" => "php.php",
        "ruby" => "ruby.rb",
        "swift" => "swift.swift",
        other => panic!("no reference sample for {other}"),
    }
}

#[test]
fn reference_page_is_reproduced_eleven_of_eleven() {
    let repo = super::repo();
    let spec_path = repo.join("specs/pingone/par-client-secret-post.yaml");
    let text = std::fs::read_to_string(&spec_path).unwrap();
    let loaded =
        snipgen::spec::parse(&spec_path, "pingone/par-client-secret-post.yaml".as_ref(), &text).unwrap();
    let renderer = snipgen::renderer(&Default::default()).unwrap();
    let requests = snipgen::model::build(&loaded, renderer.settings()).unwrap();
    assert_eq!(requests.len(), 1);
    let mut failures = Vec::new();
    // The languages a default run renders (opt-in ones are not on the page).
    let defaults = snipgen::lang::builtin().defaults();
    for target in &defaults {
        let (language, target) = (target.language, *target);
        let got = renderer.render(&requests[0], target).unwrap();
        let fixture = repo.join("tests/fixtures/reference").join(fixture_name(&language.id));
        let want = std::fs::read_to_string(fixture).unwrap();
        if normalise(&got) != normalise(&want) {
            failures.push(format!("{}:\n--- expected\n{want}\n--- got\n{got}", language.id));
        }
    }
    assert_eq!(defaults.len(), 11);
    assert!(failures.is_empty(), "{} of 11 differ:\n{}", failures.len(), failures.join("\n"));
}
