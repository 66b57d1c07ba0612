//! `snipgen.yaml`: the settings a docs build would otherwise repeat as flags. Flags given on
//! the command line win; paths in the file are relative to the file's folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::ArgMatches;
use clap::parser::ValueSource;
use serde::Deserialize;

use crate::cli::{Inputs, Style, VerifyArgs};
use crate::error::Error;

/// The file read when `--config` is not given, if it exists in the current folder.
pub const DEFAULT_FILE: &str = "snipgen.yaml";

/// `snipgen.yaml` (`snipgen schema --settings` prints its JSON Schema).
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    specs: Option<PathBuf>,
    /// OpenAPI documents read as specs, as `--openapi` (one path or a list).
    #[serde(default, deserialize_with = "one_or_many")]
    openapi: Vec<PathBuf>,
    out: Option<PathBuf>,
    /// Language ids, each optionally `lang:client`, as `--lang` takes them.
    #[serde(default)]
    lang: Vec<String>,
    /// Output formats, as `--format` takes them.
    #[serde(default)]
    formats: Vec<crate::format::Format>,
    refused_samples: Option<crate::format::RefusedSamples>,
    templates: Option<PathBuf>,
    #[serde(default)]
    readable_variables: bool,
    #[serde(default)]
    content_length: bool,
    /// `--preset`.
    preset: Option<String>,
    #[serde(default)]
    allow_empty: bool,
    /// Language id → number of spaces or `tab`.
    #[serde(default)]
    indent: BTreeMap<String, String>,
    #[serde(skip)]
    dir: PathBuf,
}

impl Config {
    /// `--config FILE`, else `snipgen.yaml` if present, else no settings.
    pub fn load(explicit: Option<&Path>) -> Result<Config, Error> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None if Path::new(DEFAULT_FILE).is_file() => PathBuf::from(DEFAULT_FILE),
            None => return Ok(Config::default()),
        };
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let mut config: Config = serde_saphyr::from_str(&text)
            .map_err(|e| Error::Specs(vec![crate::common::yaml_error(&path, &e)]))?;
        config.dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(config)
    }

    fn resolve(&self, p: &Path) -> PathBuf {
        self.dir.join(p)
    }

    /// Fills in what the command line left at its default.
    pub fn apply_inputs(&self, inputs: &mut Inputs, matches: &ArgMatches) {
        let defaulted = |id: &str| matches.value_source(id) != Some(ValueSource::CommandLine);
        if let Some(specs) = self.specs.as_deref().filter(|_| defaulted("specs")) {
            inputs.specs = self.resolve(specs);
        }
        if inputs.openapi.is_empty() {
            inputs.openapi = self.openapi.iter().map(|p| self.resolve(p)).collect();
        }
        if let Some(out) = self.out.as_deref().filter(|_| defaulted("out")) {
            inputs.out = self.resolve(out);
        }
        // The file's `lang` is the project's set of languages; only the flag narrows a run.
        inputs.partial = !defaulted("lang");
        inputs.allow_empty |= self.allow_empty;
        if inputs.lang.is_empty() {
            inputs.lang = self.lang.clone();
        }
        if inputs.formats.is_empty() {
            inputs.formats = self.formats.clone();
        }
        inputs.refused_samples = inputs.refused_samples.or(self.refused_samples);
        self.apply_style(&mut inputs.style);
    }

    pub fn apply_verify(&self, args: &mut VerifyArgs, matches: &ArgMatches) {
        if let Some(specs) =
            self.specs.as_deref().filter(|_| matches.value_source("specs") != Some(ValueSource::CommandLine))
        {
            args.specs = self.resolve(specs);
        }
        if args.openapi.is_empty() {
            args.openapi = self.openapi.iter().map(|p| self.resolve(p)).collect();
        }
        self.apply_style(&mut args.style);
    }

    pub fn apply_style(&self, style: &mut Style) {
        if style.templates.is_none() {
            style.templates = self.templates.as_deref().map(|t| self.resolve(t));
        }
        style.readable_variables |= self.readable_variables;
        style.content_length |= self.content_length;
        if style.preset.is_none() {
            style.preset = self.preset.clone();
        }
        // The file's indents first, so `--indent` given on the command line overrides them.
        let mut indent: Vec<String> =
            self.indent.iter().map(|(lang, unit)| format!("{lang}={unit}")).collect();
        indent.append(&mut style.indent);
        style.indent = indent;
    }
}

/// `openapi: api.yaml` or `openapi: [a.yaml, b.json]`.
fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<PathBuf>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(PathBuf),
        Many(Vec<PathBuf>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(p) => vec![p],
        OneOrMany::Many(v) => v,
    })
}
