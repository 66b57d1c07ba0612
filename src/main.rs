use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use snipgen::cli::{Cli, Command};
use snipgen::config::Config;
use snipgen::error::Error;
use snipgen::{lang, model, output, spec};

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let configured = Config::load(cli.config.as_deref()).map(|config| {
        let mut command = cli.command;
        // Which flags were typed is only known from the subcommand's matches.
        let sub = matches.subcommand().map(|(_, m)| m).expect("a subcommand is required");
        match &mut command {
            Command::Generate { inputs, .. } | Command::Check { inputs } => config.apply_inputs(inputs, sub),
            Command::Verify(args) => config.apply_verify(args, sub),
            Command::Render { style, .. } => config.apply_style(style),
            Command::Languages { templates } => {
                let mut style = snipgen::cli::Style { templates: templates.take(), ..Default::default() };
                config.apply_style(&mut style);
                *templates = style.templates;
            }
            Command::Schema => {}
        }
        command
    });
    match configured.and_then(run) {
        Ok(code) => code,
        // `snipgen languages | head -1`: the reader has all it wanted.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", prefix_errors(&e));
            ExitCode::from(1)
        }
    }
}

/// Prefixes each line of a spec error list with `error: `, as compilers do.
fn prefix_errors(e: &Error) -> String {
    match e {
        Error::Specs(all) => all.iter().map(|d| format!("error: {d}")).collect::<Vec<_>>().join("\n"),
        other => format!("error: {other}"),
    }
}

/// What `generate` would write for these inputs (`check` compares against the same), and
/// which files the run is about: all, or for `--lang` only the selected languages' files.
fn plan_inputs(inputs: &snipgen::cli::Inputs) -> Result<(snipgen::render::Plan, output::Scope), Error> {
    let renderer = snipgen::renderer(&(&inputs.style).into())?;
    let preset = renderer.settings().preset.as_deref();
    let targets = renderer.registry().parse_targets_with(&inputs.lang, preset).map_err(Error::Usage)?;
    let plan = snipgen::plan(&inputs.specs, &targets, &renderer, inputs.allow_empty)?;
    let scope = if inputs.partial {
        output::Scope::file_names(targets.iter().map(|t| t.file_name(&targets)))
    } else {
        output::Scope::all()
    };
    Ok((plan, scope))
}

/// Samples a client cannot send are not written; say which and why, on stderr.
fn print_refused(out: &Path, refused: &[(String, String)]) {
    for (path, reason) in refused {
        eprintln!("refused {}: {reason}", out.join(path).display());
    }
}

/// `println!` that returns a closed stdout as an error (ended quietly in `main`) instead of
/// panicking.
macro_rules! out {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout(), $($arg)*).map_err(Error::stdout)?
    };
}

fn run(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Generate { inputs, force } => {
            let (plan, scope) = plan_inputs(&inputs)?;
            let files = &plan.files;
            let report = output::write(&inputs.out, files, force, &scope)?;
            for path in &report.cleaned {
                out!("cleaned {} (left by an interrupted run)", inputs.out.join(path).display());
            }
            for path in &report.written {
                out!("wrote   {}", inputs.out.join(path).display());
            }
            for path in &report.removed {
                out!("removed {}", inputs.out.join(path).display());
            }
            print_refused(&inputs.out, &plan.refused);
            out!(
                "{} files: {} written, {} unchanged, {} removed{}",
                files.len(),
                report.written.len(),
                report.unchanged,
                report.removed.len(),
                match plan.refused.len() {
                    0 => String::new(),
                    n => format!(", {n} refused by their client"),
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { inputs } => {
            let (plan, scope) = plan_inputs(&inputs)?;
            let files = &plan.files;
            let report = output::check(&inputs.out, files, &scope)?;
            let out = &inputs.out;
            let mut stdout = std::io::stdout().lock();
            for (path, diff) in &report.stale {
                let _ = writeln!(stdout, "stale    {}\n{diff}", out.join(path).display());
            }
            for path in &report.missing {
                let _ = writeln!(stdout, "missing  {}", out.join(path).display());
            }
            for path in &report.orphaned {
                let _ = writeln!(stdout, "orphaned {}", out.join(path).display());
            }
            for (path, why) in &report.not_regular {
                let _ = writeln!(stdout, "stale    {}: {why}", out.join(path).display());
            }
            for path in &report.leftovers {
                let _ = writeln!(
                    stdout,
                    "leftover {}: temporary file of an interrupted run (`generate` removes it)",
                    out.join(path).display()
                );
            }
            if report.manifest_outdated {
                let _ = writeln!(stdout, "stale    {}", out.join(output::MANIFEST).display());
            }
            if report.is_clean() {
                let _ = writeln!(stdout, "{} files up to date", files.len());
                Ok(ExitCode::SUCCESS)
            } else {
                let _ = writeln!(
                    stdout,
                    "{} out of date: run `snipgen generate` and review the diff",
                    out.display()
                );
                Ok(ExitCode::from(1))
            }
        }
        Command::Render { spec: path, lang: lang_arg, auth, style } => {
            let renderer = snipgen::renderer(&(&style).into())?;
            let preset = renderer.settings().preset.as_deref();
            let targets = renderer
                .registry()
                .parse_targets_with(std::slice::from_ref(&lang_arg), preset)
                .map_err(Error::Usage)?;
            let [target] = targets[..] else {
                return Err(Error::Usage("--lang takes exactly one language for `render`".into()));
            };
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let relative = path.file_name().map(Path::new).unwrap_or(&path);
            let loaded = spec::parse(&path, relative, &text).map_err(|d| Error::Specs(vec![d]))?;
            let requests = model::build(&loaded, renderer.settings()).map_err(|d| Error::Specs(vec![d]))?;
            let request = match &auth {
                None => &requests[0],
                Some(name) => requests.iter().find(|r| r.auth.kind == name).ok_or_else(|| {
                    let listed: Vec<&str> = requests.iter().map(|r| r.auth.kind).collect();
                    Error::Usage(format!("spec has no auth method `{name}`; it lists {}", listed.join(", ")))
                })?,
            };
            let sample = renderer.render(request, target)?;
            std::io::stdout().write_all(sample.as_bytes()).map_err(Error::stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify(args) => {
            Ok(if snipgen::verify::run(&(&args).into())? { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Schema => {
            out!("{}", snipgen::schema::spec_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Languages { templates } => {
            let registry = lang::Registry::load(templates.as_deref())?;
            for l in &registry.languages {
                let clients: Vec<String> = l
                    .clients
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{}{} ({})", c.id, if i == 0 { "*" } else { "" }, c.label))
                    .collect();
                out!("{:<8} {:<8} .{:<6} {}", l.id, l.label, l.extension, clients.join(", "));
            }
            out!("* default client");
            Ok(ExitCode::SUCCESS)
        }
    }
}
