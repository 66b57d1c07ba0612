//! JSON Schema of the spec format (`snipgen schema`), for editors' completion and validation.
//! Types with hand-written deserializers describe themselves here.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::spec::{
    AuthList, DispositionParam, FilePath, HeaderName, HeaderValue, KeyName, METHODS, Method, Pairs, PartSpec,
};

/// The whole schema, pretty-printed.
pub fn spec_schema() -> String {
    let schema = schemars::schema_for!(crate::spec::Spec);
    serde_json::to_string_pretty(&schema).expect("schemas serialise")
}

/// The JSON Schema of `snipgen.yaml`, pretty-printed.
pub fn settings_schema() -> String {
    let schema = schemars::schema_for!(crate::config::Config);
    serde_json::to_string_pretty(&schema).expect("schemas serialise")
}

/// YAML scalars are read as their text, so `limit: 25` is as good as `limit: "25"`.
fn scalar(description: &str) -> Schema {
    json_schema!({ "type": ["string", "number", "boolean"], "description": description })
}

macro_rules! text_schema {
    ($ty:ty, $name:literal, $description:literal) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                scalar($description)
            }
        }
    };
}

text_schema!(HeaderName, "HeaderName", "An HTTP header name (a token).");
text_schema!(KeyName, "KeyName", "An API key's header or query parameter name (a token).");
text_schema!(HeaderValue, "HeaderValue", "Printable ASCII, no line breaks.");
text_schema!(DispositionParam, "DispositionParam", "No quotes, backslashes or line breaks.");
text_schema!(FilePath, "FilePath", "A path relative to where the sample runs, without `..`.");

impl JsonSchema for Method {
    fn schema_name() -> Cow<'static, str> {
        "Method".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "oneOf": [
                { "enum": METHODS },
                {
                    "type": "object",
                    "properties": { "custom": { "type": "string", "pattern": "^[A-Z0-9_-]+$" } },
                    "required": ["custom"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for AuthList {
    fn schema_name() -> Cow<'static, str> {
        "AuthList".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<crate::spec::Auth>();
        json_schema!({ "oneOf": [one.clone(), { "type": "array", "items": one, "minItems": 1 }] })
    }
}

impl<K, V: JsonSchema> JsonSchema for Pairs<K, V> {
    fn schema_name() -> Cow<'static, str> {
        format!("Pairs_{}", V::schema_name()).into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let value = if V::schema_name().starts_with("Nullable") {
            json_schema!({ "type": ["string", "number", "boolean", "null"] })
        } else {
            scalar("A value; `{{variables}}` allowed.")
        };
        json_schema!({
            "description": "Ordered pairs: a mapping, or a list of one-entry mappings when a name repeats.",
            "oneOf": [
                { "type": "object", "additionalProperties": value.clone() },
                {
                    "type": "array",
                    "items": { "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": value }
                }
            ]
        })
    }
}

impl JsonSchema for PartSpec {
    fn schema_name() -> Cow<'static, str> {
        "Part".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "properties": {
                "name": { "type": "string" },
                "value": { "type": ["string", "number", "boolean"] },
                "file": { "type": "string" },
                "filename": { "type": "string" },
                "content_type": { "type": "string" }
            },
            "required": ["name"],
            "oneOf": [{ "required": ["value"] }, { "required": ["file"] }],
            "additionalProperties": false
        })
    }
}
