//! The output tree: atomic, idempotent, manifest-driven removal, check.

use super::{SIMPLE, project, snipgen};

#[test]
fn second_generate_rewrites_nothing_and_check_passes() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("11 files: 11 written, 0 unchanged, 0 removed"), "{stdout}");
    let sample = dir.path().join("output/a/python.py");
    let modified = std::fs::metadata(&sample).unwrap().modified().unwrap();
    let (_, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert!(stdout.contains("11 files: 0 written, 11 unchanged, 0 removed"), "{stdout}");
    assert_eq!(std::fs::metadata(&sample).unwrap().modified().unwrap(), modified);
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn check_reports_a_stale_file_with_a_diff_and_writes_nothing() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    snipgen(dir.path(), &["generate"]);
    std::fs::write(dir.path().join("specs/a.yaml"), SIMPLE.replace("users/{{id}}", "people/{{id}}")).unwrap();
    let before = std::fs::read_to_string(dir.path().join("output/a/curl.sh")).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("stale    output/a/curl.sh"), "{stdout}");
    assert!(stdout.contains("-curl --location --globoff 'https://api.example.com/users/{{id}}'"), "{stdout}");
    assert!(
        stdout.contains("+curl --location --globoff 'https://api.example.com/people/{{id}}'"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("output/a/curl.sh")).unwrap(), before);
}

#[test]
fn removed_spec_removes_only_its_own_files() {
    let dir = project(&[("a.yaml", SIMPLE), ("b.yaml", SIMPLE)]);
    snipgen(dir.path(), &["generate"]);
    let mine = dir.path().join("output/b/NOTES.md");
    std::fs::write(&mine, "hand-written").unwrap();
    let elsewhere = dir.path().join("output/README.md");
    std::fs::write(&elsewhere, "hand-written").unwrap();
    std::fs::remove_file(dir.path().join("specs/b.yaml")).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("orphaned output/b/curl.sh"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("0 written, 11 unchanged, 11 removed"), "{stdout}");
    assert!(!dir.path().join("output/b/curl.sh").exists());
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "hand-written");
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "hand-written");
    assert!(dir.path().join("output/a/curl.sh").exists());
}

#[test]
fn files_snipgen_did_not_write_are_not_overwritten() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let theirs = dir.path().join("output/a/go.go");
    std::fs::create_dir_all(theirs.parent().unwrap()).unwrap();
    std::fs::write(&theirs, "// mine").unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("refusing to overwrite") && stderr.contains("output/a/go.go"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "// mine");
    assert!(!dir.path().join("output/a/curl.sh").exists(), "nothing is written when one file conflicts");
    assert_eq!(snipgen(dir.path(), &["generate", "--force"]).0, 0);
    assert!(std::fs::read_to_string(&theirs).unwrap().starts_with("package main"));
}

#[test]
fn lang_selects_languages_and_clients() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate", "--lang", "python,go"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 files: 2 written"), "{stdout}");
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--lang", "csharp:nope"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown client `nope` for csharp"), "{stderr}");
}

#[test]
fn several_clients_of_one_language_get_a_file_each() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let (code, stdout, stderr) =
        snipgen(dir.path(), &["generate", "--lang", "php:curl,csharp:httpclient,csharp,php"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("4 files: 4 written"), "{stdout}");
    let read = |name: &str| std::fs::read_to_string(dir.path().join("output/a").join(name)).unwrap();
    assert!(read("csharp.cs").contains("new RestClient(options)"));
    assert!(read("csharp-httpclient.cs").contains("new HttpClient()"));
    assert!(read("php.php").contains("HTTP_Request2"));
    assert!(read("php-curl.php").contains("curl_init()"));
    // One client of a language alone is that language's tab, whichever client it is.
    let (_, stdout, _) = snipgen(dir.path(), &["generate", "--lang", "csharp:httpclient"]);
    assert!(stdout.contains("1 files: 1 written"), "{stdout}");
    assert!(read("csharp.cs").contains("new HttpClient()"));
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--lang", "go,go:native"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("`go:native` is selected twice"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn output_never_follows_a_symlink_out_of_the_folder() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("output")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("output/a")).unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

#[test]
fn a_sample_its_client_refuses_is_reported_and_not_written() {
    let dir =
        project(&[("purge.yaml", "title: Purge\nmethod: {custom: PURGE}\nurl: https://cdn.example.com/x\n")]);
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("10 files: 10 written, 0 unchanged, 0 removed, 1 refused by their client"),
        "{stdout}"
    );
    assert!(
        stderr.contains("refused output/purge/csharp.cs: RestSharp's Method enum has no PURGE; render C# with --lang csharp:httpclient"),
        "{stderr}"
    );
    assert!(!dir.path().join("output/purge/csharp.cs").exists());
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0, "check agrees with generate");
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--lang", "csharp:httpclient"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::read_to_string(dir.path().join("output/purge/csharp.cs"))
            .unwrap()
            .contains("new HttpMethod(\"PURGE\")")
    );
}
