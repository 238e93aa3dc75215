//! A build for the preview that never takes the server down.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::files::Files;
use crate::{Build, BuildOptions, Kept, rebuild};

/// A build that never takes the server down: an I/O error (a file removed while being
/// read) or a panic becomes a problem to show, and the last good pages stay. What the
/// builds before kept is taken over (see [`rebuild`]).
pub fn guarded_build(files: &Files, options: &BuildOptions, kept: &Kept) -> Build {
    let problem = match catch_unwind(AssertUnwindSafe(|| rebuild(files, options, kept))) {
        Ok(Ok(result)) => return result,
        Ok(Err(e)) => Diagnostic::error(format!("{e:#}"))
            .help("if a file was being saved or moved, save it again; otherwise check that it is readable UTF-8 text."),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Diagnostic::error(format!("the build stopped on an internal error: {what}"))
                .help("this is a bug in handboek; the preview keeps the last good pages.")
        }
    };
    Build {
        output: Default::default(),
        diagnostics: Diagnostics::from(problem),
    }
}
