//! The Markdown formats: plain headings, MkDocs Material content tabs, Docusaurus MDX tabs.
//! Titles and refusal reasons are data, escaped for CommonMark, Python-Markdown and MDX
//! alike; samples go in fences longer than any backtick run they contain.

use std::fmt::Write;

use super::{Format, Page, RefusedSamples, Section, Tab};
use crate::render::Rendered;

/// Text escaped for a heading or paragraph in all three dialects: `<`, `>` and `&` as
/// character references (MDX would read `<` as JSX), and the punctuation that starts inline
/// syntax backslash-escaped (Python-Markdown escapes only these), `~` as a character
/// reference. Line breaks become spaces.
pub(super) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // GFM (Docusaurus) and pymdownx.tilde read `~~x~~` as strikethrough; Python-Markdown
            // does not take `\~`, a character reference reads the same in all three.
            '~' => out.push_str("&#126;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A content tab's title (`=== "title"`), which Python-Markdown reads as inline text: the
/// title's own quotes and the characters that start markup made inert, while labels such as
/// `C#` stay as they are (`#` starts a heading only at the start of a line).
fn tab_title(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '#' | '!' => out.push(c),
            c => out.push_str(&inline(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// A JSX attribute holding `value`: a plain string when it holds nothing JSX or MDX could
/// read otherwise (every built-in label), else a JavaScript string expression whose
/// characters that MDX's own syntax uses are escaped too.
fn jsx_attribute(name: &str, value: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || " #()+,-./:;_'".contains(c);
    if value.chars().all(plain) {
        return format!("{name}=\"{value}\"");
    }
    let mut literal = String::from("\"");
    for c in value.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '{' | '}' | '&' | '`' => {
                let _ = write!(literal, "\\u{:04x}", c as u32);
            }
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(literal, "\\u{unit:04x}");
                }
            }
            c => literal.push(c),
        }
    }
    literal.push('"');
    format!("{name}={{{literal}}}")
}

/// An inline code span of `text` (which has no line breaks), delimited by more backticks
/// than it contains in a row.
fn code_span(text: &str) -> String {
    let ticks = "`".repeat(longest_run(text, '`') + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A fenced code block, each line indented by `indent` (blank lines left empty).
fn fence(out: &mut String, indent: &str, language: &str, code: &str) {
    let ticks = "`".repeat(longest_run(code, '`').max(2) + 1);
    let _ = writeln!(out, "{indent}{ticks}{language}");
    for line in code.split_terminator('\n') {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{line}");
        }
    }
    let _ = writeln!(out, "{indent}{ticks}");
}

fn note(reason: &str) -> String {
    format!("**Not available:** {}\n", inline(reason))
}

fn visible<'a>(section: &'a Section, refused: RefusedSamples) -> Vec<&'a Tab<'a>> {
    section.tabs.iter().filter(|t| refused == RefusedSamples::Note || t.sample.outcome.is_ok()).collect()
}

/// Whether a line of `code` is one pymdownx.snippets acts on (`--8<-- "file"`, a block
/// marker, or one escaped with `;`). Snippets reads raw lines before any fence is parsed, so
/// such a line in a sample would pull a file of the docs site into the page (or vanish).
fn snippets_line(code: &str) -> bool {
    code.lines().any(|line| {
        let rest = line.trim_start_matches([' ', '\t']).trim_start_matches(';');
        let dashes = rest.len() - rest.trim_start_matches('-').len();
        dashes > 0 && rest[dashes..].starts_with("8<-")
    })
}

const SNIPPETS_NOTE: &str = "a line of this sample starts like a pymdownx.snippets include (`--8<--`), which MkDocs would replace with a file of the site; the sample file has it as written";

/// The body of one tab or section: the code, or the refusal note.
fn body(out: &mut String, format: Format, indent: &str, tab: &Tab) {
    match &tab.sample.outcome {
        Ok(code) if format == Format::Mkdocs && snippets_line(code) => {
            let _ = write!(out, "{indent}{}", note(SNIPPETS_NOTE));
        }
        Ok(code) => fence(out, indent, tab.fence, code),
        Err(reason) => {
            let _ = write!(out, "{indent}{}", note(reason));
        }
    }
}

fn header(page: &Page) -> String {
    format!("# {}\n\n{}\n", inline(page.title), code_span(&format!("{} {}", page.method, page.url)))
}

pub(super) fn page(format: Format, page: &Page, refused: RefusedSamples) -> Rendered {
    let several = page.sections.len() > 1;
    let mut out = String::new();
    if format == Format::Mdx {
        out.push_str("import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n");
    }
    out.push_str(&header(page));
    let sections: Vec<(&Section, Vec<&Tab>)> =
        page.sections.iter().map(|s| (s, visible(s, refused))).filter(|(_, tabs)| !tabs.is_empty()).collect();
    match format {
        Format::Markdown => {
            let level = if several { "###" } else { "##" };
            for (section, tabs) in &sections {
                if several {
                    let _ = write!(out, "\n## {}\n", inline(section.request.auth.label));
                }
                for tab in tabs {
                    let _ = write!(out, "\n{level} {}\n\n", inline(&tab.label));
                    body(&mut out, format, "", tab);
                }
            }
        }
        Format::Mkdocs => {
            // Content tabs (pymdownx.tabbed): a tab's content is indented four spaces.
            let inner = if several { "    " } else { "" };
            for (section, tabs) in &sections {
                if several {
                    let _ = write!(out, "\n=== \"{}\"\n", tab_title(section.request.auth.label));
                }
                for tab in tabs {
                    let _ = write!(out, "\n{inner}=== \"{}\"\n\n", tab_title(&tab.label));
                    body(&mut out, format, &format!("{inner}    "), tab);
                }
            }
        }
        Format::Mdx => {
            if several {
                out.push_str("\n<Tabs groupId=\"auth\">\n");
            }
            for (section, tabs) in &sections {
                if several {
                    let auth = &section.request.auth;
                    let _ = writeln!(
                        out,
                        "<TabItem value=\"{}\" {}>",
                        auth.kind,
                        jsx_attribute("label", auth.label)
                    );
                }
                out.push_str("\n<Tabs groupId=\"language\">\n");
                for tab in tabs {
                    let label = jsx_attribute("label", &tab.label);
                    let _ = write!(out, "<TabItem value=\"{}\" {label}>\n\n", tab.value);
                    body(&mut out, format, "", tab);
                    out.push_str("\n</TabItem>\n");
                }
                out.push_str("</Tabs>\n");
                if several {
                    out.push_str("\n</TabItem>\n");
                }
            }
            if several {
                out.push_str("</Tabs>\n");
            }
        }
        Format::Files | Format::Json | Format::Html | Format::Openapi => {
            unreachable!("not a Markdown format")
        }
    }
    // Every page is held until the run writes: each keeps only its own length.
    out.shrink_to_fit();
    Rendered { path: super::page_path(format, page.id), text: out, spec: Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_start_markup() {
        assert_eq!(
            inline("a <b> & {c} *d* _e_ [f](g) #\nh ~~i~~"),
            r"a &lt;b&gt; &amp; \{c\} \*d\* \_e\_ \[f\](g) \# h &#126;&#126;i&#126;&#126;"
        );
    }

    #[test]
    fn labels_are_data_in_tab_titles_and_jsx() {
        assert_eq!(tab_title("C# (RestSharp)"), "C# (RestSharp)");
        assert_eq!(tab_title("a \"b\" <i> & `c` *d*"), r"a &quot;b&quot; &lt;i&gt; &amp; \`c\` \*d\*");
        assert_eq!(jsx_attribute("label", "C# (HttpClient)"), "label=\"C# (HttpClient)\"");
        assert_eq!(
            jsx_attribute("label", "a\"{b}<c>\u{2028}é"),
            r#"label={"a\u0022\u007bb\u007d\u003cc\u003e\u2028é"}"#
        );
    }

    #[test]
    fn snippets_include_lines_are_found_in_every_spelling() {
        for line in ["--8<-- \"mkdocs.yml\"", "  -8<- 'a'", "\t;--8<--", "--8<--", "x\n---8<---\ny"] {
            assert!(snippets_line(line), "{line:?}");
        }
        for line in ["# --8<-- \"a\"", "8<--", "--8>--", "-- 8<--", "a --8<-- \"b\""] {
            assert!(!snippets_line(line), "{line:?}");
        }
    }

    #[test]
    fn fences_and_spans_outgrow_the_backticks_inside() {
        assert_eq!(code_span("GET /a"), "`GET /a`");
        assert_eq!(code_span("a``b"), "```a``b```");
        let mut out = String::new();
        fence(&mut out, "  ", "bash", "echo ````\n\nx\n");
        assert_eq!(out, "  `````bash\n  echo ````\n\n  x\n  `````\n");
    }
}
