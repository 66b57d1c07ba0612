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

/// What a budget breach means to a spec author.
fn budget_message(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => format!(
            "mappings and lists are nested more than {} levels deep, the most a spec may nest",
            crate::spec::limits::DEPTH
        ),
        B::Nodes { .. } => format!(
            "the spec holds more than {} values, mappings and lists, the most a spec may hold; split it",
            crate::spec::limits::NODES
        ),
        B::Documents { .. } => "the file holds too many YAML documents; put one spec per file".into(),
        B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => {
            "the spec uses too many anchors (`&name`) or aliases (`*name`)".into()
        }
        _ => "the spec is too large (too many values, or aliases that expand too far); split it".into(),
    }
}

/// Turns serde-saphyr's message into ours: library wording (option names, Rust types)
/// replaced by the spec author's, location suffix dropped, a hint added for unknown keys
/// and variants.
fn describe(error: &serde_saphyr::Error) -> String {
    use serde_saphyr::Error as E;
    let error = error.without_snippet();
    let mut message = match error {
        E::MultipleDocuments { .. } => {
            return "the file holds several YAML documents (`---`); put one spec per file".into();
        }
        E::DuplicateMappingKey { key: Some(key), .. } => {
            return format!("key `{key}` appears twice in this mapping; keep one");
        }
        E::DuplicateMappingKey { key: None, .. } => {
            return "a key appears twice in this mapping; keep one".into();
        }
        E::NullIntoString { .. } | E::InvalidCharNull { .. } => {
            return "expected text, found nothing (`~`, `null` or no value); write \"\" for empty text"
                .into();
        }
        E::Budget { breach, .. } => return budget_message(breach),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => {
            return "aliases (`*name`) expand too far; write the values out".into();
        }
        E::BinaryNotUtf8 { .. } | E::TaggedScalarCannotDeserializeIntoString { .. } => {
            return "expected text; remove the tag (`!!…`)".into();
        }
        E::CannotBorrowTransformedString { .. } => return "expected text".into(),
        // The reader's event names ("string scalar", "mapping start") in the author's terms.
        E::Unexpected { expected: "string scalar" | "scalar", .. } => {
            return "expected text (one value), found a list or mapping".into();
        }
        E::Unexpected { expected: "mapping start", .. } => {
            return "expected a mapping (`key: value` lines), found a list or a single value".into();
        }
        E::Unexpected { expected: "sequence start", .. } => {
            return "expected a list (`- item` lines), found a mapping or a single value".into();
        }
        E::NonFiniteFloat { value, .. } => return crate::yaml_json::not_json(value),
        other => other.to_string(),
    };
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    // serde's derived `expecting` names the Rust type (`struct Spec`, `enum Auth`).
    for (rust, ours) in
        [("expected struct ", "expected a mapping"), ("expected enum ", "expected one of the allowed names")]
    {
        if let Some(at) = message.find(rust) {
            message.truncate(at);
            message.push_str(ours);
        }
    }
    for prefix in ["unknown field `", "unknown variant `"] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((word, expected)) = rest.split_once("`, expected one of ")
        {
            let hint = did_you_mean(word, expected.split(", "));
            message.push_str(&hint);
        }
    }
    // serde names an enum's choices "variants"; to a spec author they are allowed values.
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        message = format!("unknown value `{rest}");
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
