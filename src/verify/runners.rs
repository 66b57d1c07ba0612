//! Running a client's verify recipe (its record's `verify:`): probing for the runtime,
//! writing the sample with its wrapper and support files, and running the steps; plus the
//! in-process checks a recipe's mode can name (raw HTTP over a socket, the Swift parse).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::lang::{Batch, Recipe, Target};

/// Fills a recipe string's placeholders; `{dir}`, `{origin}` and `{files}` only exist once a
/// sample's folder does.
fn expand(text: &str, cx: &Context, job: Option<(&Path, &str, &str)>) -> String {
    let mut out = text
        .replace("{runtimes}", &cx.runtimes.display().to_string())
        .replace("{gocache}", &cx.gocache.display().to_string());
    if let Some((dir, origin, files)) = job {
        out = out
            .replace("{dir}", &dir.display().to_string())
            .replace("{origin}", origin)
            .replace("{files}", files);
    }
    out
}

/// `Err(reason)` when what the recipe needs is missing here: its samples are SKIPped.
pub fn probe(recipe: &Recipe, cx: &Context) -> Result<(), String> {
    let check = || -> Result<(), String> {
        let needs = &recipe.needs;
        needs.programs.iter().try_for_each(|p| on_path(&expand(p, cx, None)))?;
        for f in &needs.files {
            let path = PathBuf::from(expand(f, cx, None));
            if !path.exists() {
                return Err(format!("{} missing", path.display()));
            }
        }
        for c in &needs.checks {
            let argv: Vec<String> = c.run.iter().map(|a| expand(a, cx, None)).collect();
            let Some((program, args)) = argv.split_first() else { continue };
            let ok = Command::new(program)
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                return Err(c.because.clone());
            }
        }
        Ok(())
    };
    check().map_err(|e| match &recipe.install {
        Some(hint) => format!("{e} ({hint})"),
        None => e,
    })
}

/// Why this harness cannot run this request faithfully although the real client could, with
/// the steps that check the sample instead; it is then reported CHECKED with this reason.
pub fn harness_limit(recipe: &Recipe, request: &crate::model::Request) -> Option<(String, Vec<Step>)> {
    let rule = recipe.header_values.as_ref()?;
    let h = request.headers.iter().find(|h| !rule.rule.accepts(&h.value))?;
    let steps = rule.instead.iter().filter_map(|argv| to_step(argv, &Default::default())).collect();
    Some((rule.because.replace("{header}", &h.name), steps))
}

/// Writes the sample under the recipe's name and runs `steps` there: the fallback check.
pub fn check_instead(
    recipe: &Recipe,
    sample: &str,
    steps: &[Step],
    dir: &Path,
    cx: &Context,
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(&recipe.sample), sample).map_err(|e| e.to_string())?;
    run_steps(steps, dir, cx).map(|_| ())
}

/// The recipe of a target; `None`: verify does not know how to run this client.
pub fn recipe(target: Target) -> Option<&'static Recipe> {
    target.client.verify.as_ref()
}

/// What runners share: where the installed runtimes live and one Go build cache per verify.
#[derive(Clone)]
pub struct Context {
    pub runtimes: PathBuf,
    pub gocache: PathBuf,
    pub timeout: Duration,
    /// The user's templates folder: support files a recipe names are looked up there first.
    pub templates: Option<PathBuf>,
}

/// `${SNIPGEN_RUNTIMES:-$HOME/.cache/snipgen-runtimes}`, as scripts/install-runtimes.sh uses.
pub fn runtimes_dir() -> PathBuf {
    match std::env::var_os("SNIPGEN_RUNTIMES") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/snipgen-runtimes"),
    }
}

fn on_path(program: &str) -> Result<(), String> {
    let found = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()));
    if found { Ok(()) } else { Err(format!("`{program}` not found on PATH")) }
}

/// One command of a run; the steps of a sample run in order and stop at the first failure.
pub struct Step {
    pub program: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

fn to_step(argv: &[String], env: &std::collections::BTreeMap<String, String>) -> Option<Step> {
    let (program, args) = argv.split_first()?;
    Some(Step {
        program: program.clone(),
        args: args.to_vec(),
        env: env.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
    })
}

/// A file the request's body reads, as written next to the sample.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BodyFile {
    /// Relative to the sample's folder.
    pub path: String,
    /// The media type the spec gives the part, if any.
    pub content_type: Option<String>,
}

/// Writes the sample (in its wrapper) and the recipe's support files into `dir`; returns the
/// commands to run there.
pub fn prepare(
    recipe: &Recipe,
    sample: &str,
    dir: &Path,
    origin: &str,
    files: &[BodyFile],
    cx: &Context,
) -> Result<Vec<Step>, String> {
    write_in(dir, &recipe.sample, &wrapped(recipe, sample, cx)?)?;
    for (name, from) in &recipe.files {
        write_in(dir, name, &support_file(from, cx)?)?;
    }
    let files = serde_json::to_string(files).expect("plain data serialises");
    let job = Some((dir, origin, files.as_str()));
    let env = recipe.env.iter().map(|(k, v)| (k.clone(), expand(v, cx, job))).collect();
    Ok(recipe
        .steps
        .iter()
        .filter_map(|argv| {
            let argv: Vec<String> = argv.iter().map(|a| expand(a, cx, job)).collect();
            to_step(&argv, &env)
        })
        .collect())
}

/// Writes `text` as `name` (a recipe's file name) under `dir`.
pub fn write_in(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    // Names come from a user's recipe: never a file outside the sample's folder.
    if !Path::new(name).components().all(|c| matches!(c, std::path::Component::Normal(_))) {
        return Err(format!("recipe file name {name:?} must be a relative path without `..`"));
    }
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The sample inside the recipe's `wrap` program, or as it is without one.
pub fn wrapped(recipe: &Recipe, sample: &str, cx: &Context) -> Result<String, String> {
    Ok(match &recipe.wrap {
        // The wrapper is trusted data: its one `{sample}` is replaced, never the sample's text.
        Some(wrap) => support_file(wrap, cx)?.replacen("{sample}", sample, 1),
        None => sample.to_string(),
    })
}

/// The commands of a batch in its folder `dir`: an argument `{samples}` becomes every sample's
/// file name; `{origin}` and `{files}` belong to one sample and stay as they are.
pub fn batch_steps(
    recipe: &Recipe,
    batch: &Batch,
    dir: &Path,
    samples: &[String],
    cx: &Context,
) -> Vec<Step> {
    let env = recipe
        .env
        .iter()
        .map(|(k, v)| (k.clone(), expand(v, cx, Some((dir, "{origin}", "{files}")))))
        .collect();
    batch
        .steps
        .iter()
        .filter_map(|argv| {
            let argv: Vec<String> = argv
                .iter()
                .flat_map(|a| match a.as_str() {
                    "{samples}" => samples.to_vec(),
                    _ => vec![expand(a, cx, Some((dir, "{origin}", "{files}")))],
                })
                .collect();
            to_step(&argv, &env)
        })
        .collect()
}

/// A support file a recipe names, relative to the templates folder: the user's first, else
/// the one shipped under `templates/`.
pub fn support_file(name: &str, cx: &Context) -> Result<String, String> {
    if let Some(dir) = &cx.templates {
        let path = dir.join(name);
        if path.is_file() {
            return std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()));
        }
    }
    crate::lang::embedded_file(name)
        .map(str::to_string)
        .ok_or_else(|| format!("support file {name} not found in the templates folder"))
}

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
        let jsdom = crate::lang::HeaderRule::Jsdom;
        for ok in ["", "a", " a ", "a b", "ab cd ef", "a\tbc d"] {
            assert!(jsdom.accepts(ok), "{ok:?}");
        }
        for refused in ["a  b", "a \tb", "~ * ?", "a b c"] {
            assert!(!jsdom.accepts(refused), "{refused:?}");
        }
    }
}
