use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use snipgen::cli::{Cli, Command};
use snipgen::config::Config;
use snipgen::error::{Diagnostic, Error};
use snipgen::render::Rendered;
use snipgen::report::{self, Reporter};
use snipgen::{lang, model, output, spec};

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let reporter = cli.reporter();
    let configured = Config::load(cli.config.as_deref()).map(|config| {
        let mut command = cli.command;
        // Which flags were typed is only known from the subcommand's matches.
        let sub = matches.subcommand().map(|(_, m)| m).expect("a subcommand is required");
        match &mut command {
            Command::Generate { inputs, .. } | Command::Check { inputs } => config.apply_inputs(inputs, sub),
            Command::Verify(args) => config.apply_verify(args, sub),
            Command::Render { style, .. } => config.apply_style(style),
            Command::Languages
            | Command::Schema { .. }
            | Command::Completions { .. }
            | Command::Man
            | Command::Init => {}
        }
        command
    });
    match configured.and_then(|command| run(command, &reporter)) {
        Ok(code) => code,
        Err(e) => {
            reporter.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// What `generate` would write for these inputs (`check` compares against the same): the
/// plan, and every file of every format chosen.
fn plan_inputs(
    inputs: &snipgen::cli::Inputs,
    reporter: &Reporter,
) -> Result<(snipgen::render::Plan, Vec<Rendered>), Error> {
    let targets = lang::parse_targets(&inputs.lang).map_err(Error::Usage)?;
    let mut renderer = snipgen::renderer(&inputs.style)?;
    if reporter.wants_progress() {
        renderer.show_progress();
    }
    let plan = snipgen::plan(&inputs.specs, &targets, &renderer)?;
    let files = snipgen::format::render(&plan, &inputs.format_options())?;
    Ok((plan, files))
}

fn run(command: Command, reporter: &Reporter) -> Result<ExitCode, Error> {
    match command {
        Command::Generate { inputs, force } => {
            let (plan, files) = plan_inputs(&inputs, reporter)?;
            let files = &files;
            let report = output::write(&inputs.out, files, force)?;
            reporter.generated(&inputs.out, files.len(), &report, &plan.refused);
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { inputs } => {
            let (_, files) = plan_inputs(&inputs, reporter)?;
            let report = output::check(&inputs.out, &files)?;
            let hint = report::generate_hint(&std::env::args().collect::<Vec<_>>());
            Ok(reporter.checked(&inputs.out, files.len(), &report, &hint))
        }
        Command::Render { spec: path, lang: lang_arg, auth, style } => {
            let targets = lang::parse_targets(std::slice::from_ref(&lang_arg)).map_err(Error::Usage)?;
            let [target] = targets[..] else {
                return Err(Error::Usage("--lang takes exactly one language for `render`".into()));
            };
            let renderer = snipgen::renderer(&style)?;
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let relative = path.file_name().map(Path::new).unwrap_or(&path);
            let loaded = spec::parse(&path, relative, &text).map_err(|d| Error::Specs(vec![d]))?;
            let requests = model::build(&loaded, renderer.settings())
                .map_err(|m| Error::Specs(vec![Diagnostic::plain(&path, m)]))?;
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
        Command::Verify(args) => Ok(if snipgen::verify::run(&args)? {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(report::exit::STALE)
        }),
        Command::Schema { settings } => {
            if settings {
                println!("{}", snipgen::schema::settings_schema());
            } else {
                println!("{}", snipgen::schema::spec_schema());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "snipgen", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command())
                .render(&mut std::io::stdout())
                .map_err(|e| Error::io(Path::new("<stdout>"), e))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init => {
            snipgen::init::write(Path::new("."))?;
            for (path, _) in snipgen::init::FILES {
                println!("wrote   {path}");
            }
            println!("next: snipgen generate, then snipgen check in CI");
            Ok(ExitCode::SUCCESS)
        }
        Command::Languages => {
            reporter.languages();
            Ok(ExitCode::SUCCESS)
        }
    }
}
