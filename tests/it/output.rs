//! The output tree: atomic, idempotent, manifest-driven removal, check.

use super::{SIMPLE, age_outputs, project, put, snipgen, tree};

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

/// A run that fails part-way (a full disk) has listed its files in the manifest and made
/// their folders, but written none of them: once the spec is gone, its folder goes too.
#[test]
fn a_folder_a_failed_run_left_empty_is_removed_with_its_spec() {
    let dir = project(&[("a.yaml", SIMPLE), ("b.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let folder = dir.path().join("output/b");
    for file in std::fs::read_dir(&folder).unwrap() {
        std::fs::remove_file(file.unwrap().path()).unwrap();
    }
    std::fs::remove_file(dir.path().join("specs/b.yaml")).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/.snipgen-manifest"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(!folder.exists(), "the empty folder of a removed spec is left behind");
    assert!(dir.path().join("output/a/curl.sh").exists());
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
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

#[cfg(unix)]
#[test]
fn a_request_folder_swapped_for_a_link_after_a_cached_run_is_not_followed() {
    // The cache vouches for the folder: its files are looked at through the folder opened
    // without following links, so a link put in its place is found, not read through.
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let outside = tempfile::tempdir().unwrap();
    let folder = dir.path().join("output/a");
    for entry in std::fs::read_dir(&folder).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), outside.path().join(entry.file_name())).unwrap();
    }
    std::fs::remove_dir_all(&folder).unwrap();
    std::os::unix::fs::symlink(outside.path(), &folder).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("output/a is a symbolic link"), "{stdout}");
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--force"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("output/a is a symbolic link"), "{stderr}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 11, "nothing written through the link");
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

#[test]
fn a_content_type_without_a_body_is_refused_by_the_clients_that_drop_it() {
    // verify showed both C# clients sending the request without it: .NET keeps Content-Type on
    // the body object.
    let spec =
        "title: Get\nmethod: GET\nurl: https://api.example.com/x\nheaders:\n  Content-Type: text/plain\n";
    let dir = project(&[("get.yaml", spec)]);
    for lang in ["csharp", "csharp:httpclient"] {
        let (code, _, stderr) = snipgen(dir.path(), &["generate", "--lang", lang]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stderr.contains("refused output/get/csharp.cs: ") && stderr.contains("Content-Type"),
            "{stderr}"
        );
        assert!(!dir.path().join("output/get/csharp.cs").exists());
    }
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--lang", "curl,java"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(
        std::fs::read_to_string(dir.path().join("output/get/curl.sh"))
            .unwrap()
            .contains("Content-Type: text/plain")
    );
}

/// A spec with `id:` set, for the plan-validation cases.
fn with_id(id: &str) -> String {
    format!("id: {id:?}\n{SIMPLE}")
}

/// Generate and check both refuse, before writing anything, with errors naming `expected`.
fn refused_before_any_write(specs: &[(&str, &str)], expected: &[&str]) {
    let dir = project(specs);
    for command in ["generate", "check"] {
        let (code, stdout, stderr) = snipgen(dir.path(), &[command]);
        assert_eq!(code, 3, "{command}: {stdout}");
        for e in expected {
            assert!(stderr.contains(e), "{command}: expected {e:?} in\n{stderr}");
        }
        assert!(!dir.path().join("output").exists(), "{command} wrote before failing");
    }
}

#[test]
fn output_paths_that_collide_are_refused_before_any_write_naming_both_specs() {
    let two_auths = format!("{SIMPLE}auth:\n  - none\n  - bearer: {{token: t}}\n");
    refused_before_any_write(
        &[("x.yaml", &two_auths), ("y.yaml", &with_id("x/bearer"))],
        &[
            "specs/y.yaml: output path x/bearer/csharp.cs collides with x/bearer/csharp.cs from specs/x.yaml: both write it",
        ],
    );
    refused_before_any_write(
        &[("x.yaml", SIMPLE), ("y.yaml", &with_id("x/curl.sh"))],
        &[
            "x/curl.sh/csharp.cs collides with x/curl.sh from specs/x.yaml: one needs a file where the other needs a folder",
        ],
    );
    refused_before_any_write(
        &[("Users.yaml", SIMPLE), ("users.yaml", SIMPLE)],
        &[
            "specs/users.yaml: output path users/csharp.cs collides with Users/csharp.cs from specs/Users.yaml: the two differ only in case",
        ],
    );
    refused_before_any_write(
        &[("a/Users/get.yaml", SIMPLE), ("a/users/list.yaml", SIMPLE)],
        &["specs/a/users/list.yaml", "from specs/a/Users/get.yaml: the two differ only in case"],
    );
}

#[test]
fn output_names_snipgen_reserves_or_windows_cannot_hold_are_refused() {
    refused_before_any_write(
        &[("m.yaml", &with_id(".snipgen-manifest"))],
        &[
            "specs/m.yaml: output path .snipgen-manifest/csharp.cs: `.snipgen-manifest`: names starting with `.snipgen` are snipgen's own",
        ],
    );
    refused_before_any_write(&[("l.yaml", &with_id("a/.SNIPGEN-lock"))], &["are snipgen's own"]);
    for (id, why) in [
        ("CON", "`CON` is a device name Windows reserves"),
        ("docs/aux.txt", "`aux.txt` is a device name Windows reserves"),
        ("lpt9", "`lpt9` is a device name"),
        ("a.", "`a.` ends with a dot or a space"),
    ] {
        refused_before_any_write(
            &[("w.yaml", &with_id(id))],
            &[&format!("specs/w.yaml: output path {id}/"), why],
        );
    }
    let long = "a".repeat(300);
    refused_before_any_write(&[("long.yaml", &with_id(&long))], &["is 300 bytes long, over the 255"]);
    let deep = vec!["abcdefghij"; 100].join("/");
    refused_before_any_write(&[("deep.yaml", &with_id(&deep))], &["bytes long, over the 1024 allowed"]);
    // Near misses are fine.
    let dir = project(&[("c.yaml", &with_id("CONSOLE/com10/a.b"))]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
}

#[cfg(unix)]
#[test]
fn links_and_special_files_in_the_output_are_never_followed_or_opened() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET-TOKEN\n").unwrap();
    let curl = dir.path().join("output/a/curl.sh");
    let go = dir.path().join("output/a/go.go");
    std::fs::remove_file(&curl).unwrap();
    std::os::unix::fs::symlink(&secret, &curl).unwrap();
    std::fs::remove_file(&go).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &go).unwrap();
    let fifo = dir.path().join("output/a/python.py");
    std::fs::remove_file(&fifo).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(!stdout.contains("TOP-SECRET"), "check printed a link's target:\n{stdout}");
    assert!(
        stdout.contains("stale    output/a/curl.sh: a symbolic link, not the generated file"),
        "{stdout}"
    );
    assert!(stdout.contains("stale    output/a/go.go: a symbolic link"), "{stdout}");
    assert!(stdout.contains("output/a/python.py is a FIFO, not a regular file"), "{stdout}");
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate", "--force"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("output/a/curl.sh is a symbolic link; snipgen writes regular files"), "{stderr}");
    assert!(stderr.contains("output/a/python.py is a FIFO"), "{stderr}");
    assert!(!stderr.contains("TOP-SECRET"));
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "TOP-SECRET-TOKEN\n");
    // Removed by hand, the run goes through.
    for p in [&curl, &go, &fifo] {
        std::fs::remove_file(p).unwrap();
    }
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
    // A manifest that is a link is not read either.
    let manifest = dir.path().join("output/.snipgen-manifest");
    std::fs::remove_file(&manifest).unwrap();
    std::os::unix::fs::symlink(&secret, &manifest).unwrap();
    let (code, stdout, stderr) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(stderr.contains(".snipgen-manifest is a symbolic link"), "{stderr}");
    assert!(!stdout.contains("TOP-SECRET") && !stderr.contains("TOP-SECRET"));
}

#[cfg(unix)]
#[test]
fn an_output_folder_that_is_a_link_must_be_given_resolved() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&real, dir.path().join("output")).unwrap();
    for args in
        [&["generate"][..], &["check"], &["generate", "--out", "output/"], &["generate", "--out", "output/."]]
    {
        let (code, _, stderr) = snipgen(dir.path(), args);
        assert_eq!(code, 2);
        assert!(
            stderr.contains("is a symbolic link") && stderr.contains("pass the resolved path as --out"),
            "{stderr}"
        );
    }
    assert_eq!(std::fs::read_dir(&real).unwrap().count(), 0);
    assert_eq!(snipgen(dir.path(), &["generate", "--out", "real"]).0, 0);
    assert!(real.join("a/curl.sh").is_file());
}

#[test]
fn temporary_files_of_an_interrupted_run_are_reported_then_removed() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let leftover = dir.path().join("output/a/.snipgen-Ab12Cd");
    std::fs::write(&leftover, "half a fi").unwrap();
    std::fs::write(dir.path().join("output/.snipgen-Zz99zz"), "# Files").unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("leftover output/a/.snipgen-Ab12Cd: temporary file of an interrupted run"),
        "{stdout}"
    );
    assert!(stdout.contains("leftover output/.snipgen-Zz99zz"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("cleaned output/a/.snipgen-Ab12Cd (left by an interrupted run)"), "{stdout}");
    assert!(!leftover.exists());
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
}

/// A request folder the cache vouches for is not listed again, but a temporary file left in
/// it later changes the folder's mtime, so the folder is listed and the file found.
#[test]
fn a_temporary_file_in_a_folder_the_cache_vouches_for_is_found() {
    let dir = project(&[("a.yaml", SIMPLE), ("b.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    // A second run records the folders as listed and clean; then every time is trusted.
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    age_outputs(&dir.path().join("output"));
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
    let leftover = dir.path().join("output/b/.snipgen-Ab12Cd");
    std::fs::write(&leftover, "half a fi").unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("leftover output/b/.snipgen-Ab12Cd"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("cleaned output/b/.snipgen-Ab12Cd"), "{stdout}");
    assert!(!leftover.exists());
}

/// The folders a cached run lists besides the request folders: the one above a nested request
/// id, and a page format's.
#[test]
fn temporary_files_above_nested_requests_and_beside_pages_are_found_by_a_cached_run() {
    let dir = project(&[("a.yaml", &*with_id("group/item")), ("b.yaml", SIMPLE)]);
    let args = ["generate", "--format", "files,mkdocs"];
    assert_eq!(snipgen(dir.path(), &args).0, 0);
    assert_eq!(snipgen(dir.path(), &args).0, 0);
    age_outputs(&dir.path().join("output"));
    assert_eq!(snipgen(dir.path(), &["check", "--format", "files,mkdocs"]).0, 0);
    let temps = ["output/group/.snipgen-Ab12Cd", "output/mkdocs/.snipgen-Ef34Gh"];
    for temp in temps {
        std::fs::write(dir.path().join(temp), "half a fi").unwrap();
    }
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--format", "files,mkdocs"]);
    assert_eq!(code, 1, "{stdout}");
    for temp in temps {
        assert!(stdout.contains(&format!("leftover {temp}")), "{stdout}");
    }
    let (code, stdout, _) = snipgen(dir.path(), &args);
    assert_eq!(code, 0);
    for temp in temps {
        assert!(stdout.contains(&format!("cleaned {temp}")), "{stdout}");
        assert!(!dir.path().join(temp).exists());
    }
}

/// Runs the binary with `sh -c 'umask …; exec snipgen …'`, so the test does not depend on
/// the umask it was started with.
#[cfg(unix)]
fn snipgen_with_umask(dir: &std::path::Path, umask: &str, args: &[&str]) -> i32 {
    std::process::Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_snipgen"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap()
        .code()
        .unwrap_or(-1)
}

#[cfg(unix)]
#[test]
fn files_get_the_umask_mode_and_keep_theirs_when_regenerated() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen_with_umask(dir.path(), "022", &["generate"]), 0);
    let curl = dir.path().join("output/a/curl.sh");
    assert_eq!(mode(&curl), 0o644);
    assert_eq!(mode(&dir.path().join("output/.snipgen-manifest")), 0o644);
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir(other.path().join("specs")).unwrap();
    std::fs::write(other.path().join("specs/a.yaml"), SIMPLE).unwrap();
    assert_eq!(snipgen_with_umask(other.path(), "002", &["generate"]), 0);
    assert_eq!(mode(&other.path().join("output/a/curl.sh")), 0o664);
    // A regenerated file keeps the mode it had.
    std::fs::set_permissions(&curl, std::fs::Permissions::from_mode(0o750)).unwrap();
    std::fs::write(dir.path().join("specs/a.yaml"), SIMPLE.replace("users", "people")).unwrap();
    assert_eq!(snipgen_with_umask(dir.path(), "022", &["generate"]), 0);
    assert!(std::fs::read_to_string(&curl).unwrap().contains("people"));
    assert_eq!(mode(&curl), 0o750);
}

#[test]
fn a_second_run_fails_clearly_while_another_holds_the_lock() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    std::fs::create_dir(dir.path().join("output")).unwrap();
    // This test process plays the other run: it holds the lock the way snipgen does.
    let lock = std::fs::File::create(dir.path().join("output/.snipgen-lock")).unwrap();
    lock.lock().unwrap();
    for command in ["generate", "check"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_snipgen"))
            .current_dir(dir.path())
            .env("SNIPGEN_LOCK_WAIT", "0")
            .arg(command)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {stderr}");
        assert!(
            stderr.contains("another snipgen run is using output (it holds output/.snipgen-lock); try again when it has finished"),
            "{stderr}"
        );
    }
    assert!(!dir.path().join("output/a").exists(), "nothing written without the lock");
    drop(lock);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    assert!(!dir.path().join("output/.snipgen-lock").exists(), "the lock file is removed after a run");
    let manifest = std::fs::read_to_string(dir.path().join("output/.snipgen-manifest")).unwrap();
    assert!(!manifest.contains("lock"), "{manifest}");
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
}

#[test]
fn a_partial_run_never_touches_other_languages_files() {
    let dir = project(&[("a.yaml", SIMPLE), ("b.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let manifest = || std::fs::read_to_string(dir.path().join("output/.snipgen-manifest")).unwrap();
    let before = manifest();
    let (code, stdout, _) = snipgen(dir.path(), &["generate", "--lang", "python"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("2 files: 0 written, 2 unchanged, 0 removed"), "{stdout}");
    assert!(dir.path().join("output/a/go.go").exists());
    assert_eq!(manifest(), before, "other languages keep their manifest entries");
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
    // A removed spec: a partial run removes only the selected language's file of it.
    std::fs::remove_file(dir.path().join("specs/b.yaml")).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["generate", "--lang", "python"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1 files: 0 written, 1 unchanged, 1 removed"), "{stdout}");
    assert!(!dir.path().join("output/b/python.py").exists());
    assert!(dir.path().join("output/b/go.go").exists());
    assert_eq!(snipgen(dir.path(), &["check", "--lang", "python"]).0, 0);
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("orphaned output/b/go.go"), "{stdout}");
    assert!(!stdout.contains("orphaned output/b/python.py"), "{stdout}");
    // A full run finishes the job.
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("10 removed"), "{stdout}");
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
}

#[test]
fn no_specs_found_is_an_error_unless_allowed() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    for command in ["generate", "check"] {
        let (code, _, stderr) = snipgen(dir.path(), &[command, "--specs", "empty"]);
        assert_eq!(code, 2);
        assert!(stderr.contains("no specs (*.yaml, *.yml) found in empty; pass --allow-empty"), "{stderr}");
    }
    assert!(dir.path().join("output/a/curl.sh").exists(), "a mistyped folder removes nothing");
    let (code, stdout, _) = snipgen(dir.path(), &["generate", "--specs", "empty", "--allow-empty"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("0 files: 0 written, 0 unchanged, 11 removed"), "{stdout}");
    assert_eq!(snipgen(dir.path(), &["check", "--specs", "empty", "--allow-empty"]).0, 0);
    std::fs::write(dir.path().join("snipgen.yaml"), "specs: empty\nallow_empty: true\n").unwrap();
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
}

/// The manifest and the cache, which stay between runs.
fn is_own(path: &str) -> bool {
    path == ".snipgen-manifest" || path == ".snipgen-cache"
}

/// Issue 8, point 5: `generate` killed at arbitrary points (SIGKILL, SIGTERM, SIGINT) while
/// it rewrites a couple of thousand files. After each kill every file is the old or the new
/// version (never partial) and listed in the manifest; the next run succeeds, removes the
/// temporary files, and `check` passes.
#[cfg(unix)]
#[test]
fn a_killed_generate_never_leaves_a_partial_file_or_an_unlisted_one() {
    use std::process::{Command, Stdio};
    // About 20 debug-build runs over 1000 specs: a few seconds on an idle 2-core machine.
    const SPECS: usize = 1000;
    const ROUNDS: usize = 6;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Version 1 changes every URL, drops every tenth spec and adds new ones, so a run writes,
    // removes and creates.
    let set_specs = |version: usize| {
        let specs = root.join("specs");
        let _ = std::fs::remove_dir_all(&specs);
        std::fs::create_dir(&specs).unwrap();
        for i in 0..SPECS {
            let (name, keep) =
                if version == 0 { (format!("e{i:04}"), true) } else { (format!("e{i:04}"), i % 10 != 0) };
            if keep {
                let url = format!("https://api.example.com/v{version}/{name}/{}", "x".repeat(i % 50));
                std::fs::write(
                    specs.join(format!("{name}.yaml")),
                    format!("title: T\nmethod: GET\nurl: {url}\n"),
                )
                .unwrap();
            }
            if version == 1 && i % 10 == 5 {
                std::fs::write(
                    specs.join(format!("n{i:04}.yaml")),
                    "title: N\nmethod: GET\nurl: https://h/n\n",
                )
                .unwrap();
            }
        }
    };
    let generate = |out: &str| {
        Command::new(env!("CARGO_BIN_EXE_snipgen"))
            .current_dir(root)
            .args(["generate", "--lang", "curl", "--out", out])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let finish = |out: &str, command: &str| {
        let status = Command::new(env!("CARGO_BIN_EXE_snipgen"))
            .current_dir(root)
            .args([command, "--lang", "curl", "--out", out])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{command} after a kill failed");
    };
    // Every version's files, to recognise old and new content; the output ends at version 0.
    let out = root.join("output");
    let mut known: std::collections::HashMap<String, Vec<Vec<u8>>> = Default::default();
    let mut run = std::time::Duration::ZERO;
    for version in [1, 0] {
        set_specs(version);
        let started = std::time::Instant::now();
        finish("output", "generate");
        // Kill delays are spread over one run's length; not an assertion on time.
        run = started.elapsed();
        for (path, bytes) in tree(&out) {
            known.entry(path).or_default().push(bytes);
        }
    }
    let mut seed: u64 = 0x5eed_1234_abcd;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    let mut interrupted = 0;
    for round in 0..ROUNDS {
        set_specs((round + 1) % 2);
        let mut child = generate("output");
        std::thread::sleep(run.mul_f64(next() * 1.1));
        match round % 3 {
            0 => child.kill().unwrap(),
            signal => {
                let name = if signal == 1 { "-TERM" } else { "-INT" };
                Command::new("kill").arg(name).arg(child.id().to_string()).status().unwrap();
            }
        }
        let status = child.wait().unwrap();
        interrupted += usize::from(status.code().is_none());
        let now = tree(&out);
        let manifest = String::from_utf8(now[".snipgen-manifest"].clone()).unwrap();
        let listed: std::collections::BTreeSet<&str> = manifest.lines().collect();
        for (path, bytes) in &now {
            let name = path.rsplit('/').next().unwrap();
            if name.starts_with(".snipgen-") {
                continue;
            }
            assert!(
                listed.contains(path.as_str()),
                "round {round}: {path} is on disk but not in the manifest"
            );
            let versions = known.get(path).unwrap_or_else(|| panic!("round {round}: unexpected file {path}"));
            assert!(
                versions.contains(bytes),
                "round {round}: {path} is neither old nor new:\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
        finish("output", "generate");
        finish("output", "check");
        let left: Vec<String> =
            tree(&out).into_keys().filter(|p| p.contains(".snipgen-") && !is_own(p)).collect();
        assert!(left.is_empty(), "round {round}: left behind {left:?}");
    }
    eprintln!("{interrupted} of {ROUNDS} runs were interrupted");
}

#[test]
fn a_file_of_a_removed_spec_may_become_a_folder_and_back() {
    let dir = project(&[("x.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate", "--lang", "curl"]).0, 0);
    // Spec `x` goes, a spec with id `x/curl.sh` comes: its folder is where x's file was.
    std::fs::remove_file(dir.path().join("specs/x.yaml")).unwrap();
    std::fs::write(dir.path().join("specs/y.yaml"), with_id("x/curl.sh")).unwrap();
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate", "--lang", "curl"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("1 written, 0 unchanged, 1 removed"), "{stdout}");
    assert!(dir.path().join("output/x/curl.sh/curl.sh").is_file());
    assert_eq!(snipgen(dir.path(), &["check", "--lang", "curl"]).0, 0);
    // And back: the folder of stale files makes way for the file.
    std::fs::remove_file(dir.path().join("specs/y.yaml")).unwrap();
    std::fs::write(dir.path().join("specs/x.yaml"), SIMPLE).unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--lang", "curl"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("output/x/curl.sh").is_file());
}

#[test]
fn check_finds_a_hand_edit_of_the_same_size_with_the_old_mtime_restored() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    age_outputs(&dir.path().join("output"));
    // Trusted now: a run with nothing changed reads no output file.
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
    let sample = dir.path().join("output/a/curl.sh");
    let before = std::fs::read_to_string(&sample).unwrap();
    let mtime = std::fs::metadata(&sample).unwrap().modified().unwrap();
    let edited = before.replacen("users", "USERS", 1);
    assert_eq!(edited.len(), before.len());
    std::fs::write(&sample, &edited).unwrap();
    std::fs::File::options().write(true).open(&sample).unwrap().set_modified(mtime).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/a/curl.sh"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1 written"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&sample).unwrap(), before);
}

/// A spec file the cache vouches for (same size, times, inode) is not read again; an edit that
/// keeps its size and puts its old mtime back still changes its ctime, so it is read and the
/// change found.
#[test]
fn an_edited_spec_is_found_even_with_its_size_and_mtime_kept() {
    let dir = project(&[("a.yaml", SIMPLE), ("b.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    age_outputs(&dir.path().join("output"));
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
    let spec = dir.path().join("specs/a.yaml");
    let mtime = std::fs::metadata(&spec).unwrap().modified().unwrap();
    let edited = SIMPLE.replace("users", "USERS");
    std::fs::write(&spec, &edited).unwrap();
    std::fs::File::options().write(true).open(&spec).unwrap().set_modified(mtime).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/a/curl.sh"), "{stdout}");
    assert!(!stdout.contains("output/b/"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("11 written, 11 unchanged"), "{stdout}");
    assert!(std::fs::read_to_string(dir.path().join("output/a/curl.sh")).unwrap().contains("USERS"));
}

#[test]
fn check_finds_a_hand_edit_made_in_the_same_second_as_the_run() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let sample = dir.path().join("output/a/python.py");
    let before = std::fs::read_to_string(&sample).unwrap();
    std::fs::write(&sample, before.replacen("users", "USERS", 1)).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/a/python.py"), "{stdout}");
}

#[test]
fn check_finds_a_deleted_output_and_generate_writes_it_back() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    age_outputs(&dir.path().join("output"));
    let sample = dir.path().join("output/a/ruby.rb");
    let before = std::fs::read(&sample).unwrap();
    std::fs::remove_file(&sample).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("missing  output/a/ruby.rb"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1 written, 10 unchanged"), "{stdout}");
    assert_eq!(std::fs::read(&sample).unwrap(), before);
}

#[test]
fn check_fails_after_a_cached_run_when_a_template_or_setting_changes() {
    let spec = format!("{}body:\n  form:\n    name: Ada\n", SIMPLE.replace("GET", "POST"));
    let dir = project(&[("a.yaml", &spec)]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    age_outputs(&dir.path().join("output"));
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
    // A setting that changes the samples.
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--content-length"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/a/http.txt"), "{stdout}");
    // A user template for one language.
    let builtin = std::fs::read_to_string(super::repo().join("templates/curl/curl.tera")).unwrap();
    put(dir.path(), "mytemplates/curl/curl.tera", &format!("# mine\n{builtin}"));
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--templates", "mytemplates"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/a/curl.sh"), "{stdout}");
    // The spec itself.
    std::fs::write(dir.path().join("specs/a.yaml"), spec.replace("Ada", "Bob")).unwrap();
    assert_eq!(snipgen(dir.path(), &["check"]).0, 1);
}

#[test]
fn a_hand_edited_manifest_fails_check_and_is_rewritten_even_when_its_entries_are_right() {
    // The cache vouches for the manifest a run left by its digest: any edit to its bytes, even
    // one that keeps every entry, is checked line by line again.
    let dir = project(&[("a.yaml", SIMPLE), ("b.yaml", &*SIMPLE.replace("GET", "POST"))]);
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let manifest = dir.path().join("output/.snipgen-manifest");
    let written = std::fs::read_to_string(&manifest).unwrap();
    let (header, body) = written.split_once('\n').unwrap();
    let mut lines: Vec<&str> = body.lines().collect();
    let last = lines.pop().unwrap();
    let edits = [
        format!("{header}\n# a note\n{body}"),
        written.replace('\n', "\r\n"),
        format!("{header}\n{last}\n{}\n", lines.join("\n")),
        format!("{written}{last}\n"),
        written.trim_end().to_string(),
        format!("{written}\n"),
    ];
    for edit in edits {
        std::fs::write(&manifest, &edit).unwrap();
        let (code, stdout, _) = snipgen(dir.path(), &["check"]);
        assert_eq!(code, 1, "{edit:?}\n{stdout}");
        assert!(stdout.contains(".snipgen-manifest"), "{stdout}");
        assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
        assert_eq!(std::fs::read_to_string(&manifest).unwrap(), written, "{edit:?}");
        assert_eq!(snipgen(dir.path(), &["check"]).0, 0, "{edit:?}");
    }
}

#[test]
fn the_cache_changes_no_output_missing_corrupt_or_from_an_older_version() {
    let specs = [("a.yaml", SIMPLE), ("b.yaml", &*SIMPLE.replace("GET", "POST"))];
    let with = project(&specs);
    let without = project(&specs);
    assert_eq!(snipgen(with.path(), &["generate"]).0, 0);
    assert_eq!(snipgen(without.path(), &["generate"]).0, 0);
    std::fs::write(with.path().join("specs/b.yaml"), SIMPLE.replace("GET", "PUT")).unwrap();
    std::fs::write(without.path().join("specs/b.yaml"), SIMPLE.replace("GET", "PUT")).unwrap();
    std::fs::remove_file(without.path().join("output/.snipgen-cache")).unwrap();
    assert_eq!(snipgen(with.path(), &["generate"]).0, 0);
    assert_eq!(snipgen(without.path(), &["generate"]).0, 0);
    let ours = |t: std::collections::BTreeMap<String, Vec<u8>>| {
        t.into_iter().filter(|(p, _)| p != "output/.snipgen-cache").collect::<Vec<_>>()
    };
    assert_eq!(ours(tree(with.path())), ours(tree(without.path())));
    // A cache of the first format, or a damaged one, is ignored, never misread.
    let cache = with.path().join("output/.snipgen-cache");
    let current = std::fs::read(&cache).unwrap();
    for bad in [
        [b"snipgen-cache 1\n".as_slice(), &current[16..]].concat(),
        current[..current.len() / 2].to_vec(),
        b"garbage".to_vec(),
    ] {
        std::fs::write(&cache, &bad).unwrap();
        std::fs::write(with.path().join("output/a/go.go"), "package main\n").unwrap();
        let (code, stdout, _) = snipgen(with.path(), &["check"]);
        assert_eq!(code, 1, "{stdout}");
        assert!(stdout.contains("stale    output/a/go.go"), "{stdout}");
        assert_eq!(snipgen(with.path(), &["generate"]).0, 0);
        assert_eq!(ours(tree(with.path())), ours(tree(without.path())));
    }
}
