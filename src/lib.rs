//! snipgen: YAML endpoint specs → per-language code samples.
//!
//! The pipeline is `spec` (load and validate) → `model` (normalise) → `render` (Tera and the
//! escaping filters of `encode`) → `output` (write and check); `verify` runs the samples against a loopback server.

pub mod cli;
pub mod config;
pub mod encode;
pub mod error;
pub mod lang;
pub mod model;
pub mod output;
pub mod render;
pub mod schema;
pub mod spec;
pub mod verify;
pub mod yaml_json;

use std::collections::BTreeMap;
use std::path::Path;

use error::{Diagnostic, Error};
use lang::Target;
use model::{Request, Settings};
use render::{Plan, Renderer};

/// Parses `--indent` values into per-language indentation units.
pub fn parse_indents(values: &[String]) -> Result<BTreeMap<String, String>, Error> {
    let mut indents = BTreeMap::new();
    for value in values.iter().flat_map(|v| v.split(',')) {
        let (langs, unit): (Vec<&str>, &str) = match value.split_once('=') {
            Some((lang, unit)) => (vec![lang], unit),
            None => (lang::LANGUAGES.iter().map(|l| l.id).collect(), value),
        };
        let unit = match unit {
            "tab" => "\t".to_string(),
            n => match n.parse::<usize>() {
                Ok(n) if n <= 16 => " ".repeat(n),
                _ => {
                    return Err(Error::Usage(format!(
                        "--indent {value:?}: expected a number of spaces or `tab`"
                    )));
                }
            },
        };
        for l in langs {
            if lang::find(l).is_none() {
                return Err(Error::Usage(format!("--indent {value:?}: unknown language `{l}`")));
            }
            indents.insert(l.to_string(), unit.clone());
        }
    }
    Ok(indents)
}

/// Builds the settings and renderer a `Style` asks for.
pub fn renderer(style: &cli::Style) -> Result<Renderer, Error> {
    let settings = Settings {
        readable_variables: style.readable_variables,
        indent: parse_indents(&style.indent)?,
        ..Settings::default()
    };
    Renderer::new(style.templates.as_deref(), settings)
}

/// Loads every spec below `specs` and normalises it into requests (one per auth method).
pub fn load_requests(specs: &Path, settings: &Settings) -> Result<Vec<Request>, Error> {
    if !specs.is_dir() {
        return Err(Error::Usage(format!("specs folder {} does not exist", specs.display())));
    }
    let loaded = spec::load_dir(specs).map_err(Error::Specs)?;
    let mut requests = Vec::new();
    let mut errors = Vec::new();
    for l in &loaded {
        match model::build(l, settings) {
            Ok(r) => requests.extend(r),
            Err(m) => errors.push(Diagnostic::plain(&l.path, m)),
        }
    }
    if errors.is_empty() { Ok(requests) } else { Err(Error::Specs(errors)) }
}

/// Everything `generate` would write: every spec rendered for every target, sorted by path.
pub fn plan(specs: &Path, targets: &[Target], renderer: &Renderer) -> Result<Plan, Error> {
    let requests = load_requests(specs, renderer.settings())?;
    let mut plan = renderer.render_all(&requests, targets)?;
    plan.files.sort_by(|a, b| a.path.cmp(&b.path));
    plan.refused.sort();
    Ok(plan)
}
