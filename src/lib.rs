//! snipgen: YAML endpoint specs → per-language code samples.
//!
//! The pipeline is `spec` (load and validate) → `model` (normalise) → `render` (Tera and the
//! escaping filters of `encode`) → `output` (write and check); `verify` runs the samples against a loopback server.

pub mod cli;
pub mod common;
pub mod config;
pub mod encode;
pub mod error;
pub mod format;
pub mod import;
pub mod incremental;
pub mod init;
pub mod lang;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod schema;
pub mod spec;
pub mod verify;
pub mod watch;
pub mod yaml_json;

/// jemalloc: glibc's malloc took a fifth of a render's instructions and slowed down on two
/// threads. Set here, not in `main.rs`, so that the bench measures the binary's allocator.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use error::{Diagnostic, Error};
use lang::{Registry, Target};
use model::{Request, Settings};
use render::{Plan, Renderer, Sample};

/// How samples are written: the library's own settings, filled from flags or snipgen.yaml by
/// the binary (the library never sees clap's types).
#[derive(Debug, Clone, Default)]
pub struct StyleOptions {
    /// A folder whose `.tera` files replace or add templates, and whose `clients.yaml` adds or
    /// changes client records.
    pub templates: Option<PathBuf>,
    /// Keep `{{variables}}` readable in percent-encoded payloads.
    pub readable_variables: bool,
    /// Give raw HTTP samples a Content-Length header.
    pub content_length: bool,
    /// Which client a bare language id means: a preset the client records name (`modern`).
    pub preset: Option<String>,
    /// `[LANG=]N|tab` values, as `--indent` takes them.
    pub indent: Vec<String>,
}

/// Parses `--indent` values into per-language indentation units for `registry`'s languages.
pub fn parse_indents(registry: &Registry, values: &[String]) -> Result<BTreeMap<String, String>, Error> {
    let mut indents = BTreeMap::new();
    for value in values.iter().flat_map(|v| v.split(',')) {
        let (langs, unit): (Vec<&str>, &str) = match value.split_once('=') {
            Some((lang, unit)) => (vec![lang], unit),
            None => (registry.languages.iter().map(|l| l.id.as_str()).collect(), value),
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
            if registry.find(l).is_none() {
                return Err(Error::Usage(format!("--indent {value:?}: unknown language `{l}`")));
            }
            indents.insert(l.to_string(), unit.clone());
        }
    }
    Ok(indents)
}

/// Builds the registry, settings and renderer a style asks for; `renderer.registry()` then
/// parses `--lang` values, user clients included.
pub fn renderer(style: &StyleOptions) -> Result<Renderer, Error> {
    let registry = Registry::load(style.templates.as_deref())?;
    if let Some(p) = &style.preset {
        registry.check_preset(p).map_err(Error::Usage)?;
    }
    let settings = Settings {
        readable_variables: style.readable_variables,
        content_length: style.content_length,
        preset: style.preset.clone(),
        indent: parse_indents(registry, &style.indent)?,
        ..Settings::default()
    };
    Renderer::new(registry, style.templates.as_deref(), settings)
}

/// Loads every spec below `specs` and normalises it into requests (one per auth method),
/// grouped by the spec file they come from.
pub fn load_requests(specs: &Path, settings: &Settings) -> Result<Vec<(PathBuf, Vec<Request>)>, Error> {
    build_requests(&load_dir(specs)?, settings)
}

fn load_dir(specs: &Path) -> Result<Vec<spec::LoadedSpec>, Error> {
    if !specs.is_dir() {
        return Err(Error::Usage(format!("specs folder {} does not exist", specs.display())));
    }
    spec::load_dir(specs).map_err(Error::Specs)
}

/// Normalises loaded specs into requests (one per auth method), grouped by the spec they
/// come from.
pub fn build_requests(
    loaded: &[spec::LoadedSpec],
    settings: &Settings,
) -> Result<Vec<(PathBuf, Vec<Request>)>, Error> {
    // Built in parallel, collected in spec order.
    every_spec(loaded.par_iter().map(|l| model::build(l, settings).map(|r| (l.path.clone(), r))).collect())
}

/// Each spec's outcome, or every spec's error (all of them, in spec order), not just the first.
fn every_spec<T>(outcomes: Vec<Result<T, Diagnostic>>) -> Result<Vec<T>, Error> {
    let mut done = Vec::with_capacity(outcomes.len());
    let mut errors = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok(t) => done.push(t),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() { Ok(done) } else { Err(Error::Specs(errors)) }
}

/// Everything `generate` would write for the specs below `specs`; see [`plan_loaded`].
pub fn plan(specs: &Path, targets: &[Target], renderer: &Renderer, allow_empty: bool) -> Result<Plan, Error> {
    let loaded = load_dir(specs)?;
    if loaded.is_empty() && !allow_empty {
        return Err(no_specs(&specs.display().to_string()));
    }
    plan_loaded(loaded, targets, renderer)
}

/// No spec at all is an error unless asked for: a mistyped folder must not look like
/// "remove every sample".
pub fn no_specs(looked_in: &str) -> Error {
    Error::Usage(format!(
        "no specs (*.yaml, *.yml) found in {looked_in}; pass --allow-empty if an empty output is what you want"
    ))
}

/// Everything `generate` would write for specs already loaded (from specs/ and OpenAPI):
/// every spec rendered for every target, in the specs' order, each request knowing its spec
/// file ([`Plan::files`] lays the samples out as the `files` format writes them). Each spec is
/// modelled, rendered and freed by the core that took it (no core frees every spec's text and
/// tree at the end); every spec's model errors are reported before any render error.
pub fn plan_loaded(
    loaded: Vec<spec::LoadedSpec>,
    targets: &[Target],
    renderer: &Renderer,
) -> Result<Plan, Error> {
    let settings = renderer.settings();
    let outcomes: Vec<Result<Result<Plan, Error>, Diagnostic>> = loaded
        .into_par_iter()
        .map(|l| {
            let requests = model::build(&l, settings)?;
            Ok(renderer.render_all(requests, targets).map(|mut plan| {
                plan.spec_files = vec![l.path.clone(); plan.requests.len()];
                plan
            }))
        })
        .collect();
    let plans = every_spec(outcomes)?.into_iter().collect::<Result<Vec<Plan>, Error>>()?;
    // Sized once: the samples are moved into place, not copied again as the vectors grow.
    let mut plan = Plan::default();
    plan.requests.reserve_exact(plans.iter().map(|p| p.requests.len()).sum());
    plan.spec_files.reserve_exact(plan.requests.capacity());
    plan.samples.reserve_exact(plans.iter().map(|p| p.samples.len()).sum());
    for one in plans {
        let offset = plan.requests.len();
        plan.requests.extend(one.requests);
        plan.spec_files.extend(one.spec_files);
        plan.samples.extend(one.samples.into_iter().map(|s| Sample { request: s.request + offset, ..s }));
    }
    Ok(plan)
}
