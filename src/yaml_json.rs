//! YAML → JSON with YAML 1.2 core-schema semantics, for `body: json:` and GraphQL variables.
//!
//! serde-saphyr resolves plain scalars the YAML 1.1 way (`NO` is false) and turns numbers into
//! machine integers and floats (`98765432109876543210` loses digits, `1.10` becomes `1.1`).
//! So the value is first read as a tree of nodes with their source spans, and every plain
//! scalar is resolved again from the text as written: only `true`/`false` (any of the core
//! schema's three spellings) are booleans, integers keep every digit, and numbers keep their
//! written form wherever JSON allows it.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::{Location, Spanned};

/// A YAML node as serde-saphyr read it, with where it was written.
#[derive(Debug)]
pub struct Node(Spanned<Kind>);

#[derive(Debug)]
enum Kind {
    /// serde-saphyr read text; the source tells whether it was quoted.
    Str(String),
    /// serde-saphyr read a null, boolean or number; only the source text is used.
    Resolved(Typed),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// serde-saphyr's reading of a non-text scalar, used only for explicitly tagged scalars.
#[derive(Debug)]
enum Typed {
    Null,
    Bool(bool),
    Int(i128),
    UInt(u128),
    Float(f64),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Spanned::<Kind>::deserialize(deserializer).map(Node)
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KindVisitor;
        impl<'de> Visitor<'de> for KindVisitor {
            type Value = Kind;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Kind, E> {
                Ok(Kind::Resolved(Typed::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Kind, E> {
                Ok(Kind::Resolved(Typed::Int(v.into())))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Kind, E> {
                Ok(Kind::Resolved(Typed::Int(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Kind, E> {
                Ok(Kind::Resolved(Typed::UInt(v.into())))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Kind, E> {
                Ok(Kind::Resolved(Typed::UInt(v)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Kind, E> {
                Ok(Kind::Resolved(Typed::Float(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Kind, E> {
                Ok(Kind::Str(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Kind, E> {
                Ok(Kind::Str(v))
            }
            fn visit_unit<E>(self) -> Result<Kind, E> {
                Ok(Kind::Resolved(Typed::Null))
            }
            fn visit_none<E>(self) -> Result<Kind, E> {
                Ok(Kind::Resolved(Typed::Null))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Kind, D::Error> {
                Kind::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kind, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Kind::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kind, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Kind::Map(entries))
            }
        }
        deserializer.deserialize_any(KindVisitor)
    }
}

/// A conversion error: where, and what.
pub type Located = (Location, String);

/// How a scalar was written.
enum Written<'a> {
    /// Quoted or a block scalar: always text.
    Text,
    /// With an explicit tag (`!!int 5`): serde-saphyr's reading stands.
    Tagged,
    /// Plain, with this text.
    Plain(&'a str),
}

/// How the scalar at `at` was written. Its span covers the scalar itself; a tag or anchor
/// (`!!str`, `&a`) stands before it, separated by spaces.
fn written<'a>(source: &'a str, at: &Location) -> Written<'a> {
    let span = at.span();
    let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len()) else {
        return Written::Tagged;
    };
    let (start, end) = (start as usize, (start + len) as usize);
    let Some(raw) = source.get(start..end) else {
        return Written::Tagged;
    };
    let mut before = &source[..start];
    loop {
        let trimmed = before.trim_end_matches([' ', '\t']);
        if trimmed.len() == before.len() {
            break;
        }
        // Past the separator's whole character: a no-break space is two bytes.
        let token_start = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || "[{,".contains(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        match trimmed[token_start..].chars().next() {
            Some('!') => return Written::Tagged,
            Some('&') => before = &trimmed[..token_start],
            _ => break,
        }
    }
    match raw.chars().next() {
        Some('"' | '\'' | '|' | '>') => Written::Text,
        _ => Written::Plain(raw.trim_end()),
    }
}

/// Converts a node to JSON. `source` is the spec file's text the spans point into.
pub fn to_json(node: &Node, source: &str) -> Result<Value, Located> {
    convert(node, source, Mode::Sent)
}

/// Converts an OpenAPI document to JSON. Infinity and NaN, which JSON cannot hold, are kept as
/// their text (`maximum: .inf` in a schema) except in what a sample may send: the values under
/// [`SENT_KEYS`], refused there as [`to_json`] refuses them.
pub fn document_to_json(node: &Node, source: &str) -> Result<Value, Located> {
    convert(node, source, Mode::Document)
}

/// The keys of an OpenAPI document whose values a sample may send.
const SENT_KEYS: [&str; 6] = ["example", "examples", "default", "enum", "const", "x-snipgen"];

#[derive(Clone, Copy)]
enum Mode {
    /// Every value may be sent: infinity and NaN are refused.
    Sent,
    /// An OpenAPI document outside [`SENT_KEYS`].
    Document,
}

fn convert(node: &Node, source: &str, mode: Mode) -> Result<Value, Located> {
    let at = &node.0.defined;
    // Infinity or NaN, refused where it could be sent, else kept as written.
    let non_finite = |written: String, message: String| match mode {
        Mode::Sent => Err((node.0.referenced, message)),
        Mode::Document => Ok(Value::String(written)),
    };
    match &node.0.value {
        Kind::Seq(items) => {
            items.iter().map(|i| convert(i, source, mode)).collect::<Result<_, _>>().map(Value::Array)
        }
        Kind::Map(entries) => {
            let mut map = Map::new();
            for (key, value) in entries {
                let name = key_text(key, source)?;
                if map.contains_key(&name) {
                    return Err((
                        key.0.referenced,
                        format!("key `{name}` appears twice in this JSON object; keep one"),
                    ));
                }
                let inner = if SENT_KEYS.contains(&name.as_str()) { Mode::Sent } else { mode };
                map.insert(name, convert(value, source, inner)?);
            }
            Ok(Value::Object(map))
        }
        Kind::Str(text) => match written(source, at) {
            Written::Plain(_) => resolve(text).or_else(|m| non_finite(text.clone(), m)),
            Written::Text | Written::Tagged => Ok(Value::String(text.clone())),
        },
        Kind::Resolved(typed) => match written(source, at) {
            Written::Plain(raw) => resolve(raw).or_else(|m| non_finite(raw.to_string(), m)),
            Written::Text | Written::Tagged => typed_json(typed).or_else(|m| match typed {
                Typed::Float(f) => non_finite(f.to_string(), m),
                _ => Err((node.0.referenced, m)),
            }),
        },
    }
}

/// A JSON object key: text as written (`1: a` and `yes: b` give the keys "1" and "yes").
fn key_text(key: &Node, source: &str) -> Result<String, Located> {
    match &key.0.value {
        Kind::Str(text) => Ok(text.clone()),
        Kind::Resolved(typed) => match written(source, &key.0.defined) {
            Written::Plain(raw) => Ok(raw.to_string()),
            _ => match typed_json(typed).map_err(|m| (key.0.referenced, m))? {
                Value::Null => Ok("null".into()),
                other => Ok(other.to_string()),
            },
        },
        Kind::Seq(_) | Kind::Map(_) => {
            Err((key.0.referenced, "a JSON object key must be text, not a list or mapping".into()))
        }
    }
}

fn typed_json(typed: &Typed) -> Result<Value, String> {
    Ok(match typed {
        Typed::Null => Value::Null,
        Typed::Bool(b) => Value::Bool(*b),
        Typed::Int(i) => Value::Number(number(&i.to_string())),
        Typed::UInt(u) => Value::Number(number(&u.to_string())),
        Typed::Float(f) => Value::Number(Number::from_f64(*f).ok_or_else(|| not_json(&f.to_string()))?),
    })
}

/// Why `written` (infinity or NaN) cannot be a JSON number.
pub(crate) fn not_json(written: &str) -> String {
    format!("`{written}` is infinity or NaN, which JSON cannot hold; quote it to send it as text")
}

/// A JSON number from text that is valid JSON number syntax.
fn number(text: &str) -> Number {
    text.parse().expect("JSON number syntax")
}

/// Resolves a plain scalar by the YAML 1.2 core schema, spelled as JSON.
pub fn resolve(text: &str) -> Result<Value, String> {
    Ok(match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" | ".nan"
        | ".NaN" | ".NAN" => return Err(not_json(text)),
        _ => match core_number(text) {
            Some(n) => Value::Number(number(&n)),
            None => Value::String(text.to_string()),
        },
    })
}

/// The JSON spelling of a core-schema integer or float, or `None` for anything else.
/// `0o17` and `0x1F` become decimal; otherwise the written digits are kept, with only what
/// JSON forbids adjusted: a `+` sign dropped, leading zeros dropped (`0777` is 777), a bare
/// `.5` or `5.` completed to `0.5` or `5.0`.
fn core_number(text: &str) -> Option<String> {
    for (prefix, radix) in [("0o", 8), ("0x", 16)] {
        if let Some(digits) = text.strip_prefix(prefix) {
            return (!digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)))
                .then(|| to_decimal(digits, radix));
        }
    }
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'-') => ("-", &text[1..]),
        Some(b'+') => ("", &text[1..]),
        _ => ("", text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    // At least one digit in the mantissa, before or after the point.
    let shape_ok = !whole.is_empty() || fraction.is_some_and(|f| !f.is_empty());
    if !(shape_ok && digits(whole) && fraction.is_none_or(digits) && exponent_ok) {
        return None;
    }
    let trimmed = whole.trim_start_matches('0');
    let mut out = format!("{sign}{}", if trimmed.is_empty() { "0" } else { trimmed });
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(if f.is_empty() { "0" } else { f });
    }
    if let Some(e) = exponent {
        out.push_str(&rest[mantissa.len()..mantissa.len() + 1]);
        out.push_str(e);
    }
    Some(out)
}

/// `digits` in `radix` as a decimal string, of any length.
fn to_decimal(digits: &str, radix: u32) -> String {
    // Little-endian base-10^9 limbs.
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let mut carry = u64::from(c.to_digit(radix).expect("checked digit"));
        for limb in &mut limbs {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = limbs.last().expect("one limb").to_string();
    for limb in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{limb:09}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_schema_scalars() {
        let json = |s: &str| resolve(s).map(|v| v.to_string());
        for (yaml, want) in [
            ("NO", "\"NO\""),
            ("yes", "\"yes\""),
            ("on", "\"on\""),
            ("y", "\"y\""),
            ("True", "true"),
            ("FALSE", "false"),
            ("~", "null"),
            ("0777", "777"),
            ("-0", "-0"),
            ("+12", "12"),
            ("0o17", "15"),
            ("0x1F", "31"),
            ("0xFFFFFFFFFFFFFFFFFFFFFFFF", "79228162514264337593543950335"),
            ("98765432109876543210", "98765432109876543210"),
            ("1.10", "1.10"),
            ("1e3", "1e+3"),
            ("1E+03", "1e+03"),
            ("2.5e-7", "2.5e-7"),
            (".5", "0.5"),
            ("-5.", "-5.0"),
            ("007.50", "7.50"),
            ("1_000", "\"1_000\""),
            ("0b101", "\"0b101\""),
            ("0o", "\"0o\""),
            (".", "\".\""),
            ("-", "\"-\""),
            ("e3", "\"e3\""),
            ("1e", "\"1e\""),
            ("12:30", "\"12:30\""),
        ] {
            assert_eq!(json(yaml), Ok(want.to_string()), "{yaml}");
        }
        assert!(resolve(".inf").is_err() && resolve("-.Inf").is_err() && resolve(".NaN").is_err());
    }
}
