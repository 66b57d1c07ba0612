//! `snipgen verify`: render every spec with its `{{variables}}` bound to test values and its
//! origin pointed at a loopback echo server, run each sample with its language's runtime,
//! and compare the request that arrived with the one the spec describes.
//!
//! Pipeline per spec × auth × language (one job each, `--jobs` at a time):
//! [`server`] starts an echo server on its own port → the model is built with bindings and
//! that origin → the sample is rendered → [`runners`] wraps and runs it in a temporary
//! folder → [`compare`] checks what the server captured against the same model request.
//! A client whose recipe has `batch:` runs its samples in batches instead (`batch`): each
//! still has its own server and comparison, but they share one compile and one process.

mod batch;
pub mod compare;
pub mod runners;
pub mod server;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::lang::{Mode, Target};
use crate::model::{self, Settings};
use crate::render::Renderer;
use crate::report::MessageFormat;
use crate::spec::LoadedSpec;
use compare::Expected;
use runners::Context;
use server::EchoServer;

/// The verdict for one sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Ran with the real client and sent exactly the expected request.
    Pass,
    /// Passed the strongest check available here, which is not the real client (see README).
    Checked,
    /// The real client could run it but this machine's harness cannot (the text says why);
    /// checked statically instead, reported CHECKED.
    Limited(String),
    /// Did not run, or sent something else; the text says what differed.
    Fail(String),
    /// The runtime is not installed here; the text says what is missing.
    Skip(String),
    /// The client's record says it cannot send this request (with the reason), as
    /// `generate` does: no sample exists to run. Not a failure.
    Refused(String),
}

impl Outcome {
    /// Why it is not a plain PASS or CHECKED: what differed, what is missing, the refusal.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Outcome::Pass | Outcome::Checked => None,
            Outcome::Limited(why) | Outcome::Fail(why) | Outcome::Skip(why) | Outcome::Refused(why) => {
                Some(why)
            }
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Pass => "PASS",
            Outcome::Checked | Outcome::Limited(_) => "CHECKED",
            Outcome::Fail(_) => "FAIL",
            Outcome::Skip(_) => "SKIP",
            Outcome::Refused(_) => "REFUSED",
        }
    }
}

#[derive(Debug, Clone)]
pub struct JobResult {
    /// The request id: spec id, plus `/<auth>` for specs with several auth methods.
    pub id: String,
    /// The language id, with `:client` for a non-default client.
    pub column: String,
    pub outcome: Outcome,
    pub elapsed: Duration,
}

/// One sample to verify.
struct Job<'a> {
    spec: &'a LoadedSpec,
    bindings: &'a BTreeMap<String, String>,
    /// Which of the spec's requests (one per auth method).
    auth: usize,
    id: String,
    target: Target,
}

/// Per-sample time limit per step (compile, run); generous for a JVM start on a busy machine.
const TIMEOUT: Duration = Duration::from_secs(90);

/// What `verify` runs: the library's own settings (the binary fills them from flags).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub specs: PathBuf,
    /// OpenAPI documents read beside (or instead of) `specs`.
    pub openapi: Vec<PathBuf>,
    /// `--server N`: which entry of an OpenAPI `servers` list the URLs use, from 1.
    pub server: Option<usize>,
    /// `lang` or `lang:client` values; empty: every client of every language.
    pub lang: Vec<String>,
    /// A YAML map of `{{variable}}` values, overriding the specs' examples.
    pub vars: Option<PathBuf>,
    /// Samples run at once; `None`: the number of cores.
    pub jobs: Option<usize>,
    /// Keep each sample's folder here.
    pub keep: Option<PathBuf>,
    /// A missing runtime (SKIP) fails the run.
    pub require_all: bool,
    pub style: crate::StyleOptions,
    /// `json`: one line per sample and a summary on stdout instead of the table.
    pub message_format: MessageFormat,
}

/// Runs `verify`, printing the table to stdout and progress to stderr; `Ok(true)` when the
/// exit code should be 0.
pub fn run(args: &Options) -> Result<bool, Error> {
    let renderer = crate::renderer(&args.style)?;
    let targets = verify_targets(&renderer, &args.lang)?;
    let sources = crate::import::Sources {
        specs: args.specs.clone(),
        openapi: args.openapi.clone(),
        server: args.server,
    };
    let crate::import::Loaded { specs: loaded, warnings } = crate::import::load(&sources)?;
    let reporter =
        crate::report::Reporter { format: args.message_format, verbosity: crate::report::Verbosity::Normal };
    reporter.warnings(&warnings);
    let vars = match &args.vars {
        None => indexmap::IndexMap::new(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            serde_saphyr::from_str::<indexmap::IndexMap<String, String>>(&text).map_err(|e| {
                Error::Usage(format!(
                    "--vars {}: expected a YAML map of names to strings: {e}",
                    path.display()
                ))
            })?
        }
    };
    let require_all = args.require_all
        || std::env::var("SNIPGEN_REQUIRE_ALL").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));

    // Bindings and request ids per spec; a spec the model rejects stops the run like `generate`.
    let mut per_spec = Vec::new();
    for l in &loaded {
        let bindings = bindings_for(l, &vars);
        let settings = Settings { bindings: bindings.clone(), ..renderer.settings().clone() };
        let ids: Vec<String> = model::build(l, &settings)
            .map_err(|d| Error::Specs(vec![d]))?
            .into_iter()
            .map(|r| r.id)
            .collect();
        per_spec.push((l, bindings, ids));
    }
    let mut jobs = Vec::new();
    for (l, bindings, ids) in &per_spec {
        for (auth, id) in ids.iter().enumerate() {
            for target in &targets {
                jobs.push(Job { spec: l, bindings, auth, id: id.clone(), target: *target });
            }
        }
    }

    let scratch = tempfile::Builder::new()
        .prefix("snipgen-verify-")
        .tempdir()
        .map_err(|e| Error::io(Path::new("/tmp"), e))?;
    let cx = Context {
        runtimes: runners::runtimes_dir(),
        gocache: scratch.path().join("gocache"),
        timeout: TIMEOUT,
        templates: args.style.templates.clone(),
    };
    let available: BTreeMap<String, Result<(), String>> = targets
        .iter()
        .map(|t| {
            let probe = match runners::recipe(*t) {
                Some(r) => runners::probe(r, &cx),
                None => Err(format!(
                    "client `{}:{}` has no verify recipe (`verify:` in its clients.yaml record)",
                    t.language.id, t.client.id
                )),
            };
            (column(*t), probe)
        })
        .collect();
    let workers =
        args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())).max(1);

    // What runs together: a client's samples in batches of its recipe's size when it has
    // `batch:` (not with --keep, which keeps each sample's own folder), else one job each.
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut batches: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, job) in jobs.iter().enumerate() {
        let recipe = runners::recipe(job.target);
        let batched = recipe.and_then(|r| r.batch.as_ref()).is_some()
            && args.keep.is_none()
            && recipe.is_some_and(|r| matches!(r.mode, Mode::Run | Mode::Stub))
            && available[&column(job.target)].is_ok();
        if batched {
            batches.entry(column(job.target)).or_default().push(i);
        } else {
            units.push(vec![i]);
        }
    }
    for indices in batches.into_values() {
        let recipe = runners::recipe(jobs[indices[0]].target).expect("batched jobs have a recipe");
        let size = recipe.batch.as_ref().map_or(1, |b| b.size.max(1));
        // Even chunks, so that two workers finish a client's batches at about the same time.
        let chunks = indices.len().div_ceil(size);
        let per = indices.len().div_ceil(chunks);
        units.extend(indices.chunks(per).map(<[usize]>::to_vec));
    }
    // Slowest first, so a few JVM starts or a big batch do not end up alone at the tail.
    let cost = |u: &Vec<usize>| {
        let one = runners::recipe(jobs[u[0]].target).map_or(0, |r| r.cost);
        // A batch pays its compile and start once, then little per sample.
        if u.len() > 1 { one * 4 + u32::try_from(u.len()).unwrap_or(u32::MAX) / 4 } else { one }
    };
    units.sort_by_key(|u| std::cmp::Reverse(cost(u)));
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<JobResult>>> = Mutex::new(vec![None; jobs.len()]);
    let finish = |i: usize, outcome: Outcome, elapsed: Duration| {
        let job = &jobs[i];
        let result = JobResult { id: job.id.clone(), column: column(job.target), outcome, elapsed };
        let k = done.fetch_add(1, Ordering::SeqCst) + 1;
        eprintln!(
            "[{k}/{}] {:<7} {} {} ({:.1} s)",
            jobs.len(),
            result.outcome.label(),
            result.id,
            result.column,
            result.elapsed.as_secs_f64()
        );
        if args.message_format == MessageFormat::Json {
            crate::report::verified(&result, job.target.language.id.as_str(), job.target.client.id.as_str());
        }
        results.lock().unwrap()[i] = Some(result);
    };
    let alone = |i: usize| {
        let job = &jobs[i];
        match &available[&column(job.target)] {
            Err(reason) => Outcome::Skip(reason.clone()),
            Ok(()) => {
                // A bug in one job must not lose the whole table.
                let run = || run_job(job, &renderer, &cx, args.keep.as_deref(), scratch.path(), i);
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                    Ok(result) => result.unwrap_or_else(Outcome::Fail),
                    Err(_) => Outcome::Fail("verify itself panicked on this sample".into()),
                }
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 0..workers.min(units.len()) {
            s.spawn(|| {
                loop {
                    let n = next.fetch_add(1, Ordering::SeqCst);
                    let Some(unit) = units.get(n) else { break };
                    if let [i] = unit[..] {
                        let t0 = Instant::now();
                        let outcome = alone(i);
                        finish(i, outcome, t0.elapsed());
                        continue;
                    }
                    let recipe = runners::recipe(jobs[unit[0]].target).expect("batched jobs have a recipe");
                    let batch = recipe.batch.as_ref().expect("batched jobs have a batch recipe");
                    let dir = scratch.path().join(format!("batch{n}"));
                    let run =
                        || batch::run(&jobs, unit, recipe, batch, &renderer, &cx, &dir, &alone, &finish);
                    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).is_err() {
                        // Whatever the batch did not report yet runs alone.
                        let reported =
                            results.lock().unwrap().iter().map(Option::is_some).collect::<Vec<_>>();
                        for &i in unit.iter().filter(|&&i| !reported[i]) {
                            let t0 = Instant::now();
                            let outcome = alone(i);
                            finish(i, outcome, t0.elapsed());
                        }
                    }
                }
            });
        }
    });
    let results: Vec<JobResult> = results.into_inner().unwrap().into_iter().map(Option::unwrap).collect();
    let seconds = started.elapsed().as_secs_f64();
    // Before the table: the counts line must be the last line of the output (CI reads it).
    eprintln!(
        "verify: {} samples in {seconds:.1} s with {workers} jobs ({:.2} samples/s)",
        results.len(),
        results.len() as f64 / seconds.max(f64::EPSILON)
    );
    let counts = if args.message_format == MessageFormat::Json {
        let counts = report(&mut std::io::sink(), &results, &targets).map_err(Error::stdout)?;
        let success = counts.failed == 0 && !(require_all && counts.skipped > 0);
        crate::report::verify_summary(success, results.len(), &counts, seconds);
        counts
    } else {
        let mut stdout = std::io::stdout().lock();
        report(&mut stdout, &results, &targets).map_err(Error::stdout)?
    };
    Ok(counts.failed == 0 && !(require_all && counts.skipped > 0))
}

/// Every client of every language by default (generate renders only the default clients,
/// but any client a user can select must send the right request); else what `--lang` lists,
/// where one language may appear with several clients.
fn verify_targets(renderer: &Renderer, items: &[String]) -> Result<Vec<Target>, Error> {
    if items.is_empty() {
        return Ok(renderer.registry().all_clients());
    }
    renderer.registry().parse_targets_with(items, renderer.settings().preset.as_deref()).map_err(Error::Usage)
}

/// The table column of a target: the language id, with `:client` for a non-default client.
pub fn column(t: Target) -> String {
    if t.client.id == t.language.default_client().id {
        t.language.id.to_string()
    } else {
        format!("{}:{}", t.language.id, t.client.id)
    }
}

/// Values for every `{{variable}}` in the spec file: `--vars` first, then the spec's
/// `variables:` examples, else `test-<name>`. The URL's origin is replaced separately, so a
/// host variable's value never matters.
pub fn bindings_for(l: &LoadedSpec, vars: &indexmap::IndexMap<String, String>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let text = &l.source;
    for (start, end) in crate::encode::variable_spans(text) {
        let name = &text[start + 2..end - 2];
        if out.contains_key(name) {
            continue;
        }
        let value = vars
            .get(name)
            .or_else(|| l.spec.variables.get(name))
            .cloned()
            .unwrap_or_else(|| format!("test-{name}"));
        out.insert(name.to_string(), value);
    }
    out
}

/// Deterministic content for a file a body references by relative path: text naming the
/// file, then every byte value, so a client that reads files as text is caught.
pub fn fixture_bytes(path: &str) -> Vec<u8> {
    let mut bytes = format!("snipgen verify fixture {path}\n").into_bytes();
    bytes.extend(0..=255u8);
    bytes
}

/// The files a request's body reads, in body order.
fn body_files(request: &model::Request) -> Vec<runners::BodyFile> {
    match &request.body {
        Some(model::Body::Binary { file, .. }) => {
            vec![runners::BodyFile { path: file.clone(), content_type: None }]
        }
        Some(model::Body::Multipart { parts, .. }) => parts
            .iter()
            .filter_map(|p| {
                let path = p.file.clone()?;
                Some(runners::BodyFile { path, content_type: p.content_type.clone() })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// What a sample that is only parsed must spell as string literals: each value the request
/// carries verbatim (URL, method, header names and values, body text, part values, file paths).
fn literal_values(request: &model::Request) -> Vec<(String, String)> {
    let mut values =
        vec![("URL".to_string(), request.url.clone()), ("method".to_string(), request.method.clone())];
    for h in &request.headers {
        values.push(("header name".into(), h.name.clone()));
        values.push((format!("value of header {}", h.name), h.value.clone()));
    }
    match &request.body {
        Some(model::Body::Form { encoded, .. }) => values.push(("form body".into(), encoded.clone())),
        Some(
            model::Body::Json { text, .. } | model::Body::Graphql { text, .. } | model::Body::Text { text },
        ) => values.push(("body".into(), text.clone())),
        Some(model::Body::Binary { file, .. }) => values.push(("body file path".into(), file.clone())),
        Some(model::Body::Multipart { parts, .. }) => {
            for p in parts {
                match (&p.value, &p.file) {
                    (Some(v), _) => values.push((format!("value of part {}", p.name), v.clone())),
                    (None, Some(f)) => values.push((format!("file path of part {}", p.name), f.clone())),
                    (None, None) => {}
                }
            }
        }
        None => {}
    }
    values
}

/// A job's sample rendered against its own echo server, which runs as long as this lives.
struct Ready {
    server: EchoServer,
    request: model::Request,
    sample: String,
    files: Vec<runners::BodyFile>,
}

/// Starts the job's server and renders its sample against it; `Err`: the job's outcome
/// without running anything (refused, not rendered).
fn ready(job: &Job, renderer: &Renderer, recipe: &crate::lang::Recipe) -> Result<Ready, Outcome> {
    let server = if recipe.mode == Mode::Raw { EchoServer::start_until_close() } else { EchoServer::start() }
        .map_err(|e| Outcome::Fail(format!("echo server did not start: {e}")))?;
    let settings = Settings {
        bindings: job.bindings.clone(),
        origin: Some(server.origin()),
        ..renderer.settings().clone()
    };
    let mut requests = model::build(job.spec, &settings).map_err(|d| Outcome::Fail(d.to_string()))?;
    let request = requests.swap_remove(job.auth);
    let sample = match renderer.render(&request, job.target) {
        Ok(sample) => sample,
        Err(Error::Refused { reason, .. }) => return Err(Outcome::Refused(reason)),
        Err(e) => return Err(Outcome::Fail(format!("not rendered: {e}"))),
    };
    let files = body_files(&request);
    Ok(Ready { server, request, sample, files })
}

fn run_job(
    job: &Job,
    renderer: &Renderer,
    cx: &Context,
    keep: Option<&Path>,
    scratch: &Path,
    index: usize,
) -> Result<Outcome, String> {
    let recipe = runners::recipe(job.target).expect("targets without a recipe are skipped");
    let Ready { server, request, sample, files } = match ready(job, renderer, recipe) {
        Ok(ready) => ready,
        Err(outcome) => return Ok(outcome),
    };
    let request = &request;
    if let Some((reason, steps)) = runners::harness_limit(recipe, request) {
        let dir = scratch.join(format!("job{index}"));
        let checked = runners::check_instead(recipe, &sample, &steps, &dir, cx);
        let _ = std::fs::remove_dir_all(&dir);
        return Ok(match checked {
            Ok(()) => Outcome::Limited(reason),
            Err(e) => Outcome::Fail(e),
        });
    }
    let expected = Expected::from_request(request, fixture_bytes);

    let dir = match keep {
        Some(k) => keep_dir(k, &job.id, &column(job.target).replace(':', "-")),
        None => scratch.join(format!("job{index}")),
    };
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // Absolute, since runtimes get paths inside it through the environment (GOPATH).
    let dir = dir.canonicalize().map_err(|e| format!("{}: {e}", dir.display()))?;
    for rel in files.iter().map(|f| &f.path) {
        // Only plain relative paths: a fixture must never be written outside the job's folder.
        if !Path::new(&rel).components().all(|c| matches!(c, std::path::Component::Normal(_))) {
            return Err(format!("body file {rel:?} must be a relative path without `..`"));
        }
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, fixture_bytes(rel)).map_err(|e| e.to_string())?;
    }

    let ran = match recipe.mode {
        Mode::ParseSwift => {
            std::fs::write(dir.join(&recipe.sample), &sample).map_err(|e| e.to_string())?;
            return Ok(match runners::check_swift(&sample, &literal_values(request)) {
                Ok(()) => Outcome::Checked,
                Err(problems) => {
                    Outcome::Fail(format!("static check failed:\n    {}", problems.join("\n    ")))
                }
            });
        }
        Mode::Raw => {
            std::fs::write(dir.join(&recipe.sample), &sample).map_err(|e| e.to_string())?;
            let raw = runners::RawBody {
                files: files.iter().map(|f| (f.path.clone(), fixture_bytes(&f.path))).collect(),
            };
            runners::send_raw(&sample, &raw, server.port(), cx)
        }
        Mode::Run | Mode::Stub => {
            let steps = runners::prepare(recipe, &sample, &dir, &server.origin(), &files, cx)?;
            runners::run_steps(&steps, &dir, cx)
        }
    };
    let received = server.requests();
    let errors = server.errors();
    drop(server);
    if keep.is_some() {
        let _ = std::fs::write(dir.join("expected.txt"), expected.to_string());
        let text: Vec<String> = received.iter().map(ToString::to_string).collect();
        let _ = std::fs::write(dir.join("received.txt"), text.join("\n"));
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(verdict(&expected, &received, &errors, ran, recipe.mode))
}

/// The outcome of a sample that ran (`ran`: the steps' result) from what its server captured.
fn verdict(
    expected: &Expected,
    received: &[server::Captured],
    errors: &[String],
    ran: Result<String, String>,
    mode: Mode,
) -> Outcome {
    if let Err(failure) = ran {
        let seen = match received.len() {
            0 => "no request reached the server".to_string(),
            n => format!("{n} request(s) reached the server"),
        };
        return Outcome::Fail(format!("{failure}\n    ({seen})"));
    }
    let got = match received {
        [one] => one,
        [] => {
            let why = if errors.is_empty() { String::new() } else { format!(": {}", errors.join("; ")) };
            return Outcome::Fail(format!("the sample ran but no request reached the server{why}"));
        }
        many => {
            let lines: Vec<String> = many.iter().map(|r| format!("{} {}", r.method, r.target)).collect();
            return Outcome::Fail(format!("expected one request, got {}: {}", many.len(), lines.join(", ")));
        }
    };
    let differences = compare::compare(expected, got);
    if !differences.is_empty() {
        Outcome::Fail(differences.join("\n"))
    } else if mode == Mode::Stub {
        Outcome::Checked
    } else {
        Outcome::Pass
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    pub checked: usize,
    pub refused: usize,
}

/// Prints the spec × language table, the details of every non-PASS, and the counts.
pub fn report(out: &mut impl Write, results: &[JobResult], targets: &[Target]) -> std::io::Result<Counts> {
    let mut ids: Vec<&str> = Vec::new();
    for r in results {
        if !ids.contains(&r.id.as_str()) {
            ids.push(&r.id);
        }
    }
    let first = ids.iter().map(|i| i.len()).max().unwrap_or(0).max("spec".len());
    let columns: Vec<String> = targets.iter().map(|t| column(*t)).collect();
    let widths: Vec<usize> = columns.iter().map(|c| c.len().max("CHECKED".len())).collect();
    let mut header = format!("{:<first$}", "spec");
    for (c, w) in columns.iter().zip(&widths) {
        header.push_str(&format!("  {c:<w$}"));
    }
    writeln!(out, "{}", header.trim_end())?;
    for id in &ids {
        let mut line = format!("{id:<first$}");
        for (c, w) in columns.iter().zip(&widths) {
            let cell =
                results.iter().find(|r| r.id == *id && &r.column == c).map_or("-", |r| r.outcome.label());
            line.push_str(&format!("  {cell:<w$}"));
        }
        writeln!(out, "{}", line.trim_end())?;
    }

    let mut counts = Counts::default();
    let mut skipped: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    let mut checked: Vec<&str> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let how = |c: &str| {
        let t = targets.iter().find(|t| column(**t) == c).copied();
        t.and_then(runners::recipe).map_or("", |r| r.how.as_str())
    };
    for r in results {
        match &r.outcome {
            Outcome::Pass => counts.passed += 1,
            Outcome::Checked => {
                counts.checked += 1;
                if !checked.contains(&r.column.as_str()) {
                    checked.push(&r.column);
                }
            }
            Outcome::Limited(why) => {
                counts.checked += 1;
                notes.push(format!("CHECKED {} [{}]: {why}", r.id, r.column));
            }
            Outcome::Fail(why) => {
                counts.failed += 1;
                writeln!(out, "\nFAIL {} [{}]\n{}", r.id, r.column, indent(why))?;
            }
            Outcome::Refused(why) => {
                counts.refused += 1;
                notes.push(format!("REFUSED {} [{}]: {why}", r.id, r.column));
            }
            Outcome::Skip(why) => {
                counts.skipped += 1;
                skipped.entry(&r.column).or_insert((why, 0)).1 += 1;
            }
        }
    }
    if !skipped.is_empty() || !checked.is_empty() || !notes.is_empty() {
        writeln!(out)?;
    }
    for line in &notes {
        writeln!(out, "{line}")?;
    }
    for (lang, (why, n)) in &skipped {
        writeln!(out, "SKIP {lang} ({n}): {why}")?;
    }
    for lang in &checked {
        writeln!(out, "CHECKED {lang}: {} (not the real client)", how(lang))?;
    }
    writeln!(out)?;
    // Kept off the last line, which stays `N passed, N failed, N skipped` for CI to read.
    let mut others = Vec::new();
    if counts.checked > 0 {
        others.push(format!("{} checked", counts.checked));
    }
    if counts.refused > 0 {
        others.push(format!("{} refused by their client", counts.refused));
    }
    if !others.is_empty() {
        writeln!(out, "{}", others.join(", "))?;
    }
    writeln!(out, "{} passed, {} failed, {} skipped", counts.passed, counts.failed, counts.skipped)?;
    Ok(counts)
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
}

/// Where a job's files go under `--keep` (exposed for tests and docs).
pub fn keep_dir(keep: &Path, id: &str, lang: &str) -> PathBuf {
    keep.join(id).join(lang)
}
