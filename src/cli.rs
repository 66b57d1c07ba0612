//! Command-line definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "snipgen", version, about = "Render YAML endpoint specs into code samples for API docs")]
pub struct Cli {
    /// Settings file (default: ./snipgen.yaml when it exists); flags on the command line win.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
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
    Languages,
    /// Print a JSON Schema of the spec format, for editors' completion and validation.
    Schema,
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

#[derive(Debug, Args)]
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
    #[command(flatten)]
    pub style: Style,
}

#[derive(Debug, Args, Clone, Default)]
pub struct Style {
    /// Folder whose `<lang>/<client>.tera` files replace the built-in templates.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Keep `{{variables}}` readable in percent-encoded payloads instead of the reference
    /// style's `%7B%7Bname%7D%7D`.
    #[arg(long)]
    pub readable_variables: bool,
    /// Indentation per language: `LANG=N` (N spaces) or `LANG=tab`; `N`/`tab` alone sets all.
    #[arg(long, value_name = "[LANG=]N|tab")]
    pub indent: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    Openapi,
    Postman,
    Har,
    Curl,
}
