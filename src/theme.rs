//! The theme: Tera 2 templates, drawn screens, static files and UI strings, from the project's
//! `themes/<name>/` over the built-in `themes/default/`. Templates see view models only.

mod kept;
mod ui;
pub mod view;

use std::collections::BTreeSet;

use anyhow::Result;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::{Diagnostic, Diagnostics, Source};
use crate::files::{Files, InputFile};
use crate::lang::Lang;
use crate::markdown::escape_pieces;

pub use kept::KeptTheme;
pub use tera::Value;
pub use ui::{Strings, Ui};

/// Values for a template, made from view models. Values shared by many pages (a handbook's
/// chrome and menu) are made once and cloned, which is cheap: template values share their
/// strings, lists and maps.
#[derive(Debug, Clone, Default)]
pub struct Values(Context);

impl Values {
    /// The fields of `view` (a struct).
    pub fn of(view: &impl Serialize) -> Result<Values, Diagnostic> {
        Context::from_serialize(view)
            .map(Values)
            .map_err(unserialisable)
    }

    /// Adds the fields of `view`, replacing values of the same name.
    pub fn extend(&mut self, view: &impl Serialize) -> Result<(), Diagnostic> {
        self.0.extend(Values::of(view)?.0);
        Ok(())
    }

    /// Sets `name` to a value made before.
    pub fn set(&mut self, name: &'static str, value: Value) {
        self.0.insert_value(name, value);
    }
}

/// One value (a struct, a list, …) for a template.
pub fn value_of(view: &impl Serialize) -> Result<Value, Diagnostic> {
    Value::try_from_serializable(view).map_err(unserialisable)
}

fn unserialisable(e: tera::Error) -> Diagnostic {
    Diagnostic::error(format!(
        "internal: a template view cannot be serialised: {}",
        error_chain(&e)
    ))
}

/// Tera's HTML escape (the same five characters, the same entities), writing runs of plain
/// text whole instead of byte by byte.
fn escape_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut result = Ok(());
    escape_pieces(text, |piece| {
        if result.is_ok() {
            result = out.write_all(piece.as_bytes());
        }
    });
    result
}

pub struct Theme {
    tera: Tera,
    pub ui: Ui,
    /// Names of the screens the theme can draw.
    pub screens: BTreeSet<String>,
    /// Files copied as they are into every audience's `static/` folder.
    pub statics: Vec<InputFile>,
    templates: Vec<Source>,
}

impl Theme {
    /// The theme's template files, as written.
    pub fn templates(&self) -> &[Source] {
        &self.templates
    }
}

/// Loads theme `name`, falling back file by file to the built-in theme.
pub fn load_theme(files: &Files, name: &str) -> Result<Result<Theme, Diagnostics>> {
    Ok(compile(read_theme(files, name)?))
}

/// A theme's files, each with its path in the theme.
pub type ThemeFiles = Vec<(String, InputFile)>;

/// The files of theme `name` (the built-in theme's where it has none of its own).
pub fn read_theme(files: &Files, name: &str) -> Result<ThemeFiles> {
    let own = format!("themes/{name}");
    let mut read = Vec::new();
    for rel in theme_files(files, &own)? {
        if let Some(file) = read_theme_file(files, &own, &rel)? {
            read.push((rel, file));
        }
    }
    Ok(read)
}

/// Compiles a theme's templates and reads its strings.
fn compile(read: ThemeFiles) -> Result<Theme, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut tera = Tera::new();
    tera.set_escape_fn(escape_html);
    tera.register_filter(
        "css_string",
        |s: std::borrow::Cow<'_, str>, _: tera::Kwargs, _: &tera::State| {
            tera::Value::safe_string(&css_string(&s))
        },
    );
    let mut templates = Vec::new();
    let mut screens = BTreeSet::new();
    let mut statics = Vec::new();
    let mut i18n = Vec::new();
    for (rel, file) in read {
        if let Some(path) = rel.strip_prefix("static/") {
            statics.push(InputFile {
                rel: path.to_string(),
                ..file
            });
            continue;
        }
        let source = match file.text() {
            Ok(source) => source,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let template_name = if let Some(t) = rel.strip_prefix("templates/") {
            Some(t.to_string())
        } else if let Some(s) = rel
            .strip_prefix("screens/")
            .and_then(|s| s.strip_suffix(".html"))
        {
            screens.insert(s.to_string());
            Some(format!("screens/{s}.html"))
        } else if rel.starts_with("i18n/") {
            i18n.push((rel.clone(), source.clone()));
            None
        } else {
            diags.push(
                Diagnostic::error("this file is not part of a theme")
                    .in_file(&source)
                    .help("a theme has `templates/`, `screens/`, `static/` and `i18n/` folders."),
            );
            None
        };
        if let Some(template_name) = template_name {
            if let Err(e) = tera.add_raw_template(&template_name, &source.text) {
                diags.push(
                    Diagnostic::error(format!("the template does not parse: {}", error_chain(&e)))
                        .in_file(&source),
                );
            }
            templates.push(source);
        }
    }
    let ui = match ui::load_ui(i18n) {
        Ok(ui) => ui,
        Err(d) => {
            diags.extend(d);
            Ui::default()
        }
    };
    for required in ["page.html", "print.html", "language.html", "overview.html"] {
        if !tera.get_template_names().any(|n| n == required) {
            diags.push(Diagnostic::error(format!("the theme has no `templates/{required}`")).help("add it, or remove the theme's `templates/` folder to use the built-in templates."));
        }
    }
    diags.into_result(Theme {
        tera,
        ui,
        screens,
        statics,
        templates,
    })
}

/// The names of the screens the theme `name` draws, as [`load_theme`] finds them, without
/// compiling its templates: the library is checked against these while the theme loads.
pub fn screen_names(files: &Files, name: &str) -> Result<BTreeSet<String>> {
    let own = format!("themes/{name}");
    let mut screens = BTreeSet::new();
    for rel in theme_files(files, &own)? {
        let Some(screen) = rel
            .strip_prefix("screens/")
            .and_then(|s| s.strip_suffix(".html"))
        else {
            continue;
        };
        if let Some(file) = read_theme_file(files, &own, &rel)?
            && file.text().is_ok()
        {
            screens.insert(screen.to_string());
        }
    }
    Ok(screens)
}

/// Every file of the theme in `own` and of the default theme, relative to the theme folder.
fn theme_files(files: &Files, own: &str) -> Result<BTreeSet<String>> {
    let mut rels = BTreeSet::new();
    for base in ["themes/default", own] {
        for rel in files.list(base)? {
            if let Some(rest) = rel.strip_prefix(base).and_then(|r| r.strip_prefix('/')) {
                rels.insert(rest.to_string());
            }
        }
    }
    Ok(rels)
}

/// The theme's file `rel`: the project theme's own, else the default theme's.
fn read_theme_file(files: &Files, own: &str, rel: &str) -> Result<Option<InputFile>> {
    match files.read(&format!("{own}/{rel}"))? {
        Some(f) => Ok(Some(f)),
        None => files.read(&format!("themes/default/{rel}")),
    }
}

impl Theme {
    /// Renders `template` with a view model; errors name the template file.
    pub fn render(&self, template: &str, view: &impl Serialize) -> Result<String, Diagnostic> {
        self.render_values(template, &Values::of(view)?)
    }

    /// Renders `template` with values made before (see [`Values`]).
    pub fn render_values(&self, template: &str, values: &Values) -> Result<String, Diagnostic> {
        self.tera.render(template, &values.0).map_err(|e| {
            let d = Diagnostic::error(format!(
                "the template `{template}` failed: {}",
                error_chain(&e)
            ))
            .help(
                "check the variable names against the template variables documented in the README.",
            );
            match self.templates.iter().find(|s| s.name.ends_with(template)) {
                Some(source) => d.in_file(source),
                None => d,
            }
        })
    }

    pub fn strings(&self, lang: Lang) -> &Strings {
        self.ui.strings(lang)
    }
}

/// A CSS string literal (`"…"`) holding any text: everything but letters, digits and
/// spaces is a hex escape, so nothing can end the string or the `<style>` element.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(inner) = cur {
        let text = inner.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        cur = inner.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_string_escapes_everything_that_could_end_it() {
        assert_eq!(
            css_string("A&B \"x\"</style>"),
            "\"A\\26 B \\22 x\\22 \\3c \\2f style\\3e \""
        );
    }
}
