//! Strict decoders for each language's string-literal grammar: literal source text in, the
//! runtime string out. They follow the language references, not snipgen's filters, so they
//! check the filters from the outside. Anything that would not be a plain constant at run time
//! (interpolation, expansion, an escape the language rejects or warns about) is an error, not
//! a guess.

pub type Decoded = Result<String, String>;

/// Bytes as they are built; several languages spell bytes (`\x..`, octal), not characters,
/// and some spell UTF-16 code units (`\uXXXX` in C#, Java, JavaScript, Kotlin), which pair up
/// into one character only when they are next to each other.
#[derive(Default)]
struct Out {
    bytes: Vec<u8>,
    units: Vec<u16>,
    lone_surrogate: bool,
}

impl Out {
    fn char(&mut self, c: char) {
        self.flush_units();
        let mut buf = [0; 4];
        self.bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    fn byte(&mut self, b: u32) -> Result<(), String> {
        self.flush_units();
        let b = u8::try_from(b).map_err(|_| format!("byte escape {b} is over 255"))?;
        self.bytes.push(b);
        Ok(())
    }
    fn code(&mut self, c: u32) -> Result<(), String> {
        self.char(char::from_u32(c).ok_or_else(|| format!("U+{c:X} is not a scalar value"))?);
        Ok(())
    }
    fn unit(&mut self, unit: u32) {
        self.units.push(unit as u16);
    }
    fn flush_units(&mut self) {
        let units = std::mem::take(&mut self.units);
        for c in char::decode_utf16(units) {
            match c {
                Ok(c) => self.bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                Err(_) => self.lone_surrogate = true,
            }
        }
    }
    fn finish(mut self) -> Decoded {
        self.flush_units();
        if self.lone_surrogate {
            return Err("lone surrogate".into());
        }
        String::from_utf8(self.bytes).map_err(|_| "escapes spell invalid UTF-8".to_string())
    }
}

/// A cursor over the literal's characters.
struct Chars<'a> {
    s: &'a [char],
    i: usize,
}

impl<'a> Chars<'a> {
    fn new(s: &'a [char]) -> Self {
        Chars { s, i: 0 }
    }
    fn next(&mut self) -> Option<char> {
        let c = self.s.get(self.i).copied();
        self.i += 1;
        c
    }
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }
    fn peek_at(&self, n: usize) -> Option<char> {
        self.s.get(self.i + n).copied()
    }
    /// Up to `max` (at least `min`) digits of `radix`, as a number.
    fn digits(&mut self, radix: u32, min: usize, max: usize) -> Result<u32, String> {
        let mut n = 0u32;
        let mut count = 0;
        while count < max {
            match self.peek().and_then(|c| c.to_digit(radix)) {
                Some(d) => {
                    n = n * radix + d;
                    self.i += 1;
                    count += 1;
                }
                None => break,
            }
        }
        if count < min { Err(format!("expected {min} base-{radix} digits")) } else { Ok(n) }
    }
    /// `{hex…}` as in `\u{…}`; `max` digits at most.
    fn braced_hex(&mut self, max: usize) -> Result<u32, String> {
        if self.next() != Some('{') {
            return Err("expected `{`".into());
        }
        let n = self.digits(16, 1, max)?;
        if self.next() != Some('}') {
            return Err("expected `}`".into());
        }
        Ok(n)
    }
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// The text between `open` and `close`, or an error naming the language.
fn inner<'a>(lit: &'a str, open: &str, close: &str, lang: &str) -> Result<&'a str, String> {
    if lit.len() >= open.len() + close.len() && lit.starts_with(open) && lit.ends_with(close) {
        Ok(&lit[open.len()..lit.len() - close.len()])
    } else {
        Err(format!("not a {lang} literal delimited by {open}…{close}"))
    }
}

/// Go interpreted (`"…"`) or raw (`` `…` ``) string literal.
pub fn go(lit: &str) -> Decoded {
    if let Ok(raw) = inner(lit, "`", "`", "Go") {
        return Ok(raw.replace('\r', ""));
    }
    let body = chars(inner(lit, "\"", "\"", "Go")?);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '\n' => return Err("raw newline in Go string".into()),
            // gc: "invalid NUL character", "invalid BOM in the middle of the file".
            '\0' | '\u{feff}' => return Err(format!("raw U+{:04X} in Go source", c as u32)),
            '"' => return Err("unescaped `\"`".into()),
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                'a' => out.char('\x07'),
                'b' => out.char('\x08'),
                'f' => out.char('\x0c'),
                'n' => out.char('\n'),
                'r' => out.char('\r'),
                't' => out.char('\t'),
                'v' => out.char('\x0b'),
                '\\' => out.char('\\'),
                '"' => out.char('"'),
                'x' => out.byte(cs.digits(16, 2, 2)?)?,
                'u' => out.code(cs.digits(16, 4, 4)?)?,
                'U' => out.code(cs.digits(16, 8, 8)?)?,
                '0'..='7' => {
                    cs.i -= 1;
                    out.byte(cs.digits(8, 3, 3)?)?
                }
                other => return Err(format!("unknown Go escape `\\{other}`")),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// Java string literal. `\uXXXX` is translated before lexing (JLS 3.3), so it runs first and
/// its result takes part in escapes and can end the literal, as javac would see it.
pub fn java(lit: &str) -> Decoded {
    if lit.starts_with("\"\"\"") {
        return Err("text blocks are not expected".into());
    }
    let body = chars(inner(lit, "\"", "\"", "Java")?);
    // JLS 3.3: a `\` is eligible to start a Unicode escape if an even number of `\` precede it.
    // Surrogate pairs are two escapes, joined by `Out`.
    let mut plain = Out::default();
    let mut i = 0;
    let mut run = 0usize;
    while i < body.len() {
        if body[i] == '\\' && run.is_multiple_of(2) && body.get(i + 1) == Some(&'u') {
            let mut j = i + 1;
            while body.get(j) == Some(&'u') {
                j += 1;
            }
            let hex: String = body.get(j..j + 4).ok_or("short unicode escape")?.iter().collect();
            let unit = u32::from_str_radix(&hex, 16).map_err(|_| "bad unicode escape")?;
            plain.unit(unit);
            i = j + 4;
            run = 0;
            continue;
        }
        run = if body[i] == '\\' { run + 1 } else { 0 };
        plain.char(body[i]);
        i += 1;
    }
    let plain = plain.finish()?;

    let body = chars(&plain);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '\n' | '\r' => return Err("line terminator in Java string".into()),
            '"' => return Err("unescaped `\"` (perhaps from a \\u escape)".into()),
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                'b' => out.char('\x08'),
                's' => out.char(' '),
                't' => out.char('\t'),
                'n' => out.char('\n'),
                'f' => out.char('\x0c'),
                'r' => out.char('\r'),
                '"' => out.char('"'),
                '\'' => out.char('\''),
                '\\' => out.char('\\'),
                d @ '0'..='7' => {
                    cs.i -= 1;
                    // OctalEscape: three digits only when the first is 0-3.
                    let max = if d <= '3' { 3 } else { 2 };
                    out.code(cs.digits(8, 1, max)?)?
                }
                other => return Err(format!("unknown Java escape `\\{other}`")),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// C# regular string literal (C# spec §6.4.5.6). New-line characters include U+0085, U+2028
/// and U+2029, none of which may appear raw.
pub fn csharp(lit: &str) -> Decoded {
    if let Ok(verbatim) = inner(lit, "@\"", "\"", "C# verbatim") {
        // Only `""` is special: it spells one quote.
        let mut out = String::new();
        let mut cs = verbatim.chars();
        while let Some(c) = cs.next() {
            if c == '"' && cs.next() != Some('"') {
                return Err("lone `\"` in a verbatim C# string".into());
            }
            out.push(c);
        }
        return Ok(out);
    }
    if lit.starts_with('$') || lit.starts_with("\"\"\"") {
        return Err("interpolated and raw C# strings are not expected".into());
    }
    let body = chars(inner(lit, "\"", "\"", "C#")?);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                return Err(format!("raw new-line character U+{:04X} in C# string", c as u32));
            }
            '"' => return Err("unescaped `\"`".into()),
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                '\'' => out.char('\''),
                '"' => out.char('"'),
                '\\' => out.char('\\'),
                '0' => out.char('\0'),
                'a' => out.char('\x07'),
                'b' => out.char('\x08'),
                'f' => out.char('\x0c'),
                'n' => out.char('\n'),
                'r' => out.char('\r'),
                't' => out.char('\t'),
                'v' => out.char('\x0b'),
                // Greedy: up to four hex digits, a trap the filter must not fall into.
                'x' => out.code(cs.digits(16, 1, 4)?)?,
                'u' => out.unit(cs.digits(16, 4, 4)?),
                'U' => out.code(cs.digits(16, 8, 8)?)?,
                other => return Err(format!("unknown C# escape `\\{other}`")),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// JavaScript string or template literal (ES2019+: U+2028/U+2029 may appear raw). A template
/// literal may hold raw line feeds but no substitution; a raw CR would read as LF.
pub fn js(lit: &str) -> Decoded {
    let body = chars(
        inner(lit, "'", "'", "JS")
            .or_else(|_| inner(lit, "\"", "\"", "JS"))
            .or_else(|_| inner(lit, "`", "`", "JS"))?,
    );
    let quote = lit.chars().next().expect("delimited");
    let template = quote == '`';
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '\n' if template => out.char('\n'),
            '\n' | '\r' => return Err("raw line break in JS string".into()),
            c if c == quote => return Err(format!("unescaped `{quote}`")),
            '$' if template && cs.peek() == Some('{') => {
                return Err("`${` substitutes in a template literal".into());
            }
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                'b' => out.char('\x08'),
                'f' => out.char('\x0c'),
                'n' => out.char('\n'),
                'r' => out.char('\r'),
                't' => out.char('\t'),
                'v' => out.char('\x0b'),
                '0' if !cs.peek().is_some_and(|c| c.is_ascii_digit()) => out.char('\0'),
                d @ '0'..='9' => return Err(format!("legacy octal escape `\\{d}`")),
                'x' => out.code(cs.digits(16, 2, 2)?)?,
                'u' if cs.peek() == Some('{') => out.code(cs.braced_hex(6)?)?,
                'u' => out.unit(cs.digits(16, 4, 4)?),
                // Line continuation.
                '\n' | '\u{2028}' | '\u{2029}' => {}
                '\r' => {
                    if cs.peek() == Some('\n') {
                        cs.i += 1;
                    }
                }
                other => out.char(other),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// Python 3 str literal, single-line, no prefix but `u`. Unknown escapes are errors because
/// Python warns about them (SyntaxWarning since 3.12).
pub fn python(lit: &str) -> Decoded {
    let lit = lit.strip_prefix(['u', 'U']).unwrap_or(lit);
    if lit.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err("prefixed (f, r, b) Python strings are not expected".into());
    }
    let quote = lit.chars().next().ok_or("empty literal")?;
    if !matches!(quote, '\'' | '"') {
        return Err("not a Python string".into());
    }
    let triple = lit.starts_with("'''") || lit.starts_with("\"\"\"");
    let delimiter = &lit[..if triple { 3 } else { 1 }];
    let body = chars(inner(lit, delimiter, delimiter, "Python")?);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            // Python reads a raw CR in source as a line break, LF.
            '\r' => return Err("raw CR in Python string".into()),
            '\n' if triple => out.char('\n'),
            '\n' => return Err("raw line break in Python string".into()),
            // In a triple-quoted string a quote may stand alone, but must neither end the
            // string early nor touch the closing delimiter.
            c if c == quote && triple && body[cs.i..].iter().all(|&q| q == quote) => {
                return Err(format!("unescaped `{quote}` next to the closing delimiter"));
            }
            c if c == quote && triple && cs.peek() == Some(quote) && cs.peek_at(1) == Some(quote) => {
                return Err(format!("unescaped `{quote}{quote}{quote}` ends the string early"));
            }
            c if c == quote && triple => out.char(c),
            c if c == quote => return Err(format!("unescaped `{quote}`")),
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                '\n' => {}
                '\\' => out.char('\\'),
                '\'' => out.char('\''),
                '"' => out.char('"'),
                'a' => out.char('\x07'),
                'b' => out.char('\x08'),
                'f' => out.char('\x0c'),
                'n' => out.char('\n'),
                'r' => out.char('\r'),
                't' => out.char('\t'),
                'v' => out.char('\x0b'),
                '0'..='7' => {
                    cs.i -= 1;
                    out.code(cs.digits(8, 1, 3)?)?
                }
                'x' => out.code(cs.digits(16, 2, 2)?)?,
                'u' => out.code(cs.digits(16, 4, 4)?)?,
                'U' => out.code(cs.digits(16, 8, 8)?)?,
                other => return Err(format!("invalid Python escape `\\{other}`")),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// The inside of a PHP or Ruby single-quoted string: only `\\` and `\'` are escapes.
fn single_quoted(body: &str) -> Decoded {
    let body = chars(body);
    let mut cs = Chars::new(&body);
    let mut out = String::new();
    while let Some(c) = cs.next() {
        match c {
            '\'' => return Err("unescaped `'`".into()),
            '\\' if matches!(cs.peek(), Some('\\' | '\'')) => out.push(cs.next().expect("peeked")),
            c => out.push(c),
        }
    }
    Ok(out)
}

fn php_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c as u32 >= 0x80
}

/// PHP single-quoted (only `\\` and `\'`) or double-quoted string; a double-quoted one must
/// not interpolate (`$name`, `{$`).
pub fn php(lit: &str) -> Decoded {
    if let Ok(single) = inner(lit, "'", "'", "PHP") {
        return single_quoted(single);
    }
    let body = chars(inner(lit, "\"", "\"", "PHP")?);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '"' => return Err("unescaped `\"`".into()),
            '$' if cs.peek().is_some_and(php_name_start) => {
                return Err("`$name` interpolates in a PHP double-quoted string".into());
            }
            '{' if cs.peek() == Some('$') => return Err("`{$` interpolates in PHP".into()),
            '\\' => {
                let simple = match cs.peek() {
                    Some('n') => Some('\n'),
                    Some('t') => Some('\t'),
                    Some('r') => Some('\r'),
                    Some('v') => Some('\x0b'),
                    Some('e') => Some('\x1b'),
                    Some('f') => Some('\x0c'),
                    Some(c @ ('\\' | '$' | '"')) => Some(c),
                    _ => None,
                };
                let hex_next = cs.peek_at(1).is_some_and(|c| c.is_ascii_hexdigit());
                if let Some(c) = simple {
                    cs.i += 1;
                    out.char(c);
                } else if cs.peek().is_some_and(|c| ('0'..='7').contains(&c)) {
                    out.byte(cs.digits(8, 1, 3)?)?;
                } else if cs.peek() == Some('x') && hex_next {
                    cs.i += 1;
                    out.byte(cs.digits(16, 1, 2)?)?;
                } else if cs.peek() == Some('u') && cs.peek_at(1) == Some('{') {
                    cs.i += 1;
                    out.code(cs.braced_hex(8)?)?;
                } else {
                    // Any other backslash stays as written.
                    out.char('\\');
                }
            }
            c => out.char(c),
        }
    }
    out.finish()
}

/// Ruby single-quoted or double-quoted string; a double-quoted one must not interpolate
/// (`#{`, `#$`, `#@`; the test refuses all three outright rather than model Ruby's variable
/// name rules).
pub fn ruby(lit: &str) -> Decoded {
    if let Ok(single) = inner(lit, "'", "'", "Ruby") {
        return single_quoted(single);
    }
    let body = chars(inner(lit, "\"", "\"", "Ruby")?);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '"' => return Err("unescaped `\"`".into()),
            '#' if matches!(cs.peek(), Some('{' | '$' | '@')) => {
                return Err("`#{`, `#$` or `#@` interpolates in a Ruby double-quoted string".into());
            }
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                'n' => out.char('\n'),
                't' => out.char('\t'),
                's' => out.char(' '),
                'r' => out.char('\r'),
                'a' => out.char('\x07'),
                'b' => out.char('\x08'),
                'e' => out.char('\x1b'),
                'f' => out.char('\x0c'),
                'v' => out.char('\x0b'),
                '0'..='7' => {
                    cs.i -= 1;
                    out.byte(cs.digits(8, 1, 3)?)?
                }
                'x' => out.byte(cs.digits(16, 1, 2)?)?,
                'u' if cs.peek() == Some('{') => out.code(cs.braced_hex(6)?)?,
                'u' => out.code(cs.digits(16, 4, 4)?)?,
                'c' | 'C' | 'M' => return Err("control/meta escapes are not expected".into()),
                '\n' => {}
                other => out.char(other),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// Swift single-line string literal (no `#` delimiters, no interpolation).
pub fn swift(lit: &str) -> Decoded {
    if lit.starts_with('#') || lit.starts_with("\"\"\"") {
        return Err("raw and multi-line Swift strings are not expected".into());
    }
    let body = chars(inner(lit, "\"", "\"", "Swift")?);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '\n' | '\r' => return Err("raw line break in Swift string".into()),
            '"' => return Err("unescaped `\"`".into()),
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                '0' => out.char('\0'),
                '\\' => out.char('\\'),
                't' => out.char('\t'),
                'n' => out.char('\n'),
                'r' => out.char('\r'),
                '"' => out.char('"'),
                '\'' => out.char('\''),
                'u' => out.code(cs.braced_hex(8)?)?,
                '(' => return Err("`\\(` interpolates in Swift".into()),
                other => return Err(format!("invalid Swift escape `\\{other}`")),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// Kotlin string literal (`"…"`, no raw `"""` strings): escapes `\t \b \n \r \' \" \\ \$` and
/// `\uXXXX`; a `$` before an identifier or `{` interpolates, which is an error here.
pub fn kotlin(lit: &str) -> Decoded {
    if lit.starts_with("\"\"\"") {
        return Err("raw Kotlin strings are not expected".into());
    }
    let body = chars(inner(lit, "\"", "\"", "Kotlin")?);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '\n' | '\r' => return Err("raw line break in Kotlin string".into()),
            '"' => return Err("unescaped `\"`".into()),
            '$' if cs.peek().is_some_and(|n| n == '{' || n == '_' || n.is_alphabetic() || n == '`') => {
                return Err("`$` interpolates in Kotlin".into());
            }
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                't' => out.char('\t'),
                'b' => out.char('\x08'),
                'n' => out.char('\n'),
                'r' => out.char('\r'),
                '\'' => out.char('\''),
                '"' => out.char('"'),
                '\\' => out.char('\\'),
                '$' => out.char('$'),
                'u' => out.unit(cs.digits(16, 4, 4)?),
                other => return Err(format!("invalid Kotlin escape `\\{other}`")),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// C string literal, or adjacent literals the compiler joins (separated by white space only),
/// read as a C99 compiler in strict mode does: a trigraph (`??` and one of `=(/)'<!>-`) is
/// replaced before the literal is read, so one left in the source is an error; `\x` takes
/// every hex digit after it; no prefixes (`L`, `u8`).
pub fn c(lit: &str) -> Decoded {
    let all = chars(lit);
    let mut cs = Chars::new(&all);
    let mut out = Out::default();
    let mut literals = 0;
    loop {
        while cs.peek().is_some_and(|c| c == ' ' || c == '\n' || c == '\t') {
            cs.i += 1;
        }
        match cs.next() {
            None if literals > 0 => break,
            Some('"') => literals += 1,
            _ => return Err("not a C string literal (or adjacent literals)".into()),
        }
        loop {
            match cs.next().ok_or("unterminated C string")? {
                '"' => break,
                '\n' => return Err("raw line break in C string".into()),
                '?' if cs.peek() == Some('?') && cs.peek_at(1).is_some_and(|t| "=(/)'<!>-".contains(t)) => {
                    return Err("a trigraph in a C string".into());
                }
                '\\' => match cs.next().ok_or("dangling `\\`")? {
                    'a' => out.char('\x07'),
                    'b' => out.char('\x08'),
                    'f' => out.char('\x0c'),
                    'n' => out.char('\n'),
                    'r' => out.char('\r'),
                    't' => out.char('\t'),
                    'v' => out.char('\x0b'),
                    c @ ('\\' | '\'' | '"' | '?') => out.char(c),
                    '0'..='7' => {
                        cs.i -= 1;
                        out.byte(cs.digits(8, 1, 3)?)?
                    }
                    'x' => out.byte(cs.digits(16, 1, usize::MAX)?)?,
                    'u' => out.code(cs.digits(16, 4, 4)?)?,
                    'U' => out.code(cs.digits(16, 8, 8)?)?,
                    other => return Err(format!("unknown C escape `\\{other}`")),
                },
                c => out.char(c),
            }
        }
    }
    out.finish()
}

/// Rust string literal: `"…"` (raw line breaks kept, `\` at a line's end skips the break and
/// the white space after it, a raw CR is an error) or raw `r#"…"#`.
pub fn rust(lit: &str) -> Decoded {
    if let Some(raw) = lit.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let fence = "#".repeat(hashes);
        let body = inner(raw, &format!("{fence}\""), &format!("\"{fence}"), "Rust raw")?;
        if body.contains('\r') {
            return Err("raw CR in Rust string".into());
        }
        return Ok(body.to_string());
    }
    let body = chars(inner(lit, "\"", "\"", "Rust")?);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    while let Some(c) = cs.next() {
        match c {
            '\r' => return Err("raw CR in Rust string".into()),
            '"' => return Err("unescaped `\"`".into()),
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                'n' => out.char('\n'),
                'r' => out.char('\r'),
                't' => out.char('\t'),
                '\\' => out.char('\\'),
                '0' => out.char('\0'),
                '\'' => out.char('\''),
                '"' => out.char('"'),
                'x' => {
                    let b = cs.digits(16, 2, 2)?;
                    if b > 0x7f {
                        return Err("`\\x` over 7F in a Rust str".into());
                    }
                    out.byte(b)?
                }
                'u' => out.code(cs.braced_hex(6)?)?,
                '\n' => {
                    while cs.peek().is_some_and(|c| c.is_whitespace()) {
                        cs.i += 1;
                    }
                }
                other => return Err(format!("unknown Rust escape `\\{other}`")),
            },
            c => out.char(c),
        }
    }
    out.finish()
}

/// One POSIX shell word (`'…'`, `"…"`, `$'…'`, backslash escapes and plain characters,
/// concatenated). Any expansion, glob or history character outside single quotes is an error:
/// the reader pastes the sample into an interactive shell.
pub fn shell_word(word: &str) -> Decoded {
    let body = chars(word);
    let mut cs = Chars::new(&body);
    let mut out = Out::default();
    let mut first = true;
    while let Some(c) = cs.next() {
        match c {
            '\'' => loop {
                match cs.next().ok_or("unterminated `'`")? {
                    '\'' => break,
                    c => out.char(c),
                }
            },
            '$' if cs.peek() == Some('\'') => {
                cs.i += 1;
                ansi_c(&mut cs, &mut out)?;
            }
            '"' => loop {
                match cs.next().ok_or("unterminated `\"`")? {
                    '"' => break,
                    '\\' => match cs.next().ok_or("dangling `\\`")? {
                        '\n' => {}
                        c @ ('$' | '`' | '"' | '\\') => out.char(c),
                        c => {
                            out.char('\\');
                            out.char(c);
                        }
                    },
                    c @ ('$' | '`' | '!') => {
                        return Err(format!("`{c}` expands inside double quotes"));
                    }
                    c => out.char(c),
                }
            },
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                '\n' => {}
                c => out.char(c),
            },
            '~' | '#' if first => return Err(format!("unquoted `{c}` at the start of a word")),
            c if " \t\n$`()<>|;&*?[]{}!\"".contains(c) => {
                return Err(format!("unquoted `{c}` is special to the shell"));
            }
            c => out.char(c),
        }
        first = false;
    }
    out.finish()
}

/// The rest of a `$'…'` word after its opening quote.
fn ansi_c(cs: &mut Chars, out: &mut Out) -> Result<(), String> {
    loop {
        match cs.next().ok_or("unterminated `$'`")? {
            '\'' => return Ok(()),
            '\\' => match cs.next().ok_or("dangling `\\`")? {
                'a' => out.char('\x07'),
                'b' => out.char('\x08'),
                'e' | 'E' => out.char('\x1b'),
                'f' => out.char('\x0c'),
                'n' => out.char('\n'),
                'r' => out.char('\r'),
                't' => out.char('\t'),
                'v' => out.char('\x0b'),
                c @ ('\\' | '\'' | '"' | '?') => out.char(c),
                '0'..='7' => {
                    cs.i -= 1;
                    out.byte(cs.digits(8, 1, 3)?)?
                }
                'x' => out.byte(cs.digits(16, 1, 2)?)?,
                'u' => out.code(cs.digits(16, 1, 4)?)?,
                'U' => out.code(cs.digits(16, 1, 8)?)?,
                other => {
                    out.char('\\');
                    out.char(other);
                }
            },
            c => out.char(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoders_follow_the_references() {
        assert_eq!(go(r#""a\x41\101\u00e9\"""#).unwrap(), "aAAé\"");
        assert_eq!(java(r#""\u005c\u005c\101\0""#).unwrap(), "\\A\0");
        assert!(java(r#""\u0022""#).is_err(), "javac sees \\u0022 as the closing quote");
        assert_eq!(csharp(r#""\x41\u00e9""#).unwrap(), "Aé");
        assert!(csharp("\"\u{2028}\"").is_err());
        assert_eq!(js(r"'\uD83C\uDF89\u{1F389}\$'").unwrap(), "🎉🎉$");
        assert!(js(r"'\01'").is_err());
        assert_eq!(python(r"'\x01\101\''").unwrap(), "\u{1}A'");
        assert!(python(r"'\d'").is_err());
        assert_eq!(python("'''a'\nb\\''''").unwrap(), "a'\nb'");
        assert!(python("'''a''''").is_err(), "a quote touching the closing delimiter");
        assert_eq!(js("`a\n\\`$\\${x}`").unwrap(), "a\n`$${x}");
        assert!(js("`${x}`").is_err());
        assert_eq!(csharp("@\"a\"\"b\\\n\"").unwrap(), "a\"b\\\n");
        assert_eq!(php(r"'a\b\\c\''").unwrap(), r"a\b\c'");
        assert_eq!(php(r#""\$x$ \q\x41""#).unwrap(), r"$x$ \qA");
        assert!(php(r#""$x""#).is_err());
        assert_eq!(ruby(r#""\#{x}\x41\u{e9}""#).unwrap(), "#{x}Aé");
        assert!(ruby(r##""#{x}""##).is_err());
        assert_eq!(swift(r#""\u{1F389}\0""#).unwrap(), "🎉\0");
        assert!(swift(r#""\(x)""#).is_err());
        assert_eq!(shell_word(r"'it'\''s'").unwrap(), "it's");
        assert_eq!(shell_word(r#""a\$b"$'\x01'"#).unwrap(), "a$b\u{1}");
        assert!(shell_word("a*").is_err());
        assert_eq!(kotlin(r#""\$x \u00e9$ 1""#).unwrap(), "$x é$ 1");
        assert!(kotlin(r#""$x""#).is_err() && kotlin(r#""${x}""#).is_err());
        assert_eq!(c("\"a\\0017\\x41g\\?\"\n  \"?\"").unwrap(), "a\u{1}7Ag??");
        assert!(c(r#""??=""#).is_err(), "a trigraph in strict C");
        assert!(c(r#""\x417""#).is_err(), "\\x takes every hex digit");
        assert!(c(r#"L"a""#).is_err());
        assert_eq!(rust("\"a\nb\\\n   c\\u{e9}\"").unwrap(), "a\nbcé");
        assert_eq!(rust(r##"r#"a"b"#"##).unwrap(), "a\"b");
        assert!(rust(r#""\x80""#).is_err());
    }
}
