//! curl command lines → specs: one command per line (or continued with `\`), words split by
//! bash's rules (`shell`). A `# comment` line right before a command becomes its title.

use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::{Imported, form_decode, insert_request, pairs, slug};
use crate::error::{Diagnostic, Error};

/// Reads curl command lines from `file` (`-` for standard input).
pub fn import_file(file: &Path) -> Result<(Vec<Imported>, Vec<String>), Error> {
    let (name, text) = if file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| Error::io(file, e))?;
        ("stdin".to_string(), text)
    } else {
        (file.display().to_string(), std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?)
    };
    import(&name, &text).map_err(Error::Specs)
}

/// Options that take no value and change nothing a spec describes.
const IGNORED_FLAGS: &[&str] = &[
    "-s",
    "--silent",
    "-S",
    "--show-error",
    "-L",
    "--location",
    "-v",
    "--verbose",
    "-i",
    "--include",
    "-k",
    "--insecure",
    "--compressed",
    "-f",
    "--fail",
    "--fail-with-body",
    "-#",
    "--progress-bar",
    "-N",
    "--no-buffer",
    "--http1.1",
    "--http2",
    "-g",
    "--globoff",
    "-O",
    "--remote-name",
    "-J",
    "--remote-header-name",
    "--raw",
    "-4",
    "-6",
    "--tr-encoding",
    "--no-keepalive",
];

/// Options whose value is ignored.
const IGNORED_WITH_VALUE: &[&str] = &[
    "-o",
    "--output",
    "-w",
    "--write-out",
    "--connect-timeout",
    "-m",
    "--max-time",
    "--retry",
    "-x",
    "--proxy",
    "--cacert",
    "--cert",
    "-E",
    "--key",
    "-c",
    "--cookie-jar",
    "-D",
    "--dump-header",
    "--resolve",
    "--limit-rate",
    "--max-redirs",
    "--proto",
    "--retry-delay",
    "--retry-max-time",
    "--interface",
    "--capath",
];

/// Options that take a value and map to the spec.
const WITH_VALUE: &[&str] = &[
    "-X",
    "--request",
    "-H",
    "--header",
    "-d",
    "--data",
    "--data-ascii",
    "--data-raw",
    "--data-binary",
    "--data-urlencode",
    "--json",
    "-F",
    "--form",
    "--form-string",
    "-u",
    "--user",
    "-b",
    "--cookie",
    "-A",
    "--user-agent",
    "-e",
    "--referer",
    "--url",
    "-T",
    "--upload-file",
    "--oauth2-bearer",
    "-r",
    "--range",
];

/// Parses every command of `text` (named `name` in messages).
pub fn import(name: &str, text: &str) -> Result<(Vec<Imported>, Vec<String>), Vec<Diagnostic>> {
    let mut out: Vec<Imported> = Vec::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let (commands, split_error) = super::shell::commands(text);
    for command in commands {
        let first_line = command.line;
        let at = format!("{name}:{first_line}");
        // `curl … && echo done`: bash runs both, and only the curl command is a request.
        if let Some(op) = command.after
            && command.words.first().is_none_or(|w| w != "curl")
        {
            warnings.push(format!(
                "{at}: ignored `{}` after `{op}`: it is not a curl command",
                command.words.join(" ")
            ));
            continue;
        }
        for shell in &command.around {
            warnings.push(format!(
                "{at}: ignored `{shell}`: it is shell around the curl command, not part of the request"
            ));
        }
        match command_spec(&at, command.words, command.comment, &mut warnings) {
            Ok((id, spec)) => {
                // The same request written twice gets `-2`, `-3`, … in file order.
                let mut unique = id.clone();
                let mut n = 2;
                while out.iter().any(|o| o.id == unique) {
                    unique = format!("{id}-{n}");
                    n += 1;
                }
                let id = unique;
                let header = format!("# Imported by snipgen from {}:{first_line}\n", file_name(name));
                match super::to_yaml(&header, &spec) {
                    Ok(yaml) => out.push(Imported { id, origin: at, yaml }),
                    Err(m) => errors.push(Diagnostic::plain(Path::new(&at), m)),
                }
            }
            Err(m) => errors.push(Diagnostic::plain(Path::new(&at), m)),
        }
    }
    if let Some(e) = split_error {
        errors.push(Diagnostic::at(Path::new(name), e.line as u64, e.column as u64, e.message));
    }
    if errors.is_empty() { Ok((out, warnings)) } else { Err(errors) }
}

fn file_name(name: &str) -> String {
    Path::new(name).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| name.to_string())
}

/// Splits `-XPOST` into `-X POST` and `-sSL` into `-s -S -L`.
fn expand_short(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let takes_value = |w: &str| WITH_VALUE.contains(&w) || IGNORED_WITH_VALUE.contains(&w);
    // The word after a flag that takes one is its value, even when it starts with `-`.
    let mut is_value = false;
    for w in words {
        if std::mem::replace(&mut is_value, takes_value(&w)) {
            is_value = false;
            out.push(w);
            continue;
        }
        if w.len() > 2 && w.starts_with('-') && !w.starts_with("--") {
            let flag = &w[..2];
            if takes_value(flag) {
                out.push(flag.to_string());
                out.push(w[2..].to_string());
                continue;
            }
            if w[1..].chars().all(|c| c.is_ascii_alphanumeric() || c == '#') {
                out.extend(w[1..].chars().map(|c| format!("-{c}")));
                // `-sd value`: the last flag takes the next word.
                is_value = out.last().is_some_and(|f| takes_value(f));
                continue;
            }
        }
        out.push(w);
    }
    out
}

/// `scheme://user:password@host/…` as the URL without its user info, the user and the password.
fn user_info(url: &str) -> Option<(String, &str, &str)> {
    crate::spec::scheme_end(url)?;
    let authority = crate::spec::authority(url);
    let at = authority.start + url[authority.clone()].rfind('@')?;
    let info = &url[authority.start..at];
    let (user, password) = info.split_once(':').unwrap_or((info, ""));
    Some((format!("{}{}", &url[..authority.start], &url[at + 1..]), user, password))
}

pub(crate) fn form_pairs(text: &str) -> Vec<(String, String)> {
    url_query_pairs(text).into_iter().map(|(k, v)| (k, v.unwrap_or_default())).collect()
}

/// [`form_pairs`] of a URL's query, where a name without `=` (`?flag`) has no value.
pub(crate) fn url_query_pairs(text: &str) -> Vec<(String, Option<String>)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (form_decode(k), Some(form_decode(v))),
            None => (form_decode(p), None),
        })
        .collect()
}

enum Data {
    /// Text as curl sends it (already encoded by the writer of the command).
    Raw(String),
    /// `--data-urlencode`: curl encodes the value.
    Encoded(String, String),
    /// `@file` with `--data-binary` (or `-d`).
    File(String),
}

fn command_spec(
    at: &str,
    words: Vec<String>,
    title: Option<String>,
    warnings: &mut Vec<String>,
) -> Result<(String, Value), String> {
    let mut words = expand_short(words).into_iter();
    if words.next().as_deref() != Some("curl") {
        return Err("a line must start with `curl` (or be a `#` comment)".into());
    }
    let mut method: Option<String> = None;
    let mut url: Option<String> = None;
    // Headers in command order, each marked `true` when curl sets it from an option (`-A`,
    // `-e`, …): a `-H` header of that name, or `-H 'Name:'` (in `removed`), replaces it.
    let mut given: Vec<(String, String, bool)> = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    let mut data: Vec<Data> = Vec::new();
    let mut json_body: Option<String> = None;
    let mut parts: Vec<Value> = Vec::new();
    let mut basic: Option<(String, String)> = None;
    let mut bearer: Option<String> = None;
    let mut header_auth: Option<Value> = None;
    let mut get = false;
    let mut head = false;
    let mut upload: Option<String> = None;
    let mut ignored: Vec<String> = Vec::new();
    while let Some(w) = words.next() {
        let (flag, inline) = match w.split_once('=') {
            Some((f, v)) if w.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (w.clone(), None),
        };
        if !flag.starts_with('-') || flag == "-" {
            if url.replace(w.clone()).is_some() {
                return Err(format!("a second URL `{w}`; write one request per command"));
            }
            continue;
        }
        if IGNORED_FLAGS.contains(&flag.as_str()) {
            ignored.push(flag);
            continue;
        }
        let takes_value = WITH_VALUE.contains(&flag.as_str()) || IGNORED_WITH_VALUE.contains(&flag.as_str());
        if !takes_value {
            match flag.as_str() {
                "-G" | "--get" => get = true,
                "-I" | "--head" => head = true,
                _ => return Err(format!("unknown curl option `{flag}`")),
            }
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => words.next().ok_or_else(|| format!("`{flag}` needs a value"))?,
        };
        match flag.as_str() {
            f if IGNORED_WITH_VALUE.contains(&f) => ignored.push(f.to_string()),
            "-X" | "--request" => method = Some(value),
            "--url" => url = Some(value),
            "-H" | "--header" => {
                if value.starts_with('@') {
                    return Err(format!(
                        "-H {value:?} reads headers from a file, which a spec cannot express"
                    ));
                }
                // `Name;` is curl's way to send a header with an empty value.
                let empty = value.strip_suffix(';').filter(|n| !n.contains(':')).map(|n| (n, ""));
                let (n, v) = empty.or_else(|| value.split_once(':')).ok_or_else(|| {
                    format!("header {value:?} has no `:` (nor is it `Name;`, an empty header)")
                })?;
                let (n, v) = (n.trim().to_string(), v.trim().to_string());
                // `Name:` with nothing after it only stops curl sending its own header.
                if empty.is_none() && v.is_empty() {
                    removed.push(n);
                    continue;
                }
                if n.eq_ignore_ascii_case("authorization")
                    && let Some(a) = super::auth_from_header(&v)
                {
                    header_auth = Some(a);
                    continue;
                }
                given.push((n, v, false));
            }
            // Given again, these options replace their value; `-A ''` sends no User-Agent.
            "-A" | "--user-agent" => set_own(&mut given, "User-Agent", Some(value).filter(|v| !v.is_empty())),
            "-e" | "--referer" => {
                // `;auto` asks curl to set the Referer on redirects (`-L`): nothing to send.
                let referer = value.strip_suffix(";auto").unwrap_or(&value);
                set_own(&mut given, "Referer", Some(referer.to_string()).filter(|v| !v.is_empty()));
            }
            "-r" | "--range" => set_own(&mut given, "Range", Some(format!("bytes={value}"))),
            "-b" | "--cookie" => {
                if value.contains('=') {
                    given.push(("Cookie".into(), value, true));
                } else {
                    ignored.push(format!("{flag} {value} (a cookie file)"));
                }
            }
            "-u" | "--user" => {
                let (u, p) = value.split_once(':').unwrap_or((&value, ""));
                basic = Some((u.to_string(), p.to_string()));
            }
            "--oauth2-bearer" => bearer = Some(value),
            "-d" | "--data" | "--data-ascii" | "--data-binary" => match value.strip_prefix('@') {
                Some(file) => {
                    if flag != "--data-binary" {
                        warnings.push(format!(
                            "{at}: `{flag} @{file}`: curl removes the file's line breaks before sending it; the spec sends the file as it is, as `--data-binary @{file}` does"
                        ));
                    }
                    data.push(Data::File(file.to_string()))
                }
                None if flag == "--data-binary" => data.push(Data::Raw(value)),
                // curl drops CR and LF from -d data.
                None => data.push(Data::Raw(value.replace(['\r', '\n'], ""))),
            },
            "--data-raw" => data.push(Data::Raw(value)),
            "--data-urlencode" => {
                let (n, v) = match value.split_once('=') {
                    Some((n, v)) => (n.to_string(), v.to_string()),
                    None => (String::new(), value.clone()),
                };
                if n.contains('@') {
                    return Err(format!(
                        "--data-urlencode {value:?} reads a file, which a spec cannot express"
                    ));
                }
                data.push(Data::Encoded(n, v));
            }
            "--json" => {
                json_body = Some(match &json_body {
                    Some(prev) => format!("{prev}{value}"),
                    None => value,
                });
            }
            "-F" | "--form" | "--form-string" => parts.push(form_part(&flag, &value)?),
            "-T" | "--upload-file" => upload = Some(value),
            other => return Err(format!("`{other}` is not handled")),
        }
    }
    let url = url.ok_or("no URL")?;
    let url = if url.contains("://") || url.starts_with("{{") { url } else { format!("http://{url}") };
    let (base, query_text) = match url.split_once('?') {
        Some((b, q)) => (b.to_string(), Some(q.to_string())),
        None => (url.clone(), None),
    };
    let base = base.split('#').next().unwrap_or("").to_string();
    // curl sends a URL's user info as basic auth (`-u` wins over it): a spec says so in `auth`.
    let mut basic_option = "-u";
    let base = match user_info(&base) {
        Some((without, user, password)) => {
            if basic.is_none() {
                basic = Some((super::percent_decode(user), super::percent_decode(password)));
                basic_option = "the URL's user info";
            }
            without
        }
        None => base,
    };
    let mut query = query_text.as_deref().map(url_query_pairs).unwrap_or_default();
    if json_body.is_some() {
        set_own(&mut given, "Accept", Some("application/json".into()));
    }
    let users = |name: &str| given.iter().any(|(n, _, own)| !own && n.eq_ignore_ascii_case(name));
    let removes = |name: &str| removed.iter().any(|r| r.eq_ignore_ascii_case(name));
    // Why curl leaves out the `name` header an option of its own makes, if it does: as curl
    // does, the user's -H is sent instead, or `-H 'Name:'` stops it.
    let gives_way = |name: &str, user_sends: bool| {
        if user_sends {
            Some(format!("curl sends the -H '{name}: …' header instead"))
        } else {
            removes(name).then(|| format!("-H '{name}:' stops curl sending it"))
        }
    };
    if let Some(why) = gives_way("Authorization", header_auth.is_some() || users("Authorization")) {
        let dropped = [("--oauth2-bearer", bearer.take().is_some()), (basic_option, basic.take().is_some())];
        for (option, _) in dropped.iter().filter(|(_, given)| *given) {
            warnings.push(format!("{at}: {option} ignored: {why}"));
        }
    }
    // Said, since the option is then dropped (`--json`'s Accept gives way without a word: curl
    // documents it so).
    for (option, name) in [("-A", "User-Agent"), ("-e", "Referer"), ("-r", "Range"), ("-b", "Cookie")] {
        if given.iter().any(|(n, _, own)| *own && n == name)
            && let Some(why) = gives_way(name, users(name))
        {
            warnings.push(format!("{at}: {option} ignored: {why}"));
        }
    }
    let mut headers: Vec<(String, String)> = given
        .iter()
        .filter(|(n, _, own)| !own || !(users(n) || removes(n)))
        .map(|(n, v, _)| (n.clone(), v.clone()))
        .collect();
    let content_type = headers.iter().position(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    let given_type = content_type.map(|i| headers[i].1.clone());
    let mut body: Option<Value> = None;
    // curl itself refuses to send data and form parts together.
    let sources = [!data.is_empty() && !get, json_body.is_some(), !parts.is_empty(), upload.is_some()];
    if sources.iter().filter(|&&given| given).count() > 1 {
        return Err(
            "more than one body (-d/--data…, --json, -F/--form, -T): curl sends only one; keep one".into()
        );
    }
    if get {
        for d in &data {
            match d {
                Data::Raw(t) => query.extend(url_query_pairs(t)),
                // `--data-urlencode content` sends the encoded content alone, without `=`.
                Data::Encoded(n, v) if n.is_empty() => query.push((v.clone(), None)),
                Data::Encoded(n, v) => query.push((n.clone(), Some(v.clone()))),
                Data::File(f) => return Err(format!("-G with data from file `{f}` cannot be expressed")),
            }
        }
    } else if let Some(j) = json_body {
        let value: Value = serde_json::from_str(&j).map_err(|e| format!("--json: invalid JSON: {e}"))?;
        body = Some(json!({ "json": value }));
    } else if !parts.is_empty() {
        body = Some(json!({ "multipart": parts }));
    } else if let Some(file) = upload.clone() {
        if given_type.is_none() {
            warnings.push(format!(
                "{at}: `-T {file}` sends the file with no Content-Type, which a spec cannot express; the spec's body is `application/octet-stream` (give a type with -H)"
            ));
        }
        body = Some(json!({ "binary": file }));
    } else if let [Data::File(file)] = &data[..] {
        // curl sends data, from a file too, as a form unless a Content-Type is given.
        body = Some(match given_type {
            None => json!({ "binary": file, "content_type": "application/x-www-form-urlencoded" }),
            Some(_) => json!({ "binary": file }),
        });
    } else if !data.is_empty() {
        let mut text = String::new();
        for d in &data {
            if !text.is_empty() {
                text.push('&');
            }
            match d {
                Data::Raw(t) => text.push_str(t),
                Data::Encoded(n, v) => {
                    let encoded = crate::encode::form_urlencoded([("", v.as_str())], true);
                    let encoded = encoded.trim_start_matches('=');
                    if !n.is_empty() {
                        text.push_str(n);
                        text.push('=');
                    }
                    text.push_str(encoded);
                }
                Data::File(f) => {
                    return Err(format!("data from file `{f}` mixed with other data cannot be expressed"));
                }
            }
        }
        let base_type =
            given_type.as_deref().map(|t| t.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
        body = Some(match base_type.as_deref() {
            Some(t) if t == "application/json" || t.ends_with("+json") => {
                match serde_json::from_str::<Value>(&text) {
                    Ok(v) => json!({ "json": v }),
                    Err(_) => json!({ "text": text }),
                }
            }
            None | Some("application/x-www-form-urlencoded") if text.split('&').all(|p| p.contains('=')) => {
                json!({ "form": pairs(&form_pairs(&text)) })
            }
            None => json!({ "text": text, "content_type": "application/x-www-form-urlencoded" }),
            _ => json!({ "text": text }),
        });
    }
    if let Some(b) = body.as_mut() {
        warnings.extend(super::content_type_into_body(&mut headers, b).map(|w| format!("{at}: {w}")));
        if removed.iter().any(|r| r.eq_ignore_ascii_case("content-type")) {
            warnings.push(format!(
                "{at}: -H 'Content-Type:' sends the body without a Content-Type, which a spec cannot express; the body keeps its type"
            ));
        }
    }
    let method = match method {
        Some(m) => m,
        None if head => "HEAD".into(),
        None if get => "GET".into(),
        None if upload.is_some() => "PUT".into(),
        None if body.is_some() => "POST".into(),
        None => "GET".into(),
    };
    if !ignored.is_empty() {
        warnings.push(format!("{at}: ignored {}", ignored.join(", ")));
    }

    let after_scheme = base.find("://").map(|i| i + 3).unwrap_or(0);
    let (host, path) = match base[after_scheme..].find('/') {
        Some(s) => (&base[after_scheme..after_scheme + s], &base[after_scheme + s..]),
        None => (&base[after_scheme..], "/"),
    };
    let group = host
        .split(':')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "-._".contains(*c))
        .collect::<String>();
    let group = if group.is_empty() || group.starts_with('.') { "curl".to_string() } else { group };
    let mut name = slug(&format!("{method} {path}"));
    if name.is_empty() {
        name = "request".into();
    }
    let id = format!("{group}/{name}");

    let mut spec = Map::new();
    spec.insert("title".into(), Value::String(title.unwrap_or_else(|| format!("{method} {path}"))));
    let managed = insert_request(&mut spec, &method, base, &headers, &query, body);
    warnings.extend(super::managed_warning(at, &managed));
    if let Some(token) = bearer {
        spec.insert("auth".into(), json!({ "bearer": { "token": token } }));
    } else if let Some((u, p)) = basic {
        spec.insert("auth".into(), json!({ "basic": { "username": u, "password": p } }));
    } else if let Some(a) = header_auth {
        spec.insert("auth".into(), a);
    }
    Ok((id, Value::Object(spec)))
}

/// Sets (or with `None` removes) a header curl sends on its own, in place of an earlier one.
fn set_own(given: &mut Vec<(String, String, bool)>, name: &str, value: Option<String>) {
    given.retain(|(n, _, own)| !(*own && n == name));
    given.extend(value.map(|v| (name.to_string(), v, true)));
}

/// One `-F` argument, read by curl's rules: `name=value` or `name=@file`, each a word that may
/// be a `"…"` string, then `;type=…` (the media type runs on over `;` segments that are not
/// another option, so `type=text/plain; charset=utf-8` is one type) and `;filename=…`.
fn form_part(flag: &str, arg: &str) -> Result<Value, String> {
    let (name, rest) = arg.split_once('=').ok_or_else(|| format!("{flag} {arg:?} has no `=`"))?;
    let mut part = Map::new();
    part.insert("name".into(), Value::String(name.to_string()));
    if flag == "--form-string" {
        part.insert("value".into(), Value::String(rest.to_string()));
        return Ok(Value::Object(part));
    }
    if rest.starts_with('<') {
        return Err(format!("{flag} {arg:?} sends a file's text as a field, which a spec cannot express"));
    }
    let (file, content) = match rest.strip_prefix('@') {
        Some(file) => (true, file),
        None => (false, rest),
    };
    // In a file list `,` separates files too.
    let ends: &[char] = if file { &[';', ','] } else { &[';'] };
    let (word, mut rest) = curl_form_word(content.trim_start(), ends);
    part.insert((if file { "file" } else { "value" }).into(), Value::String(word));
    // The media type while it may still run on.
    let mut media_type: Option<String> = None;
    let mut type_open = false;
    while let Some(after) = rest.strip_prefix(';') {
        let option = after.trim_start();
        let prefixed = |p: &str| option.get(..p.len()).is_some_and(|o| o.eq_ignore_ascii_case(p));
        if media_type.is_none() && prefixed("type=") {
            let value = option[5..].trim_start();
            let end = value.find([';', ',']).unwrap_or(value.len());
            media_type = Some(value[..end].to_string());
            type_open = true;
            rest = &value[end..];
        } else if prefixed("filename=") {
            type_open = false;
            let (name, after_name) = curl_form_word(option[9..].trim_start(), ends);
            part.insert("filename".into(), Value::String(name));
            rest = after_name;
        } else if prefixed("headers=") || prefixed("encoder=") {
            let option = &option[..option.find('=').unwrap_or(0)];
            return Err(format!("{flag} {arg:?}: `{option}=` is not something a spec can express"));
        } else if type_open && let Some(media_type) = &mut media_type {
            // A media type parameter, kept as written (`; charset=utf-8`).
            let end = after.find([';', ',']).unwrap_or(after.len());
            media_type.push(';');
            media_type.push_str(&after[..end]);
            rest = &after[end..];
        } else {
            let option = &option[..option.find(';').unwrap_or(option.len())];
            return Err(format!("{flag} {arg:?}: unknown part option {option:?}"));
        }
    }
    if rest.starts_with(',') {
        return Err(format!("{flag} {arg:?} sends several files in one part, which a spec cannot express"));
    }
    if let Some(media_type) = media_type {
        part.insert("content_type".into(), Value::String(media_type.trim_end().to_string()));
    }
    if !file && part.contains_key("filename") {
        return Err(format!("{flag} {arg:?} gives a text part a file name, which a spec cannot express"));
    }
    Ok(Value::Object(part))
}

/// A word of a `-F` value as curl reads it: a `"…"` string (`\"` and `\\` escaped; anything
/// after it up to the next `ends` character is ignored), else everything up to one, without
/// trailing white space. Returns the word and the rest, starting at that character.
fn curl_form_word<'a>(s: &'a str, ends: &[char]) -> (String, &'a str) {
    if let Some(quoted) = s.strip_prefix('"') {
        let mut word = String::new();
        let mut chars = quoted.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' if quoted[i + 1..].starts_with(['"', '\\']) => word.extend(chars.next().map(|(_, c)| c)),
                '"' => {
                    let after = &quoted[i + 1..];
                    return (word, &after[after.find(ends).unwrap_or(after.len())..]);
                }
                c => word.push(c),
            }
        }
        // No closing quote: curl reads the word as unquoted.
    }
    let end = s.find(ends).unwrap_or(s.len());
    (s[..end].trim_end().to_string(), &s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> String {
        let (specs, _) = import("t.sh", line).unwrap();
        assert_eq!(specs.len(), 1);
        specs[0].yaml.split_once('\n').unwrap().1.to_string()
    }

    #[test]
    fn values_starting_with_a_dash_stay_values() {
        let yaml = one("curl https://api.example.com/x -sd -dash=1");
        assert!(yaml.contains("form:\n    -dash: \"1\"\n"), "{yaml}");
        let yaml = one("curl https://api.example.com/x --form-string '-f=v' -H 'X-Empty;'");
        assert!(yaml.contains("name: -f\n    value: v"), "{yaml}");
        assert!(yaml.contains("X-Empty: \"\""), "{yaml}");
    }

    #[test]
    fn what_curl_would_refuse_or_read_from_files_is_an_error() {
        let error = |line: &str| import("t.sh", line).unwrap_err()[0].message.clone();
        assert!(error("curl https://a.example.com/x -d a=1 -F b=2").contains("more than one body"));
        assert!(error("curl https://a.example.com/x --json '{}' -T f.bin").contains("more than one body"));
        assert!(error("curl https://a.example.com/x -H @headers.txt").contains("reads headers from a file"));
    }

    #[test]
    fn quoted_arguments_may_span_lines() {
        let (specs, _) = import("t.sh", "# Create\ncurl https://api.example.com/x \\\r\n  --data-raw '{\r\n  \"a\": 1\n}'\n\ncurl https://api.example.com/y\n").unwrap();
        assert_eq!(specs.len(), 2);
        assert!(specs[0].yaml.contains("title: Create"), "{}", specs[0].yaml);
        assert!(specs[0].yaml.contains("text: \"{\\r\\n  \\\"a\\\": 1\\n}\""), "{}", specs[0].yaml);
        assert_eq!(specs[1].origin, "t.sh:7");
    }

    #[test]
    fn form_parts_follow_curls_quoting() {
        let part = |arg: &str| form_part("--form", arg).map(|v| serde_json::to_string(&v).unwrap());
        assert_eq!(
            part(r#"a=@"files/x;type=y.txt";filename="n \"q\" \\ ;.txt";type=text/plain; charset=utf-8"#)
                .unwrap(),
            r#"{"name":"a","file":"files/x;type=y.txt","filename":"n \"q\" \\ ;.txt","content_type":"text/plain; charset=utf-8"}"#
        );
        assert_eq!(
            part(r#"b="x; y";type=application/json"#).unwrap(),
            r#"{"name":"b","value":"x; y","content_type":"application/json"}"#
        );
        assert_eq!(part("c=plain value  ").unwrap(), r#"{"name":"c","value":"plain value"}"#);
        assert_eq!(part(r#"d="unclosed"#).unwrap(), r#"{"name":"d","value":"\"unclosed"}"#);
        assert!(part("e=@a.txt,b.txt").unwrap_err().contains("several files"));
        assert!(part("f=@a.txt;headers=X-A: 1").unwrap_err().contains("`headers=`"));
        assert!(part("g=text;filename=x.txt").unwrap_err().contains("file name"));
        assert!(part("h=@a.txt;colour=red").unwrap_err().contains("unknown part option \"colour=red\""));
    }

    #[test]
    fn form_data_with_basic_auth() {
        let yaml = one(
            "curl -u 'app:s3cr et' -d grant_type=client_credentials -d 'scope=a%20b' https://id.example.com/oauth/token",
        );
        assert_eq!(
            yaml,
            "title: POST /oauth/token\nmethod: POST\nurl: https://id.example.com/oauth/token\nbody:\n  form:\n    grant_type: client_credentials\n    scope: a b\nauth:\n  basic:\n    username: app\n    password: s3cr et\n"
        );
    }

    /// A form body is always sent as plain `application/x-www-form-urlencoded`: a header that
    /// said more is dropped with a warning, never silently.
    #[test]
    fn form_content_type_parameters_are_dropped_with_a_warning() {
        let line = "curl -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -d a=1 https://h.example/x";
        let (specs, warnings) = import("t.sh", line).unwrap();
        assert!(specs[0].yaml.contains("body:\n  form:\n    a: \"1\"\n"), "{}", specs[0].yaml);
        assert!(!specs[0].yaml.contains("charset"), "{}", specs[0].yaml);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("t.sh:1: Content-Type `application/x-www-form-urlencoded; charset=UTF-8` is sent as `application/x-www-form-urlencoded`"),
            "{warnings:?}"
        );
        let (_, warnings) = import(
            "t.sh",
            "curl -H 'Content-Type: application/x-www-form-urlencoded' -d a=1 https://h.example/x",
        )
        .unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn user_info_in_the_url_is_basic_auth() {
        let yaml = one("curl https://app:s3cr%20et@id.example.com/v1/me");
        assert_eq!(
            yaml,
            "title: GET /v1/me\nmethod: GET\nurl: https://id.example.com/v1/me\nauth:\n  basic:\n    username: app\n    password: s3cr et\n"
        );
        // `-u` wins, as in curl; an `@` in the path is not user info.
        let yaml = one("curl -u other:pw https://app:x@id.example.com/users/@me");
        assert!(yaml.contains("url: https://id.example.com/users/@me\n"), "{yaml}");
        assert!(yaml.contains("username: other\n    password: pw\n"), "{yaml}");
    }

    #[test]
    fn get_with_query_and_continuations() {
        let (specs, warnings) = import(
            "t.sh",
            "# List users\ncurl -sS -G 'https://api.example.com/v1/users?limit=10' \\\n  --data-urlencode 'q=name eq \"x\"' \\\n  -H 'Authorization: Bearer {{token}}'\n",
        )
        .unwrap();
        assert_eq!(warnings, ["t.sh:2: ignored -s, -S"]);
        assert_eq!(specs[0].id, "api.example.com/get-v1-users");
        assert!(specs[0].yaml.contains("title: List users\n"));
        assert!(specs[0].yaml.contains("query:\n  limit: \"10\"\n  q: name eq \"x\"\n"), "{}", specs[0].yaml);
        assert!(specs[0].yaml.contains("bearer:\n    token: \"{{token}}\""));
    }

    #[test]
    fn json_multipart_and_binary() {
        assert!(
            one("curl --json '{\"a\": 1}' https://x.example.com/a").contains("body:\n  json:\n    a: 1\n")
        );
        let m = one("curl -F 'file=@logo.png;type=image/png' -F note=hi https://x.example.com/u");
        assert!(m.contains("- name: file\n    file: logo.png\n    content_type: image/png\n  - name: note\n    value: hi\n"), "{m}");
        let b = one(
            "curl -X PUT --data-binary @cert.pem -H 'Content-Type: application/x-pem-file' https://x.example.com/c",
        );
        assert!(b.contains("body:\n  binary: cert.pem\n  content_type: application/x-pem-file\n"), "{b}");
    }

    #[test]
    fn unknown_options_are_errors_with_the_line() {
        let e = import("t.sh", "\ncurl --frobnicate https://x.example.com\n").unwrap_err();
        assert_eq!(e[0].to_string(), "t.sh:2: unknown curl option `--frobnicate`");
    }
}
