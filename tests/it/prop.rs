//! Property test: random specs with hostile values in every field, written as YAML, loaded,
//! rendered for every language and client under both payload styles; every sample must parse
//! and carry every value recoverably (see `syntax`).

use std::path::Path;

use proptest::prelude::*;
use proptest::sample::select;

use crate::syntax::{self, filters::HOSTILE};

/// Characters of known bugs (see tests/fixtures/known-bugs/): C# new-line characters, the
/// BOM for Go. The CI property leaves them out; `known_bugs_full_alphabet` keeps them.
const KNOWN_BUG_CHARS: &[char] = &['\u{85}', '\u{2028}', '\u{2029}', '\u{feff}'];

/// Atoms strings are built from: the shared hostile pieces and every NUL-free control.
/// Without known bugs, `{{` only comes as a well-formed `{{v}}`, since spans holding spaces,
/// `&`, `=` or `%` are a known bug (variable-spans.yaml).
fn atoms(known_bugs: bool) -> Vec<String> {
    let controls = (1u8..0x20).chain([0x7f]).map(|b| char::from(b).to_string());
    // Whole spans with payload syntax inside, which random `{{` … `}}` rarely produce.
    let spans = ["{{a&b=c}}", "{{100%}}", "{{ x }}"].into_iter().filter(|_| known_bugs);
    HOSTILE
        .iter()
        .copied()
        .chain(spans)
        .map(str::to_string)
        .chain(controls)
        .filter(|a| {
            known_bugs || !(a.contains(KNOWN_BUG_CHARS) || matches!(a.as_str(), "{{" | "}}" | "{{ var }}"))
        })
        .collect()
}

fn hostile(known_bugs: bool, max_atoms: usize) -> BoxedStrategy<String> {
    prop::collection::vec(select(atoms(known_bugs)), 0..=max_atoms).prop_map(|v| v.concat()).boxed()
}

/// Header values: no CR, LF or NUL, which the loader rightly refuses.
fn header_value(known_bugs: bool) -> BoxedStrategy<String> {
    hostile(known_bugs, 6).prop_map(|s| s.replace(['\r', '\n', '\0'], "")).boxed()
}

/// An HTTP token (header names, API key names), every token punctuation character included.
fn token(prefix: &'static str) -> BoxedStrategy<String> {
    prop::collection::vec(select("abcXYZ019!#$%&'*+-.^_`|~".chars().collect::<Vec<_>>()), 0..6)
        .prop_map(move |cs| format!("{prefix}{}", cs.into_iter().collect::<String>()))
        .boxed()
}

#[derive(Debug, Clone)]
enum GenAuth {
    None,
    Bearer(String),
    Basic(String, String),
    ApiKey(String, String, &'static str),
    ClientSecretBasic(String, String),
    ClientSecretPost(String, String),
    ClientSecretJwt(Option<String>, String),
    PrivateKeyJwt(Option<String>, String),
}

impl GenAuth {
    fn sends_form_fields(&self) -> bool {
        matches!(
            self,
            GenAuth::ClientSecretPost(..) | GenAuth::ClientSecretJwt(..) | GenAuth::PrivateKeyJwt(..)
        )
    }
}

#[derive(Debug, Clone)]
struct GenSpec {
    method: &'static str,
    base: &'static str,
    segments: Vec<String>,
    headers: Vec<(String, String)>,
    query: Vec<(String, String)>,
    form: Option<Vec<(String, String)>>,
    auth: GenAuth,
}

fn auth(kb: bool) -> BoxedStrategy<GenAuth> {
    let s = move || hostile(kb, 6);
    prop_oneof![
        Just(GenAuth::None),
        // Only known bugs put line breaks in a bearer token (bearer-token-line-break.yaml).
        if kb { s() } else { header_value(kb) }.prop_map(GenAuth::Bearer),
        // RFC 7617: a user name cannot hold `:`; the model refuses it.
        (s().prop_map(|u| u.replace(':', "")), s()).prop_map(|(u, p)| GenAuth::Basic(u, p)),
        (token("Api-Key-"), header_value(kb), select(vec!["header", "query"]))
            .prop_map(|(n, v, at)| GenAuth::ApiKey(n, v, at)),
        (s(), s()).prop_map(|(i, p)| GenAuth::ClientSecretBasic(i, p)),
        (s(), s()).prop_map(|(i, p)| GenAuth::ClientSecretPost(i, p)),
        (prop::option::of(s()), s()).prop_map(|(i, a)| GenAuth::ClientSecretJwt(i, a)),
        (prop::option::of(s()), s()).prop_map(|(i, a)| GenAuth::PrivateKeyJwt(i, a)),
    ]
    .boxed()
}

fn spec(kb: bool) -> impl Strategy<Value = GenSpec> {
    let pairs = move |n: usize| prop::collection::vec((hostile(kb, 4), hostile(kb, 6)), 0..n);
    // Repeated query keys come from a small pool of names as well as hostile ones.
    let query_name = prop_oneof![select(vec!["q".to_string(), "tag".to_string()]), hostile(kb, 4)];
    // A URL path segment: no white space, `?`, `#` or `/` (the loader refuses the first three);
    // no controls unless known bugs are wanted (url-path-controls.yaml).
    let segment = hostile(kb, 4).prop_map(move |s| {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"?#/".contains(*c) && (kb || !c.is_control()))
            .collect::<String>()
    });
    (
        select(vec!["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]),
        select(vec!["https://api.example.com", "http://localhost:8080", "{{baseUrl}}", "https://{{host}}"]),
        prop::collection::vec(segment, 0..4),
        prop::collection::vec((token("X-"), header_value(kb)), 0..4),
        prop::collection::vec((query_name, hostile(kb, 6)), 0..5),
        prop::option::of(pairs(5)),
        auth(kb),
    )
        .prop_map(|(method, base, segments, headers, query, form, auth)| {
            let form = if auth.sends_form_fields() { Some(form.unwrap_or_default()) } else { form };
            GenSpec { method, base, segments, headers, query, form, auth }
        })
}

/// A YAML double-quoted scalar for any string: everything outside YAML's printable set, and
/// the characters YAML treats as line breaks or BOM, is escaped.
fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}') =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn pairs_yaml(out: &mut String, key: &str, pairs: &[(String, String)], indent: &str) {
    if pairs.is_empty() {
        out.push_str(&format!("{indent}{key}: []\n"));
        return;
    }
    out.push_str(&format!("{indent}{key}:\n"));
    for (n, v) in pairs {
        out.push_str(&format!("{indent}  - {}: {}\n", yaml(n), yaml(v)));
    }
}

impl GenSpec {
    fn to_yaml(&self) -> String {
        let mut out = format!("title: generated\nmethod: {}\n", self.method);
        if self.form.is_some() && matches!(self.method, "GET" | "HEAD") {
            out.push_str("allow_body: true\n");
        }
        let url = format!("{}/{}", self.base, self.segments.join("/"));
        out.push_str(&format!("url: {}\n", yaml(&url)));
        pairs_yaml(&mut out, "headers", &self.headers, "");
        pairs_yaml(&mut out, "query", &self.query, "");
        if let Some(form) = &self.form {
            out.push_str("body:\n");
            pairs_yaml(&mut out, "form", form, "  ");
        }
        let y = |s: &String| yaml(s);
        let two = |kind: &str, a: &str, x: &String, b: &str, z: &String| {
            format!("auth:\n  {kind}:\n    {a}: {}\n    {b}: {}\n", y(x), y(z))
        };
        out.push_str(&match &self.auth {
            GenAuth::None => "auth: none\n".to_string(),
            GenAuth::Bearer(t) => format!("auth:\n  bearer:\n    token: {}\n", y(t)),
            GenAuth::Basic(u, p) => two("basic", "username", u, "password", p),
            GenAuth::ApiKey(n, v, at) => {
                format!("auth:\n  api_key:\n    name: {}\n    value: {}\n    in: {at}\n", y(n), y(v))
            }
            GenAuth::ClientSecretBasic(i, s) => {
                two("client_secret_basic", "client_id", i, "client_secret", s)
            }
            GenAuth::ClientSecretPost(i, s) => two("client_secret_post", "client_id", i, "client_secret", s),
            GenAuth::ClientSecretJwt(i, a) | GenAuth::PrivateKeyJwt(i, a) => {
                let kind = if matches!(self.auth, GenAuth::ClientSecretJwt(..)) {
                    "client_secret_jwt"
                } else {
                    "private_key_jwt"
                };
                let id = i.as_ref().map(|i| format!("    client_id: {}\n", y(i))).unwrap_or_default();
                format!("auth:\n  {kind}:\n{id}    client_assertion: {}\n", y(a))
            }
        });
        out
    }
}

/// Loads the generated spec, checks the YAML carried the values unchanged, then checks every
/// sample.
fn check(g: &GenSpec) -> Result<(), TestCaseError> {
    let text = g.to_yaml();
    let loaded = snipgen::spec::parse(Path::new("generated.yaml"), Path::new("generated.yaml"), &text)
        .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    let query: Vec<(String, String)> = loaded.spec.query.0.clone();
    prop_assert_eq!(&query, &g.query, "the YAML writer lost a value");
    let (checked, failures) = syntax::check_specs(&[loaded]);
    prop_assert_eq!(checked, 2 * snipgen::lang::LANGUAGES.iter().map(|l| l.clients.len()).sum::<usize>());
    prop_assert!(failures.is_empty(), "{}\nspec:\n{text}", failures.join("\n"));
    Ok(())
}

proptest! {
    // 500 specs, each rendered for every language and client under both payload styles.
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_specs_parse_and_carry_their_values(g in spec(false)) {
        check(&g)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    #[ignore = "BUG: the full alphabet hits the known bugs in tests/fixtures/known-bugs/"]
    fn known_bugs_full_alphabet(g in spec(true)) {
        check(&g)?;
    }
}
