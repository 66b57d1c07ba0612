//! Small helpers every stage shares: did-you-mean hints, YAML errors in our wording, and
//! `/`-joined relative paths.

use std::path::Path;

use crate::error::Diagnostic;

/// Suggests the closest of `candidates` to `word`, if any is close.
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    candidates
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// Turns serde-saphyr's message into ours: location suffix dropped, a hint added for
/// unknown keys and variants.
fn describe(error: &serde_saphyr::Error) -> String {
    let mut message = error.without_snippet().to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    for prefix in ["unknown field `", "unknown variant `"] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((word, expected)) = rest.split_once("`, expected one of ")
        {
            let hint = did_you_mean(word, expected.split(", "));
            message.push_str(&hint);
        }
    }
    message
}

/// A YAML or deserialisation error in `path`, located, in our wording.
pub fn yaml_error(path: &Path, error: &serde_saphyr::Error) -> Diagnostic {
    let (line, column) = error.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
    Diagnostic::at(path, line, column, describe(error))
}

/// A relative path's components joined by `/`, whatever the platform's separator.
pub fn slash_joined(relative: &Path) -> String {
    relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}
