//! What a sample should have sent (built from the same [`model::Request`] it was rendered
//! from) against what the echo server received, and a readable account of any difference.
//!
//! Equality rules (README "Verify" lists them for users):
//! - method: exact; path and query: the raw request target, byte for byte;
//! - every header of the model: present with exactly the model's values (names compared
//!   case-insensitively, surrounding white space ignored); any other header is ignored;
//! - Content-Type: same media type and parameters, except that an added `charset=utf-8` is
//!   accepted and multipart boundaries are the client's choice;
//! - body: form fields decoded (`+` and `%20` are the same space), JSON and GraphQL parsed,
//!   multipart per part, everything else byte for byte.

use std::fmt::Write;

use similar::{ChangeTag, TextDiff};

use super::server::Captured;
use crate::model::{self, Request};

/// The request a sample must send.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub method: String,
    /// Path and query exactly as the request line must carry them.
    pub target: String,
    pub headers: Vec<(String, String)>,
    /// The body's media type; checked even where it is not among `headers` (multipart,
    /// whose clients write the header themselves to add the boundary).
    pub content_type: Option<String>,
    pub body: ExpectedBody,
}

/// The body, in the form it is compared in.
#[derive(Debug, Clone, PartialEq)]
pub enum ExpectedBody {
    None,
    /// `application/x-www-form-urlencoded`, compared as decoded fields in order.
    Form(Vec<(String, String)>),
    /// Compared as parsed JSON.
    Json(serde_json::Value),
    /// Compared part by part.
    Multipart(Vec<ExpectedPart>),
    /// Compared byte for byte.
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedPart {
    pub name: String,
    /// `None`: a plain field, sent without a filename.
    pub filename: Option<String>,
    /// `None`: the client's choice (clients guess a file's type differently).
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

impl Expected {
    /// `fixture` gives the bytes of a file a body references by relative path; the runner
    /// writes the same bytes next to the sample before running it.
    pub fn from_request(request: &Request, fixture: impl Fn(&str) -> Vec<u8>) -> Expected {
        let body = match &request.body {
            None => ExpectedBody::None,
            Some(model::Body::Form { fields, .. }) => {
                ExpectedBody::Form(fields.iter().map(|p| (p.name.clone(), p.value.clone())).collect())
            }
            Some(model::Body::Json { value, .. }) => ExpectedBody::Json(value.clone()),
            // The GraphQL body is compared as the JSON document it is sent as.
            Some(model::Body::Graphql { query, variables, .. }) => {
                ExpectedBody::Json(serde_json::json!({"query": query, "variables": variables}))
            }
            Some(model::Body::Text { text }) => ExpectedBody::Bytes(text.clone().into_bytes()),
            Some(model::Body::Binary { file, .. }) => ExpectedBody::Bytes(fixture(file)),
            Some(model::Body::Multipart { parts, .. }) => ExpectedBody::Multipart(
                parts
                    .iter()
                    .map(|p| ExpectedPart {
                        name: p.name.clone(),
                        filename: p.filename.clone(),
                        content_type: p.content_type.clone(),
                        data: match (&p.value, &p.file) {
                            (Some(v), _) => v.clone().into_bytes(),
                            (None, Some(f)) => fixture(f),
                            (None, None) => Vec::new(),
                        },
                    })
                    .collect(),
            ),
        };
        Expected {
            method: request.method.clone(),
            target: request.path.clone(),
            headers: request.headers.iter().map(|h| (h.name.clone(), h.value.clone())).collect(),
            content_type: request.content_type.clone(),
            body,
        }
    }
}

impl std::fmt::Display for Expected {
    /// The request in the form it is compared in, for `--keep` files.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{} {}", self.method, self.target)?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}: {value}")?;
        }
        if let Some(t) = &self.content_type {
            writeln!(f, "(body media type: {t})")?;
        }
        writeln!(f)?;
        match &self.body {
            ExpectedBody::None => writeln!(f, "(no body)"),
            ExpectedBody::Form(fields) => {
                fields.iter().try_for_each(|(k, v)| writeln!(f, "form field {}={}", visible(k), visible(v)))
            }
            ExpectedBody::Json(v) => writeln!(f, "{}", serde_json::to_string_pretty(v).unwrap_or_default()),
            ExpectedBody::Bytes(b) => writeln!(f, "{}", String::from_utf8_lossy(b)),
            ExpectedBody::Multipart(parts) => parts.iter().try_for_each(|p| {
                writeln!(
                    f,
                    "part {} filename={:?} content-type={:?} ({} bytes): {}",
                    visible(&p.name),
                    p.filename,
                    p.content_type,
                    p.data.len(),
                    show_bytes(&p.data)
                )
            }),
        }
    }
}

/// Every difference between `expected` and `got`, each a readable (possibly multi-line)
/// paragraph; empty when the sample sent the right request.
pub fn compare(expected: &Expected, got: &Captured) -> Vec<String> {
    let mut out = Vec::new();
    if expected.method != got.method {
        out.push(format!("method: expected {}, got {}", expected.method, got.method));
    }
    // A client may re-spell a character whose meaning does not change (mono's Uri sends `'`
    // for `%27`): equal when every path segment and query name and value decodes the same, as
    // the server's router and query parser see them.
    let same_meaning =
        || decoded_target(&expected.target).is_some_and(|d| Some(d) == decoded_target(&got.target));
    if expected.target != got.target && !same_meaning() {
        out.push(format!("path and query differ:\n{}", text_diff(&expected.target, &got.target)));
    }
    compare_headers(expected, got, &mut out);
    let content_type = got.header_values("content-type").into_iter().next();
    let listed = expected.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    if let (Some(want), false) = (&expected.content_type, listed)
        && !content_type.as_deref().is_some_and(|have| content_type_matches(want, have))
    {
        out.push(format!(
            "header Content-Type: expected {}, got {}",
            visible(want),
            show_values(&content_type.iter().collect::<Vec<_>>())
        ));
    }
    compare_body(&expected.body, &got.body, content_type.as_deref(), &mut out);
    out
}

fn compare_headers(expected: &Expected, got: &Captured, out: &mut Vec<String>) {
    let mut names: Vec<&str> = Vec::new();
    for (name, _) in &expected.headers {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            names.push(name);
        }
    }
    for name in names {
        let mut want: Vec<&str> = expected
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .collect();
        let mut have: Vec<String> = got.header_values(name).iter().map(|v| v.trim().to_string()).collect();
        let same = if name.eq_ignore_ascii_case("content-type") {
            want.len() == 1 && have.len() == 1 && content_type_matches(want[0], &have[0])
        } else {
            want.sort_unstable();
            have.sort_unstable();
            want == have
        };
        if !same {
            out.push(format!("header {name}: expected {}, got {}", show_values(&want), show_values(&have)));
        }
    }
}

fn show_values<S: AsRef<str>>(values: &[S]) -> String {
    match values {
        [] => "(missing)".to_string(),
        [one] => visible(one.as_ref()),
        many => many.iter().map(|v| visible(v.as_ref())).collect::<Vec<_>>().join(" and "),
    }
}

/// A media type and its parameters, names lower-cased, values unquoted.
fn parse_media_type(value: &str) -> (String, Vec<(String, String)>) {
    let mut pieces = value.split(';');
    let media = pieces.next().unwrap_or_default().trim().to_ascii_lowercase();
    let params = pieces
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.trim().to_ascii_lowercase(), v.trim().trim_matches('"').to_string())
        })
        .collect();
    (media, params)
}

/// Content-Type equality: media type and parameters, tolerating what clients add on their
/// own — `charset=utf-8` (OkHttp, jQuery, .NET) and the multipart boundary.
pub fn content_type_matches(expected: &str, got: &str) -> bool {
    let (want_media, want_params) = parse_media_type(expected);
    let (have_media, have_params) = parse_media_type(got);
    if want_media != have_media {
        return false;
    }
    let multipart = want_media.starts_with("multipart/");
    let relevant = |params: Vec<(String, String)>, other: &[(String, String)]| -> Vec<(String, String)> {
        let mut kept: Vec<(String, String)> = params
            .into_iter()
            .filter(|(k, v)| {
                let added_charset = k == "charset"
                    && v.eq_ignore_ascii_case("utf-8")
                    && !other.iter().any(|(o, _)| o == "charset");
                let boundary = multipart && k == "boundary";
                !(boundary || added_charset)
            })
            .map(|(k, v)| if k == "charset" { (k, v.to_ascii_lowercase()) } else { (k, v) })
            .collect();
        kept.sort();
        kept
    };
    let have = relevant(have_params, &want_params);
    let want = relevant(want_params, &[("charset".to_string(), String::new())]);
    want == have
}

fn compare_body(expected: &ExpectedBody, got: &[u8], content_type: Option<&str>, out: &mut Vec<String>) {
    match expected {
        ExpectedBody::None => {
            if !got.is_empty() {
                out.push(format!(
                    "body: expected none, got {} bytes:\n{}",
                    got.len(),
                    indent(&show_bytes(got))
                ));
            }
        }
        ExpectedBody::Bytes(want) => {
            if want != got {
                out.push(format!("body differs (byte for byte):\n{}", bytes_diff(want, got)));
            }
        }
        ExpectedBody::Form(fields) => {
            let have = decode_form(got);
            if have.as_deref() != Some(fields.as_slice()) {
                let want_text: Vec<String> =
                    fields.iter().map(|(k, v)| format!("{}={}", visible(k), visible(v))).collect();
                let have_text: Vec<String> = match have {
                    Some(h) => h.iter().map(|(k, v)| format!("{}={}", visible(k), visible(v))).collect(),
                    None => {
                        let mut lines =
                            vec![format!("(invalid percent-encoding or UTF-8: {})", show_bytes(got))];
                        if let Some(lenient) = decode_form_with(got, false) {
                            lines.extend(
                                lenient.iter().map(|(k, v)| format!("{}={}", visible(k), visible(v))),
                            );
                        }
                        lines
                    }
                };
                out.push(format!(
                    "form fields differ (decoded, in order):\n{}",
                    lines_diff(&want_text, &have_text)
                ));
            }
        }
        ExpectedBody::Json(want) => match serde_json::from_slice::<serde_json::Value>(got) {
            Ok(have) if &have == want => {}
            Ok(have) => {
                out.push(format!("JSON body differs:\n{}", lines_diff(&pretty(want), &pretty(&have))))
            }
            Err(e) => out.push(format!("body is not JSON ({e}):\n{}", indent(&show_bytes(got)))),
        },
        ExpectedBody::Multipart(parts) => {
            let boundary = content_type
                .map(parse_media_type)
                .and_then(|(_, params)| params.into_iter().find(|(k, _)| k == "boundary").map(|(_, v)| v));
            let Some(boundary) = boundary else {
                out.push("multipart body sent without a boundary in Content-Type".to_string());
                return;
            };
            match parse_multipart(got, &boundary) {
                Ok(have) => compare_parts(parts, &have, out),
                Err(e) => out.push(format!("multipart body unreadable: {e}:\n{}", indent(&show_bytes(got)))),
            }
        }
    }
}

fn compare_parts(want: &[ExpectedPart], have: &[ExpectedPart], out: &mut Vec<String>) {
    if want.len() != have.len() {
        let names = |ps: &[ExpectedPart]| ps.iter().map(|p| visible(&p.name)).collect::<Vec<_>>().join(", ");
        out.push(format!(
            "multipart: expected {} parts ({}), got {} ({})",
            want.len(),
            names(want),
            have.len(),
            names(have)
        ));
        return;
    }
    for (i, (w, h)) in want.iter().zip(have).enumerate() {
        let at = format!("multipart part {} ({})", i + 1, visible(&w.name));
        if w.name != h.name {
            out.push(format!("{at}: name {} sent as {}", visible(&w.name), visible(&h.name)));
        }
        if w.filename != h.filename {
            out.push(format!("{at}: filename expected {:?}, got {:?}", w.filename, h.filename));
        }
        if let Some(ct) = &w.content_type
            && !h.content_type.as_deref().is_some_and(|got| content_type_matches(ct, got))
        {
            out.push(format!("{at}: Content-Type expected {ct:?}, got {:?}", h.content_type));
        }
        if w.data != h.data {
            out.push(format!("{at}: content differs:\n{}", bytes_diff(&w.data, &h.data)));
        }
    }
}

/// Splits a multipart body (RFC 7578) into parts; the part's `data` is its raw content.
fn parse_multipart(body: &[u8], boundary: &str) -> Result<Vec<ExpectedPart>, String> {
    let delimiter = format!("--{boundary}").into_bytes();
    let find = |hay: &[u8], from: usize| -> Option<usize> {
        hay.get(from..)?.windows(delimiter.len()).position(|w| w == delimiter.as_slice()).map(|p| p + from)
    };
    let mut at = find(body, 0).ok_or("no opening boundary")? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        if body[at..].starts_with(b"--") {
            return Ok(parts);
        }
        at += body[at..].strip_prefix(b"\r\n").map(|_| 2).ok_or("boundary line not ended by CRLF")?;
        let next = find(body, at).ok_or("part without a closing boundary")?;
        let part = body[at..next].strip_suffix(b"\r\n").ok_or("part content not followed by CRLF")?;
        let split = part.windows(4).position(|w| w == b"\r\n\r\n").ok_or("part without a blank line")?;
        let head = String::from_utf8_lossy(&part[..split]);
        let mut p = ExpectedPart {
            name: String::new(),
            filename: None,
            content_type: None,
            data: part[split + 4..].to_vec(),
        };
        for line in head.split("\r\n") {
            let Some((name, value)) = line.split_once(':') else { continue };
            if name.trim().eq_ignore_ascii_case("content-type") {
                p.content_type = Some(value.trim().to_string());
            } else if name.trim().eq_ignore_ascii_case("content-disposition") {
                for (k, v) in disposition_params(value) {
                    match k.as_str() {
                        "name" => p.name = v,
                        "filename" => p.filename = Some(v),
                        _ => {}
                    }
                }
            }
        }
        parts.push(p);
        at = next + delimiter.len();
    }
}

/// A Content-Disposition's parameters after its type, names lower-cased: split at `;` outside
/// quoted strings, quoted values unquoted (`\x` is `x`), so a `;` or `=` in a file name stays
/// in it.
fn disposition_params(value: &str) -> Vec<(String, String)> {
    let mut segments = vec![String::new()];
    let mut quoted = false;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let segment = segments.last_mut().expect("one segment");
        match c {
            ';' if !quoted => segments.push(String::new()),
            '"' => {
                quoted = !quoted;
                segment.push(c);
            }
            '\\' if quoted => {
                segment.push(c);
                segment.extend(chars.next());
            }
            _ => segment.push(c),
        }
    }
    segments
        .iter()
        .skip(1)
        .map(|param| {
            let (k, v) = param.split_once('=').unwrap_or((param, ""));
            let v = v.trim();
            let v = match v.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
                Some(inner) => {
                    let mut out = String::new();
                    let mut chars = inner.chars();
                    while let Some(c) = chars.next() {
                        out.extend(if c == '\\' { chars.next() } else { Some(c) });
                    }
                    out
                }
                None => v.to_string(),
            };
            (k.trim().to_ascii_lowercase(), v)
        })
        .collect()
}

type DecodedTarget = (Vec<Vec<u8>>, Vec<(Vec<u8>, Option<Vec<u8>>)>);

/// Path segments and query names and values, each percent-decoded (`+` kept): two targets
/// with the same decoding differ only in how the client chose to encode them. A name without
/// `=` (`?flag`) has no value, which is not the empty value of `?flag=`.
fn decoded_target(target: &str) -> Option<DecodedTarget> {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let segments = path.split('/').map(|s| percent_bytes(s.as_bytes())).collect::<Option<Vec<_>>>()?;
    let pairs = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = match p.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (p, None),
            };
            // A raw `+` in a query means a space to form-style parsers; `%2B` is a plus.
            let decode = |s: &str| percent_bytes(s.replace('+', "%20").as_bytes());
            let value = match v {
                Some(v) => Some(decode(v)?),
                None => None,
            };
            Some((decode(k)?, value))
        })
        .collect::<Option<Vec<_>>>()?;
    Some((segments, pairs))
}

fn percent_bytes(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%' {
            let hex = std::str::from_utf8(s.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Decodes `application/x-www-form-urlencoded`; `None` if a `%` is not followed by two hex
/// digits or the result is not UTF-8 (servers differ on such bodies, so they never match).
pub fn decode_form(body: &[u8]) -> Option<Vec<(String, String)>> {
    decode_form_with(body, true)
}

/// `strict: false` keeps a stray `%` as is, as browsers do; used only to show a body.
fn decode_form_with(body: &[u8], strict: bool) -> Option<Vec<(String, String)>> {
    if body.is_empty() {
        return Some(Vec::new());
    }
    body.split(|&b| b == b'&')
        .map(|pair| {
            let (k, v) = match pair.iter().position(|&b| b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &b""[..]),
            };
            Some((percent_decode(k, strict)?, percent_decode(v, strict)?))
        })
        .collect()
}

fn percent_decode(s: &[u8], strict: bool) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let byte = s
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
                match byte {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None if strict => return None,
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Two one-line strings under each other; long ones cut to the part that differs, so a
/// difference deep inside a 4 KiB URL is still readable.
fn text_diff(want: &str, have: &str) -> String {
    const CONTEXT: usize = 40;
    if want.len() + have.len() <= 4 * CONTEXT {
        return format!("  expected {}\n  got      {}", visible(want), visible(have));
    }
    let prefix = want.bytes().zip(have.bytes()).take_while(|(a, b)| a == b).count();
    let show = |s: &str| {
        let mut start = prefix.saturating_sub(CONTEXT).min(s.len());
        let mut end = (prefix + 2 * CONTEXT).min(s.len());
        while !s.is_char_boundary(start) {
            start -= 1;
        }
        while !s.is_char_boundary(end) {
            end += 1;
        }
        let head = if start > 0 { "…" } else { "" };
        let tail = if end < s.len() { "…" } else { "" };
        format!("{head}{}{tail}", visible(&s[start..end]))
    };
    format!(
        "  first difference at byte {prefix} of {} expected, {} received:\n  expected {}\n  got      {}",
        want.len(),
        have.len(),
        show(want),
        show(have)
    )
}

/// Text with control characters and quotes escaped, in quotes, so white space differences show.
fn visible(s: &str) -> String {
    format!("{s:?}")
}

fn show_bytes(b: &[u8]) -> String {
    match std::str::from_utf8(b) {
        Ok(s) => visible(s),
        Err(_) => format!("{} bytes, not UTF-8: {}", b.len(), hex_preview(b)),
    }
}

fn hex_preview(b: &[u8]) -> String {
    let mut s = String::new();
    for byte in b.iter().take(48) {
        let _ = write!(s, "{byte:02x}");
    }
    if b.len() > 48 {
        s.push('…');
    }
    s
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n")
}

fn pretty(v: &serde_json::Value) -> Vec<String> {
    serde_json::to_string_pretty(v).unwrap_or_default().lines().map(str::to_string).collect()
}

/// A line diff of two byte strings when both are text, else sizes and a hex preview.
fn bytes_diff(want: &[u8], have: &[u8]) -> String {
    match (std::str::from_utf8(want), std::str::from_utf8(have)) {
        (Ok(w), Ok(h)) => {
            // One escaped line per source line, so a lost `\r` or trailing newline shows.
            let split = |s: &str| s.split_inclusive('\n').map(visible).collect::<Vec<_>>();
            lines_diff(&split(w), &split(h))
        }
        _ => {
            let at = want.iter().zip(have).position(|(a, b)| a != b).unwrap_or(want.len().min(have.len()));
            format!(
                "    first difference at byte {at}; from there:\n    expected ({} bytes in all) {}\n    got      ({} bytes in all) {}",
                want.len(),
                hex_preview(&want[at.min(want.len())..]),
                have.len(),
                hex_preview(&have[at.min(have.len())..])
            )
        }
    }
}

/// A diff line cut to a readable length (`--keep` has the whole request).
fn clip(line: &str) -> String {
    const MAX: usize = 240;
    if line.len() <= MAX {
        return line.to_string();
    }
    let mut end = MAX;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &line[..end], line.len())
}

/// `-` expected, `+` received, two spaces for lines both have.
fn lines_diff(want: &[String], have: &[String]) -> String {
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    let have: Vec<&str> = have.iter().map(String::as_str).collect();
    let diff = TextDiff::from_slices(&want, &have);
    let mut out = String::new();
    for change in diff.iter_all_changes() {
        let sign = match change.tag() {
            ChangeTag::Delete => "-",
            ChangeTag::Insert => "+",
            ChangeTag::Equal => " ",
        };
        let _ = writeln!(out, "    {sign} {}", clip(change.value()));
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_tolerates_added_charset_and_boundary_only() {
        assert!(content_type_matches(
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8"
        ));
        assert!(content_type_matches("application/json", "Application/JSON"));
        assert!(!content_type_matches("application/json", "application/json; charset=latin1"));
        assert!(!content_type_matches("application/json; charset=utf-16", "application/json"));
        assert!(content_type_matches("multipart/form-data", "multipart/form-data; boundary=xyz"));
        assert!(!content_type_matches("text/plain", "text/html"));
        assert!(!content_type_matches("text/plain; format=flowed", "text/plain"));
    }

    #[test]
    fn form_decoding_treats_plus_as_space_but_not_a_raw_plus_as_plus() {
        assert_eq!(
            decode_form(b"a=b+c&d=%2B&e"),
            Some(vec![("a".into(), "b c".into()), ("d".into(), "+".into()), ("e".into(), "".into())])
        );
        assert_eq!(decode_form(b"a=%zz"), None);
    }

    #[test]
    fn long_strings_show_where_they_differ() {
        let want = format!("/x?{}a{}", "p".repeat(500), "q".repeat(500));
        let have = format!("/x?{}b{}", "p".repeat(500), "q".repeat(500));
        let diff = text_diff(&want, &have);
        assert!(
            diff.starts_with("  first difference at byte 503 of 1004 expected, 1004 received:"),
            "{diff}"
        );
        assert!(diff.contains(&format!("…\"{}a{}\"…", "p".repeat(40), "q".repeat(79))), "{diff}");
    }

    #[test]
    fn re_encoded_targets_are_recognised() {
        assert_eq!(decoded_target("/a/it's?q=it%27s"), decoded_target("/a/it%27s?q=it's"));
        assert_ne!(decoded_target("/a?x=a%26b"), decoded_target("/a?x=a&b"), "a decoded `&` splits pairs");
        assert_ne!(
            decoded_target("/a?acl"),
            decoded_target("/a?acl="),
            "a bare name has no value, not an empty one"
        );
        assert_eq!(decoded_target("/a?a%20b"), decoded_target("/a?a+b"));
        assert_ne!(decoded_target("/a%2Fb"), decoded_target("/a/b"), "a decoded `/` splits segments");
    }

    #[test]
    fn disposition_params_keep_quoted_separators() {
        let params = disposition_params(r#" form-data; name="a;b"; filename="x;type=y \"q\".txt""#);
        assert_eq!(
            params,
            vec![
                ("name".to_string(), "a;b".to_string()),
                ("filename".to_string(), "x;type=y \"q\".txt".to_string())
            ]
        );
        assert_eq!(
            disposition_params("form-data; NAME=plain"),
            vec![("name".to_string(), "plain".to_string())]
        );
    }

    #[test]
    fn multipart_parts_are_split() {
        let body = b"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XX\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\nline\r\n\r\n--XX--\r\n";
        let parts = parse_multipart(body, "XX").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].data, b"1");
        assert_eq!(parts[1].filename.as_deref(), Some("x.txt"));
        assert_eq!(parts[1].data, b"line\r\n");
    }
}
