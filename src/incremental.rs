//! `generate` and `check` for the `files` format and the page formats (Markdown, MkDocs,
//! MDX: one page per spec), streamed and cached.
//!
//! Streamed: specs go through in chunks, and only paths, hashes and file metadata are kept
//! for the whole run, so memory stays flat in the number of specs. `generate` keeps the
//! guarantees of [`crate::output::write`]: every path is validated and every file on disk
//! inspected (first pass: parse, model and the cache, no rendering) before anything is
//! written; the second pass renders and writes only the specs with something to write.
//! Nothing is ever renderered twice on a cold run; a template that fails at run time (only
//! a user's can) stops the run with its error, leaving a tree that is consistent and listed
//! in the manifest, as a killed run does.
//!
//! Cached: `<out>/.snipgen-cache` maps a hash of (snipgen version, every template and
//! `clients.yaml`, built-in and the user's, the style settings, the languages and clients
//! rendered, the formats, the spec's path and bytes) to the spec's id, its output paths, each
//! file's content hash (samples and pages alike), and the metadata (size, mtime, ctime,
//! inode) a file had when it was known to hold that content. A spec whose key is cached is
//! neither parsed nor rendered; an output file whose metadata still matches is not read. The
//! metadata is trusted only when the file's times are in an earlier second than the cache was
//! written (the cache file's own mtime, the same clock): a file changed in the same second as
//! it was recorded could keep its size and mtime, so it is read again. The cache is an optimisation only: missing,
//! corrupt, partial or from another version, it is ignored and output is the same.

use std::collections::{HashMap, HashSet};
use std::fs::Permissions;
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::format::{Format, RefusedSamples};
use crate::lang::Target;
use crate::output::{self, CACHE, CheckReport, MANIFEST, OnDisk, Scope, Stamp, WriteReport};
use crate::render::Renderer;
use crate::report::Refused;
use crate::spec::LoadedSpec;

/// Specs per chunk: enough to keep both cores busy, few enough that a chunk's samples are a
/// few megabytes.
const CHUNK: usize = 256;
/// The cache's format: bumped whenever its encoding or contents change, so that an older
/// cache is ignored rather than misread (2: postcard instead of bincode; 3: the checksum
/// after the payload, so that it is written streamed; 4: the spec files' index, devices;
/// 5: pages; 6: metadata and content hashes as non-zero digests; 7: the manifest's digest;
/// 8: digests as eight raw bytes).
const MAGIC: &[u8] = b"snipgen-cache 8\n";

/// Where a spec comes from.
pub enum Unit {
    /// A file of the specs folder, read (and re-read for rendering) by the run.
    File { path: PathBuf, relative: PathBuf },
    /// A spec imported from an OpenAPI document, already loaded.
    Loaded(Box<LoadedSpec>),
}

impl Unit {
    fn path(&self) -> &Path {
        match self {
            Unit::File { path, .. } => path,
            Unit::Loaded(l) => &l.path,
        }
    }
}

/// The specs to render, and the importers' warnings.
pub type Sources = (Vec<Unit>, Vec<String>);

/// The specs of the sources, unloaded when they are files; `None` when something is wrong
/// (no specs folder, a link, an unreadable file…): the caller then runs the full load, whose
/// errors are the ones to show.
pub fn sources(specs: &Path, openapi: &[PathBuf], server: Option<usize>) -> Result<Option<Sources>, Error> {
    if !openapi.is_empty() {
        let sources =
            crate::import::Sources { specs: specs.to_path_buf(), openapi: openapi.to_vec(), server };
        let loaded = crate::import::load(&sources)?;
        let units = loaded.specs.into_iter().map(|l| Unit::Loaded(Box::new(l))).collect();
        return Ok(Some((units, loaded.warnings)));
    }
    if !specs.is_dir() {
        return Ok(None);
    }
    let mut files = Vec::new();
    // Sorted once at the end, by path components, which is the order of a walk with each
    // folder's names sorted: walkdir's sort compares names parsed again from full paths, which
    // was a tenth of an unchanged run.
    for entry in walkdir::WalkDir::new(specs) {
        let Ok(e) = entry else { return Ok(None) };
        if e.file_type().is_dir() {
            continue;
        }
        if !e.file_type().is_file() {
            return Ok(None);
        }
        if crate::spec::is_spec_name(e.file_name()) {
            let path = e.into_path();
            let relative = crate::spec::relative_to(&path, specs).to_path_buf();
            files.push((relative, path));
        }
    }
    files.sort_by_cached_key(|(relative, _)| crate::spec::walk_order_key(relative));
    let units = files.into_iter().map(|(relative, path)| Unit::File { path, relative }).collect();
    Ok(Some((units, Vec::new())))
}

/// What a run renders and where it writes.
pub struct Job<'a> {
    pub out: &'a Path,
    pub renderer: &'a Renderer,
    pub targets: &'a [Target],
    pub scope: &'a Scope,
    /// The user's templates folder, whose every file is part of the cache key.
    pub templates: Option<&'a Path>,
    /// Whether the `files` format is written; without it the samples only fill pages.
    pub files: bool,
    /// The page formats written (of [`crate::format::PAGE_FORMATS`]), one page per spec each.
    pub pages: &'a [Format],
    /// What the pages show for a sample its client refused.
    pub refused: RefusedSamples,
    /// Keep the written paths for the report (`-v`, JSON); otherwise only counted.
    pub list: bool,
}

/// The output folder's cache read ahead, while the specs are listed and the templates
/// compiled: before the run holds the lock, which is safe as the cache only ever vouches for
/// a file by its metadata, so one that a concurrent run replaced meanwhile makes the run read
/// more, never trust more.
#[derive(Default)]
pub struct Prefetched(Option<Cache>);

/// Reads the cache of the output folder `out` ahead, when it is a plain folder (a link or
/// anything else is left to the run, which refuses it).
pub fn prefetch(out: &Path) -> Prefetched {
    let plain = std::fs::symlink_metadata(out.components().as_path()).is_ok_and(|m| m.is_dir());
    Prefetched(plain.then(|| Cache::load(out)))
}

/// A file's metadata when the cache last vouched for it, digested: a quarter of a
/// [`Stamp`]'s size, as a cache holds one per output file. Equal digests are taken as equal
/// metadata; two that differ collide once in 2^64, the odds the content hashes already accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Seen(NonZeroU64);

impl From<Seen> for u64 {
    fn from(seen: Seen) -> u64 {
        seen.0.get()
    }
}

impl TryFrom<u64> for Seen {
    type Error = std::num::TryFromIntError;
    fn try_from(digest: u64) -> Result<Seen, Self::Error> {
        NonZeroU64::try_from(digest).map(Seen)
    }
}

/// An optional digest in the cache as eight raw bytes, 0 for none: a postcard varint spends
/// ten bytes and a loop on a 64-bit digest, and the cache holds two for every output file.
mod fixed {
    use serde::{Deserializer, Serializer, de};

    pub fn serialize<S: Serializer, T: Copy + Into<u64>>(value: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&value.map_or(0, Into::into).to_le_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: TryFrom<u64>>(d: D) -> Result<Option<T>, D::Error> {
        struct Eight;
        impl de::Visitor<'_> for Eight {
            type Value = u64;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("eight bytes")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<u64, E> {
                let eight = <[u8; 8]>::try_from(bytes).map_err(|_| E::invalid_length(bytes.len(), &self))?;
                Ok(u64::from_le_bytes(eight))
            }
        }
        Ok(T::try_from(d.deserialize_bytes(Eight)?).ok())
    }
}

impl Seen {
    fn of(stamp: &Stamp) -> Seen {
        let mut bytes = [0u8; 40];
        let fields = [stamp.size, stamp.mtime as u64, stamp.ctime as u64, stamp.ino, stamp.dev];
        for (chunk, field) in bytes.chunks_exact_mut(8).zip(fields) {
            chunk.copy_from_slice(&field.to_le_bytes());
        }
        Seen(non_zero(xxhash_rust::xxh3::xxh3_64(&bytes)))
    }
}

/// A 64-bit digest with 0 folded onto 1, so that an `Option` of it takes no more room than it.
fn non_zero(digest: u64) -> NonZeroU64 {
    NonZeroU64::new(digest).unwrap_or(NonZeroU64::MIN)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum Slot {
    Refused(String),
    /// Content hash (unknown until rendered) and the metadata of the file when it last
    /// held that content.
    File {
        #[serde(with = "fixed")]
        hash: Option<NonZeroU64>,
        #[serde(with = "fixed")]
        stat: Option<Seen>,
    },
    /// A sample that only fills pages: the `files` format is not written.
    Unwritten,
}

/// A spec's page in one page format: its content hash (unknown until rendered) and the
/// metadata of its file when it last held that content.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct PageSlot {
    #[serde(with = "fixed")]
    hash: Option<NonZeroU64>,
    #[serde(with = "fixed")]
    stat: Option<Seen>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct RequestEntry {
    id: String,
    /// One per target, in the run's order.
    slots: Vec<Slot>,
    /// The metadata of the request's folder when it was known to hold no temporary file:
    /// while it matches, the folder is not listed again (any file made, renamed or removed
    /// in it changes its mtime).
    #[serde(with = "fixed")]
    folder: Option<Seen>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    id: String,
    requests: Vec<RequestEntry>,
    /// One per page format, in the run's order.
    pages: Vec<PageSlot>,
}

impl Entry {
    fn complete(&self) -> bool {
        self.requests.iter().flat_map(|r| &r.slots).all(|s| !matches!(s, Slot::File { hash: None, .. }))
            && self.pages.iter().all(|p| p.hash.is_some())
    }

    /// Whether the entry is one of a run with these targets and formats.
    fn fits(&self, job: &Job) -> bool {
        self.pages.len() == job.pages.len()
            && self.requests.iter().all(|r| r.slots.len() == job.targets.len())
    }
}

struct Cache {
    /// The entries in the order the last run saved them, its specs' order: a spec usually
    /// finds its own at its own position, read in order rather than looked up at random.
    entries: Vec<(u128, Cached)>,
    /// Where each key's entry is, made the first time a spec's position does not hold it.
    entry_index: std::sync::OnceLock<ByDigest<usize>>,
    /// How many entries a run took out of `entries`.
    taken: std::sync::atomic::AtomicUsize,
    /// The digest of the last plan validated (every output path, sorted).
    plan: Option<u64>,
    /// The digest of the manifest the last run left, when it is canonical: its lines need no
    /// checking.
    manifest: Option<u64>,
    /// Each spec file's metadata when it was read, and its key, under the run's [`global_key`]
    /// digested as `global`.
    specs: Vec<(String, (Seen, u128))>,
    /// Where each path is in `specs`, made as `entry_index` is.
    spec_index: std::sync::OnceLock<ByPath<usize>>,
    global: u64,
    /// When the cache was written (its file's mtime), in nanoseconds, and on which device.
    saved_at: i64,
    saved_on: u64,
}

/// The value for `key` in `items`, a list in the last run's order: at `at` when that is where
/// it is, else through `index`, made from `items` on first need (a spec added or removed
/// shifts the rest).
fn at_or_indexed<'a, K, Q, V, S>(
    items: &'a [(K, V)],
    at: usize,
    key: &Q,
    index: &std::sync::OnceLock<HashMap<K, usize, S>>,
) -> Option<&'a V>
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq + Clone,
    Q: std::hash::Hash + Eq + ?Sized,
    S: std::hash::BuildHasher + Default,
{
    match items.get(at) {
        Some((here, value)) if here.borrow() == key => Some(value),
        _ => {
            let index =
                index.get_or_init(|| items.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect());
            index.get(key).map(|&i| &items[i].1)
        }
    }
}

/// A cache entry, taken out by the one spec that has its key, from any thread.
struct Cached(std::sync::Mutex<Option<Entry>>);

impl<'de> Deserialize<'de> for Cached {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Cached, D::Error> {
        Entry::deserialize(d).map(|e| Cached(std::sync::Mutex::new(Some(e))))
    }
}

/// A map keyed by content digests, which are spread evenly already: hashed by folding them,
/// not again with SipHash (2% of an unchanged run's own instructions, with the paths' map).
type ByDigest<V> = HashMap<u128, V, std::hash::BuildHasherDefault<DigestHasher>>;

/// A map keyed by spec paths, which come from the user's own folder: hashed with xxh3.
type ByPath<V> = HashMap<String, V, xxhash_rust::xxh3::Xxh3DefaultBuilder>;

#[derive(Default)]
struct DigestHasher(u64);

impl std::hash::Hasher for DigestHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0 ^ u64::from_le_bytes(word)).rotate_left(29);
        }
    }

    fn write_u128(&mut self, digest: u128) {
        self.0 ^= (digest as u64) ^ ((digest >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The cache as saved: the plan's digest, the global key's digest, the spec files' index and
/// the entries, each map as a sequence of pairs (which postcard encodes as it does a map).
type Saved = (Option<u64>, Option<u64>, u64, Vec<(String, (Seen, u128))>, Vec<(u128, Entry)>);

impl Cache {
    fn empty() -> Cache {
        Cache {
            entries: Vec::new(),
            entry_index: Default::default(),
            taken: Default::default(),
            plan: None,
            manifest: None,
            specs: Vec::new(),
            spec_index: Default::default(),
            global: 0,
            saved_at: i64::MIN,
            saved_on: 0,
        }
    }

    /// Whether `now` is the file recorded in `recorded`, without reading it: the same size,
    /// times, inode and device, and times before the cache was written, so that a later edit
    /// that kept them all would have had to happen within the same tick of the file system's
    /// clock as the recorded write, and still shows as not older than the cache. Compared in
    /// nanoseconds when the file's own times show its file system keeps them and it is the
    /// cache's; in whole seconds otherwise, where a coarser clock could give an edit made
    /// after the cache the recorded time. (`now`'s times are the recorded ones once the
    /// digests match.)
    fn trusts(&self, recorded: Option<Seen>, now: &Stamp) -> bool {
        const SECOND: i64 = 1_000_000_000;
        recorded == Some(Seen::of(now)) && {
            let latest = now.mtime.max(now.ctime);
            let fine = now.dev == self.saved_on && latest.rem_euclid(SECOND) != 0;
            if fine {
                latest < self.saved_at
            } else {
                latest.div_euclid(SECOND) < self.saved_at.div_euclid(SECOND)
            }
        }
    }

    /// The key of the spec at `relative`, the run's `at`-th spec, when its file is the one
    /// recorded, without reading it.
    fn known_spec(&self, global: u64, relative: &Path, at: usize, now: &Stamp) -> Option<u128> {
        let (stat, key) = at_or_indexed(&self.specs, at, relative.to_str()?, &self.spec_index)?;
        (self.global == global && self.trusts(Some(*stat), now)).then_some(*key)
    }

    /// The entry with `key`, taken out (looked for first at `at`, the spec's position): a
    /// second take of it finds none.
    fn take(&self, key: u128, at: usize) -> Option<Entry> {
        let cached = at_or_indexed(&self.entries, at, &key, &self.entry_index)?;
        let entry = cached.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take()?;
        self.taken.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(entry)
    }

    /// Whether entries no spec of the run took are left (the specs they were for are gone).
    fn left_over(&self) -> bool {
        self.taken.load(std::sync::atomic::Ordering::Relaxed) < self.entries.len()
    }

    /// Anything wrong (a link, another version, a bad checksum) gives an empty cache.
    fn load(out: &Path) -> Cache {
        let Ok(OnDisk::File { bytes, stamp, .. }) = output::inspect(out, Path::new(CACHE), true) else {
            return Cache::empty();
        };
        let header = cache_header();
        let Some(rest) = bytes.strip_prefix(header.as_slice()) else { return Cache::empty() };
        let Some((payload, sum)) = rest.split_last_chunk::<8>() else { return Cache::empty() };
        if u64::from_le_bytes(*sum) != xxhash_rust::xxh3::xxh3_64(payload) {
            return Cache::empty();
        }
        // Decoded straight into vectors in the saved order, without a second copy of every
        // entry: a run reads them in that order (see `entries`), and a map would hash every
        // key of a large tree before the first look.
        type Loaded = (Option<u64>, Option<u64>, u64, Vec<(String, (Seen, u128))>, Vec<(u128, Cached)>);
        match postcard::from_bytes::<Loaded>(payload) {
            Ok((plan, manifest, global, specs, entries)) => Cache {
                entries,
                entry_index: Default::default(),
                taken: Default::default(),
                plan,
                manifest,
                specs,
                spec_index: Default::default(),
                global,
                saved_at: stamp.mtime,
                saved_on: stamp.dev,
            },
            Err(_) => Cache::empty(),
        }
    }
}

fn cache_header() -> Vec<u8> {
    let mut h = MAGIC.to_vec();
    h.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
    h.push(b'\n');
    h
}

fn save_cache(out: &Path, saved: Saved) -> Result<(), Error> {
    match output::inspect(out, Path::new(CACHE), false)? {
        OnDisk::Missing | OnDisk::File { .. } | OnDisk::Link => {}
        // Not ours to replace; the next run is just slower.
        OnDisk::Other(_) => return Ok(()),
    }
    output::write_below(out, CACHE, None, |w| {
        w.write_all(&cache_header())?;
        // Streamed, its checksum after it: at 50,000 specs the payload is over 20 MB.
        let digesting = postcard::to_io(&saved, output::Digesting::new(w)).map_err(std::io::Error::other)?;
        let (sum, w) = digesting.finish();
        w.write_all(&sum.to_le_bytes())
    })
}

/// Everything besides a spec's own bytes that its output depends on, digested.
fn global_key(job: &Job) -> Result<Vec<u8>, Error> {
    use std::io::Write;
    let mut key = Vec::new();
    let mut add = |part: &[u8]| {
        key.extend_from_slice(&(part.len() as u64).to_le_bytes());
        key.extend_from_slice(part);
    };
    add(env!("CARGO_PKG_VERSION").as_bytes());
    for (name, text) in crate::lang::embedded_files() {
        add(name.as_bytes());
        add(text.as_bytes());
    }
    if let Some(dir) = job.templates {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(dir, e.into()))?;
            if entry.file_type().is_file() {
                add(crate::spec::relative_to(entry.path(), dir).to_string_lossy().as_bytes());
                add(&std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?);
            }
        }
    }
    let s = job.renderer.settings();
    let mut style = Vec::new();
    let _ = write!(style, "{} {} {:?} {:?}", s.readable_variables, s.content_length, s.preset, s.indent);
    add(&style);
    add(format!("files={} pages={:?} refused={:?}", job.files, job.pages, job.refused).as_bytes());
    for t in job.targets {
        add(format!("{}:{}={}", t.language.id, t.client.id, t.file_name(job.targets)).as_bytes());
    }
    // Digested once: the templates are hundreds of kilobytes, too much to hash per spec.
    Ok(xxhash_rust::xxh3::xxh3_128(&key).to_le_bytes().to_vec())
}

fn spec_key(global: &[u8], relative: &Path, bytes: &[u8]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(global);
    h.update(relative.to_string_lossy().as_bytes());
    h.update(&[0]);
    h.update(bytes);
    h.digest128()
}

/// A spec resolved by the first pass.
struct Spec {
    key: u128,
    /// The spec file's metadata when it was read or trusted.
    source: Option<Seen>,
    entry: Entry,
    /// Per request, per target: what the second pass does.
    actions: Vec<Vec<Action>>,
    /// Per page format: what the second pass does.
    page_actions: Vec<Action>,
}

impl Spec {
    fn busy(&self) -> bool {
        self.actions.iter().flatten().chain(&self.page_actions).any(|a| !matches!(a, Action::Keep))
    }

    fn action_mut(&mut self, place: Place) -> &mut Action {
        match place {
            Place::Sample(r, t) => &mut self.actions[r][t],
            Place::Page(p) => &mut self.page_actions[p],
        }
    }
}

/// Which output file of a spec: a request's sample (request, target), or a page (format).
#[derive(Debug, Clone, Copy)]
enum Place {
    Sample(usize, usize),
    Page(usize),
}

#[derive(Debug, Clone)]
enum Action {
    Keep,
    /// Write, keeping these permissions when replacing a file.
    Write(Option<Permissions>),
    /// Not rendered yet: compare with the file there, write if it differs.
    Compare(Permissions),
}

/// Why the fast path gives up: a spec error (the full load reports it), or an I/O error.
enum Fail {
    Fallback,
    Error(Error),
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Error(e)
    }
}

/// Loads a unit (reading a file again for the second pass, and checking it did not change);
/// `None` for a unit loaded already.
fn load(unit: &Unit, expect: Option<u128>, global: &[u8]) -> Result<(u128, Option<LoadedSpec>), Fail> {
    match unit {
        Unit::File { path, relative } => {
            let bytes = crate::spec::read_spec_file(path).map_err(|_| Fail::Fallback)?;
            let key = spec_key(global, relative, &bytes);
            if expect.is_some_and(|k| k != key) {
                return Err(Fail::Error(Error::Usage(format!(
                    "{} changed while snipgen was running; run it again",
                    path.display()
                ))));
            }
            let loaded = crate::spec::parse_bytes(path, relative, &bytes).map_err(|_| Fail::Fallback)?;
            Ok((key, Some(loaded)))
        }
        Unit::Loaded(l) => Ok((spec_key(global, Path::new(&l.id), l.source.as_bytes()), None)),
    }
}

/// The spec of `unit`: its own when loaded already, else `own`.
fn spec_of<'a>(unit: &'a Unit, own: Option<&'a LoadedSpec>) -> &'a LoadedSpec {
    match (unit, own) {
        (Unit::Loaded(l), _) => l,
        (_, Some(l)) => l,
        (Unit::File { .. }, None) => unreachable!("a file unit is loaded before use"),
    }
}

/// Renders a unit, loading it again (and checking it did not change) if need be.
fn render_unit(
    job: &Job,
    unit: &Unit,
    own: Option<&LoadedSpec>,
    key: u128,
    global: &[u8],
) -> Result<Output, Fail> {
    match own {
        Some(l) => render(job, l),
        None => {
            let (_, again) = load(unit, Some(key), global)?;
            render(job, spec_of(unit, again.as_ref()))
        }
    }
}

/// A spec after the first look: cached, or built (and its parsed spec, for a file).
enum Found {
    Hit(Entry),
    Miss(Entry, Option<Box<LoadedSpec>>),
}

/// Everything a spec's output files hold.
struct Output {
    /// Per request, per target: the sample, or its client's refusal.
    samples: Vec<Vec<Result<String, String>>>,
    /// Per page format, the page.
    pages: Vec<String>,
}

impl Output {
    fn text(&self, place: Place) -> &str {
        match place {
            Place::Sample(r, t) => {
                self.samples[r][t].as_deref().expect("a file is planned only for a sample")
            }
            Place::Page(p) => &self.pages[p],
        }
    }
}

fn render(job: &Job, loaded: &LoadedSpec) -> Result<Output, Fail> {
    let requests = crate::model::build(loaded, job.renderer.settings()).map_err(|_| Fail::Fallback)?;
    let plan = job.renderer.render_all(requests, job.targets)?;
    let pages = if job.pages.is_empty() {
        Vec::new()
    } else {
        let pages = crate::format::pages(&plan);
        let [page] = pages.as_slice() else { return Err(Fail::Fallback) };
        job.pages.iter().map(|&format| crate::format::page(format, page, job.refused).text).collect()
    };
    let mut samples = plan.samples.into_iter();
    let samples = plan
        .requests
        .iter()
        .map(|_| samples.by_ref().take(job.targets.len()).map(|s| s.outcome).collect())
        .collect();
    Ok(Output { samples, pages })
}

/// A spec's output, rendered on the first call that needs it.
struct Lazy<'a> {
    output: Option<Output>,
    render: &'a (dyn Fn() -> Result<Output, Fail> + Sync),
}

impl Lazy<'_> {
    fn get(&mut self) -> Result<&Output, Fail> {
        if self.output.is_none() {
            self.output = Some((self.render)()?);
        }
        Ok(self.output.as_ref().expect("just rendered"))
    }
}

/// The entry of a spec not in the cache: ids and refusals, from the model alone.
fn skeleton(job: &Job, loaded: &LoadedSpec) -> Result<Entry, Fail> {
    let requests = crate::model::build(loaded, job.renderer.settings()).map_err(|_| Fail::Fallback)?;
    let requests = requests
        .iter()
        .map(|r| RequestEntry {
            id: r.id.clone(),
            slots: job
                .targets
                .iter()
                .map(|t| match t.refusal(r) {
                    Some(reason) => Slot::Refused(reason),
                    None if job.files => Slot::File { hash: None, stat: None },
                    None => Slot::Unwritten,
                })
                .collect(),
            folder: None,
        })
        .collect();
    Ok(Entry { id: loaded.id.clone(), requests, pages: vec![PageSlot::default(); job.pages.len()] })
}

/// Writes a file's text (keeping the given mode) and returns the written file's metadata.
type WriteFile<'a> = dyn FnMut(&[u8], Option<&Permissions>) -> Result<Stamp, Error> + 'a;

/// A request's folder as the first pass found it.
enum Folder {
    /// Listed (its temporary files found), with its metadata from just before the listing.
    Listed(output::Listing, Seen),
    /// A plain folder unchanged since the cache recorded it free of temporary files: not
    /// listed again.
    Known(output::OpenFolder),
    /// Not there: nor is any of its files.
    Missing,
    /// Not a plain folder, or the request has no files: each path is walked.
    Walk,
}

impl Folder {
    fn temps(&self) -> &[String] {
        match self {
            Folder::Listed(listing, _) => &listing.temps,
            _ => &[],
        }
    }
}

/// The request's folder, listed unless the cache vouches for it (opened once, without links).
fn list(looking: &Looking, request: &RequestEntry) -> Result<Folder, Error> {
    let request_has_files = request.slots.iter().any(|s| matches!(s, Slot::File { .. }));
    let id = request.id.as_str();
    if !request_has_files || output::checked_relative(id).is_err() {
        return Ok(Folder::Walk);
    }
    let Some(root) = looking.root else { return Ok(Folder::Missing) };
    let (folder, now) = match root.folder(looking.out, id)? {
        output::Below::Folder(folder, now) => (folder, now),
        output::Below::Missing => return Ok(Folder::Missing),
        output::Below::NotAFolder => return Ok(Folder::Walk),
    };
    if looking.cache.trusts(request.folder, &now) {
        return Ok(Folder::Known(folder));
    }
    Ok(Folder::Listed(output::Listing::of(looking.out, id)?, Seen::of(&now)))
}

/// What is at `out/<request>/<name>`: one lstat in the request's folder (the full walk when
/// the folder is not a plain one).
fn look(out: &Path, folder: &Folder, request: &str, name: &FileName) -> Result<OnDisk, Error> {
    let FileName(name, c_name) = name;
    match folder {
        Folder::Listed(listing, _) => listing.get(name),
        Folder::Known(folder) => folder.look(|| out.join(request), c_name),
        Folder::Missing => Ok(OnDisk::Missing),
        Folder::Walk => {
            let path = format!("{request}/{name}");
            output::inspect(out, output::checked_relative(&path)?, false)
        }
    }
}

/// A sample's file name, also as the C string a look-up relative to its folder takes: made
/// once per run rather than once per file (5% of an unchanged run's own instructions).
struct FileName(String, std::ffi::CString);

/// The targets' file names in the run's order; `None` if one holds a NUL, which no file name
/// can (the full pipeline then says so).
fn file_names(job: &Job) -> Option<Vec<FileName>> {
    job.targets
        .iter()
        .map(|t| {
            let name = t.file_name(job.targets);
            let c_name = std::ffi::CString::new(name.as_str()).ok()?;
            Some(FileName(name, c_name))
        })
        .collect()
}

fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// An output file's content hash, as the cache keeps it.
fn text_hash(bytes: &[u8]) -> NonZeroU64 {
    non_zero(hash(bytes))
}

/// What the first pass of `generate` found about one spec's files, besides their actions.
#[derive(Default)]
struct Findings {
    /// Files snipgen did not write, holding something else.
    conflicts: Vec<String>,
    /// Links, with the message for the user.
    not_regular: Vec<String>,
    /// Something in the way (a folder…) that removing a stale file may clear: the file, its
    /// path and why.
    blocked: Vec<(Place, String, String)>,
    /// Whether the spec's cache entry changed.
    dirty: bool,
    /// Temporary files found in its folders.
    temps: Vec<String>,
}

/// The first pass of `generate`: the output folder, the cache and the manifest as it reads
/// them.
struct Looking<'a> {
    out: &'a Path,
    /// The output folder, open; `None` when it does not exist yet.
    root: Option<&'a output::OpenFolder>,
    cache: &'a Cache,
    owned: &'a output::Owned,
    force: bool,
}

impl Looking<'_> {
    /// What the second pass does about the file at `path` (relative to the output folder),
    /// found `on_disk`, which is to hold the text at `place`: `known` is its content hash,
    /// when known, and the metadata its file had then.
    fn decide(
        &self,
        on_disk: OnDisk,
        path: &dyn Fn() -> String,
        place: Place,
        (want, stat): (&mut Option<NonZeroU64>, &mut Option<Seen>),
        lazy: &mut Lazy,
        findings: &mut Findings,
    ) -> Result<Action, Fail> {
        let target = || self.out.join(path());
        let conflict = |findings: &mut Findings| {
            findings.conflicts.push(target().display().to_string());
            Action::Keep
        };
        Ok(match on_disk {
            OnDisk::Missing => Action::Write(None),
            OnDisk::File { permissions, stamp: now, .. } => {
                if want.is_some() && self.cache.trusts(*stat, &now) {
                    Action::Keep
                } else if let Some(h) = *want {
                    if text_hash(&output::read_regular(&target())?) == h {
                        *stat = Some(Seen::of(&now));
                        findings.dirty = true;
                        Action::Keep
                    } else if self.owned.contains(&path()) || self.force {
                        Action::Write(Some(permissions))
                    } else {
                        conflict(findings)
                    }
                } else if self.owned.contains(&path()) {
                    Action::Compare(permissions)
                } else {
                    // Not ours: whether it differs decides between a conflict and nothing to
                    // do, before any write.
                    let bytes = output::read_regular(&target())?;
                    let text = lazy.get()?.text(place);
                    if bytes == text.as_bytes() {
                        *want = Some(text_hash(text.as_bytes()));
                        *stat = Some(Seen::of(&now));
                        findings.dirty = true;
                        Action::Keep
                    } else if self.force {
                        Action::Write(Some(permissions))
                    } else {
                        conflict(findings)
                    }
                }
            }
            OnDisk::Link => {
                findings.not_regular.push(format!(
                    "{} is a symbolic link; snipgen writes regular files and never follows links",
                    target().display()
                ));
                Action::Keep
            }
            OnDisk::Other(why) => {
                findings.blocked.push((place, path(), why));
                Action::Keep
            }
        })
    }

    /// `check` of the file at `path`, found `on_disk`, which is to hold the text at `place`
    /// (see [`Looking::decide`]); what is wrong goes to `part`.
    fn check(
        &self,
        on_disk: OnDisk,
        path: &dyn Fn() -> String,
        place: Place,
        (want, stat): (Option<NonZeroU64>, Option<Seen>),
        lazy: &mut Lazy,
        part: &mut CheckReport,
    ) -> Result<(), Fail> {
        if let OnDisk::File { stamp, .. } = &on_disk
            && want.is_some()
            && self.cache.trusts(stat, stamp)
        {
            return Ok(());
        }
        let path = path();
        let relative = output::checked_relative(&path)?;
        match on_disk {
            OnDisk::Missing => part.missing.push(path),
            OnDisk::File { .. } => {
                let bytes = output::read_regular(&self.out.join(relative))?;
                if want.is_some_and(|h| h == text_hash(&bytes)) {
                    return Ok(());
                }
                let text = lazy.get()?.text(place);
                if bytes != text.as_bytes() {
                    let diff = output::diff(&path, &bytes, text);
                    part.stale.push((path, diff));
                }
            }
            OnDisk::Link => part.not_regular.push((
                path,
                "a symbolic link, not the generated file (snipgen never follows links)".to_string(),
            )),
            OnDisk::Other(why) => part.not_regular.push((path, why)),
        }
        Ok(())
    }
}

/// A spec as the first pass found it: its key, its file's metadata, and its entry.
struct Resolved {
    key: u128,
    source: Option<Seen>,
    found: Found,
}

/// The spec folders one worker of a first pass has open: a spec's metadata is then one look-up
/// of its own name in its folder instead of a walk of its whole path (under a long absolute
/// path, three of every four of an unchanged run's name look-ups for its specs). Made per run
/// and per rayon job, never kept longer: a folder renamed between two runs of one process
/// (`watch`) must not be looked at through the first run's handle.
#[derive(Default)]
struct SpecFolders {
    #[cfg(target_os = "linux")]
    open: Option<(PathBuf, std::os::fd::OwnedFd)>,
}

impl SpecFolders {
    /// The spec file's own metadata (`lstat`), and whether it is a regular file.
    fn stamp(&mut self, path: &Path) -> Option<(Stamp, bool)> {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{AtFlags, FileType, Mode, OFlags};
            let name = path.file_name()?;
            let parent = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            if self.open.as_ref().is_none_or(|(open, _)| open != parent) {
                // Its folders followed as `lstat` follows them: the specs folder may be a link.
                let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
                let fd = rustix::fs::open(parent, flags, Mode::empty()).ok()?;
                self.open = Some((parent.to_path_buf(), fd));
            }
            let (_, folder) = self.open.as_ref()?;
            let stat = rustix::fs::statat(folder, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
            let file = FileType::from_raw_mode(stat.st_mode as _) == FileType::RegularFile;
            Some((Stamp::of_raw(&stat), file))
        }
        #[cfg(not(target_os = "linux"))]
        {
            let meta = std::fs::symlink_metadata(path).ok()?;
            Some((Stamp::of(&meta), meta.is_file()))
        }
    }
}

/// First step for one spec, the run's `at`-th, on whichever thread takes it: its entry (taken
/// from the cache, or built from its model), and whether its file had to be read (its
/// metadata is then new to the cache).
fn resolve(
    job: &Job,
    global: &[u8],
    digest: u64,
    (at, unit): (usize, &Unit),
    cache: &Cache,
    folders: &mut SpecFolders,
) -> Result<(Resolved, bool), Fail> {
    // The key first (reading the file only when the cache does not vouch for its metadata),
    // then the cache's entry, else the spec's model.
    let (key, source, bytes) = match unit {
        Unit::File { path, relative } => {
            let (now, file) = folders.stamp(path).ok_or(Fail::Fallback)?;
            if !file {
                return Err(Fail::Fallback);
            }
            match cache.known_spec(digest, relative, at, &now) {
                Some(key) => (key, Some(Seen::of(&now)), None),
                None => {
                    // Kept: a miss parses these bytes rather than reading the file again.
                    let bytes = crate::spec::read_spec_file(path).map_err(|_| Fail::Fallback)?;
                    (spec_key(global, relative, &bytes), Some(Seen::of(&now)), Some(bytes))
                }
            }
        }
        Unit::Loaded(l) => (spec_key(global, Path::new(&l.id), l.source.as_bytes()), None, None),
    };
    let read = bytes.is_some();
    let found = match cache.take(key, at).filter(|e| e.complete() && e.fits(job)) {
        Some(e) => Found::Hit(e),
        None => {
            let own = match (unit, bytes) {
                (Unit::File { path, relative }, Some(bytes)) => {
                    Some(crate::spec::parse_bytes(path, relative, &bytes).map_err(|_| Fail::Fallback)?)
                }
                _ => load(unit, Some(key), global)?.1,
            };
            let entry = skeleton(job, spec_of(unit, own.as_ref()))?;
            Found::Miss(entry, own.map(Box::new))
        }
    };
    Ok((Resolved { key, source, found }, read))
}

/// The plan's output paths (`<request id>/<file name>`) in one buffer, each with the unit it
/// comes from: at 50,000 specs, 550,000 separate strings would cost over 40 MB.
struct Planned {
    /// Each path followed by a NUL, in the order pushed: the plan's digest while that order is
    /// the sorted one.
    text: String,
    /// Each path's start and length in `text`, and its unit.
    paths: Vec<(usize, u32, u32)>,
    /// Whether `paths` is still in the order of `text`.
    in_text_order: bool,
    /// The request folders that hold files, and the pages, as ranges of `text`.
    folders: Vec<(usize, u32)>,
    pages: Vec<(usize, u32)>,
}

impl Planned {
    fn with_capacity(paths: usize, bytes: usize) -> Planned {
        Planned {
            text: String::with_capacity(bytes + paths),
            paths: Vec::with_capacity(paths),
            in_text_order: true,
            folders: Vec::new(),
            pages: Vec::new(),
        }
    }

    fn push(&mut self, request: &str, name: &str, unit: usize) {
        let start = self.text.len();
        self.text.push_str(request);
        self.text.push('/');
        self.text.push_str(name);
        self.end(start, unit);
    }

    fn push_path(&mut self, path: &str, unit: usize) {
        let start = self.text.len();
        self.text.push_str(path);
        self.end(start, unit);
    }

    fn end(&mut self, start: usize, unit: usize) {
        let len = u32::try_from(self.text.len() - start).expect("a path is far shorter than 4 GB");
        self.text.push('\0');
        self.paths.push((start, len, u32::try_from(unit).expect("fewer than 4 billion specs")));
    }

    /// Every file path of `entry`, each request's in file-name order (`by_name`), then its
    /// pages.
    fn push_entry(
        &mut self,
        entry: &Entry,
        names: &[FileName],
        by_name: &[usize],
        pages: &[Format],
        unit: usize,
    ) {
        for req in &entry.requests {
            let mut files = files_by_name(req, by_name).peekable();
            if files.peek().is_some() {
                let len = u32::try_from(req.id.len()).expect("an id is far shorter than 4 GB");
                self.folders.push((self.text.len(), len));
            }
            for t in files {
                self.push(&req.id, &names[t].0, unit);
            }
        }
        for &format in pages {
            let path = crate::format::page_path(format, &entry.id);
            self.pages.push((self.text.len(), u32::try_from(path.len()).expect("a short path")));
            self.push_path(&path, unit);
        }
    }

    fn len(&self) -> usize {
        self.paths.len()
    }

    fn at(&self, (start, len): (usize, u32)) -> &str {
        &self.text[start..start + len as usize]
    }

    fn path(&self, k: usize) -> &str {
        let (start, len, _) = self.paths[k];
        self.at((start, len))
    }

    fn unit(&self, k: usize) -> usize {
        self.paths[k].2 as usize
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|k| self.path(k))
    }

    fn folders(&self) -> impl Iterator<Item = &str> {
        self.folders.iter().map(|&range| self.at(range))
    }

    fn pages(&self) -> impl Iterator<Item = &str> {
        self.pages.iter().map(|&range| self.at(range))
    }

    fn sort(&mut self) {
        let text = &self.text;
        let at = |&(start, len, _): &(usize, u32, u32)| &text[start..start + len as usize];
        // Usually sorted already: request ids follow the specs' file names.
        if self.paths.is_sorted_by(|a, b| at(a) <= at(b)) {
            return;
        }
        // Specs come in file order and each one's files together, so the list is in long
        // sorted runs, which the stable sort merges in near-linear time.
        self.paths.par_sort_by(|a, b| at(a).cmp(at(b)));
        self.in_text_order = false;
    }

    /// The digest of the paths in their order, each followed by a NUL.
    fn digest(&self) -> u64 {
        if self.in_text_order {
            return hash(self.text.as_bytes());
        }
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for path in self.iter() {
            h.update(path.as_bytes());
            h.update(&[0]);
        }
        h.digest()
    }
}

/// Temporary files in the folders not listed already: the output folder, the folders of
/// files owned but not planned, the folders above nested request folders, and the pages'
/// folders. Sorted, each once.
fn leftovers(
    out: &Path,
    planned: &Planned,
    unplanned: &[&str],
    in_root: Vec<String>,
) -> Result<Vec<String>, Error> {
    let mut listed: HashSet<&str> = planned.folders().collect();
    // The output folder itself was listed beside the first pass: `in_root` is what it held.
    listed.insert("");
    let nested = listed.iter().copied().filter(|f| f.contains('/'));
    // A request folder below a page format's folder is listed twice: once is enough.
    let mut found = output::leftovers_except(
        out,
        unplanned.iter().copied().chain(nested).chain(planned.pages()),
        &listed,
    )?;
    found.extend(in_root);
    found.sort();
    found.dedup();
    Ok(found)
}

/// Sorts the plan's paths and validates them (see [`output::validate_paths`]), unless they are
/// the ones a run validated before; returns their digest. Two specs with one id fall back to
/// the full load, which names both files; a plan validated before had none, so the specs' ids
/// are looked at only with the paths.
fn validate<'a>(
    planned: &mut Planned,
    units: &[Unit],
    cache: &Cache,
    ids: impl Iterator<Item = &'a str>,
) -> Result<u64, Fail> {
    planned.sort();
    let digest = planned.digest();
    if cache.plan != Some(digest) {
        let mut ids: Vec<&str> = ids.collect();
        ids.sort_unstable();
        if ids.windows(2).any(|pair| pair[0] == pair[1]) {
            return Err(Fail::Fallback);
        }
        output::validate_indexed(planned.len(), |k| (planned.path(k), units[planned.unit(k)].path()))?;
    }
    Ok(digest)
}

/// Whether the manifest read lists exactly the (sorted) plan, and its paths that are not
/// planned: usually none, found then without merging the two lists.
fn against_plan<'a>(owned: &'a output::Owned, planned: &Planned) -> (bool, Vec<&'a str>) {
    if owned.iter().eq(planned.iter()) { (true, Vec::new()) } else { (false, unplanned(owned, planned)) }
}

/// Whether the manifest read is snipgen's text of `paths`: the plan merged with some of the
/// manifest's own entries, which is the manifest's own list when it lists exactly the plan
/// (`lists_plan`), so that only its text needs checking then.
fn manifest_holds<'a>(owned: &output::Owned, lists_plan: bool, paths: impl Iterator<Item = &'a str>) -> bool {
    if lists_plan { owned.is_canonical() } else { owned.is_text_of(paths) }
}

/// The manifest's paths that are not planned (both lists are sorted).
fn unplanned<'a>(owned: &'a output::Owned, planned: &Planned) -> Vec<&'a str> {
    let mut planned = planned.iter().peekable();
    owned
        .iter()
        .filter(|o| {
            while planned.next_if(|p| p < o).is_some() {}
            planned.peek() != Some(o)
        })
        .collect()
}

/// Two sorted lists of paths as one, sorted, each path once.
fn merged<'a>(
    a: impl Iterator<Item = &'a str>,
    b: impl Iterator<Item = &'a str>,
) -> impl Iterator<Item = &'a str> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if x < y => a.next(),
        (Some(x), Some(y)) if x > y => b.next(),
        (Some(_), Some(_)) => {
            b.next();
            a.next()
        }
        (Some(_), None) => a.next(),
        (None, _) => b.next(),
    })
}

/// The targets' indexes in the order of their file names, so that a request's paths are
/// planned sorted.
fn names_in_order(names: &[FileName]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&t| &names[t].0);
    order
}

/// The targets of `request` that are files, in the order of [`names_in_order`].
fn files_by_name<'a>(request: &'a RequestEntry, by_name: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    by_name.iter().copied().filter(|&t| matches!(request.slots[t], Slot::File { .. }))
}

/// The cache (empty when the output folder does not exist yet) and the manifest's entries and
/// digest: both read and decode megabytes on a large tree, so side by side.
fn cache_and_manifest(
    out: &Path,
    exists: bool,
    prefetched: Option<Cache>,
) -> Result<(Cache, output::Owned, Option<u64>), Error> {
    let (cache, manifest) = rayon::join(
        || if exists { prefetched.unwrap_or_else(|| Cache::load(out)) } else { Cache::empty() },
        || output::manifest_bytes(out).map(|bytes| bytes.map(|b| (hash(&b), b))),
    );
    let manifest = manifest?;
    let digest = manifest.as_ref().map(|(digest, _)| *digest);
    let known = digest.is_some() && digest == cache.manifest;
    let owned = output::Owned::parse(manifest.map(|(_, bytes)| bytes), known);
    Ok((cache, owned, digest))
}

/// Runs `generate` for the `files` format; `None` when a spec has an error (the caller runs
/// the full pipeline, which reports it exactly as always).
pub fn generate(
    job: &Job,
    units: &[Unit],
    force: bool,
    prefetched: Prefetched,
) -> Result<Option<Generated>, Error> {
    match generate_inner(job, units, force, prefetched) {
        Ok(r) => Ok(Some(r)),
        Err(Fail::Fallback) => Ok(None),
        Err(Fail::Error(e)) => Err(e),
    }
}

/// The number of files, what was written, and the refused samples with their reasons.
pub type Generated = (usize, WriteReport, Vec<(Refused, String)>);

fn generate_inner(job: &Job, units: &[Unit], force: bool, prefetched: Prefetched) -> Result<Generated, Fail> {
    let out = job.out;
    let global = global_key(job)?;
    let names = file_names(job).ok_or(Fail::Fallback)?;
    // A new output folder is created only once the plan is known to be valid.
    let exists = output::check_out_folder(out)?;
    let mut _lock = if exists { Some(output::Lock::acquire(out)?) } else { None };
    let (cache, owned, manifest_now) = cache_and_manifest(out, exists, prefetched.0)?;
    let root = output::OpenFolder::root(out)?;
    let mut dirty = false;
    let mut cleaned = Vec::new();
    let mut specs: Vec<Spec> = Vec::with_capacity(units.len());
    let mut conflicts = Vec::new();
    let mut not_regular = Vec::new();
    // (spec, place, path, why): resolved once the stale files are known.
    let mut others: Vec<(usize, Place, String, String)> = Vec::new();
    let digest = hash(&global);
    let looking = Looking { out, root: root.as_ref(), cache: &cache, owned: &owned, force };
    let first_pass = || -> Result<(), Fail> {
        for (c, chunk) in units.chunks(CHUNK).enumerate() {
            let looked: Vec<Result<(Spec, Findings), Fail>> = chunk
                .par_iter()
                .enumerate()
                .map_init(SpecFolders::default, |folders, (k, unit)| {
                    let (Resolved { key, source, found }, read) =
                        resolve(job, &global, digest, (c * CHUNK + k, unit), &cache, folders)?;
                    let (mut entry, own) = match found {
                        Found::Hit(e) => (e, None),
                        Found::Miss(e, own) => (e, own),
                    };
                    let render = || render_unit(job, unit, own.as_deref(), key, &global);
                    let mut lazy = Lazy { output: None, render: &render };
                    let mut findings = Findings { dirty: read, ..Findings::default() };
                    let mut actions = Vec::with_capacity(entry.requests.len());
                    for (r, req) in entry.requests.iter_mut().enumerate() {
                        let folder = list(&looking, req)?;
                        findings.temps.extend(folder.temps().iter().cloned());
                        let recorded = match &folder {
                            Folder::Listed(listing, now) => listing.temps.is_empty().then_some(*now),
                            Folder::Known(_) => req.folder,
                            Folder::Missing | Folder::Walk => None,
                        };
                        if req.folder != recorded {
                            req.folder = recorded;
                            findings.dirty = true;
                        }
                        let mut row = Vec::with_capacity(req.slots.len());
                        for (t, slot) in req.slots.iter_mut().enumerate() {
                            let Slot::File { hash: want, stat } = slot else {
                                row.push(Action::Keep);
                                continue;
                            };
                            // `look` checks the path; it is built only for the few files that are
                            // read or named.
                            let on_disk = look(out, &folder, &req.id, &names[t])?;
                            let path = || format!("{}/{}", req.id, names[t].0);
                            let known = (want, stat);
                            row.push(looking.decide(
                                on_disk,
                                &path,
                                Place::Sample(r, t),
                                known,
                                &mut lazy,
                                &mut findings,
                            )?);
                        }
                        actions.push(row);
                    }
                    let mut page_actions = Vec::with_capacity(entry.pages.len());
                    for (p, slot) in entry.pages.iter_mut().enumerate() {
                        let path = crate::format::page_path(job.pages[p], &entry.id);
                        let on_disk = output::inspect(out, output::checked_relative(&path)?, false)?;
                        let known = (&mut slot.hash, &mut slot.stat);
                        let path = || path.clone();
                        page_actions.push(looking.decide(
                            on_disk,
                            &path,
                            Place::Page(p),
                            known,
                            &mut lazy,
                            &mut findings,
                        )?);
                    }
                    Ok((Spec { key, source, entry, actions, page_actions }, findings))
                })
                .collect();
            for (k, l) in looked.into_iter().enumerate() {
                let (spec, findings) = l?;
                conflicts.extend(findings.conflicts);
                not_regular.extend(findings.not_regular);
                others.extend(
                    findings.blocked.into_iter().map(|(place, path, why)| (c * CHUNK + k, place, path, why)),
                );
                dirty |= findings.dirty;
                cleaned.extend(findings.temps);
                specs.push(spec);
            }
        }
        Ok(())
    };
    // The output folder's own listing (for temporary files left there) beside the first pass.
    let (in_root, first) = rayon::join(|| output::temps_in(out, ""), first_pass);
    first?;
    // The whole plan's paths, sorted, for validation and the manifest; sized exactly, as at
    // 50,000 specs a doubling buffer's slack would be megabytes.
    let by_name = names_in_order(&names);
    let (mut count, mut bytes) = (0, 0);
    for spec in &specs {
        for req in &spec.entry.requests {
            for t in files_by_name(req, &by_name) {
                count += 1;
                bytes += req.id.len() + 1 + names[t].0.len();
            }
        }
        for &format in job.pages {
            count += 1;
            bytes += crate::format::page_path(format, &spec.entry.id).len();
        }
    }
    let mut planned = Planned::with_capacity(count, bytes);
    for (i, spec) in specs.iter().enumerate() {
        planned.push_entry(&spec.entry, &names, &by_name, job.pages, i);
    }
    let plan = validate(&mut planned, units, &cache, specs.iter().map(|s| s.entry.id.as_str()))?;
    let (lists_plan, unplanned) = against_plan(&owned, &planned);
    let stale: std::collections::BTreeSet<&str> =
        unplanned.iter().copied().filter(|p| job.scope.covers(p)).collect();
    for (i, place, path, why) in others {
        if output::cleared_by_removal(&stale, &path) {
            *specs[i].action_mut(place) = Action::Write(None);
        } else {
            not_regular.push(why);
        }
    }
    let mut to_remove = Vec::new();
    // Stale paths already gone: a run that failed (a full disk) or was killed may have made
    // their folders and never written into them. Pruned below, so no empty folder outlives
    // its spec.
    let mut vacated = Vec::new();
    for old in &stale {
        match output::inspect(out, output::checked_relative(old)?, false)? {
            OnDisk::Missing => vacated.push(*old),
            OnDisk::File { .. } | OnDisk::Link => to_remove.push(*old),
            OnDisk::Other(why) => not_regular.push(why),
        }
    }
    if !not_regular.is_empty() {
        return Err(Error::Usage(format!(
            "refusing to touch what snipgen would not have written; remove it:\n  {}",
            not_regular.join("\n  ")
        ))
        .into());
    }
    if !conflicts.is_empty() {
        conflicts.sort();
        return Err(Error::Usage(format!(
            "refusing to overwrite files snipgen did not generate (not in {MANIFEST}); move them away or pass --force:\n  {}",
            conflicts.join("\n  ")
        ))
        .into());
    }
    if !exists {
        std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
        _lock = Some(output::Lock::acquire(out)?);
        // Another run may have created it meanwhile: then look again, under the lock.
        let alone = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?.count() == 1;
        if !alone {
            drop(_lock);
            return generate_inner(job, units, force, Prefetched::default());
        }
    }
    let planned_paths = || planned.iter();
    let kept = || owned.iter().filter(|p| !job.scope.covers(p));
    let manifest_mode = match output::inspect(out, Path::new(MANIFEST), false)? {
        OnDisk::File { permissions, .. } => Some(permissions),
        _ => None,
    };
    cleaned.extend(leftovers(out, &planned, &unplanned, in_root?)?);
    cleaned.sort();
    cleaned.dedup();
    drop(unplanned);
    let mut report = WriteReport { cleaned, ..WriteReport::default() };
    for temp in &report.cleaned {
        let path = out.join(temp);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(&path, e).into()),
            _ => {}
        }
    }
    let any_work = specs.iter().any(Spec::busy);
    // Opened again when this run made the output folder.
    let root = match root {
        Some(root) => root,
        None => output::OpenFolder::root(out)?.ok_or_else(|| {
            Error::Usage(format!("{}: the output folder was removed while snipgen ran", out.display()))
        })?,
    };
    let intent = || merged(owned.iter(), planned_paths());
    // The digest of the intent, when it replaced the manifest read.
    let mut intent_written = None;
    if (any_work || !to_remove.is_empty()) && !manifest_holds(&owned, lists_plan, intent()) {
        intent_written = Some(output::write_manifest_sorted(out, intent(), manifest_mode.as_ref())?);
    }
    let last = || merged(kept(), planned_paths());
    let on_disk_is_last = if intent_written.is_some() {
        intent().eq(last())
    } else {
        manifest_holds(&owned, lists_plan, last())
    };
    // The final manifest, kept as text only when it differs from the one on disk now.
    let manifest = (!on_disk_is_last).then(|| output::manifest_text_sorted(last()));
    // The digest of the manifest the run leaves, for the next run's cache to vouch for.
    let manifest_left = match (&manifest, intent_written) {
        (Some(text), _) => Some(hash(text.as_bytes())),
        (None, Some(digest)) => Some(digest),
        (None, None) => manifest_now,
    };
    let files = planned.len();
    drop(planned);
    for old in to_remove {
        let target = out.join(old);
        match std::fs::remove_file(&target) {
            Ok(()) => report.removed.push(old.to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&target, e).into()),
        }
        output::prune_empty_dirs(out, target.parent());
    }
    for old in vacated {
        output::prune_empty_dirs(out, out.join(old).parent());
    }
    drop(stale);
    // Second pass: render and write, a chunk at a time.
    let mut refused = Vec::new();
    let mut written = Vec::new();
    for (c, chunk) in specs.chunks_mut(CHUNK).enumerate() {
        let results: Vec<Result<(Vec<String>, usize), Fail>> = chunk
            .par_iter_mut()
            .enumerate()
            .map(|(k, spec)| {
                if !spec.busy() {
                    let files = spec.entry.requests.iter().flat_map(|r| &r.slots);
                    let files = files.filter(|s| matches!(s, Slot::File { .. })).count();
                    return Ok((Vec::new(), files + spec.page_actions.len()));
                }
                let unit = &units[c * CHUNK + k];
                let mut done = Vec::new();
                let mut unchanged = 0;
                let rendered = render_unit(job, unit, None, spec.key, &global)?;
                // Writes the file at `place` with `write` unless its action keeps it; whether
                // it wrote.
                let mut apply = |action: &Action,
                                 place: Place,
                                 path: String,
                                 want: &mut Option<NonZeroU64>,
                                 stat: &mut Option<Seen>,
                                 write: &mut WriteFile|
                 -> Result<bool, Fail> {
                    // The permissions a replaced file keeps, and whether the file there may
                    // already hold the text.
                    let (permissions, compare) = match action {
                        Action::Keep => {
                            unchanged += 1;
                            return Ok(false);
                        }
                        Action::Write(p) => (p.clone(), false),
                        Action::Compare(p) => (Some(p.clone()), true),
                    };
                    let text = rendered.text(place);
                    // The file's path, when it already holds the text (joined only to compare:
                    // a cold run writes every file without looking).
                    let holds_text = if compare {
                        let target = out.join(&path);
                        (output::read_regular(&target)? == text.as_bytes()).then_some(target)
                    } else {
                        None
                    };
                    let stamp = match &holds_text {
                        Some(target) => {
                            unchanged += 1;
                            Stamp::of(&std::fs::symlink_metadata(target).map_err(|e| Error::io(target, e))?)
                        }
                        None => {
                            let stamp = write(text.as_bytes(), permissions.as_ref())?;
                            done.push(path);
                            stamp
                        }
                    };
                    *want = Some(text_hash(text.as_bytes()));
                    *stat = Some(Seen::of(&stamp));
                    Ok(holds_text.is_none())
                };
                for (r, req) in spec.entry.requests.iter_mut().enumerate() {
                    // Opened (and made) at its first write.
                    let mut folder: Option<output::OpenFolder> = None;
                    let id = &req.id;
                    for (t, slot) in req.slots.iter_mut().enumerate() {
                        let Slot::File { hash: want, stat } = slot else { continue };
                        let path = format!("{id}/{}", names[t].0);
                        let mut write = |text: &[u8], keep: Option<&Permissions>| {
                            let open = match &mut folder {
                                Some(open) => open,
                                None => folder.insert(root.make(out, id)?),
                            };
                            open.write(|| out.join(id), &names[t].1, text, keep)
                        };
                        apply(&spec.actions[r][t], Place::Sample(r, t), path, want, stat, &mut write)?;
                    }
                    if let Some(folder) = &folder {
                        // Its own writes (a temporary file renamed into place) changed the
                        // folder, and left no temporary file in it.
                        req.folder = Some(Seen::of(&folder.stamp(|| out.join(id))?));
                    }
                }
                for (p, slot) in spec.entry.pages.iter_mut().enumerate() {
                    let path = crate::format::page_path(job.pages[p], &spec.entry.id);
                    let mut write = |text: &[u8], keep: Option<&Permissions>| {
                        root.write_below(out, &path, keep, |w| w.write_all(text))
                    };
                    apply(
                        &spec.page_actions[p],
                        Place::Page(p),
                        path.clone(),
                        &mut slot.hash,
                        &mut slot.stat,
                        &mut write,
                    )?;
                }
                Ok((done, unchanged))
            })
            .collect();
        for r in results {
            let (done, unchanged) = r?;
            report.unchanged += unchanged;
            if job.list {
                written.extend(done);
            } else {
                report.unlisted += done.len();
            }
        }
        for spec in chunk.iter() {
            for (req, t) in
                spec.entry.requests.iter().flat_map(|r| r.slots.iter().enumerate().map(move |s| (r, s)))
            {
                if let (i, Slot::Refused(reason)) = t {
                    let what = if job.files {
                        Refused::File(format!("{}/{}", req.id, names[i].0))
                    } else {
                        Refused::Tab { spec: req.id.clone(), tab: job.targets[i].label() }
                    };
                    refused.push((what, reason.clone()));
                }
            }
        }
    }
    written.sort();
    report.written = written;
    // By path, as the full pipeline lists them; tabs stay in page order.
    refused.sort_by(|(a, _), (b, _)| match (a, b) {
        (Refused::File(a), Refused::File(b)) => a.cmp(b),
        _ => std::cmp::Ordering::Equal,
    });
    if let Some(manifest) = manifest {
        output::write_below(out, MANIFEST, manifest_mode.as_ref(), |w| w.write_all(manifest.as_bytes()))?;
    }
    if dirty || any_work || cache.left_over() || cache.plan != Some(plan) || cache.manifest != manifest_left {
        let index = specs
            .iter()
            .zip(units)
            .filter_map(|(s, u)| match (u, s.source) {
                (Unit::File { relative, .. }, Some(stat)) => {
                    Some((relative.to_str()?.to_string(), (stat, s.key)))
                }
                _ => None,
            })
            .collect();
        let entries = specs.into_iter().map(|s| (s.key, s.entry)).collect();
        save_cache(out, (Some(plan), manifest_left, hash(&global), index, entries))?;
    }
    Ok((files, report, refused))
}

/// Runs `check` for the `files` format; `None` as for [`generate`].
pub fn check(
    job: &Job,
    units: &[Unit],
    prefetched: Prefetched,
) -> Result<Option<(usize, CheckReport)>, Error> {
    match check_inner(job, units, prefetched) {
        Ok(r) => Ok(Some(r)),
        Err(Fail::Fallback) => Ok(None),
        Err(Fail::Error(e)) => Err(e),
    }
}

fn check_inner(job: &Job, units: &[Unit], prefetched: Prefetched) -> Result<(usize, CheckReport), Fail> {
    let out = job.out;
    let global = global_key(job)?;
    let names = file_names(job).ok_or(Fail::Fallback)?;
    let exists = output::check_out_folder(out)?;
    let _lock = if exists {
        match output::Lock::acquire(out) {
            Ok(lock) => Some(lock),
            Err(Error::Io { .. }) => None,
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    let (cache, owned, _) = cache_and_manifest(out, exists, prefetched.0)?;
    let root = output::OpenFolder::root(out)?;
    let mut report = CheckReport::default();
    let by_name = names_in_order(&names);
    // Every sample a file, usually, with a path of about 30 bytes: little doubling slack.
    let mut planned = Planned::with_capacity(units.len() * names.len(), units.len() * names.len() * 32);
    let mut ids = Vec::with_capacity(units.len());
    let digest = hash(&global);
    let looking = Looking { out, root: root.as_ref(), cache: &cache, owned: &owned, force: false };
    let first_pass = || -> Result<(), Fail> {
        for (c, chunk) in units.chunks(CHUNK).enumerate() {
            type Checked = (Entry, CheckReport);
            let checked: Vec<Result<Checked, Fail>> = chunk
                .par_iter()
                .enumerate()
                .map_init(SpecFolders::default, |folders, (k, unit)| {
                    let (Resolved { key, found, .. }, _) =
                        resolve(job, &global, digest, (c * CHUNK + k, unit), &cache, folders)?;
                    let (entry, own) = match found {
                        Found::Hit(e) => (e, None),
                        Found::Miss(e, own) => (e, own),
                    };
                    let render = || render_unit(job, unit, own.as_deref(), key, &global);
                    let mut lazy = Lazy { output: None, render: &render };
                    let mut part = CheckReport::default();
                    for (r, req) in entry.requests.iter().enumerate() {
                        let folder = list(&looking, req)?;
                        part.leftovers.extend(folder.temps().iter().cloned());
                        for (t, slot) in req.slots.iter().enumerate() {
                            let Slot::File { hash: want, stat } = slot else { continue };
                            let on_disk = look(out, &folder, &req.id, &names[t])?;
                            let path = || format!("{}/{}", req.id, names[t].0);
                            looking.check(
                                on_disk,
                                &path,
                                Place::Sample(r, t),
                                (*want, *stat),
                                &mut lazy,
                                &mut part,
                            )?;
                        }
                    }
                    for (p, slot) in entry.pages.iter().enumerate() {
                        let path = crate::format::page_path(job.pages[p], &entry.id);
                        let on_disk = output::inspect(out, output::checked_relative(&path)?, false)?;
                        let path = || path.clone();
                        looking.check(
                            on_disk,
                            &path,
                            Place::Page(p),
                            (slot.hash, slot.stat),
                            &mut lazy,
                            &mut part,
                        )?;
                    }
                    Ok((entry, part))
                })
                .collect();
            for (k, one) in checked.into_iter().enumerate() {
                let (entry, part) = one?;
                planned.push_entry(&entry, &names, &by_name, job.pages, c * CHUNK + k);
                ids.push(entry.id);
                report.stale.extend(part.stale);
                report.missing.extend(part.missing);
                report.not_regular.extend(part.not_regular);
                report.leftovers.extend(part.leftovers);
            }
        }
        Ok(())
    };
    // The output folder's own listing (for temporary files left there) beside the first pass.
    let (in_root, first) = rayon::join(|| output::temps_in(out, ""), first_pass);
    first?;
    validate(&mut planned, units, &cache, ids.iter().map(String::as_str))?;
    drop(ids);
    report.stale.sort();
    report.missing.sort();
    report.not_regular.sort();
    let (lists_plan, unplanned) = against_plan(&owned, &planned);
    for old in unplanned.iter().filter(|p| job.scope.covers(p)) {
        if !matches!(output::inspect(out, output::checked_relative(old)?, false)?, OnDisk::Missing) {
            report.orphaned.push(old.to_string());
        }
    }
    report.leftovers.extend(leftovers(out, &planned, &unplanned, in_root?)?);
    report.leftovers.sort();
    report.leftovers.dedup();
    let kept = owned.iter().filter(|p| !job.scope.covers(p));
    report.manifest_outdated = !manifest_holds(&owned, lists_plan, merged(kept, planned.iter()));
    Ok((planned.len(), report))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spec's metadata looked up in its open folder is what `lstat` of its path says (the
    /// cache compares it with what earlier runs recorded), across folders, and a link is no
    /// regular file.
    #[test]
    fn spec_metadata_by_folder_is_lstat() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let files = [a.join("one.yaml"), a.join("two.yaml"), b.join("three.yaml"), a.join("four.yaml")];
        for (i, file) in files.iter().enumerate() {
            std::fs::write(file, "x".repeat(i + 1)).unwrap();
        }
        let mut folders = SpecFolders::default();
        for file in &files {
            let lstat = Stamp::of(&std::fs::symlink_metadata(file).unwrap());
            assert_eq!(folders.stamp(file), Some((lstat, true)), "{}", file.display());
        }
        assert_eq!(folders.stamp(&a.join("gone.yaml")), None);
        #[cfg(unix)]
        {
            let link = b.join("link.yaml");
            std::os::unix::fs::symlink(&files[0], &link).unwrap();
            let (stamp, file) = folders.stamp(&link).unwrap();
            assert!(!file);
            assert_ne!(stamp, Stamp::of(&std::fs::metadata(&link).unwrap()));
        }
    }

    /// The cache holds a slot per output file and all of them at once: 100,000 specs' samples
    /// are a million slots.
    #[test]
    fn slots_stay_three_words() {
        assert_eq!(std::mem::size_of::<Slot>(), 24);
        assert_eq!(std::mem::size_of::<PageSlot>(), 16);
    }

    #[test]
    fn slots_keep_their_digests_through_the_cache_encoding() {
        let slots = vec![
            Slot::File { hash: NonZeroU64::new(u64::MAX), stat: Some(Seen(NonZeroU64::MIN)) },
            Slot::File { hash: None, stat: None },
            Slot::Refused("no".into()),
            Slot::Unwritten,
        ];
        let bytes = postcard::to_allocvec(&slots).unwrap();
        let back: Vec<Slot> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(format!("{back:?}"), format!("{slots:?}"));
        let page = PageSlot { hash: NonZeroU64::new(7), stat: None };
        let back: PageSlot = postcard::from_bytes(&postcard::to_allocvec(&page).unwrap()).unwrap();
        assert_eq!((back.hash, back.stat), (page.hash, page.stat));
    }

    /// A spec finds its entry and its file's record at its own position, and anywhere else
    /// through the index (a spec added before it moves it); an entry is taken once, and what
    /// no spec took is left over.
    #[test]
    fn cached_entries_are_found_at_their_position_or_by_key_and_taken_once() {
        let entry = |id: &str| Entry { id: id.into(), requests: Vec::new(), pages: Vec::new() };
        let now = Stamp { size: 1, mtime: 5, ctime: 5, ino: 2, dev: 3 };
        let seen = Seen::of(&now);
        let cache = Cache {
            saved_at: 6,
            saved_on: 3,
            entries: (1..=3)
                .map(|k| (k, Cached(std::sync::Mutex::new(Some(entry(&format!("e{k}")))))))
                .collect(),
            specs: ["a.yaml", "b.yaml", "c.yaml"]
                .iter()
                .zip(1..)
                .map(|(p, k)| (p.to_string(), (seen, k)))
                .collect(),
            ..Cache::empty()
        };
        assert_eq!(cache.take(2, 1).map(|e| e.id).as_deref(), Some("e2"));
        assert!(cache.entry_index.get().is_none(), "found in place, no index made");
        assert!(cache.take(2, 1).is_none(), "taken twice");
        assert_eq!(cache.take(3, 0).map(|e| e.id).as_deref(), Some("e3"));
        assert!(cache.take(4, 0).is_none());
        assert!(cache.left_over(), "e1 was not taken");
        assert_eq!(cache.take(1, 2).map(|e| e.id).as_deref(), Some("e1"));
        assert!(!cache.left_over());
        // A file's key, when it is the file recorded under this run's global key.
        assert_eq!(cache.known_spec(cache.global, Path::new("b.yaml"), 1, &now), Some(2));
        assert_eq!(cache.known_spec(1, Path::new("b.yaml"), 1, &now), None, "another global key");
        let edited = Stamp { mtime: 7, ..now };
        assert_eq!(cache.known_spec(cache.global, Path::new("b.yaml"), 1, &edited), None, "edited");
        assert!(cache.spec_index.get().is_none(), "found in place, no index made");
        assert_eq!(cache.known_spec(cache.global, Path::new("c.yaml"), 0, &now), Some(3));
        assert!(cache.spec_index.get().is_some(), "c.yaml found through the index");
        assert_eq!(cache.known_spec(cache.global, Path::new("d.yaml"), 3, &now), None);
    }

    #[cfg(unix)]
    #[test]
    fn the_cache_is_read_ahead_only_from_a_plain_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&out, &link).unwrap();
        assert!(prefetch(&out).0.is_some());
        assert!(prefetch(&link).0.is_none(), "read through a link");
        assert!(prefetch(&dir.path().join("missing")).0.is_none());
    }

    #[test]
    fn a_spec_path_below_the_folder_is_cut_as_strip_prefix_would() {
        for (root, path, relative) in [
            ("specs", "specs/a.yaml", "a.yaml"),
            ("specs/", "specs/a.yaml", "a.yaml"),
            ("./specs", "./specs/g/a.yaml", "g/a.yaml"),
            (".", "./a.yaml", "a.yaml"),
            ("/tmp/x/specs", "/tmp/x/specs/g/h/a.yml", "g/h/a.yml"),
        ] {
            assert_eq!(
                crate::spec::relative_to(Path::new(path), Path::new(root)),
                Path::new(relative),
                "{root} {path}"
            );
        }
    }

    #[test]
    fn each_field_of_the_metadata_changes_what_is_seen() {
        let base = Stamp { size: 10, mtime: 1_000, ctime: 2_000, ino: 7, dev: 3 };
        let edits = [
            Stamp { size: 11, ..base },
            Stamp { mtime: 1_001, ..base },
            Stamp { ctime: 2_001, ..base },
            Stamp { ino: 8, ..base },
            Stamp { dev: 4, ..base },
        ];
        for edit in edits {
            assert_ne!(Seen::of(&edit), Seen::of(&base), "{edit:?}");
        }
        assert_eq!(Seen::of(&Stamp { ..base }), Seen::of(&base));
    }
}
