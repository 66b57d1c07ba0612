//! Per-language runners: how each sample fragment is wrapped into a program, which runtime
//! runs it, and the checks for languages whose reference client cannot run here.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::lang::Target;

/// How a language's samples are verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Run with the real client; the request is compared.
    Run,
    /// Sent over a socket by snipgen itself (the `http` sample is a request, not a program).
    Raw,
    /// Compiled or linted, then run against a stub of the client library that sends the
    /// request it was asked for; compared, but reported CHECKED since the real client did not run.
    Stub,
    /// Parsed only; reported CHECKED.
    Parse,
}

/// One row of the runner table: also what README's Verify table describes.
pub struct Runner {
    pub lang: &'static str,
    pub client: &'static str,
    pub mode: Mode,
    /// How the sample is run or checked, for the report.
    pub how: &'static str,
}

const fn row(lang: &'static str, client: &'static str, mode: Mode, how: &'static str) -> Runner {
    Runner { lang, client, mode, how }
}

pub static RUNNERS: &[Runner] = &[
    row("curl", "curl", Mode::Run, "sh sample.sh"),
    row("csharp", "restsharp", Mode::Stub, "mcs + mono against a RestSharp-shaped stub (HttpClient)"),
    row("csharp", "httpclient", Mode::Run, "mcs + mono (System.Net.Http)"),
    row("go", "native", Mode::Run, "go run (GOPROXY=off, GO111MODULE=off)"),
    row(
        "http",
        "http1",
        Mode::Raw,
        "the file sent as it is over a socket (file placeholders filled in), then the write side closed",
    ),
    row("java", "okhttp", Mode::Run, "java source launcher + OkHttp 3"),
    row("java", "httpclient", Mode::Run, "java source launcher (java.net.http)"),
    row("jquery", "ajax", Mode::Run, "node + jsdom + jquery, page at the server origin"),
    row("nodejs", "request", Mode::Run, "node + request"),
    row("nodejs", "fetch", Mode::Run, "node (built-in fetch)"),
    row("python", "requests", Mode::Run, "python + requests (venv)"),
    row("python", "httpx", Mode::Run, "python + httpx (venv)"),
    row("php", "http_request2", Mode::Stub, "php -l, then php against an HTTP_Request2-shaped stub"),
    row("php", "curl", Mode::Run, "php -l, then php with the curl extension"),
    row("php", "guzzle", Mode::Run, "php -l, then php with Debian's Guzzle as vendor/autoload.php"),
    row("ruby", "net_http", Mode::Run, "ruby (Net::HTTP)"),
    row("ruby", "faraday", Mode::Run, "ruby + Faraday (Debian's ruby-faraday)"),
    row(
        "swift",
        "urlsession",
        Mode::Parse,
        "tree-sitter-swift parse, and every request value spelled by a string literal",
    ),
];

/// Why this harness cannot run this request faithfully although the real client could; the
/// sample is then syntax-checked instead and reported CHECKED with this reason.
pub fn harness_limit(target: Target, request: &crate::model::Request) -> Option<String> {
    if target.language.id == "jquery"
        && let Some(h) = request.headers.iter().find(|h| !jsdom_accepts_header_value(&h.value))
    {
        return Some(format!(
            "jsdom's XMLHttpRequest refuses the {} header value, which the Fetch standard allows and browsers send; checked with node --check instead",
            h.name
        ));
    }
    None
}

/// jsdom 26 checks header values against `^[ \t]*(?:V(?:[ \t]V)?)*[ \t]*$` (V a visible
/// character): inside the trimmed value every space or tab must stand alone, with at least two
/// visible characters before the next one. So `a  b` and `~ * ?` are refused.
fn jsdom_accepts_header_value(value: &str) -> bool {
    let inner = value.trim_matches([' ', '\t']);
    if inner.is_empty() {
        return true;
    }
    let words: Vec<&str> = inner.split([' ', '\t']).collect();
    let last = words.len().saturating_sub(1);
    words.iter().enumerate().all(|(i, w)| !w.is_empty() && (i == 0 || i == last || w.len() >= 2))
}

/// `node --check` on a JavaScript sample: the fallback when jsdom cannot run it.
pub fn node_check(sample: &str, dir: &Path, cx: &Context) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("sample.js"), sample).map_err(|e| e.to_string())?;
    run_steps(&[step("node", &["--check", "sample.js"])], dir, cx).map(|_| ())
}

/// The runner for a target; `None` for a client added to the registry but not here yet.
pub fn runner(target: Target) -> Option<&'static Runner> {
    RUNNERS.iter().find(|r| r.lang == target.language.id && r.client == target.client.id)
}

/// What runners share: where the installed runtimes live and one Go build cache per verify.
pub struct Context {
    pub runtimes: PathBuf,
    pub gocache: PathBuf,
    pub timeout: Duration,
}

impl Context {
    fn node_modules(&self) -> PathBuf {
        self.runtimes.join("node/node_modules")
    }
    fn python(&self) -> PathBuf {
        self.runtimes.join("venv/bin/python")
    }
}

/// `${SNIPGEN_RUNTIMES:-$HOME/.cache/snipgen-runtimes}`, as scripts/install-runtimes.sh uses.
pub fn runtimes_dir() -> PathBuf {
    match std::env::var_os("SNIPGEN_RUNTIMES") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/snipgen-runtimes"),
    }
}

const GUZZLE_AUTOLOAD: &str = "/usr/share/php/GuzzleHttp/autoload.php";
const OKHTTP_CP: [&str; 2] = ["/usr/share/java/okhttp.jar", "/usr/share/java/okio.jar"];

fn on_path(program: &str) -> Result<(), String> {
    let found = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()));
    if found { Ok(()) } else { Err(format!("`{program}` not found on PATH")) }
}

fn exists(path: &Path, what: &str) -> Result<(), String> {
    if path.exists() { Ok(()) } else { Err(format!("{what} missing ({})", path.display())) }
}

/// `Err(reason)` when the language's runtime is missing here: its samples are SKIPped.
pub fn probe(runner: &Runner, cx: &Context) -> Result<(), String> {
    let hint = " (run scripts/install-runtimes.sh)";
    let lang = runner.lang;
    let check = || -> Result<(), String> {
        match lang {
            "curl" => on_path("curl"),
            "go" => on_path("go"),
            "java" if runner.client == "httpclient" => on_path("java"),
            "java" => {
                on_path("java")?;
                OKHTTP_CP.iter().try_for_each(|j| exists(Path::new(j), "OkHttp"))
            }
            "jquery" | "nodejs" => {
                on_path("node")?;
                let pkgs: &[&str] = match (lang, runner.client) {
                    ("jquery", _) => &["jquery", "jsdom"],
                    ("nodejs", "request") => &["request"],
                    _ => &[],
                };
                pkgs.iter().try_for_each(|p| {
                    exists(&cx.node_modules().join(p).join("package.json"), &format!("npm package {p}"))
                })
            }
            "python" => {
                exists(&cx.python(), "Python venv")?;
                let module = runner.client;
                let ok = Command::new(cx.python())
                    .args(["-c", &format!("import {module}")])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
                if ok { Ok(()) } else { Err(format!("the venv cannot import {module}")) }
            }
            "php" if runner.client == "curl" => {
                on_path("php")?;
                let ok = Command::new("php")
                    .args(["-r", "exit(extension_loaded('curl') ? 0 : 1);"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
                if ok { Ok(()) } else { Err("PHP has no curl extension (php-curl)".into()) }
            }
            "php" if runner.client == "guzzle" => {
                on_path("php")?;
                exists(Path::new(GUZZLE_AUTOLOAD), "Guzzle (php-guzzlehttp-guzzle)")
            }
            "php" => on_path("php"),
            "ruby" if runner.client == "faraday" => {
                on_path("ruby")?;
                let ok = Command::new("ruby")
                    .args(["-e", "require 'faraday'"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
                if ok { Ok(()) } else { Err("Ruby cannot load faraday (ruby-faraday)".into()) }
            }
            "ruby" => on_path("ruby"),
            "csharp" => on_path("mcs").and_then(|_| on_path("mono")),
            _ => Ok(()), // http and swift are handled in-process
        }
    };
    check().map_err(|e| e + hint)
}

/// One command of a run; the steps of a sample run in order and stop at the first failure.
pub struct Step {
    pub program: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

fn step(program: impl Into<String>, args: &[&str]) -> Step {
    Step { program: program.into(), args: args.iter().map(|a| a.to_string()).collect(), env: Vec::new() }
}

/// A file the request's body reads, as written next to the sample.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BodyFile {
    /// Relative to the sample's folder.
    pub path: String,
    /// The media type the spec gives the part, if any.
    pub content_type: Option<String>,
}

/// Writes the sample, its wrapper and any stub into `dir`; returns the commands to run there.
pub fn prepare(
    runner: &Runner,
    sample: &str,
    dir: &Path,
    origin: &str,
    files: &[BodyFile],
    cx: &Context,
) -> std::io::Result<Vec<Step>> {
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text);
    let node_path = ("NODE_PATH".to_string(), cx.node_modules().display().to_string());
    Ok(match (runner.lang, runner.client) {
        ("php", "guzzle") => {
            write("sample.php", sample)?;
            // The reader's Composer autoloader, here Debian's php-guzzlehttp-guzzle.
            std::fs::create_dir_all(dir.join("vendor"))?;
            write("vendor/autoload.php", &format!("<?php\nrequire '{GUZZLE_AUTOLOAD}';\n"))?;
            vec![step("php", &["-l", "sample.php"]), step("php", &["sample.php"])]
        }
        ("php", "curl") => {
            write("sample.php", sample)?;
            vec![step("php", &["-l", "sample.php"]), step("php", &["sample.php"])]
        }
        ("csharp", client) => {
            let restsharp = client == "restsharp";
            write("Program.cs", &wrap_csharp(sample, restsharp))?;
            let mut compile =
                step("mcs", &["-nologo", "-r:System.Net.Http.dll", "-out:sample.exe", "Program.cs"]);
            if restsharp {
                write("RestSharp.cs", CSHARP_RESTSHARP_STUB)?;
                compile.args.push("RestSharp.cs".into());
            }
            vec![compile, step("mono", &["sample.exe"])]
        }
        ("curl", _) => {
            write("sample.sh", sample)?;
            // A user's ~/.curlrc must not change what the sample sends.
            let mut s = step("sh", &["sample.sh"]);
            s.env.push(("CURL_HOME".into(), dir.display().to_string()));
            vec![s]
        }
        ("go", _) => {
            write("main.go", sample)?;
            let mut s = step("go", &["run", "main.go"]);
            let gopath = dir.join(".gopath").display().to_string();
            for (k, v) in [
                ("GOPROXY", "off"),
                ("GO111MODULE", "off"),
                ("GOFLAGS", "-mod=mod"),
                ("GOCACHE", &cx.gocache.display().to_string()),
                ("GOPATH", &gopath),
            ] {
                s.env.push((k.into(), v.into()));
            }
            vec![s]
        }
        ("java", "httpclient") => {
            write("Main.java", &JAVA_HTTPCLIENT_MAIN.replace("{sample}", sample))?;
            vec![step("java", &["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "Main.java"])]
        }
        ("java", _) => {
            // The source launcher compiles in memory: no javac step, one JVM start.
            write("Main.java", &wrap_java(sample))?;
            let cp = OKHTTP_CP.join(":");
            vec![step("java", &["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", &cp, "Main.java"])]
        }
        ("jquery", _) => {
            write("sample.js", sample)?;
            write("run_jquery.js", JQUERY_HARNESS)?;
            let files = serde_json::to_string(files).expect("plain data serialises");
            let mut s = step("node", &["run_jquery.js", "sample.js", &format!("{origin}/"), &files]);
            s.env.push(node_path);
            vec![s]
        }
        ("nodejs", _) => {
            write("sample.js", sample)?;
            let mut s = step("node", &["sample.js"]);
            s.env.push(node_path);
            vec![s]
        }
        ("python", _) => {
            write("sample.py", sample)?;
            vec![step(cx.python().display().to_string(), &["sample.py"])]
        }
        ("ruby", _) => {
            write("sample.rb", sample)?;
            vec![step("ruby", &["sample.rb"])]
        }
        ("php", _) => {
            write("sample.php", sample)?;
            std::fs::create_dir_all(dir.join("HTTP"))?;
            write("HTTP/Request2.php", PHP_REQUEST2_STUB)?;
            // include_path `.` only: the stub, never a real HTTP_Request2 found elsewhere.
            vec![step("php", &["-l", "sample.php"]), step("php", &["-d", "include_path=.", "sample.php"])]
        }
        (other, _) => {
            write(&format!("sample.{other}"), sample)?;
            Vec::new()
        }
    })
}

fn wrap_java(sample: &str) -> String {
    // Templates end with `Response response = client.newCall(request).execute();`; `throws
    // Exception` as a reader's own main would declare whatever the fragment throws.
    format!(
        "import java.io.*;\nimport okhttp3.*;\n\npublic class Main {{\npublic static void main(String[] args) throws Exception {{\n{sample}\nSystem.out.println(response.body().string());\n}}\n}}\n"
    )
}

fn wrap_csharp(sample: &str, restsharp: bool) -> String {
    // mcs 6.8 has no top-level statements: the fragment becomes an async method's body,
    // below the usings a reader's program would have.
    let restsharp = if restsharp { "using RestSharp;\nusing RestSharp.Authenticators;\n" } else { "" };
    format!(
        "using System;\nusing System.Collections.Generic;\nusing System.IO;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Text;\nusing System.Threading.Tasks;\n{restsharp}\npublic static class Program {{\nstatic async Task Run() {{\n{sample}\n}}\npublic static void Main() {{ Run().GetAwaiter().GetResult(); }}\n}}\n"
    )
}

/// Runs jQuery in jsdom with the window at the echo server's origin, so the call is
/// same-origin (cross-origin, jsdom would block the response without CORS headers).
/// Browser samples upload what the user picked in `fileInput`; here it holds the body's
/// files in order, as a page's `<input type="file" id="fileInput" multiple>` would.
/// Exits 1 on an ajax or jsdom error, 2 when no response comes.
const JQUERY_HARNESS: &str = r#"const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const [, , samplePath, origin, filesJson] = process.argv;
const vc = new VirtualConsole();
vc.on('jsdomError', (e) => { console.error('jsdom: ' + e.message); process.exitCode = 1; });
vc.on('log', (...a) => console.log(...a));
const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: origin, virtualConsole: vc });
const $ = require('jquery')(dom.window);
const fileInput = {
  files: JSON.parse(filesJson || '[]').map((f) =>
    new dom.window.File([fs.readFileSync(f.path)], path.basename(f.path), { type: f.content_type || '' })),
};
const guard = setTimeout(() => { console.error('no response'); process.exit(2); }, 30000);
const finish = () => { clearTimeout(guard); dom.window.close(); };
$(dom.window.document)
  .ajaxError((_e, xhr, _s, err) => { console.error('ajax error: ' + xhr.status + ' ' + err); process.exitCode = 1; })
  .ajaxStop(finish);
new Function('$', 'jQuery', 'window', 'document', 'FormData', 'Blob', 'fileInput', fs.readFileSync(samplePath, 'utf8'))(
  $, $, dom.window, dom.window.document, dom.window.FormData, dom.window.Blob, fileInput);
if ($.active === 0) finish();
"#;

const JAVA_HTTPCLIENT_MAIN: &str = include_str!("stubs/HttpClientMain.java");
const PHP_REQUEST2_STUB: &str = include_str!("stubs/Request2.php");
const CSHARP_RESTSHARP_STUB: &str = include_str!("stubs/RestSharp.cs");

/// Runs `steps` in `dir` with the time limit each; `Ok(stdout)` of the last step, or a
/// description of the first step that failed (exit status and output tail).
pub fn run_steps(steps: &[Step], dir: &Path, cx: &Context) -> Result<String, String> {
    let mut stdout = String::new();
    for (i, s) in steps.iter().enumerate() {
        let out_path = dir.join(format!(".step{i}.stdout"));
        let err_path = dir.join(format!(".step{i}.stderr"));
        let mut command = Command::new(&s.program);
        command
            .args(&s.args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out_path).map_err(|e| e.to_string())?)
            .stderr(std::fs::File::create(&err_path).map_err(|e| e.to_string())?);
        // Proxy settings would send the request elsewhere than the loopback server.
        for var in ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] {
            command.env_remove(var);
        }
        command.env("NO_PROXY", "127.0.0.1,localhost").env("no_proxy", "127.0.0.1,localhost");
        command.envs(s.env.iter().map(|(k, v)| (k, v)));
        // Own process group, so a timeout kills what the sample started too (e.g. sh → curl).
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let shown = format!("{} {}", s.program, s.args.join(" "));
        let mut child = command.spawn().map_err(|e| format!("`{shown}` did not start: {e}"))?;
        let deadline = Instant::now() + cx.timeout;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() >= deadline => break None,
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(e) => return Err(format!("`{shown}`: {e}")),
            }
        };
        stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
        let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
        match status {
            Some(s) if s.success() => {}
            Some(s) => return Err(format!("`{shown}` failed ({s}):\n{}", tail(&stdout, &stderr))),
            None => {
                let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "`{shown}` timed out after {} s:\n{}",
                    cx.timeout.as_secs(),
                    tail(&stdout, &stderr)
                ));
            }
        }
    }
    Ok(stdout)
}

/// The last lines of a failed step's output, enough to see the error.
fn tail(stdout: &str, stderr: &str) -> String {
    let text = format!("{stdout}{stderr}");
    let lines: Vec<&str> = text.lines().collect();
    let keep = &lines[lines.len().saturating_sub(15)..];
    let clip = |l: &str| match l.char_indices().nth(300) {
        Some((cut, _)) => format!("{}…", &l[..cut]),
        None => l.to_string(),
    };
    keep.iter().map(|l| format!("    {}", clip(l))).collect::<Vec<_>>().join("\n")
}

/// What the `http` sample stands for besides its own bytes.
#[derive(Debug, Default)]
pub struct RawBody {
    /// `<contents of PATH>` in the sample stands for the bytes of the file at PATH.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The `http` sample as bytes on the wire: the file as it is, with each `<contents of PATH>`
/// replaced by that file's bytes (as a reader sending it would paste the file in). Nothing
/// else is changed: line ends, Content-Length and the end of the body are the sample's own.
pub fn raw_http_bytes(sample: &str, raw: &RawBody) -> Vec<u8> {
    let mut out = sample.as_bytes().to_vec();
    for (path, bytes) in &raw.files {
        let placeholder = format!("<contents of {path}>").into_bytes();
        if let Some(at) = out.windows(placeholder.len()).position(|w| w == placeholder.as_slice()) {
            out.splice(at..at + placeholder.len(), bytes.iter().copied());
        }
    }
    out
}

/// Sends the `http` sample to `port` and reads the response. The write side is closed after
/// the last byte, as `nc -N` does: a sample without Content-Length (the reference style)
/// then ends its body where the message ends, which the raw job's server accepts.
pub fn send_raw(sample: &str, raw: &RawBody, port: u16, cx: &Context) -> Result<String, String> {
    let bytes = raw_http_bytes(sample, raw);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(cx.timeout)).map_err(|e| e.to_string())?;
    stream.write_all(&bytes).map_err(|e| e.to_string())?;
    stream.shutdown(std::net::Shutdown::Write).map_err(|e| e.to_string())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(|e| format!("no response: {e}"))?;
    let response = String::from_utf8_lossy(&response).into_owned();
    if response.starts_with("HTTP/1.1 200") {
        Ok(response)
    } else {
        Err(format!("server answered:\n    {}", response.lines().next().unwrap_or("(nothing)")))
    }
}

/// Checks a Swift sample without a Swift toolchain: it must parse with tree-sitter-swift
/// (no ERROR or MISSING node), and each of `values` must be spelled by one of its constant
/// string literals, decoded as Swift decodes them — which catches escaping mistakes that
/// still parse. Lists every problem found.
pub fn check_swift(sample: &str, values: &[(String, String)]) -> Result<(), Vec<String>> {
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&tree_sitter_swift::LANGUAGE.into()).map_err(|e| vec![e.to_string()])?;
    let tree = parser.parse(sample, None).ok_or_else(|| vec!["tree-sitter gave no tree".to_string()])?;
    let mut problems = Vec::new();
    let mut literals = Vec::new();
    let mut cursor = tree.walk();
    'walk: loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            let at = node.start_position();
            let what =
                if node.is_missing() { format!("missing `{}`", node.kind()) } else { "syntax error".into() };
            let line = sample.lines().nth(at.row).unwrap_or_default();
            problems.push(format!("{}:{}: {what}: {}", at.row + 1, at.column + 1, line.trim()));
        }
        if node.kind() == "line_string_literal"
            && let Some(value) = swift_literal_value(&sample[node.byte_range()])
        {
            literals.push(value);
        }
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    if problems.is_empty() {
        for (what, value) in values {
            if !literals.iter().any(|l| l == value) {
                problems.push(format!("no string literal spells the {what} {value:?}"));
            }
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// The value of a one-line Swift string literal `"…"`; `None` for one with interpolation
/// (not a constant) or an escape Swift does not have.
pub fn swift_literal_value(literal: &str) -> Option<String> {
    let body = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            'u' => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = rest.strip_prefix('{')?;
                if hex.is_empty() || hex.len() > 8 {
                    return None;
                }
                out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
            }
            _ => return None, // `\(` interpolation, or an invalid escape
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swift_literals_decode_as_swift_does() {
        assert_eq!(swift_literal_value(r#""a\"b\\c\n\t\u{1F389}\0\'""#).as_deref(), Some("a\"b\\c\n\t🎉\0'"));
        assert_eq!(swift_literal_value(r#""x \(y)""#), None, "interpolation is not a constant");
        assert_eq!(swift_literal_value(r#""\q""#), None);
    }

    #[test]
    fn jsdom_header_value_rule() {
        for ok in ["", "a", " a ", "a b", "ab cd ef", "a\tbc d"] {
            assert!(super::jsdom_accepts_header_value(ok), "{ok:?}");
        }
        for refused in ["a  b", "a \tb", "~ * ?", "a b c"] {
            assert!(!super::jsdom_accepts_header_value(refused), "{refused:?}");
        }
    }
}
