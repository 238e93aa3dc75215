//! The theme kept from the build before, for a process that builds again and again (the
//! preview): compiling the templates is a fifth of a one-customer build, and a theme read
//! from the same files compiles the same.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use anyhow::Result;

use crate::diagnostics::Diagnostics;
use crate::files::Files;

use super::{Theme, ThemeFiles, compile, read_theme};

/// The last theme that compiled without problems, with the files it was compiled from.
/// Off, it keeps nothing.
#[derive(Default)]
pub struct KeptTheme {
    on: bool,
    kept: Mutex<Option<(ThemeFiles, Arc<Theme>)>>,
}

impl KeptTheme {
    /// Keeps the theme, for the builds after.
    pub fn on() -> KeptTheme {
        KeptTheme {
            on: true,
            kept: Mutex::default(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<(ThemeFiles, Arc<Theme>)>> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Theme `name`: the one kept if its files read the same, else compiled (see
    /// [`super::load_theme`]).
    pub fn load(&self, files: &Files, name: &str) -> Result<Result<Arc<Theme>, Diagnostics>> {
        let read = read_theme(files, name)?;
        if !self.on {
            return Ok(compile(read).map(Arc::new));
        }
        if let Some((before, theme)) = self.lock().as_ref()
            && *before == read
        {
            return Ok(Ok(Arc::clone(theme)));
        }
        let made = compile(read.clone()).map(Arc::new);
        if let Ok(theme) = &made {
            *self.lock() = Some((read, Arc::clone(theme)));
        }
        Ok(made)
    }
}
