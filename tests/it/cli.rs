//! The subcommands other than generate/check: render and languages.

use super::{SIMPLE, project, put, snipgen};

#[test]
fn render_prints_one_sample() {
    let dir = project(&[("users/get.yaml", SIMPLE)]);
    let (code, stdout, stderr) = snipgen(dir.path(), &["render", "specs/users/get.yaml", "--lang", "python"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("url = \"https://api.example.com/users/{{id}}\""), "{stdout}");
    assert!(stdout.contains("requests.request(\"GET\", url"), "{stdout}");
    assert!(!dir.path().join("output").exists(), "render must not write files");
}

/// A client's refusal names the spec and the client (it named the template, as if that were
/// wrong).
#[test]
fn render_says_which_client_refuses_which_spec() {
    let spec = "title: t\nmethod: OPTIONS\nurl: https://api.example.com/x\nheaders:\n  Origin: https://app.example.com\n";
    let dir = project(&[("cors.yaml", spec)]);
    let (code, stdout, stderr) = snipgen(dir.path(), &["render", "specs/cors.yaml", "--lang", "jquery"]);
    assert_eq!((code, stdout.as_str()), (3, ""), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "error: specs/cors.yaml: jQuery: refused: a browser does not let scripts set the Origin header"
    );
}

#[test]
fn render_rejects_unknown_language_with_hint() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let (code, _, stderr) = snipgen(dir.path(), &["render", "specs/a.yaml", "--lang", "pyhton"]);
    assert_eq!(code, 2, "usage error");
    assert!(
        stderr.contains("unknown language `pyhton`") && stderr.contains("did you mean `python`?"),
        "{stderr}"
    );
}

#[test]
fn languages_lists_all_in_tab_order() {
    let dir = project(&[]);
    let (code, stdout, _) = snipgen(dir.path(), &["languages"]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = stdout.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(
        ids[..ids.len() - 1],
        [
            "curl",
            "csharp",
            "go",
            "http",
            "java",
            "jquery",
            "javascript",
            "nodejs",
            "python",
            "php",
            "ruby",
            "swift",
            "httpie",
            "kotlin",
            "c",
            "rust"
        ]
    );
    // Opt-in languages are marked: a default run leaves them out.
    let httpie = stdout.lines().find(|l| l.starts_with("httpie")).unwrap();
    assert!(httpie.ends_with("(rendered when --lang names it)"), "{httpie}");
}

#[test]
fn indent_is_configurable_per_language() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let (_, go_default, _) = snipgen(dir.path(), &["render", "specs/a.yaml", "--lang", "go"]);
    assert!(go_default.contains("\n\turl := "), "Go defaults to tabs like gofmt:\n{go_default}");
    let (code, go_four, stderr) =
        snipgen(dir.path(), &["render", "specs/a.yaml", "--lang", "go", "--indent", "go=4"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(go_four.contains("\n    url := "), "{go_four}");
}

#[test]
fn user_templates_override_builtins_file_by_file() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    put(dir.path(), "tpl/python/requests.tera", "# custom {{ method }} {{ url | py_double }}\n");
    let (_, py, _) =
        snipgen(dir.path(), &["render", "specs/a.yaml", "--lang", "python", "--templates", "tpl"]);
    assert_eq!(py, "# custom GET \"https://api.example.com/users/{{id}}\"\n");
    let (_, go, _) = snipgen(dir.path(), &["render", "specs/a.yaml", "--lang", "go", "--templates", "tpl"]);
    assert!(go.starts_with("package main"), "other languages keep the built-in template");
}

#[test]
fn readable_variables_keeps_placeholders_in_payloads() {
    let repo = super::repo();
    let spec = repo.join("specs/pingone/par-client-secret-post.yaml");
    let spec = spec.to_str().unwrap();
    let (_, default, _) = snipgen(&repo, &["render", spec, "--lang", "python"]);
    assert!(default.contains("client_id=%7B%7BappID%7D%7D"), "{default}");
    let (_, readable, _) = snipgen(&repo, &["render", spec, "--lang", "python", "--readable-variables"]);
    assert!(readable.contains("client_id={{appID}}&"), "{readable}");
}

#[test]
fn snipgen_yaml_supplies_settings_and_flags_win() {
    let dir = project(&[]);
    let api = dir.path().join("docs/api");
    std::fs::create_dir_all(&api).unwrap();
    std::fs::write(
        api.join("token.yaml"),
        "title: Token\nmethod: POST\nurl: https://h/token\nbody:\n  form: {client_id: \"{{appID}}\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("snipgen.yaml"),
        "specs: docs/api\nout: docs/samples\nlang: [python, go]\nreadable_variables: true\nindent: {go: 4}\n",
    )
    .unwrap();
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 files: 2 written"), "{stdout}");
    let python = std::fs::read_to_string(dir.path().join("docs/samples/token/python.py")).unwrap();
    assert!(python.contains("payload = 'client_id={{appID}}'"), "{python}");
    let go = std::fs::read_to_string(dir.path().join("docs/samples/token/go.go")).unwrap();
    assert!(go.contains("\n    url := "), "{go}");
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
    // A flag on the command line wins over the file.
    let (_, stdout, _) = snipgen(dir.path(), &["generate", "--lang", "curl", "--out", "elsewhere"]);
    assert!(stdout.contains("1 files: 1 written"), "{stdout}");
    assert!(dir.path().join("elsewhere/token/curl.sh").exists());
}

#[test]
fn a_bad_settings_file_is_located() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    std::fs::write(dir.path().join("custom.yaml"), "specs: specs\nlangs: [go]\n").unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--config", "custom.yaml"]);
    assert_eq!(code, 3, "settings error");
    assert!(stderr.contains("error: custom.yaml:2:1: unknown field `langs`"), "{stderr}");
    assert!(stderr.contains("did you mean `lang`?"), "{stderr}");
    assert!(!dir.path().join("output").exists());
}

/// A project whose output lives in `docs/out`, from `api/`, so the hint must repeat them.
fn docs_layout() -> tempfile::TempDir {
    let dir = project(&[]);
    std::fs::create_dir_all(dir.path().join("api")).unwrap();
    std::fs::write(dir.path().join("api/get.yaml"), SIMPLE).unwrap();
    dir
}

#[test]
fn generate_prints_one_line_unless_asked_for_more() {
    let dir = docs_layout();
    let args = ["generate", "--specs", "api", "--out", "docs/out"];
    let (code, stdout, stderr) = snipgen(dir.path(), &args);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "11 files: 11 written, 0 unchanged, 0 removed\n");
    assert_eq!(stderr, "");
    std::fs::remove_file(dir.path().join("docs/out/get/go.go")).unwrap();
    let (_, stdout, _) = snipgen(dir.path(), &[&args[..], &["-v"]].concat());
    assert_eq!(stdout, "wrote   docs/out/get/go.go\n11 files: 1 written, 10 unchanged, 0 removed\n");
    let (code, stdout, stderr) = snipgen(dir.path(), &[&args[..], &["-q"]].concat());
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "", ""));
    // Errors still print with -q, and exit 3 for a spec error.
    std::fs::write(dir.path().join("api/bad.yaml"), "title: x\n").unwrap();
    let (code, stdout, stderr) = snipgen(dir.path(), &[&args[..], &["-q"]].concat());
    assert_eq!((code, stdout.as_str()), (3, ""));
    assert!(stderr.starts_with("error: api/bad.yaml:"), "{stderr}");
}

#[test]
fn check_exits_1_and_its_hint_repeats_the_users_flags() {
    let dir = docs_layout();
    let args = ["check", "--specs", "api", "--out", "docs/out"];
    let (code, stdout, _) = snipgen(dir.path(), &args);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.ends_with(
            "docs/out out of date: run `snipgen generate --specs api --out docs/out` and review the diff\n"
        ),
        "{stdout}"
    );
    let (code, stdout, stderr) = snipgen(dir.path(), &[&args[..], &["-q"]].concat());
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(stderr.contains("run `snipgen generate --specs api --out docs/out`"), "{stderr}");
    assert_eq!(snipgen(dir.path(), &["check", "--specs", "nowhere"]).0, 2, "a usage error");
}

fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

#[test]
fn message_format_json_prints_one_object_per_line() {
    let dir = docs_layout();
    let (code, stdout, _) = snipgen(
        dir.path(),
        &["generate", "--specs", "api", "--out", "docs/out", "--lang", "curl,go", "--message-format", "json"],
    );
    assert_eq!(code, 0);
    let lines = json_lines(&stdout);
    assert_eq!(
        lines[0],
        serde_json::json!({"reason": "file", "action": "written", "path": "docs/out/get/curl.sh"})
    );
    assert_eq!(lines[2]["reason"], "summary");
    assert_eq!((lines[2]["written"].as_u64(), lines[2]["success"].as_bool()), (Some(2), Some(true)));

    let (code, stdout, _) =
        snipgen(dir.path(), &["check", "--specs", "api", "--out", "docs/out", "--message-format=json"]);
    assert_eq!(code, 1);
    let lines = json_lines(&stdout);
    assert!(
        lines.iter().any(|l| l["reason"] == "missing" && l["path"] == "docs/out/get/python.py"),
        "{stdout}"
    );
    let summary = lines.last().unwrap();
    assert_eq!(
        (summary["success"].as_bool(), summary["hint"].as_str()),
        (Some(false), Some("snipgen generate --specs api --out docs/out"))
    );

    std::fs::write(dir.path().join("api/bad.yaml"), "title: x\nmethod: GTE\nurl: http://h/\n").unwrap();
    let (code, stdout, stderr) =
        snipgen(dir.path(), &["generate", "--specs", "api", "--message-format", "json"]);
    assert_eq!((code, stderr.as_str()), (3, ""));
    let error = &json_lines(&stdout)[0];
    assert_eq!(
        (error["reason"].as_str(), error["file"].as_str(), error["line"].as_u64(), error["column"].as_u64()),
        (Some("error"), Some("api/bad.yaml"), Some(2), Some(9))
    );

    let (_, stdout, _) = snipgen(dir.path(), &["languages", "--message-format", "json"]);
    let languages = json_lines(&stdout);
    let by_default: Vec<&str> =
        languages.iter().filter(|l| l["opt_in"] == false).filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(by_default.len(), 11, "the reference page's languages: {by_default:?}");
    let on_request: Vec<&str> =
        languages.iter().filter(|l| l["opt_in"] == true).filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(on_request, ["javascript", "httpie", "kotlin", "c", "rust"]);
    assert_eq!(
        languages[1],
        serde_json::json!({"reason": "language", "id": "csharp", "label": "C#", "extension": "cs", "fence": "csharp", "opt_in": false,
            "clients": [{"id": "restsharp", "label": "RestSharp", "default": true}, {"id": "httpclient", "label": "HttpClient", "default": false}]})
    );
}

#[test]
fn init_starts_a_project_that_generates_and_never_overwrites() {
    let dir = project(&[]);
    let (code, stdout, stderr) = snipgen(dir.path(), &["init"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("wrote   snipgen.yaml\nwrote   specs/example.yaml\n"), "{stdout}");
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "11 files: 11 written, 0 unchanged, 0 removed\n");
    assert_eq!(snipgen(dir.path(), &["check", "-q"]).0, 0);
    std::fs::write(dir.path().join("snipgen.yaml"), "# mine\n").unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("init writes nothing over existing files"), "{stderr}");
    assert_eq!(std::fs::read_to_string(dir.path().join("snipgen.yaml")).unwrap(), "# mine\n");
}

#[test]
fn completions_and_man_page_are_printed() {
    let dir = project(&[]);
    let (code, stdout, _) = snipgen(dir.path(), &["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("_snipgen()") && stdout.contains("--message-format"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["man"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with(".ie \\n(.g .ds Aq") && stdout.contains(".TH snipgen 1"),
        "{}",
        &stdout[..200]
    );
}

/// `--preset modern` (or `preset:` in snipgen.yaml) makes a bare language id mean the client
/// the records tag `modern`; a language without one keeps its default; `lang:client` wins.
#[test]
fn modern_preset_chooses_the_idiomatic_clients() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let render = |args: &[&str]| {
        let mut all = vec!["render", "specs/a.yaml"];
        all.extend_from_slice(args);
        snipgen(dir.path(), &all)
    };
    let (code, stdout, stderr) = render(&["--lang", "python", "--preset", "modern"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("import httpx\n"), "{stdout}");
    let (_, stdout, _) = render(&["--lang", "nodejs", "--preset", "modern"]);
    assert!(stdout.starts_with("fetch("), "{stdout}");
    let (_, stdout, _) = render(&["--lang", "go", "--preset", "modern"]);
    assert!(stdout.contains("net/http"), "a language without a modern client keeps its default: {stdout}");
    let (_, stdout, _) = render(&["--lang", "python:requests", "--preset", "modern"]);
    assert!(stdout.starts_with("import requests\n"), "{stdout}");
    let (code, _, stderr) = render(&["--lang", "python", "--preset", "retro"]);
    assert_eq!(code, 2, "a usage error");
    assert!(stderr.contains("unknown preset `retro`, expected one of modern"), "{stderr}");

    std::fs::write(dir.path().join("snipgen.yaml"), "preset: modern\nlang: [python, php]\n").unwrap();
    let (code, _, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{stderr}");
    let python = std::fs::read_to_string(dir.path().join("output/a/python.py")).unwrap();
    let php = std::fs::read_to_string(dir.path().join("output/a/php.php")).unwrap();
    assert!(python.starts_with("import httpx\n") && php.contains("GuzzleHttp"), "{python}\n{php}");
}

/// Polls `done` until it holds, failing after a generous limit (a slow CI machine is not a
/// failure; a rebuild that never comes is).
fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let limit = std::time::Instant::now() + std::time::Duration::from_secs(180);
    while !done() {
        assert!(std::time::Instant::now() < limit, "gave up waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Issue 11, point 3: `generate --watch` rebuilds when a spec changes, reports a broken spec
/// and keeps watching, and exits cleanly on Ctrl-C (SIGINT).
#[cfg(unix)]
#[test]
fn generate_watch_rebuilds_on_change_survives_errors_and_stops_on_ctrl_c() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    use std::sync::{Arc, Mutex};
    let dir = project(&[("a.yaml", SIMPLE)]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_snipgen"))
        .current_dir(dir.path())
        .args(["generate", "--watch", "--lang", "curl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let collect = |stream: Box<dyn std::io::Read + Send>| {
        let text = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&text);
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stream).lines().map_while(Result::ok) {
                let mut t = sink.lock().unwrap();
                t.push_str(&line);
                t.push('\n');
            }
        });
        text
    };
    let stdout = collect(Box::new(child.stdout.take().unwrap()));
    let stderr = collect(Box::new(child.stderr.take().unwrap()));
    let sample = dir.path().join("output/a/curl.sh");
    let holds = |needle: &str| std::fs::read_to_string(&sample).is_ok_and(|s| s.contains(needle));
    eventually("the first build", || holds("users/{{id}}"));
    put(dir.path(), "specs/b.yaml", "title: Broken\nmethod: GETT\nurl: https://h/\n");
    eventually("the broken spec's error", || stderr.lock().unwrap().contains("specs/b.yaml"));
    std::fs::remove_file(dir.path().join("specs/b.yaml")).unwrap();
    put(dir.path(), "specs/a.yaml", &SIMPLE.replace("users", "accounts"));
    eventually("the rebuild after an edit", || holds("accounts/{{id}}"));
    Command::new("kill").arg("-INT").arg(child.id().to_string()).status().unwrap();
    eventually("the exit after Ctrl-C", || child.try_wait().unwrap().is_some());
    assert!(child.wait().unwrap().success(), "Ctrl-C is a clean exit");
    assert!(!dir.path().join("output/.snipgen-lock").exists(), "no lock left behind");
    let out = stdout.lock().unwrap().clone();
    let summaries = out.lines().filter(|l| l.starts_with("1 files: ")).count();
    assert!(summaries >= 2, "one summary line per rebuild:\n{out}");
    assert!(out.lines().all(|l| l.starts_with("1 files: ")), "nothing else on stdout:\n{out}");
}
