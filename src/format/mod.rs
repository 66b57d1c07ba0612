//! Output formats: the same rendered samples laid out as today's tree of files, as Markdown
//! pages (plain, MkDocs Material tabs, Docusaurus MDX tabs), as a JSON index, or as a static
//! HTML preview. Every format's files go through [`crate::output`], so `check` covers them.
//!
//! Layout, relative to the output folder: `files` writes `<id>/<lang>.<ext>` as always; every
//! other format writes below a folder named after it (`mkdocs/<id>.md`, `mdx/<id>.mdx`,
//! `markdown/<id>.md`, `json/index.json`, `html/index.html` and `html/<id>.html`,
//! `openapi/<document>`). Paths that
//! would still collide (a spec whose id starts with a format's name) are refused before
//! anything is written.

mod html;
mod markdown;
mod openapi;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::Target;
use crate::model::Request;
use crate::render::{Plan, Rendered, Sample};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    clap::ValueEnum,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `<id>/<lang>.<ext>`: one file per sample (the default).
    Files,
    /// `markdown/<id>.md`: a heading and a fenced block per language.
    Markdown,
    /// `mkdocs/<id>.md`: MkDocs Material content tabs.
    Mkdocs,
    /// `mdx/<id>.mdx`: Docusaurus `<Tabs>`.
    Mdx,
    /// `json/index.json`: every spec and sample, for custom site generators.
    Json,
    /// `html/`: a static preview site.
    Html,
    /// `openapi/`: each `--openapi` document with `x-codeSamples` on every operation.
    Openapi,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Files => "files",
            Format::Markdown => "markdown",
            Format::Mkdocs => "mkdocs",
            Format::Mdx => "mdx",
            Format::Json => "json",
            Format::Html => "html",
            Format::Openapi => "openapi",
        }
    }
}

/// What the page formats do with a sample its client refused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, clap::ValueEnum, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RefusedSamples {
    /// A short note in the sample's tab, with the client's reason.
    #[default]
    Note,
    /// No tab at all.
    Omit,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Formats to write; empty means `files`.
    pub formats: Vec<Format>,
    pub refused: RefusedSamples,
    /// The OpenAPI documents read, which `openapi` writes copies of.
    pub openapi: Vec<std::path::PathBuf>,
}

/// One docs page: a spec with its requests (one per auth method, in the spec's order).
pub struct Page<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub method: &'a str,
    /// The URL without query (auth methods may add query parameters).
    pub url: &'a str,
    pub sections: Vec<Section<'a>>,
}

/// One auth method's samples, in tab order.
pub struct Section<'a> {
    pub request: &'a Request,
    pub tabs: Vec<Tab<'a>>,
}

pub struct Tab<'a> {
    /// Stable id of the tab, shared by every page so the choice carries over (`curl`,
    /// `csharp-httpclient`).
    pub value: String,
    pub label: String,
    pub fence: &'a str,
    pub sample: &'a Sample,
}

impl Tab<'_> {
    pub fn target(&self) -> Target {
        self.sample.target
    }
}

/// The tab id and label of a target: the language's, with the client's when the run renders
/// several clients of that language.
fn tab_names(target: Target, targets: &[Target]) -> (String, String) {
    let file = target.file_name(targets);
    let value = file.rsplit_once('.').map_or(file.as_str(), |(stem, _)| stem).to_string();
    let siblings = targets.iter().filter(|t| t.language.id == target.language.id).count();
    let label = if siblings > 1 {
        format!("{} ({})", target.language.label, target.client.label)
    } else {
        target.language.label.to_string()
    };
    (value, label)
}

/// The formats that write one page per spec, and nothing else: the ones the cached, streamed
/// pipeline ([`crate::incremental`]) writes beside `files`.
pub const PAGE_FORMATS: [Format; 3] = [Format::Markdown, Format::Mkdocs, Format::Mdx];

fn page_extension(format: Format) -> &'static str {
    if format == Format::Mdx { ".mdx" } else { ".md" }
}

/// Where a page format writes the page of the spec `id`.
pub fn page_path(format: Format, id: &str) -> String {
    format!("{}/{id}{}", format.name(), page_extension(format))
}

/// Whether `path` is one [`page_path`] could give for `format`.
pub fn is_page_path(format: Format, path: &str) -> bool {
    path.strip_prefix(format.name())
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|id| id.len() > page_extension(format).len() && id.ends_with(page_extension(format)))
}

/// The page of one of [`PAGE_FORMATS`].
pub fn page(format: Format, page: &Page, refused: RefusedSamples) -> Rendered {
    markdown::page(format, page, refused)
}

/// Groups the plan's samples into pages, one per spec, in the plan's order.
pub fn pages(plan: &Plan) -> Vec<Page<'_>> {
    let mut targets: Vec<Target> = Vec::new();
    for s in &plan.samples {
        if !targets.iter().any(|t| t.language.id == s.target.language.id && t.client.id == s.target.client.id)
        {
            targets.push(s.target);
        }
    }
    let mut pages: Vec<Page> = Vec::new();
    let mut sections: Vec<Section> =
        plan.requests.iter().map(|request| Section { request, tabs: Vec::new() }).collect();
    for sample in &plan.samples {
        let (value, label) = tab_names(sample.target, &targets);
        let fence = sample.target.fence();
        sections[sample.request].tabs.push(Tab { value, label, fence, sample });
    }
    for section in sections {
        let r = section.request;
        match pages.last_mut() {
            Some(page) if page.id == r.spec_id => page.sections.push(section),
            _ => pages.push(Page {
                id: &r.spec_id,
                title: &r.title,
                method: &r.method,
                url: &r.base_url,
                sections: vec![section],
            }),
        }
    }
    pages
}

/// What the chosen formats leave out and why, for the run's warnings.
pub fn warnings(plan: &Plan, options: &Options) -> Vec<String> {
    if options.formats.contains(&Format::Openapi) && options.openapi.is_empty() {
        openapi::left_out(&pages(plan))
    } else {
        Vec::new()
    }
}

/// Every file the chosen formats write, sorted by path.
pub fn render(plan: &Plan, options: &Options) -> Result<Vec<Rendered>, Error> {
    let formats: BTreeSet<Format> = if options.formats.is_empty() {
        BTreeSet::from([Format::Files])
    } else {
        options.formats.iter().copied().collect()
    };
    let pages = pages(plan);
    let mut files = Vec::new();
    for format in &formats {
        match format {
            Format::Files => files.extend(plan.files()),
            Format::Markdown | Format::Mkdocs | Format::Mdx => {
                files.extend(pages.iter().map(|p| page(*format, p, options.refused)))
            }
            Format::Json => files.push(json_index(&pages, formats.contains(&Format::Files))),
            Format::Html => files.extend(html::site(&pages, options.refused)),
            Format::Openapi => files.extend(openapi::documents(&options.openapi, &pages)?),
        }
    }
    // Pages of several specs have no one spec file: collisions (checked with every other
    // rule by `output::validate`) then name the format instead.
    for file in files.iter_mut().filter(|f| f.spec.as_os_str().is_empty()) {
        let format = file.path.split('/').next().unwrap_or_default();
        file.spec = std::path::PathBuf::from(format!("--format {format}"));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

#[derive(Serialize)]
struct JsonIndex<'a> {
    /// Bumped when a field changes meaning or goes away.
    version: u32,
    specs: Vec<JsonSpec<'a>>,
}

#[derive(Serialize)]
struct JsonSpec<'a> {
    id: &'a str,
    title: &'a str,
    method: &'a str,
    url: &'a str,
    auth: Vec<JsonAuth<'a>>,
    samples: Vec<JsonSample<'a>>,
}

#[derive(Serialize)]
struct JsonAuth<'a> {
    kind: &'a str,
    label: &'a str,
    /// The URL with its query, which the auth method may add to.
    url: &'a str,
}

#[derive(Serialize)]
struct JsonSample<'a> {
    auth: &'a str,
    tab: &'a str,
    language: &'a str,
    client: &'a str,
    label: &'a str,
    client_label: &'a str,
    fence: &'a str,
    /// Where the `files` format writes it; `null` when refused or `files` is not written.
    path: Option<&'a str>,
    text: Option<&'a str>,
    refused: Option<&'a str>,
}

fn json_index(pages: &[Page], with_files: bool) -> Rendered {
    let specs = pages
        .iter()
        .map(|page| JsonSpec {
            id: page.id,
            title: page.title,
            method: page.method,
            url: page.url,
            auth: page
                .sections
                .iter()
                .map(|s| JsonAuth {
                    kind: s.request.auth.kind,
                    label: s.request.auth.label,
                    url: &s.request.url,
                })
                .collect(),
            samples: page
                .sections
                .iter()
                .flat_map(|s| {
                    s.tabs.iter().map(|tab| {
                        let target = tab.target();
                        let sample = tab.sample;
                        JsonSample {
                            auth: s.request.auth.kind,
                            tab: &tab.value,
                            language: &target.language.id,
                            client: &target.client.id,
                            label: &tab.label,
                            client_label: &target.client.label,
                            fence: tab.fence,
                            path: (with_files && sample.outcome.is_ok()).then_some(sample.path.as_str()),
                            text: sample.outcome.as_ref().ok().map(String::as_str),
                            refused: sample.outcome.as_ref().err().map(String::as_str),
                        }
                    })
                })
                .collect(),
        })
        .collect();
    let mut text =
        serde_json::to_string_pretty(&JsonIndex { version: 1, specs }).expect("the index is plain data");
    text.push('\n');
    Rendered { path: "json/index.json".into(), text, spec: Default::default() }
}
