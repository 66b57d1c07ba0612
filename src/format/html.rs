//! The `html` format: a static preview site (an index and a page per spec) with tabs, code
//! highlighted at build time by syntect, a copy button and the chosen language remembered
//! across pages. Everything is local: one stylesheet and one script beside the pages.

use std::fmt::Write;

use rayon::prelude::*;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use super::{Page, RefusedSamples, Tab};
use crate::render::Rendered;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
const SCRIPT: &str = include_str!("preview.js");
const STYLE: &str = include_str!("preview.css");

/// Text escaped for HTML content and double- or single-quoted attributes.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // The HTML parser turns a raw CR into LF: raw HTTP's CRLF would show (and copy) as LF.
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

fn syntax<'a>(syntaxes: &'a SyntaxSet, tab: &Tab) -> &'a SyntaxReference {
    let language = tab.target().language;
    syntaxes
        .find_syntax_by_extension(&language.extension)
        .or_else(|| syntaxes.find_syntax_by_token(tab.fence))
        .unwrap_or_else(|| syntaxes.find_syntax_plain_text())
}

/// `code` as highlighted HTML spans; plain escaped text if the highlighter fails.
fn highlight(syntaxes: &SyntaxSet, syntax: &SyntaxReference, code: &str) -> String {
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        if generator.parse_html_for_line_which_includes_newline(line).is_err() {
            return esc(code);
        }
    }
    // CR only ever stands in text, never in the generator's markup (see `esc`).
    generator.finalize().replace('\r', "&#13;")
}

fn head(out: &mut String, title: &str, root: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"{root}snipgen.css\">\n\
         <script defer src=\"{root}snipgen.js\"></script>\n</head>\n<body>\n",
        esc(title)
    );
}

/// One set of tabs: `group` is what the choice is remembered under.
fn tab_set(out: &mut String, group: &str, tabs: &[(String, String, String)]) {
    let _ = writeln!(
        out,
        "<div class=\"tabs\" data-group=\"{group}\">\n<div class=\"tablist\" role=\"tablist\">"
    );
    for (i, (value, label, _)) in tabs.iter().enumerate() {
        let _ = writeln!(
            out,
            "<button type=\"button\" role=\"tab\" data-tab=\"{}\" aria-selected=\"{}\">{}</button>",
            esc(value),
            i == 0,
            esc(label)
        );
    }
    out.push_str("</div>\n");
    for (i, (value, _, panel)) in tabs.iter().enumerate() {
        let hidden = if i == 0 { "" } else { " hidden" };
        let _ = write!(
            out,
            "<div class=\"panel\" role=\"tabpanel\" data-tab=\"{}\"{hidden}>\n{panel}</div>\n",
            esc(value)
        );
    }
    out.push_str("</div>\n");
}

fn spec_page(syntaxes: &SyntaxSet, page: &Page, refused: RefusedSamples) -> Rendered {
    let root = "../".repeat(page.id.matches('/').count());
    let mut out = String::new();
    head(&mut out, page.title, &root);
    let _ = write!(
        out,
        "<nav><a href=\"{root}index.html\">All endpoints</a></nav>\n<main>\n<h1>{}</h1>\n\
         <p class=\"endpoint\"><code><span class=\"method\">{}</span> {}</code></p>\n",
        esc(page.title),
        esc(page.method),
        esc(page.url)
    );
    let mut sections = Vec::new();
    for section in &page.sections {
        let tabs: Vec<(String, String, String)> = section
            .tabs
            .iter()
            .filter(|t| refused == RefusedSamples::Note || t.sample.outcome.is_ok())
            .map(|tab| {
                let panel = match &tab.sample.outcome {
                    Ok(code) => format!(
                        "<button type=\"button\" class=\"copy\">Copy</button>\n<pre class=\"code\"><code data-lang=\"{}\">{}</code></pre>\n",
                        esc(tab.fence),
                        highlight(syntaxes, syntax(syntaxes, tab), code)
                    ),
                    Err(reason) => {
                        format!("<p class=\"refused\"><strong>Not available:</strong> {}</p>\n", esc(reason))
                    }
                };
                (tab.value.clone(), tab.label.clone(), panel)
            })
            .collect();
        if !tabs.is_empty() {
            let mut panel = String::new();
            tab_set(&mut panel, "language", &tabs);
            let auth = &section.request.auth;
            sections.push((auth.kind.to_string(), auth.label.to_string(), panel));
        }
    }
    if sections.len() > 1 {
        tab_set(&mut out, "auth", &sections);
    } else if let Some((_, _, panel)) = sections.pop() {
        out.push_str(&panel);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    // Every page is held until the run writes: each keeps only its own length.
    out.shrink_to_fit();
    Rendered { path: format!("html/{}.html", page.id), text: out, spec: Default::default() }
}

fn index(pages: &[Page]) -> Rendered {
    let mut out = String::new();
    head(&mut out, "API samples", "");
    out.push_str("<main>\n<h1>API samples</h1>\n<table class=\"index\">\n<tbody>\n");
    for page in pages {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}.html\">{}</a></td><td><code><span class=\"method\">{}</span> {}</code></td></tr>",
            esc(page.id),
            esc(page.title),
            esc(page.method),
            esc(page.url)
        );
    }
    out.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    Rendered { path: "html/index.html".into(), text: out, spec: Default::default() }
}

pub(super) fn site(pages: &[Page], refused: RefusedSamples) -> Vec<Rendered> {
    let syntaxes = SyntaxSet::load_defaults_newlines();
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let theme_css = css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], CLASS_STYLE)
        .expect("the built-in theme converts to CSS");
    let mut files: Vec<Rendered> = pages.par_iter().map(|p| spec_page(&syntaxes, p, refused)).collect();
    files.push(index(pages));
    files.push(Rendered {
        path: "html/snipgen.css".into(),
        text: format!("{STYLE}\n/* Syntax colours: syntect's InspiredGitHub theme. */\n{theme_css}"),
        spec: Default::default(),
    });
    files.push(Rendered {
        path: "html/snipgen.js".into(),
        text: SCRIPT.to_string(),
        spec: Default::default(),
    });
    files
}
