//! User-facing errors, rendered once at the edge as `path:line:column: message`.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based line and column; `None` when the problem is with the file as a whole.
    pub position: Option<(u64, u64)>,
    pub message: String,
}

impl Diagnostic {
    pub fn at(path: &Path, line: u64, column: u64, message: impl Into<String>) -> Self {
        Diagnostic { path: path.to_path_buf(), position: Some((line, column)), message: message.into() }
    }

    pub fn spanned(path: &Path, at: &serde_saphyr::Location, message: impl Into<String>) -> Self {
        Diagnostic::at(path, at.line().max(1), at.column().max(1), message)
    }

    pub fn plain(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic { path: path.to_path_buf(), position: None, message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                write!(f, "{}:{line}:{column}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Everything that can stop a run, each kind carrying what the user needs to act on it.
#[derive(Debug)]
pub enum Error {
    Specs(Vec<Diagnostic>),
    Template {
        name: String,
        message: String,
    },
    /// A client cannot send this request (its record's `refuses`); `name` is the template or
    /// the output path.
    Refused {
        name: String,
        reason: String,
    },
    /// Reading or writing `path` failed; the cause is kept for callers that act on its kind
    /// (a closed stdout ends the run quietly).
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Usage(String),
}

impl Error {
    pub fn io(path: &Path, e: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source: e }
    }

    /// A write to standard output that failed, e.g. because its reader went away.
    pub fn stdout(e: std::io::Error) -> Self {
        Error::io(Path::new("<stdout>"), e)
    }

    /// The reader of standard output went away (`snipgen languages | head -1`): a normal end.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Specs(all) => {
                for (i, d) in all.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            Error::Template { name, message } => write!(f, "template {name}: {message}"),
            Error::Refused { name, reason } => write!(f, "{name}: refused: {reason}"),
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), io_reason(source)),
            Error::Usage(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Why reading or writing failed, in words (the system's message without its `(os error N)`
/// code, which tells a user nothing more).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::InvalidData if e.to_string().contains("valid UTF-8") => "not UTF-8 text".into(),
        ErrorKind::IsADirectory => "a folder, not a file".into(),
        _ => {
            let text = e.to_string();
            match text.rfind(" (os error ") {
                Some(at) if text.ends_with(')') => text[..at].to_string(),
                _ => text,
            }
        }
    }
}
