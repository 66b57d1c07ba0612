//! The client registry: one record per client, read from `templates/clients.yaml` (embedded)
//! and, when present, the user's `<templates>/clients.yaml` on top. Render, refusal, verify and
//! the `languages` listing all read these records; nothing else matches on language names.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::error::{Diagnostic, Error};
use crate::model::{Body, Request};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A file shipped in the binary, by its `/`-separated name: under `templates/` (a template, a
/// macro file, clients.yaml), or `stubs/…` (verify's wrappers and stubs).
pub fn embedded_file(name: &str) -> Option<&'static str> {
    embedded::EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

/// Every file shipped in the binary: (name, contents).
pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
    embedded::EMBEDDED
}

/// One language: how its samples are named and shown, and its clients in tab order.
#[derive(Debug, Clone)]
pub struct Language {
    pub id: String,
    pub label: String,
    /// The sample's file extension, without the dot.
    pub extension: String,
    /// The Markdown code fence's language.
    pub fence: String,
    /// One level of indentation, as the language's community writes it.
    pub indent: String,
    /// The first client is the default.
    pub clients: Vec<Client>,
    /// Rendered only when `--lang` (or `lang:`) names it: not one of the reference page's
    /// languages, so a default run's output stays the reference page's. Verified always.
    pub opt_in: bool,
}

/// One way of writing a request in a language (a library or tool).
#[derive(Debug, Clone)]
pub struct Client {
    pub id: String,
    pub label: String,
    /// What the client cannot send.
    pub refuses: Refuses,
    /// How `verify` runs its samples; `None`: reported SKIPPED.
    pub verify: Option<Recipe>,
    /// The sample is a message's bytes (raw HTTP), written exactly as rendered: no final
    /// newline is added after it, since that would be a byte of the body.
    pub verbatim: bool,
    /// Presets (`--preset`) that choose this client for its language.
    pub presets: Vec<String>,
}

/// What a client cannot send faithfully; each field is the reason printed, `None` when the
/// client can send it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refuses {
    /// Methods outside `except`'s list; `{method}` in the reason.
    pub methods: Option<Listed>,
    /// Header names in `except` or starting with one of `except_prefixes`, compared
    /// case-insensitively; `{header}` in the reason.
    pub headers: Option<Listed>,
    /// Body kinds (form, json, text, multipart, binary, graphql) outside `except`'s list;
    /// `{body}` in the reason.
    pub bodies: Option<Listed>,
    /// A multipart body with a part name twice.
    pub repeated_part_names: Option<String>,
    /// A multipart text part with its own Content-Type.
    pub typed_text_parts: Option<String>,
    /// A multipart part read from a file.
    pub file_parts: Option<String>,
    /// A multipart body with another method than those in `except`; `{method}` in the reason.
    pub multipart_methods: Option<Listed>,
    /// A multipart body whose order changes when text parts are sent before files, each
    /// name's parts together (clients keeping fields and files in two maps of lists).
    pub ungrouped_parts: Option<String>,
    /// A multipart body with a text part before a file part (clients that send every file
    /// first, then every text field).
    pub text_parts_before_files: Option<String>,
    /// A header value with leading or trailing space or tab; `{header}` in the reason.
    pub padded_header_values: Option<String>,
    /// A query parameter sent without `=` (`?flag`), for clients that give it a value;
    /// `{query}` in the reason.
    pub valueless_query: Option<String>,
    /// A query name repeated after other names (clients keeping the query in a hash, which
    /// send each name's values together); `{query}` in the reason.
    pub scattered_query_names: Option<String>,
    /// A Content-Type header on a request without a body (clients that keep the type on
    /// the body object, and drop or refuse it without one).
    pub content_type_without_body: Option<String>,
    /// A header value holding one of `any`; `{header}` in the reason.
    pub header_values_containing: Option<Containing>,
    /// A multipart body with a part name repeated after parts of other names (clients that
    /// send each name's parts together, at the first one's place).
    pub scattered_part_names: Option<String>,
    /// A multipart part name or file name with a character outside ASCII (clients that
    /// encode such a name, RFC 2047, instead of sending its UTF-8 as browsers do); `{part}`
    /// (quoted) in the reason.
    pub non_ascii_part_names: Option<String>,
    /// A multipart text value with a CR or LF outside a CRLF pair (clients whose FormData
    /// turns every line break into CRLF); `{part}` (quoted) in the reason.
    pub bare_line_breaks_in_parts: Option<String>,
    /// A multipart text value or part Content-Type holding one of `any`; `{part}` (the part's
    /// name, quoted) in the reason.
    pub part_values_containing: Option<Containing>,
    /// A file path (a binary body's or a file part's) holding one of `any`; `{file}` (quoted)
    /// in the reason.
    pub file_paths_containing: Option<Containing>,
    /// A file part sent under another file name than its path's last segment (clients that
    /// name an upload after the file they read); `{part}` (quoted) in the reason.
    pub renamed_file_parts: Option<String>,
    /// A method with a character not in `only`; `{method}` in the reason.
    pub method_chars: Option<Chars>,
}

/// Substrings a client cannot spell in a value, and the reason printed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Containing {
    pub any: Vec<String>,
    pub because: String,
}

impl Containing {
    /// Whether `text` holds one of `any`.
    fn found_in(&self, text: &str) -> bool {
        self.any.iter().any(|s| text.contains(s.as_str()))
    }
}

/// The characters a client can take in a value, and the reason printed for any other.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chars {
    pub only: String,
    pub because: String,
}

/// A list the client is limited by, and the reason printed when a request crosses it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listed {
    #[serde(default)]
    pub except: Vec<String>,
    #[serde(default)]
    pub except_prefixes: Vec<String>,
    pub because: String,
}

/// How `verify` checks a sample of this client.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// The steps run the real client; the request is compared.
    #[default]
    Run,
    /// The steps run the sample against a stub of the client library that sends the request it
    /// was asked for; compared, but reported CHECKED since the real client did not run.
    Stub,
    /// Sent over a socket by snipgen itself (the sample is a raw HTTP request).
    Raw,
    /// Parsed with tree-sitter-swift, every request value found in a string literal; CHECKED.
    ParseSwift,
}

/// A client's verify recipe. Strings may hold the placeholders listed in clients.yaml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    #[serde(default)]
    pub mode: Mode,
    /// How the sample is run or checked, for the report.
    pub how: String,
    /// Relative run time, to start slow runtimes first (scheduling only).
    #[serde(default = "one")]
    pub cost: u32,
    /// What must be present, else the client's samples are SKIPPED.
    #[serde(default)]
    pub needs: Needs,
    /// The sample's file name in its folder.
    pub sample: String,
    /// A support file holding a program around the sample: its `{sample}` is replaced by the
    /// sample's text.
    pub wrap: Option<String>,
    /// More files for the folder: name there → a support file (the user's templates folder
    /// first, then snipgen's own).
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Commands run in order in the sample's folder; the first failure fails the sample.
    #[serde(default)]
    pub steps: Vec<Vec<String>>,
    /// A header value the harness cannot send although the real client could.
    pub header_values: Option<HeaderValueRule>,
    /// Appended to a missing runtime's reason (`install:` at the top of the file).
    pub install: Option<String>,
    /// How to run many samples together (one compile, one driver process); `None`: one by one.
    pub batch: Option<Batch>,
}

/// Many samples of one client in one folder: each sample (wrapped as `wrap` says) is written
/// to its own file, with `prefix`/`suffix` around it and `rename` applied, so that they can be
/// compiled together; the driver calls each in turn and prints `snipgen-batch-ok N` after
/// sample N returned. A sample without that line (or the whole batch, when a step fails) is
/// run again alone with `steps`, so a failure is reported exactly as for a single sample.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    /// Each sample's file name in the batch folder; `{n}` is its number in the batch.
    pub sample: String,
    /// Text written before the wrapped sample (e.g. `package s{n};`); `{n}` filled in.
    #[serde(default)]
    pub prefix: String,
    /// Text written after it (e.g. the `}` of a namespace); `{n}` filled in.
    #[serde(default)]
    pub suffix: String,
    /// A text replaced once in the wrapped sample (e.g. `func main() {` → `func main{n}() {`);
    /// a sample without it runs alone.
    pub rename: Option<Rename>,
    /// The program that runs the samples.
    pub driver: Driver,
    /// Samples per batch at most: several batches of a client run in parallel.
    #[serde(default = "batch_size")]
    pub size: usize,
    /// Commands run in order in the batch folder (the recipe's `env` applies). An argument
    /// that is exactly `{samples}` stands for every sample's file name.
    pub steps: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rename {
    pub from: String,
    pub to: String,
}

/// The driver file: the support file `from`, written as `file`, its `{each}` replaced by
/// `each` once per sample with `{n}`, `{origin}` (its server) and `{files}` (its body's files
/// as JSON) filled in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Driver {
    pub file: String,
    pub from: String,
    pub each: String,
}

fn batch_size() -> usize {
    100
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Needs {
    /// Programs that must be on PATH.
    #[serde(default)]
    pub programs: Vec<String>,
    /// Files that must exist.
    #[serde(default)]
    pub files: Vec<String>,
    /// Commands that must succeed, with the reason printed when one does not.
    #[serde(default)]
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub run: Vec<String>,
    pub because: String,
}

/// Header values a verify harness refuses (`rule`), with the reason (`{header}` filled in) and
/// the commands that check the sample instead.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderValueRule {
    pub rule: HeaderRule,
    pub because: String,
    pub instead: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeaderRule {
    /// jsdom 26's XMLHttpRequest: `^[ \t]*(?:V(?:[ \t]V)?)*[ \t]*$` (V a visible character).
    Jsdom,
}

impl HeaderRule {
    pub fn accepts(self, value: &str) -> bool {
        match self {
            // Inside the trimmed value every space or tab must stand alone, with at least two
            // visible characters before the next one. So `a  b` and `~ * ?` are refused.
            HeaderRule::Jsdom => {
                let inner = value.trim_matches([' ', '\t']);
                if inner.is_empty() {
                    return true;
                }
                let words: Vec<&str> = inner.split([' ', '\t']).collect();
                let last = words.len().saturating_sub(1);
                words.iter().enumerate().all(|(i, w)| !w.is_empty() && (i == 0 || i == last || w.len() >= 2))
            }
        }
    }
}

impl Language {
    pub fn default_client(&self) -> &Client {
        &self.clients[0]
    }

    pub fn client(&self, id: &str) -> Option<&Client> {
        self.clients.iter().find(|c| c.id == id)
    }

    pub fn template_name(&self, client: &Client) -> String {
        format!("{}/{}.tera", self.id, client.id)
    }
}

impl Client {
    /// Why this client cannot send `request`, if it cannot (the first limit crossed).
    pub fn refusal(&self, request: &Request) -> Option<String> {
        let r = &self.refuses;
        if let Some(l) = &r.methods
            && !l.except.contains(&request.method)
        {
            return Some(l.because.replace("{method}", &request.method));
        }
        if let Some(c) = &r.method_chars
            && !request.method.chars().all(|m| c.only.contains(m))
        {
            return Some(c.because.replace("{method}", &request.method));
        }
        if let Some(l) = &r.headers
            && let Some(h) = request.headers.iter().find(|h| {
                let name = h.name.as_bytes();
                l.except.iter().any(|f| f.eq_ignore_ascii_case(&h.name))
                    || l.except_prefixes
                        .iter()
                        .any(|p| name.len() >= p.len() && name[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
            })
        {
            return Some(l.because.replace("{header}", &h.name));
        }
        if let Some(why) = &r.padded_header_values
            && let Some(h) = request.headers.iter().find(|h| h.value.trim_matches([' ', '\t']) != h.value)
        {
            return Some(why.replace("{header}", &h.name));
        }
        if let Some(c) = &r.header_values_containing
            && let Some(h) = request.headers.iter().find(|h| c.found_in(&h.value))
        {
            return Some(c.because.replace("{header}", &h.name));
        }
        if let Some(why) = &r.valueless_query
            && let Some(q) = request.query.iter().find(|q| q.value.is_none())
        {
            return Some(why.replace("{query}", &q.name));
        }
        if let Some(why) = &r.scattered_query_names
            && let Some(q) = request.query.iter().enumerate().find_map(|(i, q)| {
                let before = &request.query[..i];
                let scattered =
                    i > 0 && before[i - 1].name != q.name && before.iter().any(|p| p.name == q.name);
                scattered.then_some(q)
            })
        {
            return Some(why.replace("{query}", &q.name));
        }
        if let Some(why) = &r.content_type_without_body
            && request.body.is_none()
            && request.content_type.is_some()
        {
            return Some(why.clone());
        }
        let body = request.body.as_ref()?;
        if let Some(l) = &r.bodies
            && !l.except.iter().any(|k| k == body.kind())
        {
            return Some(l.because.replace("{body}", body.kind()));
        }
        if let Some(c) = &r.file_paths_containing {
            let files: Vec<&str> = match body {
                Body::Binary { file, .. } => vec![file],
                Body::Multipart { parts, .. } => parts.iter().filter_map(|p| p.file.as_deref()).collect(),
                _ => Vec::new(),
            };
            if let Some(file) = files.into_iter().find(|f| c.found_in(f)) {
                return Some(c.because.replace("{file}", &format!("{file:?}")));
            }
        }
        let Body::Multipart { parts, repeated_names, has_files, grouped_in_order, .. } = body else {
            return None;
        };
        if let Some(l) = &r.multipart_methods
            && !l.except.contains(&request.method)
        {
            return Some(l.because.replace("{method}", &request.method));
        }
        if !grouped_in_order && let Some(why) = &r.ungrouped_parts {
            return Some(why.clone());
        }
        if let Some(why) = &r.text_parts_before_files
            && parts.iter().skip_while(|p| p.file.is_some()).any(|p| p.file.is_some())
        {
            return Some(why.clone());
        }
        if *repeated_names && let Some(why) = &r.repeated_part_names {
            return Some(why.clone());
        }
        if let Some(why) = &r.typed_text_parts
            && parts.iter().any(|p| p.is_text && p.content_type.is_some())
        {
            return Some(why.clone());
        }
        if *has_files && let Some(why) = &r.file_parts {
            return Some(why.clone());
        }
        if let Some(why) = &r.scattered_part_names
            && parts.iter().enumerate().any(|(i, p)| {
                i > 0 && parts[i - 1].name != p.name && parts[..i - 1].iter().any(|q| q.name == p.name)
            })
        {
            return Some(why.clone());
        }
        let quoted = |p: &crate::model::Part| format!("{:?}", p.name);
        if let Some(why) = &r.non_ascii_part_names
            && let Some(p) = parts
                .iter()
                .find(|p| !p.name.is_ascii() || p.filename.as_ref().is_some_and(|f| !f.is_ascii()))
        {
            return Some(why.replace("{part}", &quoted(p)));
        }
        if let Some(why) = &r.bare_line_breaks_in_parts
            && let Some(p) = parts.iter().find(|p| p.value.as_deref().is_some_and(has_bare_line_break))
        {
            return Some(why.replace("{part}", &quoted(p)));
        }
        if let Some(c) = &r.part_values_containing
            && let Some(p) = parts
                .iter()
                .find(|p| [&p.value, &p.sent_type].into_iter().flatten().any(|text| c.found_in(text)))
        {
            return Some(c.because.replace("{part}", &quoted(p)));
        }
        if let Some(why) = &r.renamed_file_parts
            && let Some(p) = parts.iter().find(|p| match (&p.file, &p.filename) {
                (Some(file), Some(filename)) => crate::model::last_segment(file) != *filename,
                _ => false,
            })
        {
            return Some(why.replace("{part}", &quoted(p)));
        }
        None
    }
}

/// Whether `text` has a CR not followed by LF, or an LF not after a CR.
fn has_bare_line_break(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        b'\n' => i == 0 || bytes[i - 1] != b'\r',
        _ => false,
    })
}

/// Every language and client, in tab order.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub languages: Vec<Language>,
}

/// The shape of a clients.yaml: every field optional, so a user's file can change one field
/// of a built-in record.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    install: Option<String>,
    #[serde(default)]
    languages: Vec<LanguageRecord>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageRecord {
    id: String,
    label: Option<String>,
    extension: Option<String>,
    fence: Option<String>,
    indent: Option<String>,
    opt_in: Option<bool>,
    #[serde(default)]
    clients: Vec<ClientRecord>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientRecord {
    id: String,
    label: Option<String>,
    refuses: Option<Refuses>,
    verify: Option<Recipe>,
    verbatim: Option<bool>,
    presets: Option<Vec<String>>,
}

/// Whether `value` is non-empty and each character alphanumeric ASCII or one of `also`.
fn plain_ascii(value: &str, also: &str) -> bool {
    !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || also.contains(c))
}

/// Refuses the values that end up in paths, `--lang` lists, fences and pages' markup unless
/// they are plain: whatever a user's registry holds is data wherever it goes.
fn check_record(record: &LanguageRecord) -> Result<(), String> {
    let id = |kind: &str, id: &str| {
        if plain_ascii(id, "-_") && !id.starts_with(['-', '_']) {
            Ok(())
        } else {
            Err(format!(
                "{kind} id {id:?} may hold only ASCII letters, digits, `-` and `_`, starting with a letter or digit: it names files, folders, tabs and `--lang` values"
            ))
        }
    };
    id("language", &record.id)?;
    for client in &record.clients {
        id("client", &client.id)?;
    }
    if let Some(extension) = &record.extension
        && (!plain_ascii(extension, "-_.") || extension.starts_with('.'))
    {
        return Err(format!(
            "language `{}`: extension {extension:?} may hold only ASCII letters, digits, `-`, `_` and `.`, without the leading dot (`py`)",
            record.id
        ));
    }
    if let Some(fence) = &record.fence
        && !(fence.is_empty() || plain_ascii(fence, "-_.+#"))
    {
        return Err(format!(
            "language `{}`: fence {fence:?} may hold only ASCII letters, digits, `-`, `_`, `.`, `+` and `#` (it follows the backticks of a Markdown code block)",
            record.id
        ));
    }
    if let Some(indent) = &record.indent
        && !indent.chars().all(|c| c == ' ' || c == '\t')
    {
        return Err(format!("language `{}`: indent {indent:?} may hold only spaces and tabs", record.id));
    }
    Ok(())
}

static BUILTIN: LazyLock<Registry> = LazyLock::new(|| {
    let text = embedded_file("clients.yaml").expect("templates/clients.yaml is embedded");
    let mut registry = Registry::default();
    registry.merge(Path::new("templates/clients.yaml"), text).expect("the built-in clients.yaml is valid");
    registry
});

/// The built-in registry.
pub fn builtin() -> &'static Registry {
    &BUILTIN
}

/// The built-in languages, in tab order.
pub fn languages() -> &'static [Language] {
    &BUILTIN.languages
}

const DEFAULT_INDENT: &str = "  ";

impl Registry {
    /// The built-ins, with `<templates>/clients.yaml` merged on top when it exists.
    /// Targets borrow their records for the whole run, so a user's registry lives as long
    /// as the process (one per run).
    pub fn load(templates: Option<&Path>) -> Result<&'static Registry, Error> {
        let Some(path) = templates.map(|t| t.join("clients.yaml")).filter(|p| p.is_file()) else {
            return Ok(builtin());
        };
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let mut registry = builtin().clone();
        registry.merge(&path, &text).map_err(|d| Error::Specs(vec![d]))?;
        Ok(Box::leak(Box::new(registry)))
    }

    /// Adds the records of one clients.yaml: known ids change the fields given, new ones are
    /// appended in file order.
    fn merge(&mut self, path: &Path, text: &str) -> Result<(), Diagnostic> {
        let file: File = serde_saphyr::from_str(text).map_err(|e| crate::common::yaml_error(path, &e))?;
        let missing =
            |what: &str, id: &str| Diagnostic::plain(path, format!("new language `{id}` needs `{what}`"));
        for record in &file.languages {
            check_record(record).map_err(|message| Diagnostic::plain(path, message))?;
        }
        for record in file.languages {
            let at = match self.languages.iter().position(|l| l.id == record.id) {
                Some(at) => at,
                None => {
                    self.languages.push(Language {
                        label: record.label.clone().ok_or_else(|| missing("label", &record.id))?,
                        extension: record
                            .extension
                            .clone()
                            .ok_or_else(|| missing("extension", &record.id))?,
                        fence: record.fence.clone().unwrap_or_default(),
                        indent: DEFAULT_INDENT.to_string(),
                        id: record.id.clone(),
                        clients: Vec::new(),
                        opt_in: false,
                    });
                    self.languages.len() - 1
                }
            };
            let language = &mut self.languages[at];
            if let Some(v) = record.label {
                language.label = v;
            }
            if let Some(v) = record.extension {
                language.extension = v;
            }
            if let Some(v) = record.fence {
                language.fence = v;
            }
            if let Some(v) = record.indent {
                language.indent = v;
            }
            if let Some(v) = record.opt_in {
                language.opt_in = v;
            }
            for c in record.clients {
                let mut verify = c.verify;
                if let Some(v) = &mut verify
                    && v.install.is_none()
                {
                    v.install = file.install.clone();
                }
                match language.clients.iter_mut().find(|k| k.id == c.id) {
                    Some(known) => {
                        if let Some(v) = c.label {
                            known.label = v;
                        }
                        if let Some(v) = c.refuses {
                            known.refuses = v;
                        }
                        if verify.is_some() {
                            known.verify = verify;
                        }
                        if let Some(v) = c.verbatim {
                            known.verbatim = v;
                        }
                        if let Some(v) = c.presets {
                            known.presets = v;
                        }
                    }
                    None => language.clients.push(Client {
                        label: c.label.unwrap_or_else(|| c.id.clone()),
                        id: c.id,
                        refuses: c.refuses.unwrap_or_default(),
                        verify,
                        verbatim: c.verbatim.unwrap_or(false),
                        presets: c.presets.unwrap_or_default(),
                    }),
                }
            }
            if language.clients.is_empty() {
                return Err(Diagnostic::plain(path, format!("language `{}` has no clients", language.id)));
            }
        }
        Ok(())
    }

    pub fn find(&self, id: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.id == id)
    }

    /// Every language a default run renders (opt-in ones left out), with its default client,
    /// in tab order.
    pub fn defaults(&'static self) -> Vec<Target> {
        self.languages
            .iter()
            .filter(|l| !l.opt_in)
            .map(|l| Target { language: l, client: l.default_client() })
            .collect()
    }

    /// Every client of every language, in tab order.
    pub fn all_clients(&'static self) -> Vec<Target> {
        self.languages
            .iter()
            .flat_map(|l| l.clients.iter().map(move |c| Target { language: l, client: c }))
            .collect()
    }

    /// Parses `--lang` values: comma-separated `lang` or `lang:client`; empty means every
    /// language rendered by default.
    pub fn parse_targets(&'static self, specs: &[String]) -> Result<Vec<Target>, String> {
        self.parse_targets_with(specs, None)
    }

    /// The preset names the records know, sorted.
    pub fn presets(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .languages
            .iter()
            .flat_map(|l| &l.clients)
            .flat_map(|c| &c.presets)
            .map(String::as_str)
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// `Err` naming the known presets when `preset` is not one of them.
    pub fn check_preset(&self, preset: &str) -> Result<(), String> {
        let known = self.presets();
        if known.contains(&preset) {
            Ok(())
        } else {
            Err(format!("unknown preset `{preset}`, expected one of {}", known.join(", ")))
        }
    }

    /// A language's client under `preset`: the first client the preset names, else the default.
    fn preset_client(language: &'static Language, preset: Option<&str>) -> &'static Client {
        preset
            .and_then(|p| language.clients.iter().find(|c| c.presets.iter().any(|n| n == p)))
            .unwrap_or_else(|| language.default_client())
    }

    /// As [`Registry::parse_targets`], with a bare language id (and the default list) meaning
    /// the client `preset` chooses for it.
    pub fn parse_targets_with(
        &'static self,
        specs: &[String],
        preset: Option<&str>,
    ) -> Result<Vec<Target>, String> {
        if specs.is_empty() {
            return Ok(self
                .languages
                .iter()
                .filter(|l| !l.opt_in)
                .map(|l| Target { language: l, client: Self::preset_client(l, preset) })
                .collect());
        }
        let mut targets: Vec<Target> = Vec::new();
        for item in specs.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
            let (lang_id, client_id) = match item.split_once(':') {
                Some((l, c)) => (l, Some(c)),
                None => (item, None),
            };
            let language = self.find(lang_id).ok_or_else(|| {
                let ids: Vec<&str> = self.languages.iter().map(|l| l.id.as_str()).collect();
                format!(
                    "unknown language `{lang_id}`, expected one of {}{}",
                    ids.join(", "),
                    crate::common::did_you_mean(lang_id, ids.iter().copied())
                )
            })?;
            let client = match client_id {
                None => Self::preset_client(language, preset),
                Some(c) => language.client(c).ok_or_else(|| {
                    let ids: Vec<&str> = language.clients.iter().map(|c| c.id.as_str()).collect();
                    format!("unknown client `{c}` for {lang_id}, expected one of {}", ids.join(", "))
                })?,
            };
            if targets.iter().any(|t| t.language.id == language.id && t.client.id == client.id) {
                return Err(format!("`{lang_id}:{}` is selected twice", client.id));
            }
            targets.push(Target { language, client });
        }
        // Tab order, whatever order the user typed; a language's clients in registry order.
        targets.sort_by_key(|t| {
            let language = self.languages.iter().position(|l| l.id == t.language.id);
            (language, t.language.clients.iter().position(|c| c.id == t.client.id))
        });
        Ok(targets)
    }
}

/// Parses `--lang` values against the built-in registry.
pub fn parse_targets(specs: &[String]) -> Result<Vec<Target>, String> {
    builtin().parse_targets(specs)
}

/// A language with the client chosen for it.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub language: &'static Language,
    pub client: &'static Client,
}

impl Target {
    /// The sample's file name: `<lang>.<ext>`, or `<lang>-<client>.<ext>` for a client that
    /// is not the default when several clients of the language are rendered.
    pub fn file_name(&self, all: &[Target]) -> String {
        let siblings = all.iter().filter(|t| t.language.id == self.language.id).count();
        let (language, extension) = (self.language.id.as_str(), self.language.extension.as_str());
        if siblings > 1 && !self.is_default() {
            [language, "-", &self.client.id, ".", extension].concat()
        } else {
            [language, ".", extension].concat()
        }
    }

    pub fn is_default(&self) -> bool {
        self.client.id == self.language.default_client().id
    }

    /// The tab's label: the language's, with the client's for a non-default client.
    pub fn label(&self) -> String {
        if self.is_default() {
            self.language.label.clone()
        } else {
            format!("{} ({})", self.language.label, self.client.label)
        }
    }

    /// The Markdown code fence's language.
    pub fn fence(&self) -> &str {
        &self.language.fence
    }

    pub fn extension(&self) -> &str {
        &self.language.extension
    }

    /// Why the client cannot send `request`, with another client of the language that can.
    pub fn refusal(&self, request: &Request) -> Option<String> {
        let why = self.client.refusal(request)?;
        let other =
            self.language.clients.iter().find(|c| c.id != self.client.id && c.refusal(request).is_none());
        Some(match other {
            Some(c) => {
                format!("{why}; render {} with --lang {}:{}", self.language.label, self.language.id, c.id)
            }
            None => why,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_line_breaks_are_those_outside_crlf() {
        for text in ["a\nb", "a\rb", "\n", "a\r", "a\r\n\n", "\r\r\n"] {
            assert!(has_bare_line_break(text), "{text:?}");
        }
        for text in ["", "ab", "a\r\nb", "\r\n\r\n"] {
            assert!(!has_bare_line_break(text), "{text:?}");
        }
    }

    /// Every built-in record has its template, a fence and a verify recipe whose support files
    /// are shipped, so a client added to clients.yaml without them fails here.
    #[test]
    fn builtin_records_are_complete() {
        for t in builtin().all_clients() {
            let name = t.language.template_name(t.client);
            assert!(embedded_file(&name).is_some(), "{name} is not shipped");
            assert!(!t.fence().is_empty(), "{name}: no fence");
            let recipe = t.client.verify.as_ref().unwrap_or_else(|| panic!("{name}: no verify recipe"));
            let driver = recipe.batch.as_ref().map(|b| &b.driver.from);
            for file in recipe.files.values().chain(&recipe.wrap).chain(driver) {
                assert!(embedded_file(file).is_some(), "{name}: support file {file} is not shipped");
            }
        }
    }

    /// Languages added after the reference page's eleven are rendered only when asked for,
    /// unless a record says otherwise.
    #[test]
    fn the_default_set_is_the_records_choice() {
        let ids = |targets: Vec<Target>| targets.iter().map(|t| t.language.id.clone()).collect::<Vec<_>>();
        let defaults = ids(builtin().parse_targets(&[]).unwrap());
        assert_eq!(defaults.len(), 11);
        assert!(!defaults.contains(&"kotlin".to_string()));
        assert_eq!(ids(builtin().parse_targets(&["kotlin".into()]).unwrap()), ["kotlin"]);
        let mut registry = builtin().clone();
        registry.merge(Path::new("clients.yaml"), "languages:\n  - id: kotlin\n    opt_in: false\n").unwrap();
        let registry: &'static Registry = Box::leak(Box::new(registry));
        assert!(ids(registry.parse_targets(&[]).unwrap()).contains(&"kotlin".to_string()));
    }

    #[test]
    fn user_records_change_fields_and_append_clients() {
        let mut registry = builtin().clone();
        let text = "languages:\n  - id: php\n    label: PHP 8\n    clients:\n      - id: guzzle\n";
        registry.merge(Path::new("clients.yaml"), text).unwrap();
        let php = registry.find("php").unwrap();
        assert_eq!(php.label, "PHP 8");
        assert_eq!(php.extension, "php");
        let ids: Vec<&str> = php.clients.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["http_request2", "curl", "guzzle"]);
        let new = "languages:\n  - id: lua\n    clients: [{id: socket}]\n";
        let err = registry.merge(Path::new("clients.yaml"), new).unwrap_err();
        assert_eq!(err.to_string(), "clients.yaml: new language `lua` needs `label`");
    }

    #[test]
    fn user_records_that_would_become_markup_or_paths_are_refused() {
        let refused = |record: &str| {
            let text = format!("languages:\n  - {record}\n");
            builtin().clone().merge(Path::new("clients.yaml"), &text).unwrap_err().to_string()
        };
        let err = refused(r#"{id: 'py"x', label: P, extension: py, clients: [{id: a}]}"#);
        assert!(err.starts_with(r#"clients.yaml: language id "py\"x" may hold only ASCII letters"#), "{err}");
        let err = refused("{id: python, clients: [{id: 'a b'}]}");
        assert!(err.starts_with(r#"clients.yaml: client id "a b" may hold"#), "{err}");
        assert!(refused("{id: python, clients: [{id: 'x:y'}]}").contains("`--lang` values"));
        assert!(refused("{id: python, extension: ../x}").contains("extension \"../x\" may hold only"));
        assert!(refused("{id: python, extension: .py}").contains("without the leading dot"));
        assert!(refused("{id: python, fence: 'py`x'}").contains("fence \"py`x\" may hold only"));
        assert!(refused("{id: python, indent: \"\\n\"}").contains("indent \"\\n\" may hold only spaces"));
        let mut registry = builtin().clone();
        let fine = "languages:\n  - {id: c_sharp-2, label: 'C# 2 \"x\"', extension: tar.cs, fence: c++, clients: [{id: rest_2}]}\n";
        registry.merge(Path::new("clients.yaml"), fine).unwrap();
    }
}
