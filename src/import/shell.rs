//! Shell text split into commands and words as bash splits them, with nothing expanded. curl
//! commands copied from docs and browsers use all of bash's quoting (`$'…'` above all), which
//! the `shlex` crate, reading POSIX `sh` words, got wrong.

/// One command of a file: its words, the line it starts on, and the text of the `#` comment
/// line right before it (with no blank line between), which the importer uses as a title.
#[derive(Debug)]
pub(crate) struct Command {
    pub line: usize,
    pub words: Vec<String>,
    pub comment: Option<String>,
    /// The list operator (`;`, `&&`, `||`, `&`) this command follows on its line, if any.
    pub after: Option<&'static str>,
    /// The shell around the command that is not part of it, as written: the rest of a
    /// pipeline (`| jq .`) and redirections (`> out.json`, `2>&1`).
    pub around: Vec<String>,
}

/// Why the text could not be split, and where (1-based line and column, in characters).
#[derive(Debug)]
pub(crate) struct SplitError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The commands of `text`, one a line: a line break ends a command unless it is quoted or
/// escaped (`\` ends the line). Single quotes keep their text as written; double quotes
/// understand `\\`, `\"`, `\$`, `` \` `` and drop `\` before a line break; `$'…'` understands
/// C escapes; a `\` outside quotes escapes the next character; quoted and unquoted parts that
/// touch make one word; `#` at a word's start comments out the rest of the line. `$NAME`,
/// `${…}`, `$(…)` and `` `…` `` are kept as written, each one word as bash reads it. On an error
/// the commands before it are returned with it (the rest of the file is unreadable).
///
/// Outside quotes, `;`, `&&`, `||` and `&` end a command and start the next (which knows
/// [`Command::after`]); a pipeline's later commands and redirections are kept apart, in
/// [`Command::around`]. A here-document or a subshell is an error.
pub(crate) fn commands(text: &str) -> (Vec<Command>, Option<SplitError>) {
    let mut cursor = Cursor { chars: text.chars().collect(), at: 0, line: 1, column: 1 };
    let mut split = Split::default();
    let error = split.run(&mut cursor).err();
    (split.out, error)
}

struct Cursor {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
}

impl Cursor {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    /// The length of a line break here: `\n`, or `\r\n` (files saved on Windows).
    fn line_break(&self) -> Option<usize> {
        self.line_break_at(0)
    }

    fn line_break_at(&self, ahead: usize) -> Option<usize> {
        match (self.peek(ahead), self.peek(ahead + 1)) {
            (Some('\n'), _) => Some(1),
            (Some('\r'), Some('\n')) => Some(2),
            _ => None,
        }
    }

    fn skip_line_break(&mut self) -> bool {
        let Some(n) = self.line_break() else { return false };
        for _ in 0..n {
            self.bump();
        }
        true
    }

    fn error(&self, (line, column): (usize, usize), message: impl Into<String>) -> SplitError {
        SplitError { line, column, message: message.into() }
    }
}

/// Where the next word goes.
#[derive(Default)]
enum Mode {
    #[default]
    Words,
    /// After a redirection operator (given, and where it stands): its target; inside a
    /// pipeline's rest (the text so far), the redirection is part of that.
    Redirect(String, (usize, usize), Option<String>),
    /// After `|`: the rest of the pipeline, as written so far, and whether a command must
    /// still follow its last `|` (then a line break does not end it).
    Pipe(String, bool),
}

#[derive(Default)]
struct Split {
    out: Vec<Command>,
    words: Vec<String>,
    mode: Mode,
    after: Option<&'static str>,
    around: Vec<String>,
    /// The word being read, as bytes (`$'\xHH'` makes bytes) and where it started; `Some` from
    /// its first character on, so `''` is a word, an empty one.
    word: Option<(Vec<u8>, (usize, usize))>,
    line: usize,
    comment: Option<String>,
}

impl Split {
    fn run(&mut self, cursor: &mut Cursor) -> Result<(), SplitError> {
        // Nothing but white space on this line so far: a blank line ends a title comment.
        let mut blank = true;
        while let Some(c) = cursor.peek(0) {
            if cursor.line_break().is_some() {
                self.end_word(cursor)?;
                // A line ending in `|` goes on on the next one, as in bash.
                let piped = matches!(self.mode, Mode::Pipe(_, true));
                if !piped {
                    self.end_line(cursor)?;
                    if !self.words.is_empty() {
                        self.end_command();
                    } else if blank {
                        self.comment = None;
                    }
                    // So does one ending in `&&` or `||`; after `;` or `&` a new line starts afresh.
                    if !matches!(self.after, Some("&&" | "||")) {
                        self.after = None;
                    }
                }
                cursor.skip_line_break();
                blank = true;
                continue;
            }
            if c == ' ' || c == '\t' {
                self.end_word(cursor)?;
                cursor.bump();
                continue;
            }
            blank = false;
            if c == '#' && self.word.is_none() {
                let mut text = String::new();
                while cursor.line_break().is_none()
                    && let Some(c) = cursor.bump()
                {
                    text.push(c);
                }
                if self.words.is_empty() {
                    self.comment = Some(text[1..].trim().to_string());
                }
                continue;
            }
            // A `\` ending a line continues the command on the next one (and is no word).
            if c == '\\'
                && let Some(n) = cursor.line_break_at(1)
            {
                for _ in 0..=n {
                    cursor.bump();
                }
                continue;
            }
            if matches!(c, '|' | '&' | ';' | '<' | '>' | '(' | ')') {
                self.operator(cursor)?;
                continue;
            }
            let at = (cursor.line, cursor.column);
            if self.word.is_none() && self.words.is_empty() {
                self.line = cursor.line;
            }
            let word = &mut self.word.get_or_insert_with(|| (Vec::new(), at)).0;
            match (c, cursor.peek(1)) {
                ('\\', _) => {
                    cursor.bump();
                    push(word, cursor.bump().unwrap_or('\\'));
                }
                ('\'', _) => {
                    cursor.bump();
                    loop {
                        match cursor.bump() {
                            Some('\'') => break,
                            Some(c) => push(word, c),
                            None => return Err(cursor.error(at, "this `'` quote is never closed")),
                        }
                    }
                }
                ('"', _) => double_quoted(cursor, word, at, "\"")?,
                // `$"…"` is bash's translated string: read as `"…"`.
                ('$', Some('"')) => {
                    cursor.bump();
                    double_quoted(cursor, word, at, "$\"")?;
                }
                ('$', Some('\'')) => ansi_c(cursor, word, at)?,
                ('$', Some('(' | '{')) | ('`', _) => substitution(cursor, word)?,
                (c, _) => {
                    cursor.bump();
                    push(word, c);
                }
            }
        }
        self.end_word(cursor)?;
        self.end_line(cursor)?;
        if !self.words.is_empty() {
            self.end_command();
        }
        Ok(())
    }

    /// Reads the operator at the cursor (outside quotes), ending the word before it.
    fn operator(&mut self, cursor: &mut Cursor) -> Result<(), SplitError> {
        let at = (cursor.line, cursor.column);
        // `2>…`: digits right before a redirection name the file descriptor, not a word.
        let fd = match &self.word {
            Some((bytes, _)) if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) => {
                String::from_utf8(bytes.clone()).ok()
            }
            _ => None,
        };
        let (c, next) = (cursor.peek(0).unwrap_or_default(), cursor.peek(1));
        let redirection = matches!(c, '<' | '>') || (c == '&' && next == Some('>'));
        if redirection && fd.is_some() {
            self.word = None;
        } else {
            self.end_word(cursor)?;
        }
        let take =
            |cursor: &mut Cursor, n: usize| -> String { (0..n).filter_map(|_| cursor.bump()).collect() };
        match (c, next) {
            ('(' | ')', _) => Err(cursor.error(
                at,
                format!("`{c}` starts or ends a subshell, which snipgen does not read: write the curl command on its own"),
            )),
            ('<', Some('<')) => Err(cursor.error(
                at,
                "a here-document is not read: put the body in the command (`--data-raw '…'`) instead",
            )),
            ('|', Some('|')) | ('&', Some('&')) => {
                let op = if c == '|' { "||" } else { "&&" };
                take(cursor, 2);
                self.end_list(cursor, op)
            }
            (';', _) => {
                take(cursor, 1);
                self.end_list(cursor, ";")
            }
            ('&', _) if !redirection => {
                take(cursor, 1);
                self.end_list(cursor, "&")
            }
            ('|', _) => {
                let op = take(cursor, if next == Some('&') { 2 } else { 1 });
                self.end_redirect(cursor)?;
                self.mode = match std::mem::take(&mut self.mode) {
                    Mode::Pipe(text, _) => Mode::Pipe(format!("{text} {op}"), true),
                    _ => Mode::Pipe(op, true),
                };
                Ok(())
            }
            _ => {
                // `<`, `>`, `>>`, `>|`, `<>`, `>&`, `<&`, `&>`, `&>>`; the target is the next word.
                let mut op = fd.unwrap_or_default();
                op.push_str(&take(cursor, 1));
                while let Some(more @ ('>' | '&' | '|')) = cursor.peek(0) {
                    if more == '|' && !op.ends_with('>') {
                        break;
                    }
                    op.push(more);
                    cursor.bump();
                }
                self.end_redirect(cursor)?;
                let pipe = match std::mem::take(&mut self.mode) {
                    Mode::Pipe(text, _) => Some(text),
                    _ => None,
                };
                self.mode = Mode::Redirect(op, at, pipe);
                Ok(())
            }
        }
    }

    /// A redirection with no target before another operator is bash's syntax error too.
    fn end_redirect(&mut self, cursor: &Cursor) -> Result<(), SplitError> {
        match &self.mode {
            Mode::Redirect(op, at, _) => Err(cursor.error(*at, format!("`{op}` has no file after it"))),
            _ => Ok(()),
        }
    }

    /// The end of a line (or the file): a pipeline's rest is kept, a redirection needs its file.
    fn end_line(&mut self, cursor: &Cursor) -> Result<(), SplitError> {
        self.end_redirect(cursor)?;
        if let Mode::Pipe(text, _) = std::mem::take(&mut self.mode) {
            self.around.push(text);
        }
        Ok(())
    }

    /// `;`, `&&`, `||` or `&`: the command so far ends, and the next one follows `op`.
    fn end_list(&mut self, cursor: &Cursor, op: &'static str) -> Result<(), SplitError> {
        self.end_line(cursor)?;
        if !self.words.is_empty() {
            self.end_command();
        }
        self.after = Some(op);
        Ok(())
    }

    fn end_word(&mut self, cursor: &Cursor) -> Result<(), SplitError> {
        if let Some((bytes, at)) = self.word.take() {
            let word = String::from_utf8(bytes).map_err(|_| {
                cursor.error(at, "this word is not UTF-8 text: its `$'…'` escapes make other bytes")
            })?;
            match &mut self.mode {
                Mode::Words => self.words.push(word),
                Mode::Redirect(op, _, pipe) => {
                    let redirection = format!("{op}{}{word}", if op.ends_with('&') { "" } else { " " });
                    self.mode = match pipe.take() {
                        Some(text) => Mode::Pipe(format!("{text} {redirection}"), false),
                        None => {
                            self.around.push(redirection);
                            Mode::Words
                        }
                    };
                }
                Mode::Pipe(text, awaiting) => {
                    text.push(' ');
                    text.push_str(&word);
                    *awaiting = false;
                }
            }
        }
        Ok(())
    }

    fn end_command(&mut self) {
        self.out.push(Command {
            line: self.line,
            words: std::mem::take(&mut self.words),
            comment: self.comment.take(),
            after: self.after.take(),
            around: std::mem::take(&mut self.around),
        });
    }
}

fn push(word: &mut Vec<u8>, c: char) {
    word.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// A `"…"` string, from its opening quote (`opening` is how it was written, for the error).
fn double_quoted(
    cursor: &mut Cursor,
    word: &mut Vec<u8>,
    at: (usize, usize),
    opening: &str,
) -> Result<(), SplitError> {
    cursor.bump();
    loop {
        match (cursor.peek(0), cursor.peek(1)) {
            (None, _) => return Err(cursor.error(at, format!("this `{opening}` quote is never closed"))),
            (Some('"'), _) => {
                cursor.bump();
                return Ok(());
            }
            (Some('\\'), Some(c @ ('\\' | '"' | '$' | '`'))) => {
                cursor.bump();
                cursor.bump();
                push(word, c);
            }
            (Some('\\'), _) => {
                cursor.bump();
                if !cursor.skip_line_break() {
                    // Any other `\` is itself.
                    push(word, '\\');
                }
            }
            (Some('$'), Some('(' | '{')) | (Some('`'), _) => substitution(cursor, word)?,
            (Some(c), _) => {
                cursor.bump();
                push(word, c);
            }
        }
    }
}

/// `$(…)`, `${…}` or `` `…` `` kept as written, up to its matching end (quotes and `\` inside
/// are skipped over, so a `)` in them does not end it).
fn substitution(cursor: &mut Cursor, word: &mut Vec<u8>) -> Result<(), SplitError> {
    let at = (cursor.line, cursor.column);
    let (opening, open, close) = match cursor.peek(0) {
        Some('`') => ("`", None, '`'),
        _ if cursor.peek(1) == Some('(') => ("$(", Some('('), ')'),
        _ => ("${", Some('{'), '}'),
    };
    for _ in 0..opening.len() {
        let c = cursor.bump().unwrap_or_default();
        push(word, c);
    }
    let shown = if opening == "`" { "`` ` ``".to_string() } else { format!("`{opening}`") };
    let never_closed = |cursor: &Cursor| cursor.error(at, format!("this {shown} is never closed"));
    let mut depth = 0;
    let mut quote: Option<char> = None;
    loop {
        let c = cursor.bump().ok_or_else(|| never_closed(cursor))?;
        push(word, c);
        match (quote, c) {
            (Some('\''), '\'') | (Some('"'), '"') => quote = None,
            (Some('\''), _) => {}
            (_, '\\') => push(word, cursor.bump().ok_or_else(|| never_closed(cursor))?),
            (Some(_), _) => {}
            (None, '\'' | '"') if close != '`' => quote = Some(c),
            (None, c) if c == close && depth == 0 => return Ok(()),
            (None, c) if c == close => depth -= 1,
            (None, c) if Some(c) == open => depth += 1,
            _ => {}
        }
    }
}

/// A `$'…'` string, from its `$`: C escapes read as bash reads them; an escape bash does not
/// know is kept as written, and a NUL ends the string's text, as in bash (C strings).
fn ansi_c(cursor: &mut Cursor, word: &mut Vec<u8>, at: (usize, usize)) -> Result<(), SplitError> {
    cursor.bump();
    cursor.bump();
    let never_closed = |cursor: &Cursor| cursor.error(at, "this `$'` quote is never closed");
    let mut text = Vec::new();
    loop {
        let c = cursor.bump().ok_or_else(|| never_closed(cursor))?;
        if c == '\'' {
            break;
        }
        if c != '\\' {
            push(&mut text, c);
            continue;
        }
        let e = cursor.bump().ok_or_else(|| never_closed(cursor))?;
        let simple = match e {
            'a' => Some(0x07),
            'b' => Some(0x08),
            'e' | 'E' => Some(0x1b),
            'f' => Some(0x0c),
            'n' => Some(b'\n'),
            'r' => Some(b'\r'),
            't' => Some(b'\t'),
            'v' => Some(0x0b),
            '\\' | '\'' | '"' | '?' => Some(e as u8),
            _ => None,
        };
        if let Some(b) = simple {
            text.push(b);
            continue;
        }
        match e {
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match cursor.peek(0).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            cursor.bump();
                        }
                        None => break,
                    }
                }
                // Bash's octal escape is one byte: `\777` wraps.
                text.push(value as u8);
            }
            'x' | 'u' | 'U' => {
                let most = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut value: u32 = 0;
                let mut digits = 0;
                while digits < most
                    && let Some(d) = cursor.peek(0).and_then(|c| c.to_digit(16))
                {
                    value = value * 16 + d;
                    digits += 1;
                    cursor.bump();
                }
                match (digits, e) {
                    (0, _) => {
                        push(&mut text, '\\');
                        push(&mut text, e);
                    }
                    // `\xHH` is a byte; `\u` and `\U` a character.
                    (_, 'x') => text.push(value as u8),
                    _ => match char::from_u32(value) {
                        Some(c) => push(&mut text, c),
                        None => {
                            return Err(
                                cursor.error(at, format!("`\\{e}{value:X}` is not a Unicode character"))
                            );
                        }
                    },
                }
            }
            'c' => match cursor.peek(0).filter(char::is_ascii) {
                Some(c) => {
                    cursor.bump();
                    text.push(if c == '?' { 0x7f } else { c.to_ascii_uppercase() as u8 & 0x1f });
                }
                None => {
                    push(&mut text, '\\');
                    push(&mut text, 'c');
                }
            },
            _ => {
                push(&mut text, '\\');
                push(&mut text, e);
            }
        }
    }
    let end = text.iter().position(|&b| b == 0).unwrap_or(text.len());
    word.extend_from_slice(&text[..end]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        let (commands, error) = commands(text);
        assert!(error.is_none(), "{error:?}");
        commands.into_iter().map(|c| c.words).collect()
    }

    fn error(text: &str) -> String {
        let e = commands(text).1.expect("an error");
        format!("{}:{}: {}", e.line, e.column, e.message)
    }

    #[test]
    fn quoting_as_bash_reads_it() {
        assert_eq!(words(r#"a 'b c'"d e"f\ g ''"#), [["a", "b cd ef g", ""]]);
        assert_eq!(words(r#""\\ \" \$ \` \a \n""#), [[r#"\ " $ ` \a \n"#]]);
        assert_eq!(words("'a\\'b"), [["a\\b"]]);
        assert_eq!(words("\"a\\\nb\" c\\\nd\\\r\ne"), [["ab", "cde"]]);
        assert_eq!(words("a\nb c\r\n\nd # x 'y\n#e\n"), [vec!["a"], vec!["b", "c"], vec!["d"]]);
        assert_eq!(words("a#b '#'c #d"), [["a#b", "#c"]]);
        assert_eq!(words("$\"x y\""), [["x y"]]);
    }

    #[test]
    fn ansi_c_escapes() {
        assert_eq!(words(r#"$'\a\b\e\E\f\n\r\t\v\\\'\"\?'"#), [["\x07\x08\x1b\x1b\x0c\n\r\t\x0b\\'\"?"]]);
        assert_eq!(words(r"$'\x41\x4a2\xc3\xa9\u00e9\U0001F600\101\0101\7'"), [["AJ2éé😀A\x081\x07"]]);
        assert_eq!(words(r"$'a\0b'c"), [["ac"]]);
        assert_eq!(words(r"$'\cA\c?\q\xg\u'"), [["\x01\x7f\\q\\xg\\u"]]);
        assert_eq!(words("x$'y'z"), [["xyz"]]);
    }

    #[test]
    fn expansions_stay_as_written() {
        assert_eq!(
            words("$HOME \"$(a \"b)\" c)\" $(x (y) ')') `a b` ${v:-a b} $"),
            [["$HOME", "$(a \"b)\" c)", "$(x (y) ')')", "`a b`", "${v:-a b}", "$"]]
        );
    }

    #[test]
    fn comments_and_lines() {
        let (commands, _) = commands("# T\na \\\n  b\n\n# dropped\n\nc # not a title\n# U\n  d 'x\ny'\n");
        let got: Vec<_> = commands.iter().map(|c| (c.line, c.comment.as_deref(), c.words.len())).collect();
        assert_eq!(got, [(2, Some("T"), 2), (7, None, 1), (9, Some("U"), 2)]);
    }

    #[test]
    fn operators_end_commands_and_the_shell_around_them_is_kept_apart() {
        let (commands, error) = commands(
            "curl a|jq . -r > out.json\ncurl 'b|c' 2>&1 >>log && echo done; curl d &\ncurl e |\n  tee x\n",
        );
        assert!(error.is_none(), "{error:?}");
        let got: Vec<_> =
            commands.iter().map(|c| (c.words.join(" "), c.after, c.around.join(" / "))).collect();
        assert_eq!(
            got,
            [
                ("curl a".to_string(), None, "| jq . -r > out.json".to_string()),
                ("curl b|c".to_string(), None, "2>&1 / >> log".to_string()),
                ("echo done".to_string(), Some("&&"), String::new()),
                ("curl d".to_string(), Some(";"), String::new()),
                ("curl e".to_string(), None, "| tee x".to_string()),
            ]
        );
        assert_eq!(words("a&&\nb || c"), [vec!["a"], vec!["b"], vec!["c"]]);
        // A quoted `&` or `|` ending a pipeline's word does not continue it on the next line.
        let (commands, _) = super::commands("a | grep 'x|'\nb\n");
        assert_eq!(commands.iter().map(|c| c.words.join(" ")).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(commands[0].around, ["| grep x|"]);
        assert_eq!(super::commands("a &&\nb").0[1].after, Some("&&"));
        assert_eq!(super::commands("a ;\nb").0[1].after, None);
    }

    #[test]
    fn operators_bash_would_refuse_or_snipgen_does_not_read() {
        assert_eq!(error("curl a >"), "1:8: `>` has no file after it");
        assert_eq!(error("curl a > | b"), "1:8: `>` has no file after it");
        assert_eq!(
            error("curl a <<EOF\nx\nEOF"),
            "1:8: a here-document is not read: put the body in the command (`--data-raw '…'`) instead"
        );
        assert_eq!(
            error("(curl a)"),
            "1:1: `(` starts or ends a subshell, which snipgen does not read: write the curl command on its own"
        );
    }

    #[test]
    fn unclosed_quotes_name_where_they_open() {
        assert_eq!(error("a\n b 'c"), "2:4: this `'` quote is never closed");
        assert_eq!(error("a \"b\\\"\nc"), "1:3: this `\"` quote is never closed");
        assert_eq!(error("é $'x\\'"), "1:3: this `$'` quote is never closed");
        assert_eq!(error("a $(b"), "1:3: this `$(` is never closed");
        assert_eq!(error("\"`a\""), "1:2: this `` ` `` is never closed");
        assert_eq!(
            error("x $'\\xff'"),
            "1:3: this word is not UTF-8 text: its `$'…'` escapes make other bytes"
        );
    }
}
