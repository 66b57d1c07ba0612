//! Percent-encoding and the per-language string-literal filters.
//!
//! Every value that reaches a template passes through one of these functions: templates only
//! place the result. Each literal function returns a complete literal, quotes included, that
//! evaluates to exactly the input string in its language.

/// Whether `inner` (between `{{` and `}}`) names a variable: an identifier, unpadded, since a
/// space would be invalid in a URL. Anything else that looks like a placeholder is plain text
/// and gets encoded.
fn is_variable_name(inner: &str) -> bool {
    let mut chars = inner.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

/// Byte ranges of `{{variable}}` placeholders in `s`.
pub fn variable_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(open) = find_pair(&s[from..], b'{') {
        let start = from + open;
        match find_pair(&s[start + 2..], b'}') {
            Some(close) if is_variable_name(&s[start + 2..start + 2 + close]) => {
                let end = start + 2 + close + 2;
                spans.push((start, end));
                from = end;
            }
            Some(_) => from = start + 1,
            None => break,
        }
    }
    spans
}

/// The text inside each `{{…}}` of `s` that is not a variable name (`{{1st id}}`,
/// `{{$guid}}`): plain text to the encoders, though its author most likely meant a variable.
/// One whose text holds `{` (nested braces) is left out.
pub(crate) fn non_variable_placeholders(s: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = s;
    while let Some(open) = find_pair(rest, b'{') {
        let inner = &rest[open + 2..];
        let Some(close) = find_pair(inner, b'}') else { break };
        let name = &inner[..close];
        if !name.contains('{') && !is_variable_name(name) {
            found.push(name);
        }
        rest = &inner[close + 2..];
    }
    found
}

/// Where `bb` (`{{` or `}}`) first occurs in `s`: a byte search, cheaper than a substring
/// search's set-up for the short values of a spec.
fn find_pair(s: &str, b: u8) -> Option<usize> {
    s.as_bytes().windows(2).position(|w| w[0] == b && w[1] == b)
}

fn percent_encode_with(s: &str, keep: impl Fn(u8) -> bool + Copy, keep_variables: bool) -> String {
    let mut out = String::with_capacity(s.len());
    percent_encode_into(&mut out, s, keep, keep_variables);
    out
}

fn percent_encode_into(out: &mut String, s: &str, keep: impl Fn(u8) -> bool + Copy, keep_variables: bool) {
    let mut from = 0;
    if keep_variables {
        for (start, end) in variable_spans(s) {
            encode_run(out, &s[from..start], keep);
            out.push_str(&s[start..end]);
            from = end;
        }
    }
    encode_run(out, &s[from..], keep);
}

/// `s` percent-encoded but for the bytes `keep` keeps, which are copied a run at a time (one
/// length check per run, not per byte). The kept sets are ASCII, so a run of them starts and
/// ends on character boundaries; between two encoded bytes (inside a character) the run is
/// empty and not sliced.
fn encode_run(out: &mut String, s: &str, keep: impl Fn(u8) -> bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut kept_from = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !keep(b) {
            if kept_from < i {
                out.push_str(&s[kept_from..i]);
            }
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
            kept_from = i + 1;
        }
    }
    out.push_str(&s[kept_from..]);
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// JavaScript's `encodeURIComponent` set: the house style's form and query encoding.
pub fn encode_component(s: &str, keep_variables: bool) -> String {
    percent_encode_with(s, is_component_char, keep_variables)
}

/// `encode_component` (variables encoded too) appended to `out`: the `encode_component` filter.
pub fn encode_component_into(s: &str, out: &mut String) {
    percent_encode_into(out, s, is_component_char, false);
}

fn is_component_char(b: u8) -> bool {
    is_unreserved(b) || matches!(b, b'!' | b'*' | b'\'' | b'(' | b')')
}

/// Characters a URL path may hold raw (RFC 3986 unreserved, sub-delims, `:`, `@`, `/`), the
/// same set the spec loader accepts in written URLs (`'` excluded: clients disagree on it).
pub fn is_url_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/@!$&()*+,;=".contains(c)
}

/// Percent-encodes what a URL path cannot hold raw; `%` too, so a value is taken literally.
pub fn encode_path(s: &str) -> String {
    percent_encode_with(s, |b| b.is_ascii() && b != b'%' && is_url_path_char(b as char), false)
}

/// RFC 3986 query component encoding: everything but unreserved characters is encoded.
pub fn encode_query(s: &str, keep_variables: bool) -> String {
    percent_encode_with(s, is_unreserved, keep_variables)
}

/// `application/x-www-form-urlencoded` body text, `name=value` joined by `&`.
pub fn form_urlencoded<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    keep_variables: bool,
) -> String {
    let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
    // Sized once for the text as written and its separators (an encoded byte takes three).
    let mut out = String::with_capacity(pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum());
    for (i, (k, v)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        percent_encode_into(&mut out, k, is_component_char, keep_variables);
        out.push('=');
        percent_encode_into(&mut out, v, is_component_char, keep_variables);
    }
    out
}

/// Wraps `s` in `quote`, replacing each character for which `escape` returns a spelling.
fn quoted(out: &mut String, s: &str, quote: &str, escape: impl Fn(char) -> Option<String>) {
    quoted_at(out, s, quote, |_, c| escape(c))
}

/// As `quoted`, for escapes that depend on the characters before and after one (Kotlin's
/// `$x`, C's `??=`); they come from the value itself, so skipping letters and digits skips
/// nothing such an escape needs.
fn quoted_between(
    out: &mut String,
    s: &str,
    quote: &str,
    escape: impl Fn(char, Option<char>, Option<char>) -> Option<String>,
) {
    quoted_at(out, s, quote, |i, c| {
        escape(c, s[..i].chars().next_back(), s[i + c.len_utf8()..].chars().next())
    })
}

/// The printable ASCII characters some language's literal escapes: every other printable
/// ASCII character is written as it is by every filter built on `quoted`, so the loop skips
/// them without asking `escape` (controls and non-ASCII are always asked).
const ESCAPED_PUNCTUATION: &[u8] = b"\\\"'`$#?";

/// For each ASCII byte, whether `quoted_at` must ask `escape` about it.
const ASK: [bool; 128] = {
    let mut ask = [false; 128];
    let mut b = 0;
    while b < 128 {
        ask[b] = b < 0x20 || b == 0x7f;
        b += 1;
    }
    let mut i = 0;
    while i < ESCAPED_PUNCTUATION.len() {
        ask[ESCAPED_PUNCTUATION[i] as usize] = true;
        i += 1;
    }
    ask
};

/// The loop of `quoted`: `escape` gets each character with its byte offset.
fn quoted_at(out: &mut String, s: &str, quote: &str, escape: impl Fn(usize, char) -> Option<String>) {
    out.reserve(s.len() + 2 * quote.len());
    out.push_str(quote);
    // Runs of characters that need no escape are copied whole.
    let mut run = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !(ASK[b as usize] || ask_every_character()) {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("i is at a character boundary");
        if let Some(spelled) = escape(i, c) {
            out.push_str(&s[run..i]);
            out.push_str(&spelled);
            run = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(&s[run..]);
    out.push_str(quote);
}

#[cfg(test)]
thread_local! {
    /// Set by a test: `quoted_at` asks `escape` about every character, as a reference for the
    /// skip.
    static ASK_EVERY_CHARACTER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
fn ask_every_character() -> bool {
    ASK_EVERY_CHARACTER.with(std::cell::Cell::get)
}

#[cfg(not(test))]
fn ask_every_character() -> bool {
    false
}

fn is_control(c: char) -> bool {
    (c as u32) < 0x20 || c == '\u{7f}'
}

/// The escapes C-family languages share; `None` for characters that need none.
fn common_escape(c: char, quote: char) -> Option<String> {
    match c {
        '\\' => Some("\\\\".into()),
        '\n' => Some("\\n".into()),
        '\r' => Some("\\r".into()),
        '\t' => Some("\\t".into()),
        c if c == quote => Some(format!("\\{c}")),
        _ => None,
    }
}

/// POSIX shell single-quoted word: nothing is special inside but the closing quote.
pub fn sh_single_into(s: &str, out: &mut String) {
    out.reserve(s.len() + 2);
    out.push('\'');
    for (i, piece) in s.split('\'').enumerate() {
        if i > 0 {
            out.push_str(r"'\''");
        }
        out.push_str(piece);
    }
    out.push('\'');
}

/// An HTTPie request item's value after its separator (`Name:value`): a leading `=` or `@`
/// would make `:=`/`:@` another separator, so it is escaped; nothing else is special there
/// (a backslash before `:`, `=`, `@` or `;` is refused by the client's record).
pub fn httpie_value_into(s: &str, out: &mut String) {
    if s.starts_with(['=', '@']) {
        out.push('\\');
    }
    out.push_str(s);
}

/// An HTTPie request item's key (`name=value`, `name@file`): `:`, `;`, `@` and `=` would end
/// it, so each is escaped with a backslash (a spec's part names hold no backslash, which
/// HTTPie would read as an escape).
pub fn httpie_key_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if matches!(c, ':' | ';' | '@' | '=') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Go literal. gc refuses a byte order mark anywhere but the start of a file, so U+FEFF is
/// escaped like a control character.
pub fn go_string_into(s: &str, out: &mut String) {
    quoted(out, s, "\"", |c| {
        common_escape(c, '"').or_else(|| match c {
            '\u{feff}' => Some("\\ufeff".into()),
            c if is_control(c) => Some(format!("\\x{:02x}", c as u32)),
            _ => None,
        })
    })
}

/// Java string literal. Control characters use three-digit octal escapes because javac
/// translates `\uXXXX` before lexing, so `\u000a` would end the literal.
pub fn java_string_into(s: &str, out: &mut String) {
    quoted(out, s, "\"", |c| {
        common_escape(c, '"').or_else(|| is_control(c).then(|| format!("\\{:03o}", c as u32)))
    })
}

/// Characters besides CR and LF that end a line in C# source.
fn is_csharp_line_end(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// C# literal. U+0085, U+2028 and U+2029 end a line in C# source, so they are escaped too.
pub fn csharp_string_into(s: &str, out: &mut String) {
    quoted(out, s, "\"", |c| {
        common_escape(c, '"')
            .or_else(|| (is_control(c) || is_csharp_line_end(c)).then(|| format!("\\u{:04x}", c as u32)))
    })
}

fn js_string(out: &mut String, s: &str, quote: char) {
    quoted(out, s, quote.encode_utf8(&mut [0; 4]), |c| {
        common_escape(c, quote).or_else(|| match c {
            '\u{2028}' | '\u{2029}' => Some(format!("\\u{:04x}", c as u32)),
            c if is_control(c) => Some(format!("\\x{:02x}", c as u32)),
            _ => None,
        })
    })
}

pub fn js_single_into(s: &str, out: &mut String) {
    js_string(out, s, '\'')
}

pub fn js_double_into(s: &str, out: &mut String) {
    js_string(out, s, '"')
}

fn py_string(out: &mut String, s: &str, quote: char) {
    quoted(out, s, quote.encode_utf8(&mut [0; 4]), |c| {
        common_escape(c, quote).or_else(|| is_control(c).then(|| format!("\\x{:02x}", c as u32)))
    })
}

pub fn py_single_into(s: &str, out: &mut String) {
    py_string(out, s, '\'')
}

pub fn py_double_into(s: &str, out: &mut String) {
    py_string(out, s, '"')
}

/// PHP literal: single quotes (no interpolation) unless the value holds a control character,
/// which only double quotes can spell; there `$` is escaped so nothing interpolates.
pub fn php_string_into(s: &str, out: &mut String) {
    if !s.chars().any(is_control) {
        return php_single(out, s);
    }
    quoted(out, s, "\"", |c| {
        common_escape(c, '"').or_else(|| match c {
            '$' => Some("\\$".into()),
            c if is_control(c) => Some(format!("\\x{:02x}", c as u32)),
            _ => None,
        })
    })
}

/// PHP single quotes: only `\\` and `\'` are escapes, and nothing interpolates.
fn php_single(out: &mut String, s: &str) {
    quoted(out, s, "'", |c| match c {
        '\\' => Some("\\\\".into()),
        '\'' => Some("\\'".into()),
        _ => None,
    })
}

/// Ruby double quotes, newlines escaped or kept raw; `#` is escaped so `#{}`, `#$x` and `#@x`
/// never interpolate.
fn ruby_quoted(out: &mut String, s: &str, raw_newlines: bool) {
    quoted(out, s, "\"", |c| match c {
        '\n' if raw_newlines => None,
        c => common_escape(c, '"').or_else(|| match c {
            '#' => Some("\\#".into()),
            c if is_control(c) => Some(format!("\\x{:02x}", c as u32)),
            _ => None,
        }),
    })
}

/// Ruby double-quoted literal on one line.
pub fn ruby_double_into(s: &str, out: &mut String) {
    ruby_quoted(out, s, false)
}

/// Swift literal; escaping `\` also disarms `\(...)` interpolation.
pub fn swift_string_into(s: &str, out: &mut String) {
    quoted(out, s, "\"", |c| {
        common_escape(c, '"').or_else(|| is_control(c).then(|| format!("\\u{{{:x}}}", c as u32)))
    })
}

/// Go text: a raw backtick string (multi-line, readable) unless the text holds a backtick or
/// a control character other than newline and tab, which only an interpreted literal can spell.
pub fn go_text_into(s: &str, out: &mut String) {
    if s.contains(['`', '\u{feff}']) || s.chars().any(|c| is_control(c) && c != '\n' && c != '\t') {
        go_string_into(s, out);
    } else {
        out.push('`');
        out.push_str(s);
        out.push('`');
    }
}

/// Python text: a triple-quoted literal keeping newlines raw; everything else as in `py_single`.
pub fn py_text_into(s: &str, out: &mut String) {
    if !s.contains('\n') {
        return py_single_into(s, out);
    }
    quoted(out, s, "'''", |c| match c {
        '\n' => None,
        // Escaping every quote keeps a quote next to the closing delimiter unambiguous.
        '\'' => Some("\\'".into()),
        c => common_escape(c, '\'').or_else(|| is_control(c).then(|| format!("\\x{:02x}", c as u32))),
    })
}

/// JavaScript text: a template literal keeping newlines raw; `` ` ``, `${` and `\` escaped.
pub fn js_text_into(s: &str, out: &mut String) {
    if !s.contains('\n') {
        return js_single_into(s, out);
    }
    quoted(out, s, "`", |c| match c {
        '\n' => None,
        '`' => Some("\\`".into()),
        '$' => Some("\\$".into()),
        '\u{2028}' | '\u{2029}' => None,
        c => common_escape(c, '`').or_else(|| is_control(c).then(|| format!("\\x{:02x}", c as u32))),
    })
}

/// Ruby text: a double-quoted literal keeping newlines raw (Ruby strings may span lines).
pub fn ruby_text_into(s: &str, out: &mut String) {
    ruby_quoted(out, s, true)
}

/// PHP text: single quotes with raw newlines when that is all it needs, else `php_string`.
pub fn php_text_into(s: &str, out: &mut String) {
    if s.chars().any(|c| is_control(c) && c != '\n') {
        return php_string_into(s, out);
    }
    php_single(out, s)
}

/// C# text: a verbatim `@"…"` literal keeping newlines raw, unless the text holds another
/// control character, which only a regular literal can spell.
pub fn csharp_text_into(s: &str, out: &mut String) {
    if !s.contains('\n')
        || s.chars().any(|c| (is_control(c) && c != '\n' && c != '\t') || is_csharp_line_end(c))
    {
        return csharp_string_into(s, out);
    }
    out.push_str("@\"");
    out.push_str(&s.replace('"', "\"\""));
    out.push('"');
}

/// Kotlin string literal: a `$` that would start a template (before `{`, a letter, `_` or
/// a backtick) is escaped; controls, U+0085, U+2028, U+2029 and the byte order mark are
/// written as `\uXXXX` (Kotlin has no `\x`).
pub fn kotlin_string_into(s: &str, out: &mut String) {
    quoted_between(out, s, "\"", |c, _, after| {
        common_escape(c, '"').or_else(|| match c {
            '$' if after.is_some_and(|n| n == '{' || n == '_' || n == '`' || n.is_alphabetic()) => {
                Some("\\$".into())
            }
            c if is_control(c) || is_csharp_line_end(c) || c == '\u{feff}' => {
                Some(format!("\\u{:04x}", c as u32))
            }
            _ => None,
        })
    })
}

/// C string literal, for any compiler mode: controls as three-digit octal escapes (a hex
/// escape would swallow a hex digit after it), and `?` after `?` as `\?` so no trigraph forms.
/// Other characters are kept as UTF-8, which gcc's execution character set keeps byte for byte.
pub fn c_string_into(s: &str, out: &mut String) {
    quoted_between(out, s, "\"", |c, before, _| {
        common_escape(c, '"').or_else(|| match c {
            '?' if before == Some('?') => Some("\\?".into()),
            c if is_control(c) => Some(format!("\\{:03o}", c as u32)),
            _ => None,
        })
    })
}

/// C text: one literal per line, adjacent literals that the compiler joins, so a multi-line
/// body reads as its lines; each line as `c_string` writes it.
pub fn c_text_into(s: &str, out: &mut String) {
    if !s.trim_end_matches('\n').contains('\n') {
        return c_string_into(s, out);
    }
    // A `?` ending one literal and one starting the next are in different literals, so the
    // trigraph rule (translation phase 1, before literals join) does not see them together.
    for (i, line) in s.split_inclusive('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        c_string_into(line, out);
    }
}

/// Rust string literal on one line: `\u{…}` for controls, U+0085, U+2028, U+2029 and the byte
/// order mark (rustc warns about neither, but readers cannot see them).
pub fn rust_string_into(s: &str, out: &mut String) {
    quoted(out, s, "\"", |c| {
        common_escape(c, '"').or_else(|| {
            (is_control(c) || is_csharp_line_end(c) || c == '\u{feff}')
                .then(|| format!("\\u{{{:x}}}", c as u32))
        })
    })
}

/// Rust text: a string literal keeping newlines raw (Rust strings may span lines); a line
/// never ends in a lone `\`, since every `\` is escaped.
pub fn rust_text_into(s: &str, out: &mut String) {
    quoted(out, s, "\"", |c| match c {
        '\n' => None,
        c => common_escape(c, '"').or_else(|| {
            (is_control(c) || is_csharp_line_end(c) || c == '\u{feff}')
                .then(|| format!("\\u{{{:x}}}", c as u32))
        }),
    })
}

/// A MIME quoted-string (`"…"` with `\` and `"` backslash-escaped), as multipart
/// Content-Disposition parameters and curl's `--form` values take it.
pub fn mime_quote_into(s: &str, out: &mut String) {
    quoted(out, s, "\"", |c| match c {
        '\\' | '"' => Some(format!("\\{c}")),
        _ => None,
    })
}

/// A filter's text as a new string (the `_into` forms append to one).
pub(crate) fn owned(s: &str, filter: fn(&str, &mut String)) -> String {
    // Quoted or escaped text is at least as long as the text and its quotes.
    let mut out = String::with_capacity(s.len() + 8);
    filter(s, &mut out);
    out
}

pub fn sh_single(s: &str) -> String {
    owned(s, sh_single_into)
}

pub fn httpie_value(s: &str) -> String {
    owned(s, httpie_value_into)
}

pub fn httpie_key(s: &str) -> String {
    owned(s, httpie_key_into)
}

pub fn go_string(s: &str) -> String {
    owned(s, go_string_into)
}

pub fn java_string(s: &str) -> String {
    owned(s, java_string_into)
}

pub fn csharp_string(s: &str) -> String {
    owned(s, csharp_string_into)
}

pub fn js_single(s: &str) -> String {
    owned(s, js_single_into)
}

pub fn js_double(s: &str) -> String {
    owned(s, js_double_into)
}

pub fn py_single(s: &str) -> String {
    owned(s, py_single_into)
}

pub fn py_double(s: &str) -> String {
    owned(s, py_double_into)
}

pub fn php_string(s: &str) -> String {
    owned(s, php_string_into)
}

pub fn ruby_double(s: &str) -> String {
    owned(s, ruby_double_into)
}

pub fn swift_string(s: &str) -> String {
    owned(s, swift_string_into)
}

pub fn go_text(s: &str) -> String {
    owned(s, go_text_into)
}

pub fn py_text(s: &str) -> String {
    owned(s, py_text_into)
}

pub fn js_text(s: &str) -> String {
    owned(s, js_text_into)
}

pub fn ruby_text(s: &str) -> String {
    owned(s, ruby_text_into)
}

pub fn php_text(s: &str) -> String {
    owned(s, php_text_into)
}

pub fn csharp_text(s: &str) -> String {
    owned(s, csharp_text_into)
}

pub fn kotlin_string(s: &str) -> String {
    owned(s, kotlin_string_into)
}

pub fn c_string(s: &str) -> String {
    owned(s, c_string_into)
}

pub fn c_text(s: &str) -> String {
    owned(s, c_text_into)
}

pub fn rust_string(s: &str) -> String {
    owned(s, rust_string_into)
}

pub fn rust_text(s: &str) -> String {
    owned(s, rust_text_into)
}

pub fn mime_quote(s: &str) -> String {
    owned(s, mime_quote_into)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NASTY: &str = "a'b\"c\\d$e`f#{g}${h}{{i}}\nj\rk\tl\u{1}m é日本🎉";

    #[test]
    fn variables_are_found() {
        assert_eq!(variable_spans("{{a}}/x/{{b}}"), vec![(0, 5), (8, 13)]);
        assert_eq!(variable_spans("{{open"), vec![]);
        assert_eq!(variable_spans("{{user.name}} {{ a }} {{x&y}} {{{z}}}"), vec![(0, 13), (31, 36)]);
    }

    #[test]
    fn encode_component_matches_javascript() {
        assert_eq!(encode_component("a b&c=d+e%f", false), "a%20b%26c%3Dd%2Be%25f");
        assert_eq!(encode_component("!*'()-_.~", false), "!*'()-_.~");
        assert_eq!(encode_component("é", false), "%C3%A9");
        assert_eq!(encode_component("{{appID}}", false), "%7B%7BappID%7D%7D");
        assert_eq!(encode_component("x{{appID}}&", true), "x{{appID}}%26");
    }

    /// Runs of kept bytes are copied whole: the result is the byte-at-a-time encoding, with
    /// variables kept, at the start, the end, back to back and beside multi-byte characters.
    #[test]
    fn runs_of_kept_bytes_encode_as_each_byte_would() {
        let one_by_one = |s: &str| -> String {
            s.bytes()
                .map(|b| if is_component_char(b) { char::from(b).to_string() } else { format!("%{b:02X}") })
                .collect()
        };
        for s in ["", "plain", "é", "aé b", "é日本🎉x", NASTY, "%%", "a b c "] {
            assert_eq!(encode_component(s, false), one_by_one(s), "{s:?}");
        }
        assert_eq!(encode_component("{{a}}{{b}}é{{c}}", true), "{{a}}{{b}}%C3%A9{{c}}");
        assert_eq!(encode_component("é{{a}} x", true), "%C3%A9{{a}}%20x");
    }

    #[test]
    fn path_values_are_encoded_for_a_url() {
        assert_eq!(encode_path("acme corp/é's 100%"), "acme%20corp/%C3%A9%27s%20100%25");
    }

    #[test]
    fn query_encoding_is_rfc3986() {
        assert_eq!(encode_query("a'b(c)", false), "a%27b%28c%29");
        assert_eq!(encode_query("{{v}} w", true), "{{v}}%20w");
    }

    #[test]
    fn form_body_joins_pairs() {
        assert_eq!(form_urlencoded([("a b", "1&2"), ("c", "")], false), "a%20b=1%262&c=");
    }

    #[test]
    fn shell_single_quotes() {
        assert_eq!(sh_single("it's $HOME `x`"), r"'it'\''s $HOME `x`'");
    }

    #[test]
    fn httpie_keys_escape_every_separator() {
        assert_eq!(httpie_key("a:b;c@d=e"), "a\\:b\\;c\\@d\\=e");
        assert_eq!(httpie_key("plain-name_1 é"), "plain-name_1 é");
    }

    #[test]
    fn httpie_values_escape_a_leading_separator() {
        assert_eq!(httpie_value("=x"), "\\=x");
        assert_eq!(httpie_value("@x=y"), "\\@x=y");
        assert_eq!(httpie_value("a=b:c"), "a=b:c");
    }

    #[test]
    fn go_literal() {
        assert_eq!(go_string(NASTY), "\"a'b\\\"c\\\\d$e`f#{g}${h}{{i}}\\nj\\rk\\tl\\x01m é日本🎉\"");
    }

    #[test]
    fn java_literal_avoids_unicode_escapes() {
        assert_eq!(java_string("\u{1}\n\\u000a"), "\"\\001\\n\\\\u000a\"");
    }

    #[test]
    fn csharp_literal() {
        assert_eq!(csharp_string("\"\\\0"), "\"\\\"\\\\\\u0000\"");
        assert_eq!(csharp_string("a\u{2028}b\u{85}"), "\"a\\u2028b\\u0085\"");
    }

    #[test]
    fn go_escapes_byte_order_mark() {
        assert_eq!(go_string("\u{feff}x"), "\"\\ufeffx\"");
        assert_eq!(go_text("a\n\u{feff}"), "\"a\\n\\ufeff\"");
    }

    #[test]
    fn js_literals() {
        assert_eq!(js_single("it's\u{2028}"), "'it\\'s\\u2028'");
        assert_eq!(js_double("say \"hi\"\n"), "\"say \\\"hi\\\"\\n\"");
        assert_eq!(js_single("${x}`"), "'${x}`'");
    }

    #[test]
    fn python_literals() {
        assert_eq!(py_single("it's\\"), "'it\\'s\\\\'");
        assert_eq!(py_double("\u{7f}"), "\"\\x7f\"");
    }

    #[test]
    fn php_prefers_single_quotes_and_escapes_dollar_in_double() {
        assert_eq!(php_string("$x 'y' \\"), "'$x \\'y\\' \\\\'");
        assert_eq!(php_string("$x\n{$y}"), "\"\\$x\\n{\\$y}\"");
    }

    #[test]
    fn ruby_never_interpolates() {
        assert_eq!(ruby_double("#{x} #$y #@z"), "\"\\#{x} \\#$y \\#@z\"");
    }

    #[test]
    fn multi_line_text_literals() {
        assert_eq!(go_text("{\n  \"a\": 1\n}"), "`{\n  \"a\": 1\n}`");
        assert_eq!(go_text("a`b"), "\"a`b\"");
        assert_eq!(go_text("a\r\n"), "\"a\\r\\n\"");
        assert_eq!(py_text("it's\n\\"), "'''it\\'s\n\\\\'''");
        assert_eq!(js_text("`${x}`\n\\"), "`\\`\\${x}\\`\n\\\\`");
        assert_eq!(ruby_text("#{x}\n\"\r"), "\"\\#{x}\n\\\"\\r\"");
        assert_eq!(php_text("$a\n\\'"), "'$a\n\\\\\\''");
        assert_eq!(php_text("a\r\n"), "\"a\\r\\n\"");
        assert_eq!(csharp_text("say \"hi\"\nbye"), "@\"say \"\"hi\"\"\nbye\"");
        assert_eq!(csharp_text("a\r\nb"), "\"a\\r\\nb\"");
        assert_eq!(mime_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }

    #[test]
    fn kotlin_c_and_rust_literals() {
        assert_eq!(kotlin_string("$x ${y}\u{1}$ $1"), "\"\\$x \\${y}\\u0001$ $1\"");
        assert_eq!(c_string("a\u{1}7??=?"), "\"a\\0017?\\?=?\"");
        assert_eq!(c_text("{\n  \"a\": 1\n}"), "\"{\\n\"\n\"  \\\"a\\\": 1\\n\"\n\"}\"");
        assert_eq!(rust_string("\u{0}\u{2028}"), "\"\\u{0}\\u{2028}\"");
        assert_eq!(rust_text("a\n\"\r"), "\"a\n\\\"\\r\"");
    }

    /// The characters `quoted_at` skips are written as they are by every filter: asking
    /// `escape` about each one gives the same text.
    #[test]
    fn skipped_characters_need_no_escape() {
        let filters: [fn(&str, &mut String); 21] = [
            go_string_into,
            java_string_into,
            csharp_string_into,
            js_single_into,
            js_double_into,
            py_single_into,
            py_double_into,
            php_string_into,
            ruby_double_into,
            swift_string_into,
            go_text_into,
            py_text_into,
            js_text_into,
            ruby_text_into,
            php_text_into,
            kotlin_string_into,
            c_string_into,
            c_text_into,
            rust_string_into,
            rust_text_into,
            mime_quote_into,
        ];
        let mut inputs: Vec<String> = (0u8..128)
            .flat_map(|b| [format!("a{}b", b as char), format!("a{}b\n{}", b as char, b as char)])
            .collect();
        inputs.extend([NASTY.to_string(), format!("{NASTY}\n"), "??=?\n$x".to_string()]);
        for f in filters {
            for input in &inputs {
                let fast = owned(input, f);
                ASK_EVERY_CHARACTER.with(|a| a.set(true));
                let reference = owned(input, f);
                ASK_EVERY_CHARACTER.with(|a| a.set(false));
                assert_eq!(fast, reference, "{input:?}");
            }
        }
    }

    #[test]
    fn placeholders_that_are_no_variable_names_are_found() {
        let found = non_variable_placeholders("/{{ok}}/{{1st id}}?{{$guid}}&{{a{{b}}}}{{x.y-z}}{{");
        assert_eq!(found, ["1st id", "$guid"]);
    }

    #[test]
    fn swift_escapes_interpolation_backslash() {
        assert_eq!(swift_string("\\(x)\u{0}"), "\"\\\\(x)\\u{0}\"");
    }
}
