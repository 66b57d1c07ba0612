//! `--format`: the page formats' contents, and each one built by its real tool (MkDocs
//! Material, @mdx-js/mdx, headless Chromium) as installed by scripts/install-docs-tools.sh.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{age_outputs, project, put, repo, runtimes, snipgen, tree};

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
const PURGE: &str = "title: \"Purge <b>&</b> {cache} `x` *y* _z_ [l](u) # ~~s~~\"\nmethod: {custom: PURGE}\nurl: https://cdn.example.com/cache\n";

/// A user's label for Python (`clients.yaml` in a templates folder), which every page format
/// must show as written.
const HOSTILE_LABEL: &str = r#"Py "3" <b> {y} & \ `z` *w* [l](u) #!"#;

/// Writes `labels/clients.yaml`, which relabels Python as [`HOSTILE_LABEL`].
fn relabel_python(dir: &Path) {
    let label = serde_json::to_string(HOSTILE_LABEL).unwrap();
    put(dir, "labels/clients.yaml", &format!("languages:\n  - id: python\n    label: {label}\n"));
}

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
    let (code, _, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{stderr}");
    let out = dir.path().join("output");
    assert!(!out.join("purge").exists(), "files is not among the formats");
    // No file per sample, so a refusal names the spec and tab, not a file never written.
    assert!(stderr.contains("refused the C# sample of purge: RestSharp"), "{stderr}");
    assert!(!stderr.contains("output/purge"), "{stderr}");
    let (_, stdout, _) = snipgen(dir.path(), &["--message-format", "json", "generate"]);
    let refused: serde_json::Value =
        serde_json::from_str(stdout.lines().find(|l| l.contains("\"refused\"")).expect(&stdout)).unwrap();
    assert_eq!(
        (&refused["spec"], &refused["tab"], &refused["path"]),
        (&"purge".into(), &"C#".into(), &Value::Null)
    );
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

// ---- the page formats, cached --------------------------------------------------------

const CACHED: &str = "files,markdown,mkdocs,mdx";

/// The tree without the files that differ by design: the cache, and the JSON index written
/// only to send the other run through the full pipeline.
fn published(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = tree(root);
    files.retain(|path, _| !path.ends_with(".snipgen-cache") && !path.contains("/json/"));
    if let Some(manifest) = files.get_mut("output/.snipgen-manifest") {
        let text = String::from_utf8(manifest.clone()).unwrap();
        *manifest = text
            .lines()
            .filter(|l| !l.starts_with("json/"))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
            .into_bytes();
    }
    files
}

/// The page formats go through the cached pipeline (the JSON index, which lists every spec
/// at once, does not): both write the same pages and the same manifest.
#[test]
fn cached_pages_are_the_full_pipelines_pages() {
    let cached = docs_project();
    let full = docs_project();
    let run = |dir: &Path, args: &[&str]| {
        let (code, stdout, stderr) = snipgen(dir, args);
        assert_eq!(code, 0, "{stdout}{stderr}");
        (stdout, stderr)
    };
    let (_, cached_err) = run(cached.path(), &["generate", "--format", CACHED]);
    let (_, full_err) = run(full.path(), &["generate", "--format", &format!("{CACHED},json")]);
    assert!(cached.path().join("output/.snipgen-cache").is_file(), "the page formats are cached");
    assert_eq!(published(cached.path()), published(full.path()));
    assert_eq!(cached_err, full_err, "the same refusals, in the same words");
    // Pages only: the refusals name tabs, as the full pipeline's do.
    let (_, cached_err) = run(cached.path(), &["generate", "--format", "mkdocs,mdx"]);
    let (_, full_err) = run(full.path(), &["generate", "--format", "mkdocs,mdx,json"]);
    assert!(cached_err.contains("refused the C# sample of purge: RestSharp"), "{cached_err}");
    assert_eq!(cached_err, full_err);
    assert_eq!(published(cached.path()), published(full.path()));
}

#[test]
fn an_unchanged_page_is_not_rewritten_and_an_edit_rewrites_only_its_spec() {
    let dir = docs_project();
    let args = ["generate", "-v", "--format", CACHED];
    assert_eq!(snipgen(dir.path(), &args).0, 0);
    let (code, stdout, _) = snipgen(dir.path(), &args);
    assert_eq!(code, 0);
    assert!(!stdout.contains("wrote"), "{stdout}");
    assert!(stdout.contains(" 0 written, "), "{stdout}");
    put(dir.path(), "specs/users/get.yaml", &USER.replace("Get a user", "Fetch a user"));
    let (code, stdout, _) = snipgen(dir.path(), &args);
    assert_eq!(code, 0);
    let wrote: Vec<&str> = stdout.lines().filter_map(|l| l.strip_prefix("wrote ")).map(str::trim).collect();
    // The title is on the pages only.
    assert_eq!(
        wrote,
        ["output/markdown/users/get.md", "output/mdx/users/get.mdx", "output/mkdocs/users/get.md"],
        "{stdout}"
    );
    assert!(read(&dir.path().join("output/mkdocs/users/get.md")).starts_with("# Fetch a user\n"));
    // Without the cache, the same output.
    std::fs::remove_file(dir.path().join("output/.snipgen-cache")).unwrap();
    let before = published(dir.path());
    let (code, stdout, _) = snipgen(dir.path(), &args);
    assert_eq!(code, 0);
    assert!(!stdout.contains("wrote"), "{stdout}");
    assert_eq!(published(dir.path()), before);
}

#[test]
fn check_finds_a_hand_edit_of_a_cached_page_even_with_its_size_and_mtime_kept() {
    let dir = docs_project();
    assert_eq!(snipgen(dir.path(), &["generate", "--format", "mkdocs"]).0, 0);
    age_outputs(&dir.path().join("output"));
    assert_eq!(snipgen(dir.path(), &["check", "--format", "mkdocs"]).0, 0);
    let page = dir.path().join("output/mkdocs/token.md");
    let before = read(&page);
    let mtime = std::fs::metadata(&page).unwrap().modified().unwrap();
    let edited = before.replacen("Token", "TOKEN", 1);
    assert_eq!(edited.len(), before.len());
    std::fs::write(&page, &edited).unwrap();
    std::fs::File::options().write(true).open(&page).unwrap().set_modified(mtime).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--format", "mkdocs"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/mkdocs/token.md"), "{stdout}");
    assert!(stdout.contains("-# TOKEN\n+# Token"), "{stdout}");
    std::fs::remove_file(dir.path().join("output/mkdocs/purge.md")).unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--format", "mkdocs"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("missing  output/mkdocs/purge.md"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate", "--format", "mkdocs"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("2 written, 1 unchanged"), "{stdout}");
    assert_eq!(read(&page), before);
}

#[test]
fn a_page_snipgen_did_not_write_is_kept_unless_it_holds_the_page() {
    let dir = docs_project();
    put(dir.path(), "output/mkdocs/token.md", "# My own notes\n");
    let (code, _, stderr) = snipgen(dir.path(), &["generate", "--format", "mkdocs"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("refusing to overwrite files snipgen did not generate"), "{stderr}");
    assert!(stderr.contains("output/mkdocs/token.md"), "{stderr}");
    assert_eq!(read(&dir.path().join("output/mkdocs/token.md")), "# My own notes\n");
    // The page as snipgen would write it is adopted, not a conflict.
    let other = docs_project();
    assert_eq!(snipgen(other.path(), &["generate", "--format", "mkdocs"]).0, 0);
    put(dir.path(), "output/mkdocs/token.md", &read(&other.path().join("output/mkdocs/token.md")));
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate", "--format", "mkdocs"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 written, 1 unchanged"), "{stdout}");
}

#[test]
fn a_temporary_file_among_the_pages_is_reported_then_removed() {
    let dir = docs_project();
    assert_eq!(snipgen(dir.path(), &["generate", "--format", "mkdocs"]).0, 0);
    let leftover = dir.path().join("output/mkdocs/users/.snipgen-Ab12Cd");
    std::fs::write(&leftover, "# Get a").unwrap();
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--format", "mkdocs"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("leftover output/mkdocs/users/.snipgen-Ab12Cd"), "{stdout}");
    let (code, stdout, _) = snipgen(dir.path(), &["generate", "--format", "mkdocs"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("cleaned output/mkdocs/users/.snipgen-Ab12Cd"), "{stdout}");
    assert!(!leftover.exists());
}

// ---- the real tools --------------------------------------------------------------------

/// `path` if it exists; otherwise SKIP with the reason, or fail when tools are required.
fn tool(path: PathBuf, what: &str) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    super::skip(&format!("{what} not found at {}; run scripts/install-docs-tools.sh", path.display()));
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
    // Python-Markdown passes character references through; a browser shows `&#126;` as `~`.
    let shown = purge.replace("&#126;", "~");
    assert!(
        shown.contains("Purge &lt;b&gt;&amp;&lt;/b&gt; {cache} `x` *y* _z_ [l](u) # ~~s~~</h1>"),
        "{purge}"
    );

    // A user's label is a tab title as written, not markup.
    relabel_python(dir.path());
    let args = ["generate", "--format", "mkdocs", "--out", "docs/samples", "--templates", "labels"];
    assert_eq!(snipgen(dir.path(), &[&args[..], &["--lang", "curl,python"]].concat()).0, 0);
    run(Command::new(runtimes().join("docs-venv/bin/mkdocs"))
        .current_dir(dir.path())
        .env("NO_MKDOCS_2_WARNING", "1")
        .args(["build", "--strict", "--quiet"]));
    let user = read(&site.join("users/get/index.html"));
    let unescape = |html: &str| {
        html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    };
    let labels: Vec<String> = material_tab_sets(&user)[0].iter().map(|l| unescape(l)).collect();
    assert_eq!(labels, ["cURL", HOSTILE_LABEL]);
}

/// pymdownx.snippets reads `--8<-- "file"` lines anywhere, fences included: a sample holding
/// one would show a file of the docs site. Its tab shows a note instead; the file keeps it.
#[test]
fn mkdocs_pages_never_hold_a_snippets_include() {
    let Some(mkdocs) = tool(runtimes().join("docs-venv/bin/mkdocs"), "MkDocs Material") else { return };
    let spec = "title: Notes\nmethod: POST\nurl: https://api.example.com/notes\nbody:\n  text: \"first\\n--8<-- \\\"mkdocs.yml\\\"\\nlast\\n\"\n";
    let dir = project(&[("notes.yaml", spec)]);
    let args = ["generate", "--format", "files,mkdocs", "--lang", "curl,go", "--out", "docs/samples"];
    let (code, stdout, stderr) = snipgen(dir.path(), &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(read(&dir.path().join("docs/samples/notes/curl.sh")).contains("--8<-- \"mkdocs.yml\""));
    std::fs::write(dir.path().join("docs/index.md"), "# Samples\n").unwrap();
    let config = read(&repo().join("tests/fixtures/docs/mkdocs.yml")) + "  - pymdownx.snippets\n";
    std::fs::write(dir.path().join("mkdocs.yml"), config).unwrap();
    run(Command::new(mkdocs)
        .current_dir(dir.path())
        .env("NO_MKDOCS_2_WARNING", "1")
        .args(["build", "--strict", "--quiet"]));
    let page = read(&dir.path().join("site/samples/mkdocs/notes/index.html"));
    assert!(!page.contains("site_name"), "a file of the site was read into the page: {page}");
    assert_eq!(
        page.matches(
            "<strong>Not available:</strong> a line of this sample starts like a pymdownx.snippets include"
        )
        .count(),
        2,
        "{page}"
    );
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
    // Each tab holds the sample byte for byte, with its fence language, `import` lines and all
    // (the first code element is the page's request line).
    let codes = all(user, "code");
    assert_eq!(codes[1]["p"]["className"], "language-bash");
    assert_eq!(codes[1]["c"][0].as_str().unwrap(), read(&out.join("users/get/curl.sh")));
    assert_eq!(codes.last().unwrap()["c"][0].as_str().unwrap(), read(&out.join("users/get/swift.swift")));
    let mut shown: Vec<&str> = codes[1..].iter().map(|c| c["c"][0].as_str().unwrap()).collect();
    let mut samples: Vec<String> =
        std::fs::read_dir(out.join("users/get")).unwrap().map(|e| read(&e.unwrap().path())).collect();
    shown.sort();
    samples.sort();
    // A code block's last line ends in LF whatever the file had: raw HTTP's final CRLF shows
    // as LF (README, Use it in your docs build); every other byte is the sample's.
    let shown_as = |sample: &str| match sample.strip_suffix("\r\n") {
        Some(head) => format!("{head}\n"),
        None => sample.to_string(),
    };
    samples = samples.iter().map(|s| shown_as(s)).collect();
    samples.sort();
    assert_eq!(shown, samples);
    assert!(shown.iter().any(|code| code.starts_with("import requests\n")));

    let tabs = all(&trees[1], "Tabs");
    assert_eq!(
        (tabs[0]["p"]["groupId"].as_str(), item_labels(tabs[0])),
        (Some("auth"), vec!["Client secret (Basic)", "Client secret (POST)"])
    );
    assert_eq!(tabs.len(), 3);

    let h1 = &all(&trees[2], "h1")[0];
    assert_eq!(h1["c"], serde_json::json!(["Purge <b>&</b> {cache} `x` *y* _z_ [l](u) # ~~s~~"]));

    // A user's label is a JSX string as written.
    relabel_python(dir.path());
    let args = ["generate", "--format", "mdx", "--templates", "labels", "--lang", "curl,python"];
    assert_eq!(snipgen(dir.path(), &args).0, 0);
    let stdout = run(Command::new("node")
        .arg(repo().join("tests/fixtures/docs/mdx-tree.mjs"))
        .arg(&modules)
        .arg(out.join("mdx/users/get.mdx")));
    let tree = serde_json::from_str::<Value>(&stdout).unwrap()["tree"].clone();
    assert_eq!(item_labels(all(&tree, "Tabs")[0]), ["cURL", HOSTILE_LABEL]);
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
    let http = read(&out.join("purge/http.txt"));
    assert!(http.contains("\r\n"));
    assert_eq!(text("http"), http, "raw HTTP's CRLF shown as written");
    assert_eq!(text("httpCopied"), http, "raw HTTP's CRLF copied as written");
    assert_eq!(seen["external"], serde_json::json!([]), "the preview loads nothing from elsewhere");
    assert!(screenshot.is_file());
}

// ---- --format openapi ------------------------------------------------------------------

/// A YAML document whose path item and schema live in other files: two auth alternatives,
/// a cookie parameter (which jQuery refuses) and an operation a spec in specs/ overrides.
const OAS_ROOT: &str = r#"openapi: 3.1.0
info: {title: Shop, version: "1"}
servers:
  - url: https://{region}.shop.example.com/v1
    variables: {region: {default: eu}}
security:
  - bearer: []
  - key: []
paths:
  /orders/{id}:
    $ref: paths/orders.yaml
  /orders:
    post:
      tags: [Orders]
      operationId: createOrder
      security: [{bearer: []}]
      requestBody:
        content:
          application/json:
            schema: {$ref: "components.yaml#/schemas/Order"}
      responses: {"201": {description: Created}}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
    key: {type: apiKey, in: header, name: X-Key}
"#;
const OAS_ORDERS: &str = r#"# The path item of /orders/{id}.
get:
  tags: [Orders]
  operationId: getOrder
  summary: Get an order
  parameters:
    - {name: id, in: path, required: true, schema: {type: string}, example: ord_1}
    - {name: session, in: cookie, required: true, schema: {type: string}, example: s1}
  responses: {"200": {description: OK}}
"#;
const OAS_COMPONENTS: &str = "schemas:\n  Order:\n    type: object\n    required: [sku]\n    properties: {sku: {type: string, example: A-1}}\n";
/// JSON with four-space indentation and keys in no sorted order.
const OAS_JSON: &str = r#"{
    "openapi": "3.0.3",
    "info": {"version": "2", "title": "Ping"},
    "servers": [{"url": "https://ping.example.com"}],
    "paths": {
        "/ping": {
            "get": {"operationId": "ping", "responses": {"200": {"description": "pong"}}, "tags": ["Health"]}
        }
    }
}
"#;

fn oas_project() -> tempfile::TempDir {
    let dir = project(&[(
        "orders/create-order.yaml",
        "title: Hand-written\nmethod: POST\nurl: https://shop.example.com/custom\n",
    )]);
    super::put(dir.path(), "api/shop.yaml", OAS_ROOT);
    super::put(dir.path(), "api/paths/orders.yaml", OAS_ORDERS);
    super::put(dir.path(), "api/components.yaml", OAS_COMPONENTS);
    super::put(dir.path(), "ping/ping.json", OAS_JSON);
    dir
}

const OAS_ARGS: [&str; 8] = [
    "--format",
    "openapi",
    "--openapi",
    "api/shop.yaml",
    "--openapi",
    "ping/ping.json",
    "--lang",
    "curl,jquery,python",
];

fn oas_args(command: &str) -> Vec<&str> {
    std::iter::once(command).chain(OAS_ARGS).collect()
}

#[test]
fn openapi_format_adds_code_samples_to_each_document() {
    let dir = oas_project();
    let (code, stdout, stderr) = snipgen(dir.path(), &oas_args("generate"));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let out = dir.path().join("output/openapi");
    // Every file the documents reach, below the folder they share; a file without operations
    // is copied byte for byte (its comment kept).
    let mut written: Vec<String> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(&out).unwrap().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["api/components.yaml", "api/paths/orders.yaml", "api/shop.yaml", "ping/ping.json"]);
    assert_eq!(read(&out.join("api/components.yaml")), OAS_COMPONENTS);

    let orders: Value = serde_saphyr::from_str(&read(&out.join("api/paths/orders.yaml"))).unwrap();
    let samples = orders["get"]["x-codeSamples"].as_array().unwrap();
    let labels: Vec<&str> = samples.iter().map(|s| s["label"].as_str().unwrap()).collect();
    // Languages in tab order, one entry per auth method; jQuery cannot set a Cookie header.
    assert_eq!(labels, ["cURL: Bearer token", "cURL: API key", "Python: Bearer token", "Python: API key"]);
    assert_eq!(samples[0]["lang"], "bash");
    assert_eq!(samples[2]["lang"], "python");
    let curl = samples[1]["source"].as_str().unwrap();
    assert!(
        curl.contains("https://{{region}}.shop.example.com/v1/orders/{{id}}") && curl.contains("X-Key"),
        "{curl}"
    );
    assert_eq!(orders.as_object().unwrap().keys().next().unwrap(), "get");

    let shop_text = read(&out.join("api/shop.yaml"));
    let shop: Value = serde_saphyr::from_str(&shop_text).unwrap();
    // The spec in specs/ with the operation's id wins, here too.
    let create = shop["paths"]["/orders"]["post"]["x-codeSamples"].as_array().unwrap();
    assert_eq!(create.len(), 3);
    assert!(create[0]["source"].as_str().unwrap().contains("https://shop.example.com/custom"), "{create:?}");
    let keys: Vec<&str> = shop.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["openapi", "info", "servers", "security", "paths", "components"]);
    assert_eq!(shop["paths"]["/orders/{id}"]["$ref"], "paths/orders.yaml");

    // JSON stays JSON, with its indentation and key order.
    let ping_text = read(&out.join("ping/ping.json"));
    assert!(
        ping_text.starts_with("{\n    \"openapi\": \"3.0.3\",\n    \"info\": {\n        \"version\": \"2\","),
        "{ping_text}"
    );
    let ping: Value = serde_json::from_str(&ping_text).unwrap();
    let op = ping["paths"]["/ping"]["get"].as_object().unwrap();
    assert_eq!(op.keys().collect::<Vec<_>>(), ["operationId", "responses", "tags", "x-codeSamples"]);
    assert_eq!(op["x-codeSamples"][1]["label"], "jQuery");

    // Written through the output machinery: in the manifest, checked, and deterministic.
    let manifest = read(&dir.path().join("output/.snipgen-manifest"));
    assert!(manifest.contains("\nopenapi/api/shop.yaml\n"), "{manifest}");
    assert_eq!(snipgen(dir.path(), &oas_args("check")).0, 0);
    let (code, stdout, _) = snipgen(dir.path(), &oas_args("generate"));
    assert_eq!(code, 0);
    assert!(stdout.contains("0 written"), "{stdout}");
    super::put(
        dir.path(),
        "specs/orders/create-order.yaml",
        "title: Changed\nmethod: POST\nurl: https://shop.example.com/changed\n",
    );
    let (code, stdout, _) = snipgen(dir.path(), &oas_args("check"));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("stale    output/openapi/api/shop.yaml"), "{stdout}");
}

/// The `openapi` document snipgen makes from the one spec `name` holding `text`.
fn openapi_from_one_spec(name: &str, text: &str) -> serde_json::Value {
    let dir = project(&[(name, text)]);
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate", "--format", "openapi"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    serde_json::from_str(&read(&dir.path().join("output/openapi/openapi.json"))).unwrap()
}

#[test]
fn openapi_from_specs_gives_path_parameters_the_specs_examples() {
    let value = openapi_from_one_spec(
        "keys.yaml",
        "title: Get a key\nmethod: GET\nurl: https://api.example.com/users/{{id}}/keys/{{key}}\nvariables:\n  id: \"42\"\n",
    );
    let params = &value["paths"]["/users/{id}/keys/{key}"]["get"]["parameters"];
    assert_eq!(params[0]["example"], "42", "{params}");
    assert!(params[1].get("example").is_none(), "no example for a variable without a value: {params}");
}

/// The query, headers and body of the spec are the operation's parameters and request body,
/// the spec's values their examples; what auth sends is left to the security scheme.
#[test]
fn openapi_from_specs_describes_query_headers_and_body() {
    let value = openapi_from_one_spec(
        "items.yaml",
        "title: Add\nmethod: POST\nurl: https://api.example.com/items\nheaders:\n  X-Trace: t1\n  Accept: application/json\nquery:\n  - tag: a\n  - tag: b\n  - dry: ~\n  - page: \"2\"\nbody:\n  json: {name: Widget, price: 9.5}\nauth:\n  api_key: {name: key, value: k, in: query}\n",
    );
    let op = &value["paths"]["/items"]["post"];
    assert_eq!(
        op["parameters"],
        serde_json::json!([
            {"name": "tag", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "explode": true, "example": ["a", "b"]},
            {"name": "dry", "in": "query", "schema": {"type": "string", "enum": [""]}, "allowEmptyValue": true, "description": "Sent as the name alone, without `=`."},
            {"name": "page", "in": "query", "schema": {"type": "string"}, "example": "2"},
            {"name": "X-Trace", "in": "header", "schema": {"type": "string"}, "example": "t1"},
        ])
    );
    assert_eq!(
        op["requestBody"],
        serde_json::json!({"required": true, "content": {"application/json": {"example": {"name": "Widget", "price": 9.5}}}})
    );
    // Its Accept is what a success answers with, no status code claimed.
    assert_eq!(
        op["responses"],
        serde_json::json!({"2XX": {"description": "The endpoint's response.", "content": {"application/json": {}}}})
    );
    assert_eq!(
        multipart_fields("    - {name: title, value: Report}\n    - {name: file, file: report.pdf}\n"),
        serde_json::json!({"title": {"type": "string", "example": "Report"}, "file": {"type": "string", "format": "binary"}})
    );
    // A name given several times keeps every value: an array, which a form sends as the name
    // repeated (OpenAPI's default for forms) and multipart as one part per item.
    let value = openapi_from_one_spec(
        "scopes.yaml",
        "title: Scopes\nmethod: POST\nurl: https://api.example.com/grant\nbody:\n  form:\n    - scope: read\n    - user: ada\n    - scope: write\n",
    );
    let form =
        &value["paths"]["/grant"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"];
    assert_eq!(
        *form,
        serde_json::json!({
            "schema": {"type": "object", "properties": {
                "scope": {"type": "array", "items": {"type": "string"}}, "user": {"type": "string"}}},
            "example": {"scope": ["read", "write"], "user": "ada"},
        })
    );
    assert_eq!(
        multipart_fields(
            "    - {name: tag, value: a}\n    - {name: tag, value: b}\n    - {name: doc, file: a.pdf}\n    - {name: doc, file: b.pdf}\n"
        ),
        serde_json::json!({
            "tag": {"type": "array", "items": {"type": "string"}, "example": ["a", "b"]},
            "doc": {"type": "array", "items": {"type": "string", "format": "binary"}},
        })
    );
}

/// A spec's `Accept` survives the document snipgen makes: imported again, the operation asks
/// for the same media type; a spec without one gives the plain `default` response.
#[test]
fn openapi_output_imports_back_with_its_accept() {
    let dir = project(&[
        (
            "reports.yaml",
            "title: Report\nmethod: GET\nurl: https://api.example.com/reports\nheaders:\n  Accept: text/csv\n",
        ),
        ("items.yaml", "title: Items\nmethod: GET\nurl: https://api.example.com/items\n"),
    ]);
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate", "--format", "openapi"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let document = dir.path().join("output/openapi/openapi.json");
    let value: serde_json::Value = serde_json::from_str(&read(&document)).unwrap();
    assert_eq!(
        value["paths"]["/items"]["get"]["responses"],
        serde_json::json!({"default": {"description": "The endpoint's response."}})
    );
    let (specs, _) = snipgen::import::openapi::import(&document, &Default::default()).unwrap();
    let yaml = |id: &str| {
        specs.iter().find(|s| s.id == id).map(|s| s.yaml.clone()).unwrap_or_else(|| panic!("{id}"))
    };
    // Tagged and named by the spec's id, the operation imports as `<tag>/<operationId>`.
    assert!(
        yaml("reports/reports").contains("headers:\n  Accept: text/csv\n"),
        "{}",
        yaml("reports/reports")
    );
    assert!(!yaml("items/items").contains("Accept"), "{}", yaml("items/items"));
}

/// The `openapi` document `generate --format openapi --out other` makes in the project `dir`.
fn openapi_into_other(dir: &Path) -> serde_json::Value {
    let (code, _, stderr) = snipgen(dir, &["generate", "--format", "openapi", "--out", "other"]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&read(&dir.join("other/openapi/openapi.json"))).unwrap()
}

/// The fields of the multipart body (`parts`, the YAML list) of a spec, as `--format openapi`
/// describes them.
fn multipart_fields(parts: &str) -> serde_json::Value {
    let spec = format!(
        "title: Upload\nmethod: POST\nurl: https://api.example.com/files\nbody:\n  multipart:\n{parts}"
    );
    let value = openapi_from_one_spec("upload.yaml", &spec);
    value["paths"]["/files"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]
        .clone()
}

#[test]
fn openapi_format_without_a_document_makes_one_from_the_specs() {
    let dir = docs_project();
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate", "--format", "files,openapi"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "spec `purge` left out of openapi/openapi.json: OpenAPI 3.1 has no operation for the method PURGE"
        ),
        "{stderr}"
    );
    // Warnings follow the reporter: none with -q, a `warning` object for tools.
    let (code, _, stderr) = snipgen(dir.path(), &["-q", "generate", "--format", "files,openapi"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let (code, stdout, stderr) =
        snipgen(dir.path(), &["--message-format", "json", "generate", "--format", "files,openapi"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let warning: serde_json::Value =
        serde_json::from_str(stdout.lines().find(|l| l.contains("\"warning\"")).expect(&stdout)).unwrap();
    assert!(warning["message"].as_str().unwrap().contains("spec `purge` left out"), "{warning}");
    let doc = dir.path().join("output/openapi/openapi.json");
    let value: serde_json::Value = serde_json::from_str(&read(&doc)).unwrap();
    assert_eq!(value["openapi"], "3.1.0");
    let paths = value["paths"].as_object().unwrap();
    assert_eq!(paths.len(), 2, "one operation per spec: {paths:?}");
    let ops: Vec<&serde_json::Value> =
        paths.values().flat_map(|item| item.as_object().unwrap().values()).collect();
    let ids: Vec<&str> = ops.iter().map(|op| op["operationId"].as_str().unwrap()).collect();
    assert_eq!(ids, ["token", "users/get"]);
    for op in &ops {
        let labels: Vec<&str> =
            op["x-codeSamples"].as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
        assert!(labels.first().is_some_and(|l| l.starts_with("cURL")), "{labels:?}");
    }
    // Each URL's origin is a server: two here, so each operation names its own. Auth is a
    // security requirement: client_secret_post sends its credentials in the form body, which
    // is no scheme, so it is the empty (optional) requirement beside Basic.
    assert_eq!(
        value["servers"],
        serde_json::json!([{"url": "https://auth.example.com"}, {"url": "https://api.example.com"}])
    );
    let token = &value["paths"]["/as/token"]["post"];
    assert_eq!(token["servers"], serde_json::json!([{"url": "https://auth.example.com"}]));
    assert_eq!(token["security"], serde_json::json!([{"clientSecretBasic": []}, {}]));
    assert_eq!(value["components"]["securitySchemes"]["clientSecretBasic"]["scheme"], "basic");
    assert_eq!(value["paths"]["/users/{id}"]["get"]["security"], serde_json::json!([]));
    let (code, stdout, _) = snipgen(dir.path(), &["check", "--format", "files,openapi"]);
    assert_eq!(code, 0, "{stdout}");
    if let Some(validator) =
        tool(runtimes().join("docs-venv/bin/openapi-spec-validator"), "openapi-spec-validator")
    {
        assert!(run(Command::new(&validator).arg(&doc)).contains(": OK"));
    }
    // Redocly's recommended rules pass (servers and security declared): `lint` fails on an
    // error (it did without them), not on a warning (no license, no 4XX response).
    if let Some(redocly) = tool(runtimes().join("docs-node/node_modules/.bin/redocly"), "Redocly CLI") {
        run(Command::new(redocly)
            .current_dir(dir.path())
            .env("REDOCLY_TELEMETRY", "off")
            .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")
            .args(["lint", "output/openapi/openapi.json"]));
    }
    // One origin: the document's server only; a `{{variable}}` host is a server variable whose
    // default is the spec's example; an API key is an apiKey scheme.
    let value = openapi_from_one_spec(
        "keyed.yaml",
        "title: Keyed\nmethod: GET\nurl: https://{{region}}.example.com/items\nauth:\n  api_key: {name: X-Key, value: k}\nvariables:\n  region: eu\n",
    );
    let server = serde_json::json!({"url": "https://{region}.example.com", "variables": {"region": {"default": "eu"}}});
    assert_eq!(value["servers"], serde_json::json!([server]));
    let op = &value["paths"]["/items"]["get"];
    assert!(op.get("servers").is_none(), "{op}");
    assert_eq!(op["security"], serde_json::json!([{"apiKey.header.X-Key": []}]));
    let scheme = &value["components"]["securitySchemes"]["apiKey.header.X-Key"];
    assert_eq!(*scheme, serde_json::json!({"type": "apiKey", "name": "X-Key", "in": "header"}));
    // Specs with one method and path share the operation; each label names its spec.
    let twin = read(&dir.path().join("specs/token.yaml")).replace("title: Token", "id: twin\ntitle: Twin");
    std::fs::write(dir.path().join("specs/twin.yaml"), twin).unwrap();
    let value = openapi_into_other(dir.path());
    let op = &value["paths"]["/as/token"]["post"];
    assert_eq!(op["operationId"], "token");
    let labels: Vec<&str> =
        op["x-codeSamples"].as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"Token: cURL: Client secret (Basic)"), "{labels:?}");
    assert!(labels.contains(&"Twin: cURL: Client secret (Basic)"), "{labels:?}");
    // Sending the same body, the twins share one example.
    let form = &op["requestBody"]["content"]["application/x-www-form-urlencoded"];
    assert_eq!(form["example"], serde_json::json!({"grant_type": "client_credentials"}), "{op}");
    assert!(form.get("examples").is_none(), "{op}");
    // A twin sending another grant type, a field more and a header: nothing either sends is
    // lost — the form's fields are both specs', each spec's values an example of its own (by
    // id, with its title), and the header says who sends it.
    let twin = read(&dir.path().join("specs/twin.yaml")).replace(
        "    grant_type: client_credentials\n",
        "    grant_type: refresh_token\n    refresh_token: r1\nheaders:\n  X-Trace: on\n",
    );
    std::fs::write(dir.path().join("specs/twin.yaml"), twin).unwrap();
    let value = openapi_into_other(dir.path());
    let op = &value["paths"]["/as/token"]["post"];
    assert_eq!(op["requestBody"]["required"], true);
    let form = &op["requestBody"]["content"]["application/x-www-form-urlencoded"];
    let fields: Vec<&String> = form["schema"]["properties"].as_object().unwrap().keys().collect();
    assert_eq!(fields, ["grant_type", "refresh_token"], "{op}");
    assert!(form.get("example").is_none(), "{op}");
    assert_eq!(
        form["examples"],
        serde_json::json!({
            "token": {"summary": "Token", "value": {"grant_type": "client_credentials"}},
            "twin": {"summary": "Twin", "value": {"grant_type": "refresh_token", "refresh_token": "r1"}},
        })
    );
    assert_eq!(
        op["parameters"],
        serde_json::json!([{
            "name": "X-Trace", "in": "header", "schema": {"type": "string"},
            "description": "Sent by Twin only.",
            "examples": {"twin": {"summary": "Twin", "value": "on"}},
        }]),
        "{op}"
    );
    if let Some(validator) =
        tool(runtimes().join("docs-venv/bin/openapi-spec-validator"), "openapi-spec-validator")
    {
        assert!(
            run(Command::new(&validator).arg(dir.path().join("other/openapi/openapi.json"))).contains(": OK")
        );
    }
    // Paths differing only in a parameter's name are one path (OpenAPI forbids both), spelled
    // as the first spec by id spells it.
    let remove = "title: Remove a user\nmethod: DELETE\nurl: https://api.example.com/users/{{uid}}\n";
    std::fs::write(dir.path().join("specs/users/remove.yaml"), remove).unwrap();
    let value = openapi_into_other(dir.path());
    let item = &value["paths"]["/users/{id}"];
    assert_eq!(item["delete"]["operationId"], "users/remove", "{value}");
    assert_eq!(item["delete"]["parameters"][0]["name"], "id");
    assert!(value["paths"].get("/users/{uid}").is_none(), "{value}");
}

/// Specs sharing an operation in different shapes: one sends a query parameter or a form
/// field once, another repeats it, a third sends the name alone; one multipart body's text
/// differs from another's. The operation describes every spec's request — the field or
/// parameter an array, each spec's values its own example — and the document validates.
#[test]
fn openapi_shared_operation_fits_each_spec_s_shape() {
    let url = "url: https://api.example.com/items\n";
    let dir = project(&[
        (
            "one.yaml",
            &format!("title: One\nmethod: POST\n{url}query:\n  tag: a\nbody:\n  form:\n    scope: read\n"),
        ),
        (
            "many.yaml",
            &format!(
                "title: Many\nmethod: POST\n{url}query:\n  - tag: a\n  - tag: b\nbody:\n  form:\n    - scope: read\n    - scope: write\n"
            ),
        ),
        (
            "flag.yaml",
            &format!("title: Flag\nmethod: POST\n{url}query:\n  tag: ~\nbody:\n  form:\n    scope: all\n"),
        ),
        (
            "up.yaml",
            "title: Up\nmethod: PUT\nurl: https://api.example.com/files\nbody:\n  multipart:\n    - name: note\n      value: first\n    - name: file\n      file: a.png\n",
        ),
        (
            "up2.yaml",
            "title: Up again\nmethod: PUT\nurl: https://api.example.com/files\nbody:\n  multipart:\n    - name: note\n      value: second\n    - name: note\n      value: third\n    - name: file\n      file: b.png\n",
        ),
    ]);
    let value = openapi_into_other(dir.path());
    let op = &value["paths"]["/items"]["post"];
    let tag = &op["parameters"][0];
    assert_eq!(tag["schema"], serde_json::json!({"type": "array", "items": {"type": "string"}}), "{op}");
    assert_eq!(
        (&tag["explode"], &tag["allowEmptyValue"]),
        (&serde_json::json!(true), &serde_json::json!(true))
    );
    assert_eq!(tag["description"], "Sent as the name alone, without `=`, by Flag.", "{tag}");
    assert_eq!(
        tag["examples"],
        serde_json::json!({
            "many": {"summary": "Many", "value": ["a", "b"]},
            "one": {"summary": "One", "value": ["a"]},
        })
    );
    let form = &op["requestBody"]["content"]["application/x-www-form-urlencoded"];
    assert_eq!(
        form["schema"]["properties"]["scope"],
        serde_json::json!({"type": "array", "items": {"type": "string"}})
    );
    assert_eq!(
        form["examples"],
        serde_json::json!({
            "flag": {"summary": "Flag", "value": {"scope": ["all"]}},
            "many": {"summary": "Many", "value": {"scope": ["read", "write"]}},
            "one": {"summary": "One", "value": {"scope": ["read"]}},
        })
    );
    let multipart = &value["paths"]["/files"]["put"]["requestBody"]["content"]["multipart/form-data"];
    assert_eq!(
        multipart["schema"]["properties"],
        serde_json::json!({
            "note": {"type": "array", "items": {"type": "string"}},
            "file": {"type": "string", "format": "binary"},
        }),
        "{multipart}"
    );
    assert_eq!(
        multipart["examples"],
        serde_json::json!({
            "up": {"summary": "Up", "value": {"note": ["first"]}},
            "up2": {"summary": "Up again", "value": {"note": ["second", "third"]}},
        })
    );
    if let Some(validator) =
        tool(runtimes().join("docs-venv/bin/openapi-spec-validator"), "openapi-spec-validator")
    {
        assert!(
            run(Command::new(&validator).arg(dir.path().join("other/openapi/openapi.json"))).contains(": OK")
        );
    }
}

#[test]
fn openapi_output_validates_with_openapi_spec_validator() {
    let Some(validator) =
        tool(runtimes().join("docs-venv/bin/openapi-spec-validator"), "openapi-spec-validator")
    else {
        return;
    };
    let fixtures = repo().join("tests/fixtures/openapi");
    let docs =
        ["identity/openapi.yaml", "payments/openapi.json", "storage/openapi.yaml", "forge/openapi.yaml"];
    let dir = oas_project();
    let mut args = vec!["generate", "--format", "openapi"];
    let paths: Vec<String> = docs.iter().map(|d| fixtures.join(d).display().to_string()).collect();
    for p in &paths {
        args.extend(["--openapi", p.as_str()]);
    }
    args.extend(["--openapi", "api/shop.yaml", "--openapi", "ping/ping.json"]);
    let (code, stdout, stderr) = snipgen(dir.path(), &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let out = dir.path().join("output/openapi");
    // The layout keeps each document's path below the folder all inputs share (`/` when the
    // checkout and the temporary folder have nothing else in common, `/tmp` for a checkout
    // there).
    let (fixtures, project) = (fixtures.canonicalize().unwrap(), dir.path().canonicalize().unwrap());
    let shared: PathBuf =
        fixtures.components().zip(project.components()).take_while(|(a, b)| a == b).map(|(a, _)| a).collect();
    let written: Vec<PathBuf> = docs
        .iter()
        .map(|d| out.join(fixtures.join(d).strip_prefix(&shared).unwrap()))
        .chain([out.join(project.join("api/shop.yaml").strip_prefix(&shared).unwrap())])
        .collect();
    for doc in &written {
        // The samples are in the document or, for forge, in the path files it refers to.
        let with_samples = walkdir::WalkDir::new(doc.parent().unwrap())
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .any(|e| read(e.path()).contains("x-codeSamples"));
        assert!(with_samples, "{}", doc.display());
        let stdout = run(Command::new(&validator).arg(doc));
        assert!(stdout.contains(": OK"), "{stdout}");
    }
    // The validator does reject a document that breaks the schema.
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, read(&written[0]).replacen("paths:", "paths: 7\nnot-paths:", 1)).unwrap();
    assert!(!Command::new(&validator).arg(&broken).output().unwrap().status.success());
}

#[test]
fn redoc_builds_the_openapi_output_with_its_code_samples() {
    let modules = runtimes().join("docs-node/node_modules");
    let Some(redocly) = tool(modules.join(".bin/redocly"), "Redocly CLI") else { return };
    let dir = tempfile::tempdir().unwrap();
    let forge = repo().join("tests/fixtures/openapi/forge/openapi.yaml");
    let forge = forge.display().to_string();
    let args = ["generate", "--format", "openapi", "--openapi", forge.as_str(), "--out", "build"];
    let (code, stdout, stderr) = snipgen(dir.path(), &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // The recipe of the README: Redoc's bundler resolves the split files and embeds the
    // document the page renders.
    run(Command::new(redocly)
        .current_dir(dir.path())
        .env("REDOCLY_TELEMETRY", "off")
        .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")
        .args(["build-docs", "build/openapi/openapi.yaml", "-o", "api.html"]));
    let html = read(&dir.path().join("api.html"));
    let definition = html
        .split_once("const __redoc_definition = ")
        .and_then(|(_, rest)| rest.split_once(";\n"))
        .map(|(json, _)| json)
        .expect("the page embeds the definition");
    let definition: Value = serde_json::from_str(definition).unwrap();
    let mut operations = 0;
    for (path, item) in definition["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if !["get", "put", "post", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            operations += 1;
            let samples = op["x-codeSamples"].as_array().unwrap_or_else(|| panic!("{method} {path}"));
            let labels: Vec<&str> = samples.iter().map(|s| s["label"].as_str().unwrap()).collect();
            // Search takes a token or an app key: one entry per language and method.
            if path.starts_with("/search/") {
                assert_eq!(labels[..2], ["cURL: Bearer token", "cURL: API key"]);
                assert_eq!(labels.len(), 22);
            } else {
                assert_eq!(labels, LABELS, "{method} {path}");
            }
        }
    }
    assert_eq!(operations, 82);
}

#[test]
fn openapi_format_from_snipgen_yaml_writes_one_document_at_its_folder() {
    let dir = oas_project();
    super::put(dir.path(), "snipgen.yaml", "openapi: api/shop.yaml\nformats: [openapi]\nlang: [curl]\n");
    let (code, stdout, stderr) = snipgen(dir.path(), &["generate"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let out = dir.path().join("output/openapi");
    for path in ["shop.yaml", "paths/orders.yaml", "components.yaml"] {
        assert!(out.join(path).is_file(), "{path} missing");
    }
    assert!(!dir.path().join("output/orders").exists(), "files is not among the formats");
    let shop: Value = serde_saphyr::from_str(&read(&out.join("shop.yaml"))).unwrap();
    assert_eq!(shop["paths"]["/orders"]["post"]["x-codeSamples"][0]["label"], "cURL");
    assert_eq!(snipgen(dir.path(), &["check"]).0, 0);
}
