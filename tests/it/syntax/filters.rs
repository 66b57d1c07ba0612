//! Each string-literal filter of `snipgen::encode` against its language's real literal
//! grammar: the literal is placed in a minimal program, parsed, found as exactly one literal
//! node spanning the whole filter output, and decoded back to the input.

use snipgen::encode;

use super::{Grammar, grammar, literal_nodes, parse, shorten, syntax_errors};

/// Pieces that break naive escaping somewhere: quotes, escapes, interpolation and template
/// syntax of every target language, percent and form syntax, line breaks and controls,
/// Unicode line separators and BOM, non-ASCII, and digits or letters right after an escape
/// (greedy `\x`/octal readers).
pub const HOSTILE: &[&str] = &[
    "'",
    "\"",
    "\\",
    "$",
    "`",
    "#{x}",
    "${x}",
    "%",
    "%41",
    "&",
    "=",
    "+",
    "{{",
    "}}",
    "{{ var }}",
    "{{v}}",
    "{% if x %}",
    "{# c #}",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "é",
    "日本",
    "🎉",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{feff}",
    "\u{a0}",
    "\u{1}7",
    "\u{1}a",
    "\u{1}F",
    "\\u000a",
    "\\u0022",
    "\\x41",
    "\\(x)",
    "\\0",
    "$a",
    "{$a}",
    "#$a",
    "#@a",
    "!a",
    "~",
    "*",
    "?",
    // C trigraphs (`??=` is `#`, `??/` a backslash) in a compiler's strict mode.
    "??=",
    "??/",
    "#",
    "/",
    ":",
    " ",
    "@",
    "'\\''",
    "a",
    "Z",
    "0",
    "7",
];

/// Control characters U+0001..U+001F and U+007F, one string each.
pub fn controls() -> Vec<String> {
    (1u8..0x20).chain([0x7f]).map(|b| char::from(b).to_string()).collect()
}

/// The inputs every filter must round-trip.
fn corpus() -> Vec<String> {
    let mut all: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    all.extend(controls());
    all.push(String::new());
    all.push("\0".into());
    all.push(HOSTILE.concat() + &controls().concat());
    // A 10,000-character value cycling through everything above.
    let pieces: Vec<char> = (HOSTILE.concat() + &controls().concat()).chars().collect();
    all.push(pieces.iter().cycle().take(10_000).collect());
    all
}

struct Case {
    filter: &'static str,
    f: fn(&str) -> String,
    lang: &'static str,
    /// The program, with `@` where the literal goes.
    program: &'static str,
}

const CASES: &[Case] = &[
    Case { filter: "sh", f: encode::sh_single, lang: "curl", program: "printf %s @\n" },
    Case { filter: "go_str", f: encode::go_string, lang: "go", program: "package main\n\nvar s = @\n" },
    Case {
        filter: "java_str",
        f: encode::java_string,
        lang: "java",
        program: "class T {\n  String s = @;\n}\n",
    },
    Case { filter: "cs_str", f: encode::csharp_string, lang: "csharp", program: "var s = @;\n" },
    Case { filter: "js_single", f: encode::js_single, lang: "nodejs", program: "var s = @;\n" },
    Case { filter: "js_double", f: encode::js_double, lang: "jquery", program: "var s = @;\n" },
    Case { filter: "py_single", f: encode::py_single, lang: "python", program: "s = @\n" },
    Case { filter: "py_double", f: encode::py_double, lang: "python", program: "s = @\n" },
    Case { filter: "php_str", f: encode::php_string, lang: "php", program: "<?php\n$s = @;\n" },
    Case { filter: "rb_str", f: encode::ruby_double, lang: "ruby", program: "s = @\n" },
    Case { filter: "swift_str", f: encode::swift_string, lang: "swift", program: "let s = @\n" },
    // The multi-line text filters (bodies): raw newlines where the language allows them.
    Case { filter: "go_text", f: encode::go_text, lang: "go", program: "package main\n\nvar s = @\n" },
    Case { filter: "py_text", f: encode::py_text, lang: "python", program: "s = @\n" },
    Case { filter: "js_text", f: encode::js_text, lang: "nodejs", program: "var s = @;\n" },
    Case { filter: "rb_text", f: encode::ruby_text, lang: "ruby", program: "s = @\n" },
    Case { filter: "php_text", f: encode::php_text, lang: "php", program: "<?php\n$s = @;\n" },
    Case { filter: "cs_text", f: encode::csharp_text, lang: "csharp", program: "var s = @;\n" },
    Case { filter: "kt_str", f: encode::kotlin_string, lang: "kotlin", program: "val s = @\n" },
    Case { filter: "c_str", f: encode::c_string, lang: "c", program: "const char s[] = @;\n" },
    Case { filter: "c_text", f: encode::c_text, lang: "c", program: "const char s[] = @;\n" },
    Case { filter: "rs_str", f: encode::rust_string, lang: "rust", program: "const S: &str = @;\n" },
    Case { filter: "rs_text", f: encode::rust_text, lang: "rust", program: "const S: &str = @;\n" },
];

/// Why `filter(input)` is not a faithful literal, if it is not.
fn round_trip(case: &Case, grammar: &Grammar, input: &str) -> Result<(), String> {
    let literal = (case.f)(input);
    let program = case.program.replacen('@', &literal, 1);
    let tree = parse(grammar, &program);
    let errors = syntax_errors(&tree);
    if !errors.is_empty() {
        return Err(format!("does not parse: {}", errors.join(", ")));
    }
    let at = case.program.find('@').expect("programs have a placeholder");
    let found = literal_nodes(grammar, &tree, &program);
    let spans: Vec<&str> =
        found.iter().filter(|(node, _)| node.start_byte() >= at).map(|(_, text)| *text).collect();
    if spans != [literal.as_str()] {
        return Err(format!("the grammar sees literals {spans:?}, not one literal spanning the output"));
    }
    let decoded = (grammar.decode)(&literal)?;
    if decoded != input {
        return Err(format!("decodes to {:?}", shorten(&decoded)));
    }
    Ok(())
}

/// Round-trips the corpus through every filter.
fn round_trip_all() -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in CASES {
        let grammar = grammar(case.lang).expect("every filter's language has a grammar");
        for input in corpus() {
            // A shell argument cannot hold NUL at all (C strings); specs cannot either.
            if case.filter == "sh" && input.contains('\0') {
                continue;
            }
            checked += 1;
            if let Err(e) = round_trip(case, &grammar, &input) {
                failures.push(format!(
                    "{}({:?}) = {:?}: {e}",
                    case.filter,
                    shorten(&input),
                    shorten(&(case.f)(&input))
                ));
            }
        }
    }
    (checked, failures)
}

#[test]
fn every_filter_round_trips_the_hostile_corpus() {
    let (checked, failures) = round_trip_all();
    assert!(checked > 700, "only {checked} round trips ran");
    assert!(
        failures.is_empty(),
        "{} of {checked} filter round trips failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// RFC 2045 quoted-string contents: `\` escapes the next character.
fn mime_unquote(s: &str) -> Option<String> {
    let mut chars = s.strip_prefix('"')?.strip_suffix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

#[test]
fn mime_quote_round_trips() {
    for input in corpus() {
        assert_eq!(mime_unquote(&encode::mime_quote(&input)).as_deref(), Some(input.as_str()));
    }
}

/// Percent-encoding is undone exactly by percent-decoding, and leaves no payload syntax
/// (`&`, `=`, `+`, `#`, `?`) or white space outside `{{variables}}` kept readable.
#[test]
fn percent_encoding_round_trips() {
    type Encode = fn(&str, bool) -> String;
    let encoders: [(&str, Encode); 2] =
        [("encode_component", encode::encode_component), ("encode_query", encode::encode_query)];
    for input in corpus() {
        for (name, f) in encoders {
            for keep_variables in [false, true] {
                let encoded = f(&input, keep_variables);
                let decoded = super::percent_decode(&encoded);
                assert_eq!(decoded.as_deref(), Some(input.as_str()), "{name}({input:?}, {keep_variables})");
                let mut outside = encoded.clone();
                for (start, end) in encode::variable_spans(&encoded).into_iter().rev() {
                    outside.replace_range(start..end, "");
                }
                let bad = |c: char| "&=+#?".contains(c) || c.is_whitespace() || c.is_control();
                assert!(!outside.contains(bad), "{name}({input:?}, {keep_variables}) = {encoded:?}");
            }
        }
    }
}
