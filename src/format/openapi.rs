//! `--format openapi`: a copy of each input OpenAPI document with `x-codeSamples` (`lang`,
//! `label`, `source`) on every operation, as Redoc, Scalar, Mintlify and
//! docusaurus-openapi-docs read them.
//!
//! Operations are matched by spec id, so a spec in `specs/` that overrides an operation gives
//! it its samples. The document and every file its `$ref`s reach are written below
//! `openapi/`, at their paths relative to the folder all input files share, so relative
//! `$ref`s still resolve. A file with operations is written in its own format (JSON stays
//! JSON with its indentation, YAML stays YAML) and key order; YAML comments and anchors do not
//! survive. A file without operations is copied byte for byte.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Page;
use crate::error::{Diagnostic, Error};
use crate::import::openapi::{CodeSample, DocFile, operation_sites};
use crate::render::Rendered;

/// The samples of every page, by spec id: languages in tab order, and for a spec with several
/// auth methods one entry per method (after the language's label); refused samples left out.
fn samples_by_id<'a>(pages: &'a [Page]) -> BTreeMap<&'a str, Vec<CodeSample>> {
    let mut out = BTreeMap::new();
    for page in pages {
        let several = page.sections.len() > 1;
        let mut list = Vec::new();
        let tabs = page.sections.first().map_or(0, |s| s.tabs.len());
        for i in 0..tabs {
            for section in &page.sections {
                let Some(tab) = section.tabs.get(i) else { continue };
                let Ok(source) = &tab.sample.outcome else { continue };
                let label = if several {
                    format!("{}: {}", tab.label, section.request.auth.label)
                } else {
                    tab.label.clone()
                };
                list.push(CodeSample { lang: tab.fence.to_string(), label, source: source.clone() });
            }
        }
        out.insert(page.id, list);
    }
    out
}

/// One file of the output: its value (edited or not) and where it came from.
struct Out {
    file: DocFile,
    edited: bool,
}

/// Every file of every document, `x-codeSamples` added to the operations.
pub fn documents(docs: &[PathBuf], pages: &[Page]) -> Result<Vec<Rendered>, Error> {
    if docs.is_empty() {
        return Err(Error::Usage(
            "--format openapi writes a copy of each OpenAPI document with x-codeSamples: give the document with --openapi FILE (or `openapi:` in snipgen.yaml)".into(),
        ));
    }
    let samples = samples_by_id(pages);
    // By canonical path, so a file two documents share is written once with both's samples.
    let mut files: BTreeMap<PathBuf, Out> = BTreeMap::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut done = std::collections::BTreeSet::new();
    for doc in docs {
        let (doc_files, sites) = match operation_sites(doc) {
            Ok(found) => found,
            Err(mut e) => {
                errors.append(&mut e);
                continue;
            }
        };
        let keys: Vec<PathBuf> = doc_files.iter().map(|f| f.canonical.clone()).collect();
        for f in doc_files {
            files.entry(f.canonical.clone()).or_insert(Out { file: f, edited: false });
        }
        for site in sites {
            let Some(list) = samples.get(site.id.as_str()) else { continue };
            let out = files.get_mut(&keys[site.file]).expect("every file of the document is listed");
            // An operation two paths share (one path item file) keeps its first id's samples.
            let Some(op) = out.file.value.pointer_mut(&site.pointer).and_then(Value::as_object_mut) else {
                continue;
            };
            if !done.insert((keys[site.file].clone(), site.pointer.clone())) {
                continue;
            }
            op.insert("x-codeSamples".into(), serde_json::to_value(list).expect("samples are plain data"));
            out.edited = true;
        }
    }
    if !errors.is_empty() {
        return Err(Error::Specs(errors));
    }
    let base = common_folder(files.keys());
    let mut rendered = Vec::new();
    for (canonical, out) in &files {
        let relative = canonical.strip_prefix(&base).unwrap_or(canonical);
        let path = format!("openapi/{}", crate::common::slash_joined(relative));
        let text = if out.edited { serialise(&out.file)? } else { out.file.text.clone() };
        rendered.push(Rendered { path, text, spec: PathBuf::from(&out.file.name) });
    }
    Ok(rendered)
}

/// The deepest folder holding every file.
fn common_folder<'a>(paths: impl Iterator<Item = &'a PathBuf>) -> PathBuf {
    let mut base: Option<PathBuf> = None;
    for p in paths {
        let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
        base = Some(match base {
            None => dir,
            Some(b) => {
                b.components().zip(dir.components()).take_while(|(x, y)| x == y).map(|(x, _)| x).collect()
            }
        });
    }
    base.unwrap_or_default()
}

fn is_json(file: &DocFile) -> bool {
    file.canonical.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// The value in the file's own format: JSON with the indentation of its first indented line,
/// YAML as the spec importer writes it (block scalars where they read back exactly).
fn serialise(file: &DocFile) -> Result<String, Error> {
    let problem = |m: String| Error::Specs(vec![Diagnostic::plain(Path::new(&file.name), m)]);
    let mut text = if is_json(file) {
        let indent: String = file
            .text
            .lines()
            .skip(1)
            .map(|l| l.chars().take_while(|c| *c == ' ' || *c == '\t').collect::<String>())
            .find(|i| !i.is_empty())
            .unwrap_or_else(|| "  ".into());
        let mut buf = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
        serde::Serialize::serialize(&file.value, &mut ser).map_err(|e| problem(e.to_string()))?;
        String::from_utf8(buf).expect("serde_json writes UTF-8")
    } else {
        crate::import::to_yaml("", &file.value).map_err(problem)?
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_folder_is_the_shared_prefix() {
        let paths =
            [PathBuf::from("/a/b/c/x.yaml"), PathBuf::from("/a/b/d/y.json"), PathBuf::from("/a/b/z.yaml")];
        assert_eq!(common_folder(paths.iter()), PathBuf::from("/a/b"));
        assert_eq!(common_folder(paths[..1].iter()), PathBuf::from("/a/b/c"));
    }
}
