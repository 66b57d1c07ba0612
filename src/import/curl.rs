//! curl command lines → specs.

use std::path::Path;

use super::Imported;
use crate::error::Error;

/// Reads curl command lines from `file` (`-` for standard input).
pub fn import_file(file: &Path) -> Result<(Vec<Imported>, Vec<String>), Error> {
    let _ = file;
    Err(Error::Usage("curl import is not implemented yet".into()))
}
