//! `generate --watch`: rebuild whenever an input changes, for a docs preview server running
//! beside it. File-system events (notify) are debounced, so an editor's save or a `git
//! checkout` is one rebuild; each rebuild goes through the incremental cache, so it renders
//! only what changed. Ctrl-C ends the loop between rebuilds, never half-way through one.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use crate::error::Error;

/// How long events are gathered into one rebuild.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// What a rebuild reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Watched {
    /// Folders read as a whole (specs, templates).
    pub trees: Vec<PathBuf>,
    /// Single files (snipgen.yaml, OpenAPI documents), which may not exist yet.
    pub files: Vec<PathBuf>,
    /// Where the output goes: its changes never trigger a rebuild.
    pub ignore: Vec<PathBuf>,
}

impl Watched {
    /// The same, with absolute paths as the watcher reports them.
    fn absolute(&self) -> Watched {
        let abs = |p: &PathBuf| absolute(p);
        Watched {
            trees: self.trees.iter().map(abs).collect(),
            files: self.files.iter().map(abs).collect(),
            ignore: self.ignore.iter().map(abs).collect(),
        }
    }

    fn covers(&self, path: &Path) -> bool {
        if self.ignore.iter().any(|i| path.starts_with(i)) {
            return false;
        }
        self.trees.iter().any(|t| path.starts_with(t)) || self.files.iter().any(|f| f == path)
    }
}

/// `p` made absolute and resolved as far as it exists (the watcher reports resolved paths).
fn absolute(p: &PathBuf) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    match (p.parent(), p.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
            std::fs::canonicalize(parent).map(|c| c.join(name)).unwrap_or_else(|_| p.clone())
        }
        _ => p.clone(),
    }
}

enum Message {
    Changed(Vec<PathBuf>),
    Stop,
}

/// Runs `rebuild`, then again after every change to what `watched` (asked after each
/// rebuild, since settings may move the inputs) lists, until Ctrl-C.
pub fn run(mut watched: impl FnMut() -> Watched, mut rebuild: impl FnMut()) -> Result<(), Error> {
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .map_err(|e| Error::Usage(format!("--watch cannot catch Ctrl-C: {e}")))?;
    let mut debouncer = new_debouncer(DEBOUNCE, move |events: DebounceEventResult| {
        if let Ok(events) = events {
            let _ = tx.send(Message::Changed(events.into_iter().map(|e| e.path).collect()));
        }
    })
    .map_err(|e| Error::Usage(format!("--watch cannot watch files: {e}")))?;
    let mut current = Watched::default();
    let mut roots: Vec<PathBuf> = Vec::new();
    loop {
        // Watching starts before the rebuild, so a change made while it runs is not missed.
        let want = watched().absolute();
        if want != current {
            for root in roots.drain(..) {
                let _ = debouncer.watcher().unwatch(&root);
            }
            // A single file is watched through its folder: editors replace files by renaming.
            let wanted = want.trees.iter().map(|t| (t.clone(), RecursiveMode::Recursive)).chain(
                want.files
                    .iter()
                    .filter_map(|f| f.parent())
                    .map(|d| (d.to_path_buf(), RecursiveMode::NonRecursive)),
            );
            for (root, mode) in wanted {
                if !roots.contains(&root) && root.is_dir() && debouncer.watcher().watch(&root, mode).is_ok() {
                    roots.push(root);
                }
            }
            current = want;
        }
        rebuild();
        // Wait for a change that matters; anything queued meanwhile joins the same rebuild.
        loop {
            match rx.recv() {
                Ok(Message::Stop) | Err(_) => return Ok(()),
                Ok(Message::Changed(paths)) if paths.iter().any(|p| current.covers(p)) => break,
                Ok(Message::Changed(_)) => {}
            }
        }
        while let Ok(m) = rx.try_recv() {
            if matches!(m, Message::Stop) {
                return Ok(());
            }
        }
    }
}
