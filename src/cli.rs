//! Command-line definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "snipgen", version, about = "Render YAML endpoint specs into code samples for API docs")]
pub struct Cli {
    /// Settings file (default: ./snipgen.yaml when it exists); flags on the command line win.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// List every file written or removed.
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Print only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// `json`: one JSON object per line on stdout, as cargo prints them (generate, check,
    /// languages, verify).
    #[arg(long, global = true, value_enum, default_value_t, value_name = "human|json")]
    pub message_format: crate::report::MessageFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render every spec for every language into the output folder.
    Generate {
        #[command(flatten)]
        inputs: Inputs,
        /// Overwrite files in the output folder that snipgen did not generate.
        #[arg(long)]
        force: bool,
        /// Keep running: regenerate whenever a spec, a template, snipgen.yaml or an OpenAPI
        /// input changes (one summary line per rebuild) until Ctrl-C.
        #[arg(long)]
        watch: bool,
    },
    /// Exit 1 and list stale, missing and orphaned files if the output folder is not what
    /// `generate` would write. Writes nothing.
    Check {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Print one spec's sample for one language to standard output.
    Render {
        /// The spec file (or use --openapi FILE --operation ID).
        #[arg(required_unless_present = "openapi")]
        spec: Option<PathBuf>,
        /// Render an operation of this OpenAPI document instead of a spec file.
        #[arg(long = "openapi", value_name = "FILE", conflicts_with = "spec", requires = "operation")]
        openapi: Option<PathBuf>,
        /// The operation's spec id (`<tag>/<operationId>`), with --openapi.
        #[arg(long, value_name = "ID", requires = "openapi")]
        operation: Option<String>,
        /// Which entry of the OpenAPI `servers` list the URL uses, from 1.
        #[arg(long = "server", value_name = "N")]
        server: Option<usize>,
        /// Language id, optionally with a client: `python` or `csharp:restsharp`.
        #[arg(long)]
        lang: String,
        /// Which auth method, when the spec lists several (default: the first).
        #[arg(long)]
        auth: Option<String>,
        #[command(flatten)]
        style: Style,
    },
    /// Write spec files from an OpenAPI document, a Postman collection, a HAR file or curl lines.
    Import {
        /// What FILE holds.
        format: ImportFormat,
        /// The file to read (`-` for standard input, curl only).
        file: PathBuf,
        /// Folder the specs are written to, as `<id>.yaml`.
        #[arg(long, default_value = "specs")]
        out: PathBuf,
        /// Overwrite existing specs whose content would change.
        #[arg(long)]
        force: bool,
        /// Which entry of the OpenAPI `servers` list the URLs use, from 1.
        #[arg(long = "server", value_name = "N")]
        server: Option<usize>,
    },
    /// List the languages and their clients, in tab order.
    Languages {
        /// Folder whose `clients.yaml` adds or changes clients and languages.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Print a JSON Schema of the spec format, for editors' completion and validation.
    Schema {
        /// The schema of snipgen.yaml instead.
        #[arg(long)]
        settings: bool,
    },
    /// Print a shell completion script: `snipgen completions bash > /etc/bash_completion.d/snipgen`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `snipgen man > snipgen.1`.
    Man,
    /// Start a project here: a commented snipgen.yaml and one example spec.
    Init,
    /// Run every sample against a loopback echo server and compare the request it sends
    /// with the spec. Exit 1 on any FAIL (or SKIP, with --require-all).
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Folder of YAML specs.
    #[arg(long, default_value = "specs")]
    pub specs: PathBuf,
    /// OpenAPI 3.0/3.1 document (JSON or YAML) read as specs, one per operation; repeatable.
    #[arg(long = "openapi", value_name = "FILE")]
    pub openapi: Vec<PathBuf>,
    /// Which entry of the OpenAPI `servers` list the URLs use, from 1 (default: the first).
    #[arg(long = "server", value_name = "N")]
    pub server: Option<usize>,
    /// Languages to verify, comma-separated ids, each optionally `lang:client` (default: all).
    #[arg(long, value_delimiter = ',')]
    pub lang: Vec<String>,
    /// YAML map of `{{variable}}` values, overriding the specs' `variables:` examples.
    #[arg(long)]
    pub vars: Option<PathBuf>,
    /// Samples run at once (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Keep each sample's folder (sample, wrapper, expected and received request) here.
    #[arg(long)]
    pub keep: Option<PathBuf>,
    /// Treat a missing runtime (SKIP) as a failure; also set by SNIPGEN_REQUIRE_ALL=1.
    #[arg(long)]
    pub require_all: bool,
    #[command(flatten)]
    pub style: Style,
}

#[derive(Debug, Clone, Args)]
pub struct Inputs {
    /// Folder of YAML specs.
    #[arg(long, default_value = "specs")]
    pub specs: PathBuf,
    /// OpenAPI 3.0/3.1 document (JSON or YAML) read as specs, one per operation; repeatable.
    #[arg(long = "openapi", value_name = "FILE")]
    pub openapi: Vec<PathBuf>,
    /// Which entry of the OpenAPI `servers` list the URLs use, from 1 (default: the first).
    #[arg(long = "server", value_name = "N")]
    pub server: Option<usize>,
    /// Output folder.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Languages to render, comma-separated ids, each optionally `lang:client` (default: all).
    #[arg(long, value_delimiter = ',')]
    pub lang: Vec<String>,
    /// Accept a specs folder with no spec in it (and so an output with no sample).
    #[arg(long)]
    pub allow_empty: bool,
    /// `--lang` was given on the command line: a partial run, which writes, checks and
    /// removes only the selected languages' files.
    #[arg(skip)]
    pub partial: bool,
    /// Output formats, comma-separated (default: files); see the README's Formats section.
    #[arg(long = "format", value_delimiter = ',', value_name = "FORMATS")]
    pub formats: Vec<crate::format::Format>,
    /// What Markdown and HTML pages show for a sample its client refuses.
    #[arg(long, value_name = "note|omit")]
    pub refused_samples: Option<crate::format::RefusedSamples>,
    #[command(flatten)]
    pub style: Style,
}

impl Cli {
    pub fn reporter(&self) -> crate::report::Reporter {
        use crate::report::Verbosity;
        let verbosity = match (self.quiet, self.verbose) {
            (true, _) => Verbosity::Quiet,
            (_, true) => Verbosity::Verbose,
            _ => Verbosity::Normal,
        };
        crate::report::Reporter { format: self.message_format, verbosity }
    }
}

impl Inputs {
    pub fn format_options(&self) -> crate::format::Options {
        crate::format::Options {
            formats: self.formats.clone(),
            refused: self.refused_samples.unwrap_or_default(),
            openapi: self.openapi.clone(),
        }
    }
}

#[derive(Debug, Args, Clone, Default)]
pub struct Style {
    /// Folder whose `<lang>/<client>.tera` files replace the built-in templates, and whose
    /// `clients.yaml` adds or changes clients and languages.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Keep `{{variables}}` readable in percent-encoded payloads instead of the reference
    /// style's `%7B%7Bname%7D%7D`.
    #[arg(long)]
    pub readable_variables: bool,
    /// Give raw HTTP samples a `Content-Length` header (when the body's bytes are known), so
    /// the message can be sent as it is; the reference style leaves it out.
    #[arg(long)]
    pub content_length: bool,
    /// Which client each language uses when `--lang` names none: `modern` picks the current
    /// idiomatic client (fetch, httpx, java.net.http, Guzzle, Faraday, C# HttpClient).
    #[arg(long)]
    pub preset: Option<String>,
    /// Indentation per language: `LANG=N` (N spaces) or `LANG=tab`; `N`/`tab` alone sets all.
    #[arg(long, value_name = "[LANG=]N|tab")]
    pub indent: Vec<String>,
}

impl From<&VerifyArgs> for crate::verify::Options {
    fn from(args: &VerifyArgs) -> Self {
        crate::verify::Options {
            specs: args.specs.clone(),
            openapi: args.openapi.clone(),
            server: args.server,
            lang: args.lang.clone(),
            vars: args.vars.clone(),
            jobs: args.jobs,
            keep: args.keep.clone(),
            require_all: args.require_all,
            style: (&args.style).into(),
            message_format: Default::default(),
        }
    }
}

impl From<&Style> for crate::StyleOptions {
    fn from(style: &Style) -> Self {
        crate::StyleOptions {
            templates: style.templates.clone(),
            readable_variables: style.readable_variables,
            content_length: style.content_length,
            preset: style.preset.clone(),
            indent: style.indent.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    Openapi,
    Postman,
    Har,
    Curl,
}
