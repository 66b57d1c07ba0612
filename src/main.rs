use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use snipgen::cli::{Cli, Command};
use snipgen::config::Config;
use snipgen::error::{Diagnostic, Error};
use snipgen::{import, lang, model, output, spec};

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
            Command::Languages | Command::Schema | Command::Import { .. } => {}
        }
        command
    });
    match configured.and_then(run) {
        Ok(code) => code,
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

/// What `generate` would write for these inputs (`check` compares against the same).
fn plan_inputs(inputs: &snipgen::cli::Inputs) -> Result<snipgen::render::Plan, Error> {
    let targets = lang::parse_targets(&inputs.lang).map_err(Error::Usage)?;
    let renderer = snipgen::renderer(&inputs.style)?;
    let loaded = load_sources(&inputs.specs, &inputs.openapi, inputs.server)?;
    snipgen::plan_loaded(&loaded, &targets, &renderer)
}

/// The specs folder and OpenAPI documents; what an importer could not map is printed as warnings.
fn load_sources(
    specs: &Path,
    openapi: &[std::path::PathBuf],
    server: Option<usize>,
) -> Result<Vec<spec::LoadedSpec>, Error> {
    let sources = import::Sources { specs: specs.to_path_buf(), openapi: openapi.to_vec(), server };
    let loaded = import::load(&sources)?;
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
    Ok(loaded.specs)
}

/// Samples a client cannot send are not written; say which and why, on stderr.
fn print_refused(out: &Path, refused: &[(String, String)]) {
    for (path, reason) in refused {
        eprintln!("refused {}: {reason}", out.join(path).display());
    }
}

fn run(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Generate { inputs, force } => {
            let plan = plan_inputs(&inputs)?;
            let files = &plan.files;
            let report = output::write(&inputs.out, files, force)?;
            for path in &report.written {
                println!("wrote   {}", inputs.out.join(path).display());
            }
            for path in &report.removed {
                println!("removed {}", inputs.out.join(path).display());
            }
            print_refused(&inputs.out, &plan.refused);
            println!(
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
            let plan = plan_inputs(&inputs)?;
            let files = &plan.files;
            let report = output::check(&inputs.out, files)?;
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
        Command::Render { spec: path, openapi, operation, server, lang: lang_arg, auth, style } => {
            let targets = lang::parse_targets(std::slice::from_ref(&lang_arg)).map_err(Error::Usage)?;
            let [target] = targets[..] else {
                return Err(Error::Usage("--lang takes exactly one language for `render`".into()));
            };
            let renderer = snipgen::renderer(&style)?;
            let loaded = match (path, openapi, operation) {
                (Some(path), _, _) => {
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                    let relative = path.file_name().map(Path::new).unwrap_or(&path);
                    spec::parse(&path, relative, &text).map_err(|d| Error::Specs(vec![d]))?
                }
                (None, Some(doc), Some(id)) => {
                    let (imported, warnings) =
                        import::openapi::import(&doc, &import::openapi::Options { server })
                            .map_err(Error::Specs)?;
                    for w in &warnings {
                        eprintln!("warning: {w}");
                    }
                    let ids: Vec<&str> = imported.iter().map(|i| i.id.as_str()).collect();
                    let one = imported.iter().find(|i| i.id == id).ok_or_else(|| {
                        Error::Usage(format!(
                            "{} has no operation `{id}`{}",
                            doc.display(),
                            spec::did_you_mean(&id, ids.iter().copied())
                        ))
                    })?;
                    one.load().map_err(|d| Error::Specs(vec![d]))?
                }
                _ => {
                    return Err(Error::Usage(
                        "render needs a SPEC file, or --openapi FILE --operation ID".into(),
                    ));
                }
            };
            let requests = model::build(&loaded, renderer.settings())
                .map_err(|m| Error::Specs(vec![Diagnostic::plain(&loaded.path, m)]))?;
            let request = match &auth {
                None => &requests[0],
                Some(name) => requests.iter().find(|r| r.auth.kind == name).ok_or_else(|| {
                    let listed: Vec<&str> = requests.iter().map(|r| r.auth.kind).collect();
                    Error::Usage(format!("spec has no auth method `{name}`; it lists {}", listed.join(", ")))
                })?,
            };
            print!("{}", renderer.render(request, target)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify(args) => {
            Ok(if snipgen::verify::run(&args)? { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Import { format, file, out, force, server } => {
            let (imported, warnings) = match format {
                snipgen::cli::ImportFormat::Openapi => {
                    import::openapi::import(&file, &import::openapi::Options { server })
                        .map_err(Error::Specs)?
                }
                snipgen::cli::ImportFormat::Postman => import::postman::import_file(&file)?,
                snipgen::cli::ImportFormat::Har => import::har::import_file(&file)?,
                snipgen::cli::ImportFormat::Curl => import::curl::import_file(&file)?,
            };
            for w in &warnings {
                eprintln!("warning: {w}");
            }
            let report = import::write(&out, &imported, force)?;
            if !report.changed.is_empty() && !force {
                for path in &report.changed {
                    eprintln!("would change {}", path.display());
                }
                eprintln!(
                    "error: {} existing spec(s) would change; nothing written (use --force to overwrite)",
                    report.changed.len()
                );
                return Ok(ExitCode::from(1));
            }
            for path in &report.written {
                println!("wrote   {}", path.display());
            }
            println!(
                "{} specs: {} written, {} unchanged",
                imported.len(),
                report.written.len(),
                report.unchanged.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            println!("{}", snipgen::schema::spec_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Languages => {
            for l in lang::LANGUAGES {
                let clients: Vec<String> = l
                    .clients
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{}{} ({})", c.id, if i == 0 { "*" } else { "" }, c.label))
                    .collect();
                println!("{:<8} {:<8} .{:<6} {}", l.id, l.label, l.extension, clients.join(", "));
            }
            println!("* default client");
            Ok(ExitCode::SUCCESS)
        }
    }
}
