//! `--format`: the page formats' contents, and each one built by its real tool (MkDocs
//! Material, @mdx-js/mdx, headless Chromium) as installed by scripts/install-docs-tools.sh.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{project, repo, snipgen};

/// Every label in tab order, as a default run shows them.
const LABELS: [&str; 11] =
    ["cURL", "C#", "Go", "HTTP", "Java", "jQuery", "NodeJS", "Python", "PHP", "Ruby", "Swift"];

const USER: &str = "title: Get a user\nmethod: GET\nurl: https://api.example.com/users/{{id}}\n";
const TOKEN: &str = r#"title: Token
method: POST
url: https://auth.example.com/as/token
body:
  form:
    grant_type: client_credentials
auth:
  - client_secret_basic: {client_id: "{{appID}}", client_secret: "{{appSecret}}"}
  - client_secret_post: {client_id: "{{appID}}", client_secret: "{{appSecret}}"}
"#;
/// RestSharp refuses custom methods; the title is hostile to every Markdown dialect.
const PURGE: &str = "title: \"Purge <b>&</b> {cache} `x` *y* _z_ [l](u) #\"\nmethod: {custom: PURGE}\nurl: https://cdn.example.com/cache\n";

fn docs_project() -> tempfile::TempDir {
    project(&[("users/get.yaml", USER), ("token.yaml", TOKEN), ("purge.yaml", PURGE)])
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn formats_are_written_beside_the_files_and_checked() {
    let dir = docs_project();
    let (code, stdout, stderr) =
        snipgen(dir.path(), &["generate", "--format", "files,markdown,mkdocs,mdx,json,html"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let out = dir.path().join("output");
    for path in [
        "users/get/curl.sh",
        "token/client_secret_post/python.py",
        "markdown/users/get.md",
        "mkdocs/token.md",
        "mdx/purge.mdx",
        "json/index.json",
        "html/index.html",
        "html/users/get.html",
        "html/snipgen.css",
        "html/snipgen.js",
    ] {
        assert!(out.join(path).is_file(), "{path} missing");
    }
    let manifest = read(&out.join(".snipgen-manifest"));
    assert!(
        manifest.contains("\nmkdocs/token.md\n") && manifest.contains("\nhtml/users/get.html\n"),
        "{manifest}"
    );

    let all = ["check", "--format", "files,markdown,mkdocs,mdx,json,html"];
    assert_eq!(snipgen(dir.path(), &all).0, 0);
    std::fs::write(out.join("mkdocs/token.md"), "edited\n").unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &all);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/mkdocs/token.md"), "{stdout}");
    // Leaving a format out makes its files orphans, which generate then removes.
    let (code, stdout, _) = snipgen(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("orphaned output/json/index.json"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate", "--format", "files"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(!out.join("mkdocs").exists() && !out.join("html").exists());
}

#[test]
fn formats_and_refusal_notes_come_from_snipgen_yaml() {
    let dir = docs_project();
    std::fs::write(dir.path().join("snipgen.yaml"), "formats: [markdown]\nrefused_samples: omit\n").unwrap();
    assert_eq!(snipgen(dir.path(), &["generate"]).0, 0);
    let out = dir.path().join("output");
    assert!(!out.join("purge").exists(), "files is not among the formats");
    let page = read(&out.join("markdown/purge.md"));
    assert!(!page.contains("## C#") && !page.contains("Not available"), "{page}");
    // The command line wins.
    assert_eq!(snipgen(dir.path(), &["generate", "--refused-samples", "note"]).0, 0);
    let page = read(&out.join("markdown/purge.md"));
    assert!(page.contains("## C\\#\n\n**Not available:** RestSharp"), "{page}");
}

#[test]
fn page_formats_pin_their_markup() {
    let dir = docs_project();
    let args = ["generate", "--format", "markdown,mkdocs,mdx", "--lang", "curl,csharp,python"];
    assert_eq!(snipgen(dir.path(), &args).0, 0);
    let out = dir.path().join("output");
    for page in ["markdown/token.md", "mkdocs/token.md", "mdx/token.mdx", "mkdocs/purge.md", "mdx/purge.mdx"]
    {
        insta::assert_snapshot!(page.replace('/', "__"), read(&out.join(page)));
    }
}

#[test]
fn json_index_lists_every_sample_with_its_metadata() {
    let dir = docs_project();
    assert_eq!(snipgen(dir.path(), &["generate", "--format", "files,json"]).0, 0);
    let out = dir.path().join("output");
    let index: Value = serde_json::from_str(&read(&out.join("json/index.json"))).unwrap();
    let specs = index["specs"].as_array().unwrap();
    let ids: Vec<&str> = specs.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["purge", "token", "users/get"]);
    let token = &specs[1];
    assert_eq!(token["method"], "POST");
    assert_eq!(token["url"], "https://auth.example.com/as/token");
    let auth: Vec<&str> =
        token["auth"].as_array().unwrap().iter().map(|a| a["label"].as_str().unwrap()).collect();
    assert_eq!(auth, ["Client secret (Basic)", "Client secret (POST)"]);
    let samples = token["samples"].as_array().unwrap();
    assert_eq!(samples.len(), 22);
    let labels: Vec<&str> = samples[..11].iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(labels, LABELS);
    let python = &samples[11 + 7];
    assert_eq!(
        (&python["auth"], &python["language"], &python["client"], &python["fence"], &python["path"]),
        (
            &Value::from("client_secret_post"),
            &Value::from("python"),
            &Value::from("requests"),
            &Value::from("python"),
            &Value::from("token/client_secret_post/python.py")
        )
    );
    assert_eq!(python["text"].as_str().unwrap(), read(&out.join("token/client_secret_post/python.py")));
    let refused = &specs[0]["samples"][1];
    assert_eq!(
        (&refused["language"], &refused["path"], &refused["text"]),
        (&Value::from("csharp"), &Value::Null, &Value::Null)
    );
    assert!(refused["refused"].as_str().unwrap().starts_with("RestSharp"), "{refused}");
}

#[test]
fn colliding_output_paths_are_refused_before_writing() {
    let dir = project(&[("index.yaml", USER)]);
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--format", "html"]);
    assert_eq!(code, 3);
    assert!(
        stderr.contains(
            "--format html: output path html/index.html collides with html/index.html from --format html: both write it"
        ),
        "{stderr}"
    );
    assert!(!dir.path().join("output").exists());
}

// ---- the real tools --------------------------------------------------------------------

fn runtimes() -> PathBuf {
    std::env::var_os("SNIPGEN_RUNTIMES").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| "/root".into()))
            .join(".cache/snipgen-runtimes")
    })
}

/// Whether a missing docs tool fails the test (CI) rather than skipping it (a laptop).
fn required() -> bool {
    let set = |name: &str| std::env::var(name).is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));
    set("SNIPGEN_REQUIRE_ALL") || set("CI")
}

/// `path` if it exists; otherwise SKIP with the reason, or fail when tools are required.
fn tool(path: PathBuf, what: &str) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    let reason = format!("{what} not found at {}; run scripts/install-docs-tools.sh", path.display());
    assert!(!required(), "{reason} (required: SNIPGEN_REQUIRE_ALL or CI is set)");
    eprintln!("SKIP: {reason}");
    None
}

fn run(command: &mut Command) -> String {
    let out = command.output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{command:?} failed:\n{stdout}\n{stderr}");
    stdout.into_owned()
}

/// The labels of every Material tab set in `html`, outermost first, in document order.
fn material_tab_sets(html: &str) -> Vec<Vec<String>> {
    html.split("<div class=\"tabbed-labels\">")
        .skip(1)
        .map(|set| {
            let labels = set.split("</div>").next().unwrap();
            labels
                .split("<label for=\"")
                .skip(1)
                .map(|l| l.split_once('>').unwrap().1.split_once("</label>").unwrap().0.to_string())
                .collect()
        })
        .collect()
}

#[test]
fn mkdocs_material_builds_the_pages_into_tabs() {
    let Some(mkdocs) = tool(runtimes().join("docs-venv/bin/mkdocs"), "MkDocs Material") else { return };
    let dir = docs_project();
    let (code, stdout, stderr) =
        snipgen(dir.path(), &["generate", "--format", "mkdocs", "--out", "docs/samples"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    std::fs::write(dir.path().join("docs/index.md"), "# Samples\n").unwrap();
    std::fs::copy(repo().join("tests/fixtures/docs/mkdocs.yml"), dir.path().join("mkdocs.yml")).unwrap();
    run(Command::new(mkdocs)
        .current_dir(dir.path())
        .env("NO_MKDOCS_2_WARNING", "1")
        .args(["build", "--strict", "--quiet"]));

    let site = dir.path().join("site/samples/mkdocs");
    let user = read(&site.join("users/get/index.html"));
    assert_eq!(user.matches("class=\"tabbed-set").count(), 1, "one tab set for the spec");
    assert_eq!(material_tab_sets(&user), [LABELS]);
    assert!(user.contains("<h1 id=\"get-a-user\">Get a user</h1>"), "{user}");
    // The code survives Python-Markdown: the cURL line, HTML-escaped in a highlighted block.
    assert!(user.contains("https://api.example.com/users/{{id}}"), "{user}");

    let token = read(&site.join("token/index.html"));
    let sets = material_tab_sets(&token);
    assert_eq!(sets[0], ["Client secret (Basic)", "Client secret (POST)"]);
    assert_eq!(&sets[1..], [LABELS, LABELS]);

    let purge = read(&site.join("purge/index.html"));
    assert!(purge.contains("<strong>Not available:</strong> RestSharp"), "{purge}");
    assert!(purge.contains("Purge &lt;b&gt;&amp;&lt;/b&gt; {cache} `x` *y* _z_ [l](u) #</h1>"), "{purge}");
}

/// The elements named `name` below `node`, depth first.
fn find<'a>(node: &'a Value, name: &str, found: &mut Vec<&'a Value>) {
    match node {
        Value::Array(items) => items.iter().for_each(|n| find(n, name, found)),
        Value::Object(o) => {
            if o["t"] == name {
                found.push(node);
            }
            find(&o["c"], name, found);
        }
        _ => {}
    }
}

fn all<'a>(node: &'a Value, name: &str) -> Vec<&'a Value> {
    let mut found = Vec::new();
    find(node, name, &mut found);
    found
}

/// The items of a `<Tabs>` element: its direct TabItems' labels.
fn item_labels(tabs: &Value) -> Vec<&str> {
    tabs["c"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["t"] == "TabItem")
        .map(|c| c["p"]["label"].as_str().unwrap())
        .collect()
}

#[test]
fn mdx_pages_compile_into_docusaurus_tabs() {
    let modules = runtimes().join("docs-node/node_modules");
    let Some(_) = tool(modules.join("@mdx-js/mdx/package.json"), "@mdx-js/mdx") else { return };
    let dir = docs_project();
    assert_eq!(snipgen(dir.path(), &["generate", "--format", "files,mdx"]).0, 0);
    let out = dir.path().join("output");
    let files = ["mdx/users/get.mdx", "mdx/token.mdx", "mdx/purge.mdx"].map(|f| out.join(f));
    let stdout = run(Command::new("node")
        .arg(repo().join("tests/fixtures/docs/mdx-tree.mjs"))
        .arg(&modules)
        .args(&files));
    let trees: Vec<Value> =
        stdout.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["tree"].clone()).collect();

    let user = &trees[0];
    let tabs = all(user, "Tabs");
    assert_eq!(tabs.len(), 1);
    assert_eq!(tabs[0]["p"]["groupId"], "language");
    assert_eq!(item_labels(tabs[0]), LABELS);
    // Each tab holds the sample byte for byte, with its fence language.
    let codes = all(user, "code");
    assert_eq!(codes[1]["p"]["className"], "language-bash");
    assert_eq!(codes[1]["c"][0].as_str().unwrap(), read(&out.join("users/get/curl.sh")));
    assert_eq!(codes.last().unwrap()["c"][0].as_str().unwrap(), read(&out.join("users/get/swift.swift")));

    let tabs = all(&trees[1], "Tabs");
    assert_eq!(
        (tabs[0]["p"]["groupId"].as_str(), item_labels(tabs[0])),
        (Some("auth"), vec!["Client secret (Basic)", "Client secret (POST)"])
    );
    assert_eq!(tabs.len(), 3);

    let h1 = &all(&trees[2], "h1")[0];
    assert_eq!(h1["c"], serde_json::json!(["Purge <b>&</b> {cache} `x` *y* _z_ [l](u) #"]));
}

#[test]
fn html_preview_remembers_the_language_in_chromium() {
    let modules = runtimes().join("docs-node/node_modules");
    let Some(_) = tool(modules.join("playwright-core/package.json"), "playwright-core") else { return };
    let Some(_) = tool(PathBuf::from("/usr/bin/chromium"), "Chromium") else { return };
    let dir = docs_project();
    assert_eq!(snipgen(dir.path(), &["generate", "--format", "files,html"]).0, 0);
    let out = dir.path().join("output");
    let screenshot = repo().join("target/html-preview.png");
    let stdout = run(Command::new("node").arg(repo().join("tests/fixtures/docs/preview.mjs")).args([
        modules.as_os_str(),
        out.join("html").as_os_str(),
        "users/get".as_ref(),
        "purge".as_ref(),
        "python".as_ref(),
        screenshot.as_os_str(),
    ]));
    let seen: Value = serde_json::from_str(&stdout).unwrap();
    let text = |key: &str| seen[key].as_str().unwrap().to_string();
    assert_eq!(text("beforeTab"), "curl");
    assert_eq!(text("before").trim_end(), read(&out.join("users/get/curl.sh")).trim_end());
    assert_eq!(text("afterTab"), "python");
    assert_eq!(text("after").trim_end(), read(&out.join("users/get/python.py")).trim_end());
    assert_eq!(text("copied"), read(&out.join("users/get/python.py")));
    // Another page opens on the language chosen on the first.
    assert_eq!(text("otherTab"), "python");
    assert_eq!(text("other").trim_end(), read(&out.join("purge/python.py")).trim_end());
    assert_eq!(seen["external"], serde_json::json!([]), "the preview loads nothing from elsewhere");
    assert!(screenshot.is_file());
}
