//! Tera set-up: the embedded templates, a user's folder layered on top file by file, and the
//! escaping filters from [`crate::encode`].

mod compiled;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use tera::{Tera, Value};

use crate::encode;
use crate::error::Error;
use crate::lang;
use crate::lang::{Registry, Target};
use crate::model::{Body, Request, Settings};

/// An escaping filter as Tera calls it: a new string, and an error for non-string input.
fn string_filter(
    name: &'static str,
    f: TextFilter,
) -> impl Fn(&Value, &HashMap<String, Value>) -> tera::Result<Value> + Send + Sync {
    move |value, _| match value {
        Value::String(s) => Ok(Value::String(encode::owned(s, f))),
        other => Err(tera::Error::msg(format!("filter `{name}` expects a string, got {other}"))),
    }
}

/// An escaping filter: appends its spelling of the string to the output.
type TextFilter = fn(&str, &mut String);

/// snipgen's escaping filters.
const TEXT_FILTERS: [(&str, TextFilter); 26] = [
    ("go_text", encode::go_text_into),
    ("py_text", encode::py_text_into),
    ("js_text", encode::js_text_into),
    ("rb_text", encode::ruby_text_into),
    ("php_text", encode::php_text_into),
    ("cs_text", encode::csharp_text_into),
    ("mime_quote", encode::mime_quote_into),
    ("sh", encode::sh_single_into),
    ("httpie_value", encode::httpie_value_into),
    ("httpie_key", encode::httpie_key_into),
    ("go_str", encode::go_string_into),
    ("java_str", encode::java_string_into),
    ("cs_str", encode::csharp_string_into),
    ("js_single", encode::js_single_into),
    ("js_double", encode::js_double_into),
    ("py_single", encode::py_single_into),
    ("py_double", encode::py_double_into),
    ("php_str", encode::php_string_into),
    ("rb_str", encode::ruby_double_into),
    ("swift_str", encode::swift_string_into),
    ("encode_component", encode::encode_component_into),
    ("kt_str", encode::kotlin_string_into),
    ("c_str", encode::c_string_into),
    ("c_text", encode::c_text_into),
    ("rs_str", encode::rust_string_into),
    ("rs_text", encode::rust_text_into),
];

pub struct Renderer {
    /// Tera and the lowered templates, made on the first render: a run with nothing to render
    /// (an unchanged tree, `check` of one) does not parse a template.
    engine: OnceLock<Result<Engine, (String, String)>>,
    /// The `.tera` files of the user's templates folder: name, path as shown, source.
    user_templates: Vec<(String, String, String)>,
    /// Every sample rendered by Tera itself (the reference the lowered templates are tested
    /// against).
    tera_only: bool,
    /// `settings` and `crlf` as templates see them.
    settings_value: Value,
    crlf: Value,
    /// Each language's `i1`…`i4`: one to four levels of its indentation.
    indents: Vec<(&'static lang::Language, [Value; 4])>,
    settings: Settings,
    registry: &'static Registry,
    /// Counts rendered samples; drawn only when stderr is a terminal.
    progress: Option<indicatif::ProgressBar>,
}

struct Engine {
    tera: Tera,
    /// The clients' templates lowered for speed, with each one's client and template name; a
    /// client missing here (its template uses what [`compiled`] leaves to Tera) is rendered by Tera.
    programs: Vec<(&'static lang::Client, String, compiled::Program)>,
}

impl Renderer {
    /// Built-in templates (and macros), overridden or added to by the `.tera` files of
    /// `templates` by identical relative name; every client of `registry` must have one. The
    /// user's files are read now; all are parsed on the first render.
    pub fn new(
        registry: &'static Registry,
        templates: Option<&Path>,
        settings: Settings,
    ) -> Result<Self, Error> {
        let mut user_templates = Vec::new();
        if let Some(dir) = templates {
            if !dir.is_dir() {
                return Err(Error::Usage(format!("templates folder {} does not exist", dir.display())));
            }
            for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::io(dir, e.into()))?;
                let path = entry.path();
                if !entry.file_type().is_file() || path.extension().is_none_or(|x| x != "tera") {
                    continue;
                }
                let name = crate::common::slash_joined(
                    path.strip_prefix(dir).expect("walkdir yields paths below its root"),
                );
                let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
                user_templates.push((name, path.display().to_string(), source));
            }
        }
        for t in registry.all_clients() {
            let name = t.language.template_name(t.client);
            let built_in = lang::embedded_files().iter().any(|(n, _)| *n == name);
            if !built_in && !user_templates.iter().any(|(n, _, _)| *n == name) {
                let folder = templates.map_or("the templates folder".into(), |d| d.display().to_string());
                return Err(Error::Usage(format!(
                    "client `{}:{}` has no template: add {name} to {folder}",
                    t.language.id, t.client.id
                )));
            }
        }
        let indents = registry
            .languages
            .iter()
            .map(|language| (language, indent_levels(&settings, language)))
            .collect();
        let settings_value = serde_json::to_value(&settings).expect("settings serialise");
        let crlf = Value::from("\r\n");
        Ok(Renderer {
            engine: OnceLock::new(),
            user_templates,
            tera_only: false,
            settings_value,
            crlf,
            indents,
            settings,
            registry,
            progress: None,
        })
    }

    /// Tera with every template and filter, and the lowered templates; made once.
    fn engine(&self) -> Result<&Engine, Error> {
        match self.engine.get_or_init(|| self.make_engine()) {
            Ok(engine) => Ok(engine),
            Err((name, message)) => Err(Error::Template { name: name.clone(), message: message.clone() }),
        }
    }

    fn make_engine(&self) -> Result<Engine, (String, String)> {
        let failed = |name: &str, e: &tera::Error| (name.to_string(), template_message(e));
        let mut tera = Tera::default();
        tera.autoescape_on(vec![]);
        let builtins = lang::embedded_files().iter().filter(|(name, _)| name.ends_with(".tera"));
        tera.add_raw_templates(builtins.copied()).map_err(|e| failed("built-in templates", &e))?;
        for (name, shown, source) in &self.user_templates {
            match without_panics(|| tera.add_raw_template(name, source)) {
                Ok(parsed) => parsed.map_err(|e| failed(shown, &e))?,
                Err(crash) => return Err((shown.clone(), crash_message(&*crash))),
            }
        }
        for (name, f) in TEXT_FILTERS {
            tera.register_filter(name, string_filter(name, f));
        }
        // A string's length in UTF-8 bytes, as Content-Length counts it (Tera's `length`
        // counts characters).
        tera.register_filter("byte_length", |value: &Value, _: &HashMap<String, Value>| match value {
            Value::String(s) => Ok(Value::from(s.len())),
            other => Err(tera::Error::msg(format!("filter `byte_length` expects a string, got {other}"))),
        });
        tera.register_function("range", bounded_range);
        let mut programs = Vec::new();
        if !self.tera_only {
            for t in self.registry.all_clients() {
                let name = t.language.template_name(t.client);
                if let Some(program) = compiled::compile(&tera, &name, &TEXT_FILTERS) {
                    programs.push((t.client, name, program));
                }
            }
        }
        Ok(Engine { tera, programs })
    }

    /// Renders every template with Tera itself, as a reference the lowered templates are
    /// tested against.
    #[doc(hidden)]
    pub fn with_tera_only(mut self) -> Self {
        self.tera_only = true;
        self.engine = OnceLock::new();
        self
    }

    /// The templates rendered through [`compiled`], sorted (the others are rendered by Tera).
    #[doc(hidden)]
    pub fn compiled_templates(&self) -> Vec<&str> {
        let Ok(engine) = self.engine() else { return Vec::new() };
        let mut names: Vec<&str> = engine.programs.iter().map(|(_, name, _)| name.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// The languages and clients this renderer knows, built-in and the user's.
    pub fn registry(&self) -> &'static Registry {
        self.registry
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Shows a progress bar on stderr while [`Renderer::render_all`] runs, if stderr is a
    /// terminal (build logs get nothing).
    pub fn show_progress(&mut self) {
        let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template("rendering {bar:30} {pos}/{len} samples") {
            bar.set_style(style);
        }
        self.progress = Some(bar);
    }

    /// Clears the progress bar once every spec is rendered.
    pub fn finish_progress(&self) {
        if let Some(bar) = &self.progress {
            bar.finish_and_clear();
        }
    }

    /// The sample of `request` for `target`, or `Error::Refused` when the client's record
    /// says it cannot send it.
    pub fn render(&self, request: &Request, target: Target) -> Result<String, Error> {
        let context = self.context(request, target)?;
        self.render_with(&context, request, target)
    }

    /// What every template sees of `request`. Built once per request and shared by all its
    /// targets: serialising the request is most of a render's cost.
    fn context(&self, request: &Request, target: Target) -> Result<RequestContext, Error> {
        let fields = match serde_json::to_value(request) {
            Ok(Value::Object(fields)) => fields,
            Ok(_) => unreachable!("a request serialises to a map"),
            Err(e) => {
                let name = target.language.template_name(target.client);
                return Err(Error::Template { name, message: e.to_string() });
            }
        };
        // Without basic auth the list is `headers` itself: shared, not serialised twice.
        let headers_without_basic = (request.headers_without_basic != request.headers)
            .then(|| serde_json::to_value(&request.headers_without_basic).expect("pairs serialise"));
        Ok(RequestContext {
            fields,
            headers_without_basic,
            // Templates branch on the body kind; "none" keeps that a plain comparison.
            body_kind: Value::from(request.body.as_ref().map_or("none", Body::kind)),
            // The body is one string sent as is (json, text, graphql): `body.text`.
            text_body: Value::Bool(request.body.as_ref().is_some_and(Body::is_text)),
        })
    }

    /// Renders `target` with `context` (of `request`), setting the language's indentation.
    fn render_with(
        &self,
        context: &RequestContext,
        request: &Request,
        target: Target,
    ) -> Result<String, Error> {
        if let Some(reason) = target.refusal(request) {
            return Err(Error::Refused { name: target.language.template_name(target.client), reason });
        }
        let computed;
        let [i1, i2, i3, i4] = match self.indents.iter().find(|(l, _)| std::ptr::eq(*l, target.language)) {
            Some((_, indents)) => indents,
            None => {
                computed = indent_levels(&self.settings, target.language);
                &computed
            }
        };
        // Names beside the request's own fields (and before them, as Tera's inserts would be).
        let headers_without_basic = match &context.headers_without_basic {
            Some(own) => own,
            None => context.fields.get("headers").expect("a request has headers"),
        };
        let extra = [
            ("settings", &self.settings_value),
            ("headers_without_basic", headers_without_basic),
            // Raw HTTP spells its line ends; a template file's own line ends are LF.
            ("crlf", &self.crlf),
            ("body_kind", &context.body_kind),
            ("text_body", &context.text_body),
            ("i1", i1),
            ("i2", i2),
            ("i3", i3),
            ("i4", i4),
        ];
        let engine = self.engine()?;
        let program = engine.programs.iter().find(|(client, _, _)| std::ptr::eq(*client, target.client));
        RANGE_LEFT.with(|l| l.set(RANGE_LIMIT));
        let end_line = |text: &mut String| {
            if !target.client.verbatim && !text.ends_with('\n') {
                text.push('\n');
            }
        };
        let evaluate = || {
            // Rendered into the thread's scratch buffer, grown once per thread, and copied out
            // at its length: one allocation per sample instead of a guessed one, its growth
            // and a shrink. A plan holds every sample, so each keeps only its own length.
            let fast = program.and_then(|(_, _, program)| {
                SCRATCH.with_borrow_mut(|scratch| {
                    scratch.clear();
                    program.render_into(&engine.tera, &context.fields, &extra, scratch)?;
                    end_line(scratch);
                    Some(scratch.as_str().to_owned())
                })
            });
            if let Some(text) = fast {
                return Ok(text);
            }
            let mut tera_context = tera::Context::from_value(Value::Object(context.fields.clone()))?;
            for (key, value) in extra {
                tera_context.insert(key, value);
            }
            let mut text =
                engine.tera.render(&target.language.template_name(target.client), &tera_context)?;
            end_line(&mut text);
            text.shrink_to_fit();
            Ok(text)
        };
        let text = match without_panics(evaluate) {
            Ok(Ok(text)) => text,
            Ok(Err(e)) => return Err(template_error(&target.language.template_name(target.client), &e)),
            Err(crash) => {
                let name = target.language.template_name(target.client);
                return Err(Error::Template { name, message: crash_message(&*crash) });
            }
        };
        Ok(text)
    }

    /// Renders every request for every target, in parallel over requests; output order is
    /// input order. A sample its client refuses is listed in `refused` instead of failing the run.
    pub fn render_all(&self, requests: Vec<Request>, targets: &[Target]) -> Result<Plan, Error> {
        let jobs: Vec<(usize, Target)> =
            (0..requests.len()).flat_map(|i| targets.iter().map(move |t| (i, *t))).collect();
        if let Some(bar) = &self.progress {
            bar.inc_length(jobs.len() as u64);
        }
        let file_names: Vec<String> = targets.iter().map(|t| t.file_name(targets)).collect();
        // In parallel over requests, each request's context shared by its targets; flattened,
        // the outcomes line up with `jobs`.
        let outcomes: Vec<Vec<Result<(String, String), Error>>> = requests
            .par_iter()
            .map(|request| {
                let Some(first) = targets.first() else { return Vec::new() };
                let context = match self.context(request, *first) {
                    Ok(c) => c,
                    Err(e) => return vec![Err(e)],
                };
                targets
                    .iter()
                    .zip(&file_names)
                    .map(|(target, file_name)| {
                        let path = [request.id.as_str(), file_name].join("/");
                        if let Some(bar) = &self.progress {
                            bar.inc(1);
                        }
                        match self.render_with(&context, request, *target) {
                            Ok(text) => Ok((path, text)),
                            Err(Error::Refused { reason, .. }) => Err(Error::Refused { name: path, reason }),
                            Err(e) => Err(e),
                        }
                    })
                    .collect()
            })
            .collect();
        let mut plan = Plan { requests, ..Plan::default() };
        for ((request, target), outcome) in jobs.iter().zip(outcomes.into_iter().flatten()) {
            let (path, outcome) = match outcome {
                Ok((path, text)) => (path, Ok(text)),
                Err(Error::Refused { name, reason }) => (name, Err(reason)),
                Err(e) => return Err(e),
            };
            plan.samples.push(Sample { request: *request, target: *target, path, outcome });
        }
        Ok(plan)
    }
}

/// A request as templates see it: its serialised fields, and what is derived from it.
struct RequestContext {
    fields: serde_json::Map<String, Value>,
    /// `headers_without_basic` when it differs from `headers`.
    headers_without_basic: Option<Value>,
    body_kind: Value,
    text_body: Value,
}

/// What a run renders: every sample, rendered or refused by its client (with the reason).
#[derive(Debug, Default)]
pub struct Plan {
    /// The requests rendered, and every sample in render order (requests in order, each one's
    /// targets in tab order). Each sample's text is held once, here.
    pub requests: Vec<Request>,
    pub samples: Vec<Sample>,
    /// The spec file of each request (by index), for errors that name it; filled in by
    /// [`crate::plan_loaded`].
    pub spec_files: Vec<std::path::PathBuf>,
}

impl Plan {
    /// The `files` format: every rendered sample at its path, sorted by path.
    pub fn files(&self) -> Vec<Rendered> {
        let mut files: Vec<Rendered> = self
            .samples
            .iter()
            .filter_map(|s| {
                let text = s.outcome.as_ref().ok()?;
                let spec = self.spec_files.get(s.request).cloned().unwrap_or_default();
                Some(Rendered { path: s.path.clone(), text: text.clone(), spec })
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }

    /// The samples their clients refused: the path the `files` format would have written and
    /// why, sorted by path.
    pub fn refused(&self) -> Vec<(&str, &str)> {
        let mut refused: Vec<(&str, &str)> = self
            .samples
            .iter()
            .filter_map(|s| Some((s.path.as_str(), s.outcome.as_ref().err()?.as_str())))
            .collect();
        refused.sort();
        refused
    }
}

/// One sample of a run, rendered or refused.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Index into [`Plan::requests`].
    pub request: usize,
    pub target: Target,
    /// Where the `files` format writes it, relative to the output folder.
    pub path: String,
    /// The code, or the client's reason for refusing the request.
    pub outcome: Result<String, String>,
}

/// One rendered sample and where it goes, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub path: String,
    pub text: String,
    /// The spec file it was rendered from, for errors that name it (filled in by [`crate::plan`]).
    pub spec: std::path::PathBuf,
}

/// `i1`…`i4` for `language`: one to four levels of its indentation, or the one the settings
/// give it.
fn indent_levels(settings: &Settings, language: &lang::Language) -> [Value; 4] {
    let unit = settings.indent.get(&language.id).unwrap_or(&language.indent);
    [1, 2, 3, 4].map(|n| Value::String(unit.repeat(n)))
}

/// Runs `f`, turning a panic into an `Err` without the panic's report on stderr: Tera panics
/// on some templates it accepts (an `unwrap` in its evaluator, e.g. a `~` concatenation under
/// `not` in a condition), and a user's template must get an error naming it, not a crash.
fn without_panics<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    thread_local! {
        static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    static HOOK: std::sync::Once = std::sync::Once::new();
    // The hook is process-wide: it stays silent only on a thread inside this function, and
    // hands every other panic to the hook that was there before.
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info)
            }
        }));
    });
    let was_quiet = QUIET.with(|q| q.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result
}

/// What to tell the template's author when Tera crashed on it.
fn crash_message(crash: &(dyn std::any::Any + Send)) -> String {
    let why = crash
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| crash.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no reason given");
    format!(
        "Tera, the template engine, crashed on this template ({why}); rewrite the expression it \
         cannot evaluate (e.g. put a `~` concatenation in a `set` before testing it in an `if`)"
    )
}

fn template_error(name: &str, e: &tera::Error) -> Error {
    Error::Template { name: name.to_string(), message: template_message(e) }
}

/// A Tera error with its causes: Tera nests the useful part (line, column, what was
/// expected) in the error's sources.
fn template_message(e: &tera::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

/// The most numbers a template's `range` calls may make for one sample, together: far more
/// than any sample needs. Counted over all calls, so loops nested in loops stay bounded too.
const RANGE_LIMIT: usize = 100_000;

thread_local! {
    /// Where [`Renderer::render_with`] renders on this thread.
    static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    /// What is left of [`RANGE_LIMIT`] for the sample this thread renders (one sample is
    /// rendered start to end on one thread).
    static RANGE_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(RANGE_LIMIT) };
}

/// Tera's `range(end, start=0, step_by=1)`, which a template must not be able to turn into a
/// run that never ends: Tera's own loops for ever on `step_by=0` and fills memory on a huge
/// `end`, so both are errors here.
fn bounded_range(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let number = |name: &str, default: Option<usize>| match args.get(name) {
        Some(value) => value.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or_else(|| {
            tera::Error::msg(format!("function `range`: {name}={value} is not a whole number of 0 or more"))
        }),
        None => default.ok_or_else(|| tera::Error::msg(format!("function `range` needs `{name}`"))),
    };
    let (start, end, step) = (number("start", Some(0))?, number("end", None)?, number("step_by", Some(1))?);
    if step == 0 {
        return Err(tera::Error::msg("function `range`: step_by=0 would never reach `end`"));
    }
    if start > end {
        return Err(tera::Error::msg("function `range`: `start` is greater than `end`"));
    }
    let count = (end - start).div_ceil(step);
    if count > RANGE_LIMIT {
        return Err(tera::Error::msg(format!(
            "function `range` would make {count} numbers; a template may make at most {RANGE_LIMIT}"
        )));
    }
    let left = RANGE_LEFT.with(std::cell::Cell::get);
    if count > left {
        return Err(tera::Error::msg(format!(
            "function `range` calls would make more than {RANGE_LIMIT} numbers for one sample (a `range` loop inside another?); a template may make at most {RANGE_LIMIT}"
        )));
    }
    RANGE_LEFT.with(|l| l.set(left - count));
    Ok(Value::from((start..end).step_by(step).collect::<Vec<_>>()))
}
