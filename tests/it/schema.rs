//! `snipgen schema` describes the spec format: every spec in specs/ validates against it and
//! a misspelt key does not.

fn validator() -> jsonschema::Validator {
    let (code, stdout, stderr) = super::snipgen(&super::repo(), &["schema"]);
    assert_eq!(code, 0, "{stderr}");
    let schema: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn yaml(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).unwrap()
}

#[test]
fn every_spec_validates_against_the_schema() {
    let validator = validator();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(super::repo().join("specs")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "yaml") {
            let value = yaml(&std::fs::read_to_string(entry.path()).unwrap());
            let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", entry.path().display());
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} specs checked");
}

#[test]
fn schema_rejects_unknown_keys_and_bad_methods() {
    let validator = validator();
    assert!(!validator.is_valid(&yaml("title: x\nmethod: GET\nurl: http://h\nhedaers: {}\n")));
    assert!(!validator.is_valid(&yaml("title: x\nmethod: GTE\nurl: http://h\n")));
    assert!(!validator.is_valid(&yaml("title: x\nmethod: GET\nurl: http://h\nauth: {bearer: {tok: x}}\n")));
    assert!(validator.is_valid(&yaml("title: x\nmethod: {custom: PURGE}\nurl: http://h\nauth: none\n")));
}

#[test]
fn settings_schema_describes_snipgen_yaml() {
    let (code, stdout, stderr) = super::snipgen(&super::repo(), &["schema", "--settings"]);
    assert_eq!(code, 0, "{stderr}");
    let validator = jsonschema::validator_for(&serde_json::from_str(&stdout).unwrap()).unwrap();
    let (_, init) = snipgen::init::FILES[0];
    assert!(validator.is_valid(&yaml(init)));
    assert!(
        validator.is_valid(&yaml("formats: [files, mkdocs]\nrefused_samples: omit\nindent: {go: tab}\n"))
    );
    assert!(!validator.is_valid(&yaml("langs: [go]\n")));
    assert!(!validator.is_valid(&yaml("formats: [pdf]\n")));
}
