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

/// Characters a filter is known to mishandle, reported to the owner of src/encode.rs. The
/// main test skips inputs holding them; `known_bug_filters` runs exactly those and fails
/// until the filters are fixed (then empty this list).
const KNOWN_BUGS: &[(&str, char)] = &[
    // C# new-line characters (C# spec §6.4.5.6) are left raw inside "…".
    ("cs_str", '\u{85}'),
    ("cs_str", '\u{2028}'),
    ("cs_str", '\u{2029}'),
    // gc: "invalid BOM in the middle of the file".
    ("go_str", '\u{feff}'),
];

fn is_known_bug(filter: &str, input: &str) -> bool {
    KNOWN_BUGS.iter().any(|(f, c)| *f == filter && input.contains(*c))
}

/// Round-trips the corpus through every filter; `known` picks the known-bug inputs or the rest.
fn round_trip_all(known: bool) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in CASES {
        let grammar = grammar(case.lang).expect("every filter's language has a grammar");
        for input in corpus() {
            // A shell argument cannot hold NUL at all (C strings); specs cannot either.
            if case.filter == "sh" && input.contains('\0') || is_known_bug(case.filter, &input) != known {
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
    let (checked, failures) = round_trip_all(false);
    assert!(checked > 700, "only {checked} round trips ran");
    assert!(
        failures.is_empty(),
        "{} of {checked} filter round trips failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
#[ignore = "BUG: cs_str leaves U+0085/U+2028/U+2029 raw, go_str leaves U+FEFF raw (src/encode.rs)"]
fn known_bug_filters() {
    let (checked, failures) = round_trip_all(true);
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{} of {checked} filter round trips failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
