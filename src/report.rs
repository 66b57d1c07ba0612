//! What `generate`, `check` and `languages` print, for people (`human`: one summary line by
//! default, `-v` lists files, `-q` only errors) or for tools (`json`: one object per line, as
//! cargo's `--message-format json`), and the exit codes.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::error::Error;
use crate::lang;
use crate::output::{CheckReport, MANIFEST, WriteReport};

/// Exit codes, documented in the README's CLI section.
pub mod exit {
    /// `check`: the output folder is not what `generate` would write; `verify`: a sample failed.
    pub const STALE: u8 = 1;
    /// Bad command line, settings or output folder (clap's own usage errors exit 2 too).
    pub const USAGE: u8 = 2;
    /// A spec, a template or `snipgen.yaml` is wrong.
    pub const SPEC: u8 = 3;
    /// Reading or writing a file failed.
    pub const IO: u8 = 4;
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => exit::USAGE,
            Error::Specs(_) | Error::Template { .. } | Error::Refused { .. } => exit::SPEC,
            Error::Io { .. } => exit::IO,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// How a refused sample is named: by the file the `files` format leaves unwritten, or, when
/// only page formats are written (no file per sample), by its spec and tab.
pub enum Refused {
    File(String),
    Tab { spec: String, tab: String },
}

#[derive(Debug, Clone, Copy)]
pub struct Reporter {
    pub format: MessageFormat,
    pub verbosity: Verbosity,
}

/// `println!` that ignores a closed stdout (`snipgen languages | head -1`): the reader has
/// all it wanted, and a panic would be noise.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

fn line(value: Value) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{value}");
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_word(word: &str) -> String {
    let plain =
        !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "_./:=,@%+-".contains(c));
    if plain { word.to_string() } else { format!("'{}'", word.replace('\'', "'\\''")) }
}

/// The user's own command line with `check` turned into `generate` (and the output flags
/// dropped): what to run to bring the output up to date.
pub fn generate_hint(args: &[String]) -> String {
    let mut words = vec!["snipgen".to_string()];
    let mut replaced = false;
    let mut skip_value = false;
    for arg in args.iter().skip(1) {
        if std::mem::take(&mut skip_value) {
            continue;
        }
        match arg.as_str() {
            "check" if !replaced => {
                replaced = true;
                words.push("generate".into());
            }
            "-q" | "--quiet" | "-v" | "--verbose" => {}
            "--message-format" => skip_value = true,
            a if a.starts_with("--message-format=") => {}
            a => words.push(shell_word(a)),
        }
    }
    words.join(" ")
}

impl Reporter {
    /// A progress bar (on a terminal only) unless output is quiet or for tools.
    pub fn wants_progress(&self) -> bool {
        self.format == MessageFormat::Human && self.verbosity != Verbosity::Quiet
    }

    /// Whether every file written is printed (`-v`, JSON), so must be remembered.
    pub fn lists_files(&self) -> bool {
        self.json() || self.verbosity == Verbosity::Verbose
    }

    fn json(&self) -> bool {
        self.format == MessageFormat::Json
    }

    /// What the run could not map or left out: on stderr for people (not with `-q`), as
    /// `warning` objects for tools.
    pub fn warnings(&self, warnings: &[String]) {
        for w in warnings {
            if self.json() {
                line(json!({"reason": "warning", "message": w}));
            } else if self.verbosity != Verbosity::Quiet {
                eprintln!("warning: {w}");
            }
        }
    }

    /// An error that stopped the run: on stderr for people, on stdout as JSON for tools.
    pub fn error(&self, e: &Error) {
        if !self.json() {
            match e {
                Error::Specs(all) => all.iter().for_each(|d| eprintln!("error: {d}")),
                other => eprintln!("error: {other}"),
            }
            return;
        }
        match e {
            Error::Specs(all) => {
                for d in all {
                    let (line_no, column) = d.position.unzip();
                    line(json!({"reason": "error", "kind": "spec", "file": d.path.display().to_string(),
                        "line": line_no, "column": column, "message": d.message, "rendered": d.to_string()}));
                }
            }
            other => {
                let kind = match other {
                    Error::Usage(_) => "usage",
                    Error::Io { .. } => "io",
                    _ => "template",
                };
                line(json!({"reason": "error", "kind": kind, "message": other.to_string()}));
            }
        }
    }

    pub fn generated(&self, out: &Path, files: usize, report: &WriteReport, refused: &[(Refused, String)]) {
        let shown = |p: &str| out.join(p).display().to_string();
        if self.json() {
            for path in &report.cleaned {
                line(json!({"reason": "file", "action": "cleaned", "path": shown(path)}));
            }
            for path in &report.written {
                line(json!({"reason": "file", "action": "written", "path": shown(path)}));
            }
            for path in &report.removed {
                line(json!({"reason": "file", "action": "removed", "path": shown(path)}));
            }
            for (what, reason) in refused {
                line(match what {
                    Refused::File(path) => {
                        json!({"reason": "refused", "path": shown(path), "message": reason})
                    }
                    Refused::Tab { spec, tab } => {
                        json!({"reason": "refused", "spec": spec, "tab": tab, "message": reason})
                    }
                });
            }
            line(json!({"reason": "summary", "command": "generate", "success": true, "files": files,
                "written": report.written_total(), "unchanged": report.unchanged,
                "removed": report.removed.len(), "refused": refused.len()}));
            return;
        }
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        // Leftovers of an interrupted run are worth a line even by default.
        report.cleaned.iter().for_each(|p| say!("cleaned {} (left by an interrupted run)", shown(p)));
        if self.verbosity == Verbosity::Verbose {
            report.written.iter().for_each(|p| say!("wrote   {}", shown(p)));
            report.removed.iter().for_each(|p| say!("removed {}", shown(p)));
        }
        // Refusals are warnings: shown by default, on stderr.
        for (what, reason) in refused {
            match what {
                Refused::File(path) => eprintln!("refused {}: {reason}", shown(path)),
                Refused::Tab { spec, tab } => eprintln!("refused the {tab} sample of {spec}: {reason}"),
            }
        }
        say!(
            "{files} files: {} written, {} unchanged, {} removed{}",
            report.written_total(),
            report.unchanged,
            report.removed.len(),
            match refused.len() {
                0 => String::new(),
                n => format!(", {n} refused by their client"),
            }
        );
    }

    /// Prints what `check` found and returns the exit code.
    pub fn checked(&self, out: &Path, files: usize, report: &CheckReport, hint: &str) -> ExitCode {
        let shown = |p: &str| out.join(p).display().to_string();
        let clean = report.is_clean();
        let message = format!("{} out of date: run `{hint}` and review the diff", out.display());
        if self.json() {
            for (path, diff) in &report.stale {
                line(json!({"reason": "stale", "path": shown(path), "diff": diff}));
            }
            report.missing.iter().for_each(|p| line(json!({"reason": "missing", "path": shown(p)})));
            report.orphaned.iter().for_each(|p| line(json!({"reason": "orphaned", "path": shown(p)})));
            for (path, why) in &report.not_regular {
                line(json!({"reason": "not_regular", "path": shown(path), "message": why}));
            }
            report.leftovers.iter().for_each(|p| line(json!({"reason": "leftover", "path": shown(p)})));
            if report.manifest_outdated {
                line(json!({"reason": "stale", "path": shown(MANIFEST), "diff": null}));
            }
            line(json!({"reason": "summary", "command": "check", "success": clean, "files": files,
                "stale": report.stale.len(), "missing": report.missing.len(),
                "orphaned": report.orphaned.len(), "hint": (!clean).then_some(hint)}));
        } else {
            let mut stdout = std::io::stdout().lock();
            if self.verbosity > Verbosity::Quiet {
                for (path, diff) in &report.stale {
                    let _ = writeln!(stdout, "stale    {}\n{diff}", shown(path));
                }
                for path in &report.missing {
                    let _ = writeln!(stdout, "missing  {}", shown(path));
                }
                for path in &report.orphaned {
                    let _ = writeln!(stdout, "orphaned {}", shown(path));
                }
                for (path, why) in &report.not_regular {
                    let _ = writeln!(stdout, "stale    {}: {why}", shown(path));
                }
                for path in &report.leftovers {
                    let _ = writeln!(
                        stdout,
                        "leftover {}: temporary file of an interrupted run (`generate` removes it)",
                        shown(path)
                    );
                }
                if report.manifest_outdated {
                    let _ = writeln!(stdout, "stale    {}", shown(MANIFEST));
                }
                if clean {
                    let _ = writeln!(stdout, "{files} files up to date");
                }
            }
            if !clean {
                if self.verbosity == Verbosity::Quiet {
                    eprintln!("error: {message}");
                } else {
                    let _ = writeln!(stdout, "{message}");
                }
            }
        }
        if clean { ExitCode::SUCCESS } else { ExitCode::from(exit::STALE) }
    }

    pub fn languages(&self, registry: &lang::Registry) {
        // Columns as wide as their longest entry, so a user's long id keeps the table aligned.
        let width = |f: fn(&lang::Language) -> usize| registry.languages.iter().map(f).max().unwrap_or(0);
        let (id_w, label_w) = (width(|l| l.id.len()), width(|l| l.label.chars().count()));
        let (ext_w, fence_w) = (width(|l| l.extension.len()), width(|l| l.fence.len()));
        for l in &registry.languages {
            if self.json() {
                let clients: Vec<Value> = l
                    .clients
                    .iter()
                    .enumerate()
                    .map(|(i, c)| json!({"id": c.id, "label": c.label, "default": i == 0}))
                    .collect();
                line(json!({"reason": "language", "id": l.id, "label": l.label, "extension": l.extension,
                    "fence": l.fence, "opt_in": l.opt_in, "clients": clients}));
                continue;
            }
            let clients: Vec<String> = l
                .clients
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}{} ({})", c.id, if i == 0 { "*" } else { "" }, c.label))
                .collect();
            let opt_in = if l.opt_in { " (rendered when --lang names it)" } else { "" };
            say!(
                "{:<id_w$} {:<label_w$} .{:<ext_w$} {:<fence_w$} {}{opt_in}",
                l.id,
                l.label,
                l.extension,
                l.fence,
                clients.join(", ")
            );
        }
        if !self.json() {
            say!("* default client; columns: id, label, extension, fence language, clients");
        }
    }
}

/// `verify --message-format json`: one sample's outcome, as soon as it is known.
pub fn verified(result: &crate::verify::JobResult, language: &str, client: &str) {
    let message = result.outcome.reason();
    line(json!({"reason": "sample", "id": result.id, "column": result.column, "language": language,
        "client": client, "outcome": result.outcome.label(), "message": message,
        "seconds": result.elapsed.as_secs_f64()}));
}

/// `verify --message-format json`: the last line, with the counts the table ends with.
pub fn verify_summary(success: bool, samples: usize, counts: &crate::verify::Counts, seconds: f64) {
    line(json!({"reason": "summary", "command": "verify", "success": success, "samples": samples,
        "passed": counts.passed, "failed": counts.failed, "skipped": counts.skipped,
        "checked": counts.checked, "refused": counts.refused, "seconds": seconds}));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_is_the_users_command_as_generate() {
        let args = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            generate_hint(&args(
                "target/snipgen --config my.yaml check -q --out docs/my samples --message-format json"
            )),
            "snipgen --config my.yaml generate --out docs/my samples"
        );
        assert_eq!(
            generate_hint(&["snipgen".into(), "check".into(), "--out".into(), "a b'c".into()]),
            "snipgen generate --out 'a b'\\''c'"
        );
    }
}
