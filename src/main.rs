use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use snipgen::cli::{Cli, Command};
use snipgen::config::Config;
use snipgen::error::Error;
use snipgen::render::Rendered;
use snipgen::report::{self, Refused, Reporter};
use snipgen::{import, lang, model, output, spec};

fn main() -> ExitCode {
    // The pool's threads parse the specs, and the cached pipeline runs on one of them (see
    // `run_incremental`): they get the main thread's 8 MiB, as a spec nested as deep as the
    // YAML reader allows recurses through it (rayon's default, 2 MiB, overflowed in a debug
    // build). The stack is reserved, not used, until a thread needs it.
    let _ = rayon::ThreadPoolBuilder::new().stack_size(8 << 20).build_global();
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let reporter = cli.reporter();
    if let Command::Generate { inputs, force, watch: true } = &cli.command {
        let sub = matches.subcommand().map(|(_, m)| m).expect("a subcommand is required");
        return match watch(inputs, *force, sub, cli.config.as_deref(), &reporter) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                reporter.error(&e);
                ExitCode::from(e.exit_code())
            }
        };
    }
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
            Command::Schema { .. }
            | Command::Completions { .. }
            | Command::Man
            | Command::Init
            | Command::Import { .. } => {}
        }
        command
    });
    match configured.and_then(|command| run(command, &reporter)) {
        Ok(code) => code,
        // `snipgen languages | head -1`: the reader has all it wanted.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            reporter.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// What `generate` would write for these inputs (`check` compares against the same): the
/// plan, every file of every format chosen, and which files the run is about: all, or for
/// `--lang` only the selected languages' files.
fn plan_inputs(
    inputs: &snipgen::cli::Inputs,
    reporter: &Reporter,
) -> Result<(snipgen::render::Plan, Vec<Rendered>, output::Scope), Error> {
    let mut renderer = snipgen::renderer(&(&inputs.style).into())?;
    let preset = renderer.settings().preset.as_deref();
    let targets = renderer.registry().parse_targets_with(&inputs.lang, preset).map_err(Error::Usage)?;
    if reporter.wants_progress() {
        renderer.show_progress();
    }
    let loaded = load_sources(&inputs.specs, &inputs.openapi, inputs.server, reporter)?;
    if loaded.is_empty() && !inputs.allow_empty {
        return Err(snipgen::no_specs(&inputs.specs.display().to_string()));
    }
    let plan = snipgen::plan_loaded(loaded, &targets, &renderer)?;
    renderer.finish_progress();
    let options = inputs.format_options();
    let files = snipgen::format::render(&plan, &options)?;
    reporter.warnings(&snipgen::format::warnings(&plan, &options));
    let scope = if inputs.partial {
        output::Scope::file_names(targets.iter().map(|t| t.file_name(&targets)))
    } else {
        output::Scope::all()
    };
    Ok((plan, files, scope))
}

fn generate(inputs: &snipgen::cli::Inputs, force: bool, reporter: &Reporter) -> Result<ExitCode, Error> {
    if let Some(code) = run_incremental(inputs, Some(force), reporter)? {
        return Ok(code);
    }
    let (plan, files, scope) = plan_inputs(inputs, reporter)?;
    let report = output::write(&inputs.out, &files, force, &scope)?;
    let files_format = inputs.formats.is_empty() || inputs.formats.contains(&snipgen::format::Format::Files);
    let refused: Vec<(Refused, String)> = if files_format {
        plan.refused().into_iter().map(|(path, reason)| (Refused::File(path.into()), reason.into())).collect()
    } else {
        let tab = |s: &snipgen::render::Sample| Refused::Tab {
            spec: plan.requests[s.request].id.clone(),
            tab: s.target.label(),
        };
        plan.samples.iter().filter_map(|s| s.outcome.as_ref().err().map(|r| (tab(s), r.clone()))).collect()
    };
    reporter.generated(&inputs.out, files.len(), &report, &refused);
    Ok(ExitCode::SUCCESS)
}

/// `generate --watch`: settings are read again on every rebuild (snipgen.yaml may have
/// changed); an error is reported and watching goes on.
fn watch(
    raw: &snipgen::cli::Inputs,
    force: bool,
    sub: &clap::ArgMatches,
    config: Option<&Path>,
    reporter: &Reporter,
) -> Result<(), Error> {
    let configure = || -> Result<snipgen::cli::Inputs, Error> {
        let mut inputs = raw.clone();
        Config::load(config)?.apply_inputs(&mut inputs, sub);
        Ok(inputs)
    };
    let watched = || {
        let inputs = configure().unwrap_or_else(|_| raw.clone());
        let settings =
            config.map_or_else(|| Path::new(snipgen::config::DEFAULT_FILE).to_path_buf(), Path::to_path_buf);
        snipgen::watch::Watched {
            trees: [Some(inputs.specs.clone()), inputs.style.templates.clone()]
                .into_iter()
                .flatten()
                .collect(),
            files: std::iter::once(settings).chain(inputs.openapi.iter().cloned()).collect(),
            ignore: vec![inputs.out.clone()],
        }
    };
    if reporter.wants_progress() {
        eprintln!("watching for changes to specs, templates, settings and OpenAPI inputs (Ctrl-C to stop)");
    }
    snipgen::watch::run(watched, || {
        if let Err(e) = configure().and_then(|inputs| generate(&inputs, force, reporter)) {
            reporter.error(&e);
        }
    })
}

/// `generate` (`force` given) or `check` of the `files` format and the page formats, through
/// the cached and streamed pipeline; `None` for the other formats (they index every spec at
/// once), or when a spec has an error (the full pipeline then reports it as always).
fn run_incremental(
    inputs: &snipgen::cli::Inputs,
    force: Option<bool>,
    reporter: &Reporter,
) -> Result<Option<ExitCode>, Error> {
    use snipgen::format::{Format, PAGE_FORMATS};
    if inputs.formats.iter().any(|f| *f != Format::Files && !PAGE_FORMATS.contains(f)) {
        return Ok(None);
    }
    let files = inputs.formats.is_empty() || inputs.formats.contains(&Format::Files);
    // In the order the full pipeline writes them (the formats' order), each once.
    let pages: Vec<Format> = PAGE_FORMATS.into_iter().filter(|f| inputs.formats.contains(f)).collect();
    // Side by side: the templates compile and the cache is read while the specs folder is
    // listed.
    let ((renderer, prefetched), sources) = rayon::join(
        || {
            rayon::join(
                || snipgen::renderer(&(&inputs.style).into()),
                || snipgen::incremental::prefetch(&inputs.out),
            )
        },
        || snipgen::incremental::sources(&inputs.specs, &inputs.openapi, inputs.server),
    );
    let mut renderer = renderer?;
    let preset = renderer.settings().preset.as_deref();
    let targets = renderer.registry().parse_targets_with(&inputs.lang, preset).map_err(Error::Usage)?;
    let Some((units, warnings)) = sources? else {
        return Ok(None);
    };
    if units.is_empty() && !inputs.allow_empty {
        return Ok(None);
    }
    if reporter.wants_progress() {
        renderer.show_progress();
    }
    let scope = if inputs.partial {
        output::Scope::file_names(targets.iter().map(|t| t.file_name(&targets)))
    } else {
        output::Scope::all()
    };
    let job = snipgen::incremental::Job {
        out: &inputs.out,
        renderer: &renderer,
        targets: &targets,
        scope: &scope,
        templates: inputs.style.templates.as_deref(),
        list: reporter.lists_files(),
        files,
        pages: &pages,
        refused: inputs.format_options().refused,
    };
    // Run on a worker of the pool, as one of its two threads on two cores: from this thread,
    // the pool's idle workers spun (sched_yield) against its serial steps between parallel ones.
    let code = match force {
        Some(force) => rayon::scope(|_| snipgen::incremental::generate(&job, &units, force, prefetched))?
            .map(|(files, report, refused)| {
                renderer.finish_progress();
                reporter.warnings(&warnings);
                reporter.generated(&inputs.out, files, &report, &refused);
                ExitCode::SUCCESS
            }),
        None => {
            rayon::scope(|_| snipgen::incremental::check(&job, &units, prefetched))?.map(|(files, report)| {
                renderer.finish_progress();
                reporter.warnings(&warnings);
                let hint = report::generate_hint(&std::env::args().collect::<Vec<_>>());
                reporter.checked(&inputs.out, files, &report, &hint)
            })
        }
    };
    Ok(code)
}

/// The specs folder and OpenAPI documents; what an importer could not map is printed as warnings.
fn load_sources(
    specs: &Path,
    openapi: &[std::path::PathBuf],
    server: Option<usize>,
    reporter: &Reporter,
) -> Result<Vec<spec::LoadedSpec>, Error> {
    let sources = import::Sources { specs: specs.to_path_buf(), openapi: openapi.to_vec(), server };
    let loaded = import::load(&sources)?;
    reporter.warnings(&loaded.warnings);
    Ok(loaded.specs)
}

fn run(command: Command, reporter: &Reporter) -> Result<ExitCode, Error> {
    match command {
        Command::Generate { inputs, force, .. } => generate(&inputs, force, reporter),
        Command::Check { inputs } => {
            if let Some(code) = run_incremental(&inputs, None, reporter)? {
                return Ok(code);
            }
            let (_, files, scope) = plan_inputs(&inputs, reporter)?;
            let report = output::check(&inputs.out, &files, &scope)?;
            let hint = report::generate_hint(&std::env::args().collect::<Vec<_>>());
            Ok(reporter.checked(&inputs.out, files.len(), &report, &hint))
        }
        Command::Render { spec: path, openapi, operation, server, lang: lang_arg, auth, style } => {
            let renderer = snipgen::renderer(&(&style).into())?;
            let preset = renderer.settings().preset.as_deref();
            let targets = renderer
                .registry()
                .parse_targets_with(std::slice::from_ref(&lang_arg), preset)
                .map_err(Error::Usage)?;
            let [target] = targets[..] else {
                return Err(Error::Usage("--lang takes exactly one language for `render`".into()));
            };
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
                    reporter.warnings(&warnings);
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
            let requests = model::build(&loaded, renderer.settings()).map_err(|d| Error::Specs(vec![d]))?;
            let request = match &auth {
                None => &requests[0],
                Some(name) => requests.iter().find(|r| r.auth.kind == name).ok_or_else(|| {
                    let listed: Vec<&str> = requests.iter().map(|r| r.auth.kind).collect();
                    Error::Usage(format!("spec has no auth method `{name}`; it lists {}", listed.join(", ")))
                })?,
            };
            // A refusal names the spec and the client, not the template it was asked of.
            let sample = renderer.render(request, target).map_err(|e| match e {
                Error::Refused { reason, .. } => {
                    Error::Refused { name: format!("{}: {}", loaded.path.display(), target.label()), reason }
                }
                other => other,
            })?;
            std::io::stdout().write_all(sample.as_bytes()).map_err(Error::stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify(args) => Ok(
            if snipgen::verify::run(&snipgen::verify::Options {
                message_format: reporter.format,
                ..(&args).into()
            })? {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(report::exit::STALE)
            },
        ),
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
            reporter.warnings(&warnings);
            let report = import::write(&out, &imported, force)?;
            if !report.changed.is_empty() && !force {
                for path in &report.changed {
                    eprintln!("would change {}", path.display());
                }
                eprintln!(
                    "error: {} existing spec(s) would change; nothing written (use --force to overwrite)",
                    report.changed.len()
                );
                return Ok(ExitCode::from(report::exit::STALE));
            }
            // `-q`: errors only, as every command.
            if matches!(reporter.verbosity, snipgen::report::Verbosity::Quiet) {
                return Ok(ExitCode::SUCCESS);
            }
            for path in &report.written {
                writeln!(std::io::stdout(), "wrote   {}", path.display()).map_err(Error::stdout)?;
            }
            writeln!(
                std::io::stdout(),
                "{} specs: {} written, {} unchanged",
                imported.len(),
                report.written.len(),
                report.unchanged.len()
            )
            .map_err(Error::stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { settings } => {
            let schema =
                if settings { snipgen::schema::settings_schema() } else { snipgen::schema::spec_schema() };
            writeln!(std::io::stdout(), "{schema}").map_err(Error::stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "snipgen", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()).map_err(Error::stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init => {
            snipgen::init::write(Path::new("."))?;
            let mut stdout = std::io::stdout();
            for (path, _) in snipgen::init::FILES {
                writeln!(stdout, "wrote   {path}").map_err(Error::stdout)?;
            }
            writeln!(stdout, "next: snipgen generate, then snipgen check in CI").map_err(Error::stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Languages { templates } => {
            reporter.languages(lang::Registry::load(templates.as_deref())?);
            Ok(ExitCode::SUCCESS)
        }
    }
}
