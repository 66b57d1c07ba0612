//! Batched runs (a recipe's `batch:`): many samples of one client written into one folder,
//! each rendered against its own echo server, compiled by one command and run by one driver
//! process that prints `snipgen-batch-ok N` after sample N returned. Each sample's captured
//! request is then compared as for a single run.
//!
//! Only a batched sample that passes is reported from the batch: any other (no `ok` line, a
//! failed compile, a mismatch) is run again alone with the recipe's `steps`, so what a failure
//! says and which sample it names is exactly what a run without batching reports.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Job, Outcome, Ready, compare::Expected, ready, runners, verdict};
use crate::lang::{Batch, Recipe};
use crate::render::Renderer;

/// The line the driver prints after sample `n` returned.
pub const OK_MARKER: &str = "snipgen-batch-ok";

/// One sample in the batch folder.
struct Member {
    index: usize,
    /// Its number in the batch (`{n}`), from 1.
    n: usize,
    ready: Ready,
    expected: Expected,
}

/// Runs `indices` (jobs of one client whose recipe has `batch`) and calls `done` once per job
/// with its outcome and time; `alone` runs a job by itself (the fallback).
#[allow(clippy::too_many_arguments)]
pub(super) fn run(
    jobs: &[Job],
    indices: &[usize],
    recipe: &Recipe,
    batch: &Batch,
    renderer: &Renderer,
    cx: &runners::Context,
    dir: &Path,
    alone: &(dyn Fn(usize) -> Outcome + Sync),
    done: &(dyn Fn(usize, Outcome, Duration) + Sync),
) {
    let t0 = Instant::now();
    let mut members = Vec::new();
    let mut fallback = Vec::new();
    let prepared = std::fs::create_dir_all(dir).and_then(|()| dir.canonicalize());
    let Ok(dir) = prepared else {
        indices.iter().for_each(|&i| fallback.push(i));
        return run_alone(&fallback, alone, done);
    };
    // Names the batch writes, which a body file must not take.
    let mut taken: BTreeSet<PathBuf> = BTreeSet::new();
    let mut names = Vec::new();
    for &i in indices {
        let t = Instant::now();
        let ready = match ready(&jobs[i], renderer, recipe) {
            Ok(ready) => ready,
            // Refused, or not rendered: the same outcome a single run gives, nothing to run.
            Err(outcome) => {
                done(i, outcome, t.elapsed());
                continue;
            }
        };
        if runners::harness_limit(recipe, &ready.request).is_some() {
            fallback.push(i);
            continue;
        }
        let n = (members.len() + 1).to_string();
        let Some(text) =
            runners::wrapped(recipe, &ready.sample, cx).ok().and_then(|text| match &batch.rename {
                None => Some(text),
                Some(r) => {
                    text.contains(&r.from).then(|| text.replacen(&r.from, &r.to.replace("{n}", &n), 1))
                }
            })
        else {
            fallback.push(i);
            continue;
        };
        let name = batch.sample.replace("{n}", &n);
        let text = format!("{}{text}{}", batch.prefix.replace("{n}", &n), batch.suffix.replace("{n}", &n));
        if runners::write_in(&dir, &name, &text).is_err() {
            fallback.push(i);
            continue;
        }
        taken.insert(PathBuf::from(&name));
        names.push(name);
        let expected = Expected::from_request(&ready.request, super::fixture_bytes);
        members.push(Member { index: i, n: members.len() + 1, ready, expected });
    }
    let mut support = || -> Result<(), String> {
        for (name, from) in &recipe.files {
            runners::write_in(&dir, name, &runners::support_file(from, cx)?)?;
            taken.insert(PathBuf::from(name));
        }
        // `{files}` last: a file's path is the spec author's text.
        let each: String = members
            .iter()
            .map(|m| {
                let files = serde_json::to_string(&m.ready.files).expect("plain data serialises");
                batch
                    .driver
                    .each
                    .replace("{n}", &m.n.to_string())
                    .replace("{origin}", &m.ready.server.origin())
                    .replace("{files}", &files)
            })
            .collect();
        let driver = runners::support_file(&batch.driver.from, cx)?.replacen("{each}", &each, 1);
        runners::write_in(&dir, &batch.driver.file, &driver)?;
        taken.insert(PathBuf::from(&batch.driver.file));
        Ok(())
    };
    let ok = !members.is_empty() && support().is_ok();
    // Body files all go in the one folder: a path's content depends only on the path, so two
    // samples reading the same path read the same bytes.
    let mut batched = Vec::new();
    // Left out after being written: their servers stay up until the batch has run, so that
    // no other job's server can take the port the sample in the folder would still reach.
    let mut parked = Vec::new();
    for m in members {
        let fits = m.ready.files.iter().all(|f| {
            let rel = Path::new(&f.path);
            rel.components().all(|c| matches!(c, std::path::Component::Normal(_)))
                && !taken.iter().any(|t| t.starts_with(rel) || rel.starts_with(t))
                && write_fixture(&dir, &f.path).is_ok()
        });
        if fits && ok {
            batched.push(m);
        } else {
            fallback.push(m.index);
            parked.push(m);
        }
    }

    let passed = if batched.is_empty() {
        BTreeSet::new()
    } else {
        let steps = runners::batch_steps(recipe, batch, &dir, &names, cx);
        // One step runs many samples: the single-sample limit per sample in the batch, within reason.
        let scale = 1 + u32::try_from(batched.len() / 10).unwrap_or(u32::MAX);
        let cx = runners::Context { timeout: cx.timeout * scale, ..cx.clone() };
        let ran = runners::run_steps(&steps, &dir, &cx);
        // Even when the run step failed (a sample ended the process), the samples before it
        // said they returned.
        let stdout = match ran {
            Ok(stdout) => stdout,
            Err(_) => {
                std::fs::read_to_string(dir.join(format!(".step{}.stdout", steps.len().saturating_sub(1))))
                    .unwrap_or_default()
            }
        };
        stdout
            .lines()
            .filter_map(|l| l.trim().strip_prefix(OK_MARKER)?.trim().parse::<usize>().ok())
            .collect::<BTreeSet<usize>>()
    };
    let share = t0.elapsed() / u32::try_from(batched.len().max(1)).unwrap_or(u32::MAX);
    drop(parked);
    for m in batched {
        let Member { index, n, ready, expected } = m;
        if !passed.contains(&n) {
            fallback.push(index);
            continue;
        }
        let received = ready.server.requests();
        let errors = ready.server.errors();
        drop(ready);
        match verdict(&expected, &received, &errors, Ok(String::new()), recipe.mode) {
            outcome @ (Outcome::Pass | Outcome::Checked) => done(index, outcome, share),
            _ => fallback.push(index),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    run_alone(&fallback, alone, done);
}

fn run_alone(
    indices: &[usize],
    alone: &(dyn Fn(usize) -> Outcome + Sync),
    done: &(dyn Fn(usize, Outcome, Duration) + Sync),
) {
    for &i in indices {
        let t = Instant::now();
        let outcome = alone(i);
        done(i, outcome, t.elapsed());
    }
}

fn write_fixture(dir: &Path, rel: &str) -> std::io::Result<()> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, super::fixture_bytes(rel))
}
