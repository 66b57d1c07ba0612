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

#[test]
fn render_rejects_unknown_language_with_hint() {
    let dir = project(&[("a.yaml", SIMPLE)]);
    let (code, _, stderr) = snipgen(dir.path(), &["render", "specs/a.yaml", "--lang", "pyhton"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("unknown language `pyhton`") && stderr.contains("did you mean `python`?"),
        "{stderr}"
    );
}

#[test]
fn languages_lists_all_eleven_in_tab_order() {
    let dir = project(&[]);
    let (code, stdout, _) = snipgen(dir.path(), &["languages"]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = stdout.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(
        &ids[..11],
        ["curl", "csharp", "go", "http", "java", "jquery", "nodejs", "python", "php", "ruby", "swift"]
    );
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
    assert_eq!(code, 1);
    assert!(stderr.contains("error: custom.yaml:2:1: unknown field `langs`"), "{stderr}");
    assert!(stderr.contains("did you mean `lang`?"), "{stderr}");
    assert!(!dir.path().join("output").exists());
}
