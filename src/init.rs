//! `snipgen init`: a commented settings file and one example spec, so a new project starts
//! from something that generates.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

pub const FILES: [(&str, &str); 2] = [
    (
        "snipgen.yaml",
        "# snipgen settings. Flags given on the command line win; paths are relative to this file.\n\
         specs: specs          # one YAML file per endpoint (`snipgen schema` prints their JSON Schema)\n\
         out: output           # what `generate` writes; commit it and run `snipgen check` in CI\n\
         formats: [files]      # also markdown, mkdocs, mdx, json, html (README: Formats)\n\
         # lang: [curl, python, csharp, csharp:httpclient]   # default: all 11 languages\n\
         # refused_samples: note   # what pages show for a sample its client refuses: note or omit\n\
         # templates: templates    # <lang>/<client>.tera files that replace the built-in ones\n\
         # readable_variables: true  # keep {{variables}} readable inside percent-encoded payloads\n\
         # indent: {go: tab, python: 4}\n",
    ),
    (
        "specs/example.yaml",
        "# One endpoint. Every field: README, Spec format.\n\
         title: Create an order\n\
         method: POST\n\
         url: \"{{baseUrl}}/v1/orders\"\n\
         headers:\n\
         \x20 Accept: application/json\n\
         body:\n\
         \x20 json:\n\
         \x20   sku: ABC-123\n\
         \x20   quantity: 2\n\
         auth:\n\
         \x20 bearer:\n\
         \x20   token: \"{{accessToken}}\"\n\
         variables:              # example values, used by `snipgen verify`\n\
         \x20 baseUrl: https://api.example.com\n\
         \x20 accessToken: example-token\n",
    ),
];

/// Writes [`FILES`] below `dir`; refuses, writing nothing, if any of them exists.
pub fn write(dir: &Path) -> Result<(), Error> {
    let existing: Vec<String> = FILES
        .iter()
        .map(|(p, _)| dir.join(p))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Error::Usage(format!(
            "init writes nothing over existing files; move them away first: {}",
            existing.join(", ")
        )));
    }
    for (path, text) in FILES {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let mut file = std::fs::File::create_new(&path).map_err(|e| Error::io(&path, e))?;
        file.write_all(text.as_bytes()).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}
