//! Every sample parses in its language and carries every value of its spec recoverably.
//!
//! Samples are parsed with tree-sitter grammars (raw HTTP with a structural check), every
//! string literal is decoded by the strict decoders of [`decode`], and each value the request
//! sends must be found in those decoded literals: as written, or after the payload decoding
//! the sample implies (percent-encoding, `Authorization: Basic`, JSON).

pub mod decode;
pub mod filters;

use std::collections::HashSet;
use std::path::Path;

use base64::Engine;
use snipgen::lang::{Target, languages};
use snipgen::model::{Body, Request, Settings};
use snipgen::render::Renderer;
use snipgen::spec::{Auth, LoadedSpec};
use tree_sitter::{Language, Node, Parser, Tree};

/// How a language's samples are parsed and which nodes are its string literals.
pub struct Grammar {
    pub language: Language,
    /// Node kinds that are string literals; the walk does not descend into them.
    pub literal_kinds: &'static [&'static str],
    /// Child kinds of a literal that interpolate code the template wrote (Swift's
    /// `"--\(boundary)"`); the text around them is decoded piece by piece. A value a filter
    /// failed to escape into an interpolation is then missing, which the check reports.
    pub interpolations: &'static [&'static str],
    /// Map literals as (map kind, entry kind): a key written twice keeps one value only.
    pub maps: &'static [(&'static str, &'static str)],
    pub decode: fn(&str) -> decode::Decoded,
}

/// The grammar for a snipgen language id; `None` for `http`, which has its own check.
pub fn grammar(lang: &str) -> Option<Grammar> {
    let g = |language: Language, literal_kinds, interpolations, decode| {
        Some(Grammar { language, literal_kinds, interpolations, maps: &[], decode })
    };
    let with_maps = |g: Option<Grammar>, maps| g.map(|g| Grammar { maps, ..g });
    match lang {
        // Shell words are decoded whole (quotes concatenate), see `literal_nodes`.
        "curl" | "httpie" => g(tree_sitter_bash::LANGUAGE.into(), &[], &[], decode::shell_word),
        "csharp" => g(
            tree_sitter_c_sharp::LANGUAGE.into(),
            &[
                "string_literal",
                "verbatim_string_literal",
                "raw_string_literal",
                "interpolated_string_expression",
            ],
            &[],
            decode::csharp,
        ),
        "go" => g(
            tree_sitter_go::LANGUAGE.into(),
            &["interpreted_string_literal", "raw_string_literal"],
            &[],
            decode::go,
        ),
        "java" => g(tree_sitter_java::LANGUAGE.into(), &["string_literal"], &[], decode::java),
        "jquery" | "javascript" | "nodejs" => with_maps(
            g(
                tree_sitter_javascript::LANGUAGE.into(),
                &["string", "template_string"],
                &["template_substitution"],
                decode::js,
            ),
            &[("object", "pair")],
        ),
        "python" => with_maps(
            g(tree_sitter_python::LANGUAGE.into(), &["string"], &[], decode::python),
            &[("dictionary", "pair")],
        ),
        "php" => with_maps(
            g(
                tree_sitter_php::LANGUAGE_PHP.into(),
                &["string", "encapsed_string", "heredoc", "nowdoc"],
                &[],
                decode::php,
            ),
            &[("array_creation_expression", "array_element_initializer")],
        ),
        // `request["Name"] = value` replaces, like a map entry: see `duplicate_keys`.
        "ruby" => with_maps(
            g(tree_sitter_ruby::LANGUAGE.into(), &["string"], &["interpolation"], decode::ruby),
            &[("hash", "pair"), ("program", "assignment")],
        ),
        "swift" => g(
            tree_sitter_swift::LANGUAGE.into(),
            &["line_string_literal", "multi_line_string_literal", "raw_string_literal"],
            &["\\(", "interpolated_expression", ")"],
            decode::swift,
        ),
        "kotlin" => g(
            tree_sitter_kotlin_ng::LANGUAGE.into(),
            &["string_literal", "multiline_string_literal"],
            &[],
            decode::kotlin,
        ),
        // Adjacent literals are one string to the compiler: decoded together.
        "c" => g(tree_sitter_c::LANGUAGE.into(), &["concatenated_string", "string_literal"], &[], decode::c),
        "rust" => {
            g(tree_sitter_rust::LANGUAGE.into(), &["string_literal", "raw_string_literal"], &[], decode::rust)
        }
        _ => None,
    }
}

/// A literal's source as pieces to decode: the whole literal, or, around interpolations,
/// each stretch of text between the literal's own delimiters.
fn pieces(grammar: &Grammar, node: Node, text: &str) -> Vec<String> {
    let whole = || vec![text[node.byte_range()].to_string()];
    let mut cursor = node.walk();
    let children: Vec<Node> = node.children(&mut cursor).collect();
    let (Some(first), Some(last)) = (children.first(), children.last()) else { return whole() };
    let mut holes: Vec<(usize, usize)> = Vec::new();
    for child in &children {
        if grammar.interpolations.contains(&child.kind()) {
            match holes.last_mut() {
                Some(h) if h.1 == child.start_byte() => h.1 = child.end_byte(),
                _ => holes.push((child.start_byte(), child.end_byte())),
            }
        }
    }
    if holes.is_empty() || children.len() < 2 {
        return whole();
    }
    let (open, close) = (&text[first.byte_range()], &text[last.byte_range()]);
    let mut out = Vec::new();
    let mut at = first.end_byte();
    for (start, end) in holes.into_iter().chain([(last.start_byte(), last.start_byte())]) {
        out.push(format!("{open}{}{close}", &text[at..start]));
        at = end;
    }
    out
}

pub fn parse(grammar: &Grammar, text: &str) -> Tree {
    let mut parser = Parser::new();
    parser.set_language(&grammar.language).expect("grammar ABI matches tree-sitter");
    parser.parse(text, None).expect("no timeout or cancellation is set")
}

/// Every node in document order.
fn nodes(tree: &Tree) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    let mut cursor = tree.walk();
    loop {
        out.push(cursor.node());
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return out;
            }
        }
    }
}

/// ERROR and MISSING nodes as `line:column: what`.
pub fn syntax_errors(tree: &Tree) -> Vec<String> {
    if !tree.root_node().has_error() {
        return Vec::new();
    }
    nodes(tree)
        .into_iter()
        .filter(|n| n.is_error() || n.is_missing())
        .map(|n| {
            let p = n.start_position();
            let what = if n.is_missing() { format!("MISSING {}", n.kind()) } else { "ERROR".into() };
            format!("{}:{}: {what}", p.row + 1, p.column + 1)
        })
        .collect()
}

/// The literal nodes of a tree, outermost only, with their source text.
pub fn literal_nodes<'t>(grammar: &Grammar, tree: &'t Tree, text: &'t str) -> Vec<(Node<'t>, &'t str)> {
    let mut out = Vec::new();
    let mut cursor = tree.walk();
    'walk: loop {
        let node = cursor.node();
        let is_literal = if grammar.literal_kinds.is_empty() {
            // Shell: the arguments (and name) of each command are the words to decode.
            node.parent().is_some_and(|p| p.kind() == "command")
                && matches!(cursor.field_name(), Some("name" | "argument"))
        } else {
            grammar.literal_kinds.contains(&node.kind())
        };
        if is_literal {
            out.push((node, &text[node.byte_range()]));
        } else if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    out
}

/// Keys written twice in one map literal (or, in Ruby, `x["Name"] =` twice on one receiver):
/// all but the last value are lost, so a repeated header or field is not sent.
fn duplicate_keys(grammar: &Grammar, tree: &Tree, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for map in nodes(tree) {
        let Some(&(_, entry_kind)) = grammar.maps.iter().find(|(m, _)| *m == map.kind()) else { continue };
        let mut seen = HashSet::new();
        let mut cursor = map.walk();
        for entry in map.named_children(&mut cursor).filter(|e| e.kind() == entry_kind) {
            let key = match entry.kind() {
                "assignment" => {
                    let Some(left) =
                        entry.child_by_field_name("left").filter(|l| l.kind() == "element_reference")
                    else {
                        continue;
                    };
                    let receiver = left.child_by_field_name("object").map(|o| &text[o.byte_range()]);
                    let index = left.named_child(1).map(|i| &text[i.byte_range()]);
                    format!("{}[{}]", receiver.unwrap_or_default(), index.unwrap_or_default())
                }
                _ => match entry.child_by_field_name("key").or_else(|| entry.named_child(0)) {
                    // A PHP list entry without `=>` has no key.
                    Some(_) if entry.child_count() < 3 => continue,
                    Some(key) => {
                        let source = &text[key.byte_range()];
                        (grammar.decode)(source).unwrap_or_else(|_| source.to_string())
                    }
                    None => continue,
                },
            };
            if !seen.insert(key.clone()) {
                let p = entry.start_position();
                problems.push(format!(
                    "{}:{}: key {} is written twice in one map; the first value is lost",
                    p.row + 1,
                    p.column + 1,
                    shorten(&format!("{key:?}"))
                ));
            }
        }
    }
    problems
}

/// The decoded string literals of a sample, in document order, or what is wrong with it.
pub fn literals(lang: &str, text: &str) -> Result<Vec<String>, Vec<String>> {
    let Some(grammar) = grammar(lang) else {
        return match lang {
            "http" => http_literals(text),
            other => Err(vec![format!("no grammar for language `{other}`: add one to tests/it/syntax.rs")]),
        };
    };
    let tree = parse(&grammar, text);
    let mut problems = syntax_errors(&tree);
    problems.extend(duplicate_keys(&grammar, &tree, text));
    let mut out = Vec::new();
    for (node, _) in literal_nodes(&grammar, &tree, text) {
        for piece in pieces(&grammar, node, text) {
            match (grammar.decode)(&piece) {
                Ok(s) => out.push(s),
                Err(e) => {
                    let p = node.start_position();
                    problems.push(format!("{}:{}: literal does not decode: {e}", p.row + 1, p.column + 1));
                }
            }
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// Raw HTTP/1.1 as bytes on the wire: a request line and `Name: value` header lines (Host
/// first), each ending in CRLF, a blank CRLF line, then the body to the last byte. Returns the
/// request target, header lines, names, values and body.
fn http_literals(text: &str) -> Result<Vec<String>, Vec<String>> {
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return Err(vec!["the head does not end with an empty CRLF line".into()]);
    };
    let body = Some(body);
    let mut problems = Vec::new();
    if let Some(i) = head.split("\r\n").position(|l| l.contains(['\r', '\n'])) {
        problems.push(format!("{}:1: a bare CR or LF in the head: its lines must end in CRLF", i + 1));
    }
    let mut lines = head.split("\r\n");
    let mut out = Vec::new();
    let request_line = lines.next().unwrap_or_default();
    match request_line.split(' ').collect::<Vec<_>>()[..] {
        [method, target, "HTTP/1.1"] => {
            if method.is_empty() || !method.chars().all(is_tchar) {
                problems.push(format!("1:1: method {method:?} is not a token"));
            }
            if target.is_empty() || target.chars().any(|c| c.is_control() || c.is_whitespace()) {
                problems.push(format!(
                    "1:{}: request target {target:?} holds white space or a control character",
                    method.len() + 2
                ));
            }
            out.push(target.to_string());
        }
        _ => problems.push(format!("1:1: request line {request_line:?} is not `METHOD target HTTP/1.1`")),
    }
    for (i, line) in lines.enumerate() {
        let valid = line.split_once(':').filter(|(name, _)| !name.is_empty() && name.chars().all(is_tchar));
        match valid {
            Some((name, value)) if i > 0 || name == "Host" => {
                out.push(line.to_string());
                out.push(name.to_string());
                out.push(value.strip_prefix(' ').unwrap_or(value).to_string());
            }
            Some(_) => problems.push("2:1: the first header is not Host".into()),
            None => problems.push(format!("{}:1: {line:?} is not a `Name: value` header line", i + 2)),
        }
    }
    out.extend(body.map(str::to_string));
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

/// What a sample must carry.
#[derive(Debug)]
pub enum Expect {
    /// Found inside some decoded literal (or a payload decoded from one).
    Value(String),
    /// A name and its value, as a payload pair, a `Name: value` line or neighbouring literals.
    Pair(String, String),
}

/// The values a request sends, from the model (which has auth resolved into headers, query
/// and form fields) and the spec's auth credentials. A new body or auth kind fails to compile
/// here until it says what it carries.
pub fn expectations(loaded: &LoadedSpec, request: &Request, lang: &str) -> Vec<Expect> {
    let mut out = Vec::new();
    let value = |s: &str| Expect::Value(s.to_string());
    let pair = |n: &str, v: &str| Expect::Pair(n.to_string(), v.to_string());
    // Browser JavaScript cannot open a file by path: the reader picks it (`fileInput`), and
    // the browser sends the picked file's own type.
    let reads_files = !["jquery", "javascript"].contains(&lang);
    // URL parts: the host and each path segment (raw HTTP splits the URL, so whole-URL
    // matching would be too strict there).
    out.push(value(&request.host));
    let path = request.path.split('?').next().unwrap_or_default();
    out.extend(path.split('/').filter(|s| !s.is_empty()).map(value));
    let type_given = loaded.body_content_type.is_some()
        || loaded.spec.headers.0.iter().any(|(n, _)| n.0.eq_ignore_ascii_case("content-type"));
    for h in &request.headers_without_basic {
        // Clients may set the body's media type on the body (C# HttpClient's content headers),
        // or imply the body kind's default with their form or JSON facility.
        if h.name.eq_ignore_ascii_case("content-type") {
            out.extend(Some(value(&h.value)).filter(|_| type_given));
        } else {
            out.push(pair(&h.name, &h.value));
        }
    }
    out.extend(request.query.iter().map(|q| match &q.value {
        Some(v) => pair(&q.name, v),
        None => value(&q.name),
    }));
    match &request.body {
        None => {}
        Some(Body::Form { fields, .. }) => out.extend(fields.iter().map(|f| pair(&f.name, &f.value))),
        Some(Body::Json { value: v, .. }) => json_strings(v, &mut |s| out.push(value(s))),
        Some(Body::Text { text }) => out.push(value(text)),
        Some(Body::Multipart { parts, .. }) => {
            for p in parts {
                out.push(value(&p.name));
                let from_file = p.file.is_some() && !reads_files;
                let type_sent = p.content_type.as_ref().filter(|_| !from_file);
                let file = p.file.as_ref().filter(|_| reads_files);
                let optional = [&p.value, &file.cloned(), &p.filename, &type_sent.cloned()];
                out.extend(optional.into_iter().flatten().map(|s| value(s)));
                // curl's `--form name=content` syntax is parsed by `curl_form`, so there
                // the part's name and content must pair up as curl reads them.
                if lang == "curl"
                    && let Some(content) = p.value.as_ref().or(p.file.as_ref())
                {
                    out.push(pair(&p.name, content));
                }
            }
        }
        Some(Body::Binary { file, .. }) => out.extend(Some(file).filter(|_| reads_files).map(|f| value(f))),
        Some(Body::Graphql { query, variables, .. }) => {
            out.push(value(query));
            json_strings(variables, &mut |s| out.push(value(s)));
        }
    }
    let auth = loaded.spec.auth.0.iter().find(|a| a.name() == request.auth.kind);
    match auth.expect("the request was built from one of the spec's auth methods") {
        // These send headers, query or form fields, which are checked above.
        Auth::None
        | Auth::ApiKey { .. }
        | Auth::ClientSecretPost { .. }
        | Auth::ClientSecretJwt { .. }
        | Auth::PrivateKeyJwt { .. } => {}
        Auth::Bearer { token } => out.push(value(&token.0)),
        Auth::Basic { username: user, password: secret }
        | Auth::ClientSecretBasic { client_id: user, client_secret: secret } => {
            out.push(value(user));
            out.push(value(secret));
        }
    }
    out
}

fn json_strings(v: &serde_json::Value, f: &mut impl FnMut(&str)) {
    match v {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_strings(i, f)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                f(k);
                json_strings(v, f);
            }
        }
        _ => {}
    }
}

/// `%XX` decoded; other characters kept. `None` if the bytes are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(byte) if b[i] == b'%' => {
                out.push(byte);
                i += 3;
            }
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// An HTTPie request item split as HTTPie splits it: a backslash before `:`, `;`, `@` or `=`
/// makes that character literal (any other backslash stays), and the first other one of them
/// ends the name. `None` for an argument without one.
fn httpie_item(arg: &str) -> Option<(String, char, String)> {
    const SPECIAL: [char; 4] = [':', ';', '@', '='];
    let (mut name, mut value, mut separator) = (String::new(), String::new(), None);
    let mut chars = arg.chars().peekable();
    while let Some(c) = chars.next() {
        let out = if separator.is_some() { &mut value } else { &mut name };
        match c {
            '\\' if chars.peek().is_some_and(|n| SPECIAL.contains(n)) => out.extend(chars.next()),
            c if separator.is_none() && SPECIAL.contains(&c) => separator = Some(c),
            c => out.push(c),
        }
    }
    Some((name, separator?, value))
}

/// Everything recoverable from a sample's literals: strings to search and name/value pairs.
#[derive(Default)]
pub struct Recovered {
    pub strings: Vec<String>,
    pub pairs: HashSet<(String, String)>,
}

impl Recovered {
    pub fn from_literals(lang: &str, literals: &[String]) -> Self {
        let mut r = Recovered::default();
        const CURL_PAYLOAD_OPTIONS: [&str; 3] = ["--data-urlencode", "--form", "--form-string"];
        for (i, l) in literals.iter().enumerate() {
            // curl reads these arguments by its own rules (below), not as encoded payloads.
            let curl_payload =
                lang == "curl" && i > 0 && CURL_PAYLOAD_OPTIONS.contains(&literals[i - 1].as_str());
            if curl_payload {
                r.strings.push(l.clone());
                r.mime_quoted(l);
            } else {
                r.derive(l, 0);
            }
        }
        if lang == "curl" {
            for w in literals.windows(2) {
                let parsed = match w[0].as_str() {
                    "--data-urlencode" => curl_data_urlencode(&w[1]),
                    "--form" => curl_form(&w[1], false),
                    "--form-string" => curl_form(&w[1], true),
                    _ => None,
                };
                if let Some((name, content, params)) = parsed {
                    r.pairs.insert((name, content));
                    r.strings.extend(params);
                }
            }
        }
        if lang == "httpie" {
            for l in literals {
                // A request item as HTTPie reads it: `Name:value` (a header), `name=value` (a
                // multipart text part), `name@path;type=…` (a file part).
                if let Some((name, separator, value)) = httpie_item(l) {
                    r.strings.push(name.clone());
                    match separator {
                        '@' => {
                            let (path, media_type) = value.split_once(";type=").unwrap_or((&value, ""));
                            // `./` keeps HTTPie from expanding a leading `~`.
                            let path = path.strip_prefix("./").filter(|p| p.starts_with('~')).unwrap_or(path);
                            r.pairs.insert((name, path.to_string()));
                            r.strings.push(media_type.to_string());
                        }
                        _ => {
                            r.pairs.insert((name, value));
                        }
                    }
                }
                for option in ["--raw=", "--auth="] {
                    if let Some(rest) = l.strip_prefix(option) {
                        r.derive(rest, 0);
                    }
                }
            }
        }
        // Maps, keyword arguments and `add(name, value)` calls put names beside values.
        for w in literals.windows(2) {
            r.pairs.insert((w[0].clone(), w[1].clone()));
            r.pairs.insert((w[1].clone(), w[0].clone()));
        }
        r
    }

    fn derive(&mut self, l: &str, depth: u8) {
        if depth > 3 {
            return;
        }
        self.strings.push(l.to_string());
        if let Some(d) = percent_decode(l).filter(|d| d != l) {
            self.strings.push(d);
        }
        if l.contains('"') {
            self.mime_quoted(l);
        }
        // `Name: value` (curl --header, raw HTTP).
        if let Some((name, value)) = l.split_once(':') {
            let value = value.strip_prefix(' ').unwrap_or(value);
            self.pairs.insert((name.to_string(), value.to_string()));
            if let Some(token) = value.strip_prefix("Basic ") {
                self.basic(token, depth);
            }
        }
        if let Some(token) = l.strip_prefix("Basic ") {
            self.basic(token, depth);
        }
        // `Name;` is curl's (and libcurl's) spelling of a header with an empty value.
        if let Some(name) = l.strip_suffix(';').filter(|n| !n.is_empty() && !n.contains([':', ';', ' '])) {
            self.pairs.insert((name.to_string(), String::new()));
        }
        // Payloads: `a=b&c=d`, alone or after a URL's `?`.
        let query = l.split_once('?').map_or(l, |(_, q)| q);
        for payload in [l, query] {
            for item in payload.split('&') {
                let (name, value) = item.split_once('=').unwrap_or((item, ""));
                if let (Some(n), Some(v)) = (percent_decode(name), percent_decode(value)) {
                    self.pairs.insert((n, v));
                }
            }
        }
        if l.trim_start().starts_with(['{', '['])
            && let Ok(v) = serde_json::from_str::<serde_json::Value>(l)
        {
            let mut found = Vec::new();
            json_strings(&v, &mut |s| found.push(s.to_string()));
            for s in found {
                self.derive(&s, depth + 1);
            }
        }
    }

    /// The contents of MIME quoted-strings (`"…"` with `\` escapes) in `l`, as multipart
    /// Content-Disposition parameters and curl's `--form` values write them.
    fn mime_quoted(&mut self, l: &str) {
        let mut chars = l.chars();
        while chars.by_ref().any(|c| c == '"') {
            let mut word = String::new();
            loop {
                match chars.next() {
                    None => return,
                    Some('"') => break,
                    Some('\\') => word.extend(chars.next()),
                    Some(c) => word.push(c),
                }
            }
            self.strings.push(word);
        }
    }

    /// `Authorization: Basic` credentials: `user:password`, each part also form-decoded
    /// (client_secret_basic encodes them first, RFC 6749 §2.3.1).
    fn basic(&mut self, token: &str, depth: u8) {
        let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(token.trim()) else { return };
        let Ok(joined) = String::from_utf8(bytes) else { return };
        if let Some((user, password)) = joined.split_once(':') {
            self.derive(user, depth + 1);
            self.derive(password, depth + 1);
        }
        self.strings.push(joined);
    }

    pub fn has(&self, expect: &Expect) -> bool {
        match expect {
            Expect::Value(v) => v.is_empty() || self.strings.iter().any(|s| s.contains(v.as_str())),
            Expect::Pair(n, v) => self.pairs.contains(&(n.clone(), v.clone())),
        }
    }
}

/// A `--data-urlencode` argument as curl reads it (curl's manual): up to the first `=` or `@`
/// is a name, sent as written, and after `=` the content, which curl encodes itself; with
/// nothing before the `=` (or neither character) curl sends the content alone, without a name.
fn curl_data_urlencode(arg: &str) -> Option<(String, String, Vec<String>)> {
    let at = arg.find(['=', '@'])?;
    if at == 0 || arg.as_bytes()[at] == b'@' {
        return None;
    }
    Some((percent_decode(&arg[..at])?, arg[at + 1..].to_string(), Vec::new()))
}

/// One `--form`/`--form-string` argument as curl parses it (curl's manual, `-F`): the name
/// ends at the first `=`; `--form` content is a word, `"…"` quoted with `\` escapes or ending
/// at `;`, optionally `@file`, then `;key=word` parameters. Returns name, content (or file
/// path) and the parameter values.
fn curl_form(arg: &str, literal: bool) -> Option<(String, String, Vec<String>)> {
    let (name, rest) = arg.split_once('=')?;
    if literal {
        return Some((name.to_string(), rest.to_string(), Vec::new()));
    }
    fn word(s: &str) -> (String, &str) {
        if let Some(quoted) = s.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = quoted.char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' => return (out, &quoted[i + 1..]),
                    '\\' => out.extend(chars.next().map(|(_, c)| c)),
                    c => out.push(c),
                }
            }
            return (out, "");
        }
        let end = s.find(';').unwrap_or(s.len());
        (s[..end].to_string(), &s[end..])
    }
    let rest = rest.strip_prefix(['@', '<']).unwrap_or(rest);
    let (content, mut rest) = word(rest);
    let mut params = Vec::new();
    while let Some(param) = rest.strip_prefix(';') {
        let (_, value) = param.split_once('=').unwrap_or(("", param));
        let (v, r) = word(value);
        params.push(v);
        rest = r;
    }
    Some((name.to_string(), content, params))
}

/// Problems with one sample: syntax errors, undecodable literals, values not carried.
pub fn check_sample(loaded: &LoadedSpec, request: &Request, lang: &str, text: &str) -> Vec<String> {
    let literals = match literals(lang, text) {
        Ok(l) => l,
        Err(problems) => return problems,
    };
    let recovered = Recovered::from_literals(lang, &literals);
    expectations(loaded, request, lang)
        .into_iter()
        .filter(|e| !recovered.has(e))
        .map(|e| format!("not recoverable: {}", shorten(&format!("{e:?}"))))
        .collect()
}

/// Long values (the 10,000-character fixture) shortened for messages.
pub fn shorten(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 160 {
        return s.to_string();
    }
    let head: String = chars[..100].iter().collect();
    let tail: String = chars[chars.len() - 40..].iter().collect();
    format!("{head}…({} chars)…{tail}", chars.len())
}

/// The sample with line numbers, long lines shortened, for failure messages.
pub fn numbered(text: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| format!("{:>4} | {}\n", i + 1, shorten(&format!("{l:?}"))))
        .collect()
}

/// The built-in templates under the reference style and with readable `{{variables}}`,
/// built once: the property test renders thousands of samples.
fn renderers() -> &'static [Renderer; 2] {
    static RENDERERS: std::sync::OnceLock<[Renderer; 2]> = std::sync::OnceLock::new();
    RENDERERS.get_or_init(|| {
        [false, true].map(|readable_variables| {
            Renderer::new(
                snipgen::lang::builtin(),
                None,
                Settings { readable_variables, ..Settings::default() },
            )
            .unwrap()
        })
    })
}

/// Renders every request of every spec with every client of every language, under both
/// payload styles, and checks each sample. Returns the failures, each with its sample.
pub fn check_specs(specs: &[LoadedSpec]) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut failures = Vec::new();
    for renderer in renderers() {
        let readable_variables = renderer.settings().readable_variables;
        for loaded in specs {
            let requests = snipgen::model::build(loaded, renderer.settings())
                .unwrap_or_else(|e| panic!("{}: {e}", loaded.path.display()));
            for request in &requests {
                for language in languages() {
                    for client in &language.clients {
                        let target = Target { language, client };
                        let text = match renderer.render(request, target) {
                            Ok(text) => text,
                            // A client that cannot send this request (a custom method, a
                            // multipart part type) refuses it by name; that is by design.
                            Err(snipgen::error::Error::Refused { .. }) => continue,
                            Err(e) => {
                                failures.push(format!(
                                    "{} [{}]: {e}",
                                    loaded.path.display(),
                                    target.language.id
                                ));
                                continue;
                            }
                        };
                        checked += 1;
                        let problems = check_sample(loaded, request, &language.id, &text);
                        if !problems.is_empty() {
                            failures.push(format!(
                                "{} [{} {}/{}, readable_variables={readable_variables}]\n  {}\n{}",
                                loaded.path.display(),
                                request.id,
                                language.id,
                                client.id,
                                problems.join("\n  "),
                                numbered(&text)
                            ));
                        }
                    }
                }
            }
        }
    }
    (checked, failures)
}

fn load(dir: &Path) -> Vec<LoadedSpec> {
    snipgen::spec::load_dir(dir).unwrap_or_else(|errors| {
        panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))
    })
}

fn assert_clean(what: &str, (checked, failures): (usize, Vec<String>)) {
    assert!(checked > 0, "{what}: nothing was checked");
    assert!(
        failures.is_empty(),
        "{what}: {} of {checked} samples failed:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_spec_sample_parses_and_carries_its_values() {
    assert_clean("specs/", check_specs(&load(&super::repo().join("specs"))));
}

#[test]
fn every_adversarial_sample_parses_and_carries_its_values() {
    let specs = load(&super::repo().join("tests/fixtures/adversarial"));
    assert!(specs.len() >= 4, "the adversarial fixtures are missing");
    assert_clean("tests/fixtures/adversarial/", check_specs(&specs));
}

/// The check itself must bite: a changed value, a cut-off literal and a broken header line
/// are each reported, in every language.
#[test]
fn the_check_reports_lossy_and_broken_samples() {
    let specs = load(&super::repo().join("tests/fixtures/adversarial"));
    let loaded = specs.iter().find(|s| s.id == "adversarial/interpolation").unwrap();
    let renderer = Renderer::new(snipgen::lang::builtin(), None, Settings::default()).unwrap();
    let request = &snipgen::model::build(loaded, renderer.settings()).unwrap()[0];
    for language in languages() {
        let target = Target { language, client: language.default_client() };
        let text = renderer.render(request, target).unwrap();
        let check = |t: &str| check_sample(loaded, request, &language.id, t);
        assert_eq!(check(&text), Vec::<String>::new(), "{}", language.id);

        let lossy = text.replace("repeated name, second value", "repeated name, 2nd value");
        let problems = check(&lossy);
        assert!(problems.iter().any(|p| p.contains("second value")), "{}: {problems:?}", language.id);

        let broken = if language.id == "http" {
            text.replace("X-Second: repeated", "X-Second repeated")
        } else {
            text[..text.find("repeated name").unwrap()].to_string()
        };
        if language.id == "http" {
            let lf = check(&text.replace("\r\n", "\n"));
            assert!(!lf.is_empty() && !lf[0].starts_with("not recoverable"), "LF line ends: {lf:?}");
        }
        let problems = check(&broken);
        assert!(
            problems.iter().any(|p| !p.starts_with("not recoverable")),
            "{}: no syntax problem reported for\n{broken}\n{problems:?}",
            language.id
        );
    }
}

/// Values no client could send faithfully are refused by the loader, with a position.
#[test]
fn specs_no_client_can_send_are_refused() {
    let dir = super::repo().join("tests/fixtures/refused");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 4, "the refused fixtures are missing");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        match snipgen::spec::parse(&path, path.strip_prefix(&dir).unwrap(), &text) {
            Ok(_) => panic!("{} was accepted", path.display()),
            Err(d) => assert!(d.position.is_some(), "{d}"),
        }
    }
}

#[test]
fn every_matrix_sample_parses_and_carries_its_values() {
    assert_clean("tests/fixtures/matrix/", check_specs(&load(&super::repo().join("tests/fixtures/matrix"))));
}
