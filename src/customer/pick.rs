//! Picking a value from the layers of a customer (the top-most layer that sets it wins)
//! and checking its leaf: texts, dates, URLs, colours and names from a closed set. Every
//! problem is collected with the file and line it came from.

use std::collections::BTreeMap;

use serde_saphyr::Spanned;

use super::address::check_url;
use super::limits::text_limit;
use super::raw::{RawCustomer, RawText};
use super::{Text, Url};
use crate::colour::Colour;
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Place, Source, Span, did_you_mean};
use crate::lang::Lang;
use crate::yaml::span_of;

/// One layer of values and the file it was read from.
pub struct Layer {
    pub source: Source,
    pub raw: RawCustomer,
}

/// A value picked from a layer, with where it was written.
pub(super) struct At<'a, T> {
    pub(super) value: &'a T,
    pub(super) source: &'a Source,
    pub(super) span: Span,
    /// Which layer set it: higher is closer to the customer file.
    pub(super) layer: usize,
}

impl<T> At<'_, T> {
    pub(super) fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(self.source, self.span)
    }

    pub(super) fn place(&self) -> Place {
        Place::new(self.source, self.span)
    }
}

impl At<'_, String> {
    /// The place of the whole written value (a date), not only its first character.
    pub(super) fn text_place(&self) -> Place {
        let span = Span {
            len: self.value.chars().count(),
            ..self.span
        };
        Place::new(self.source, span)
    }
}

pub(super) struct Check<'a> {
    pub(super) layers: &'a [&'a Layer],
    pub(super) diags: Diagnostics,
    pub(super) asset_exists: &'a dyn Fn(&str) -> bool,
}

impl<'a> Check<'a> {
    /// The value from the top-most layer that sets it.
    pub(super) fn pick<T>(
        &self,
        get: impl Fn(&'a RawCustomer) -> Option<&'a Spanned<T>>,
    ) -> Option<At<'a, T>> {
        self.layers.iter().enumerate().rev().find_map(|(i, layer)| {
            get(&layer.raw).map(|s| At {
                value: &s.value,
                source: &layer.source,
                span: span_of(s, 0),
                layer: i,
            })
        })
    }

    pub(super) fn customer_file(&self) -> &'a Source {
        &self.layers[self.layers.len() - 1].source
    }

    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub(super) fn missing(&mut self, key: &str, example: &str) {
        let file = self.customer_file();
        // At the section the key belongs in, when the file has it; else at the top.
        let place = key
            .rsplit_once('.')
            .and_then(|(section, _)| crate::yaml::find_key(&file.text, section))
            .unwrap_or(Span::new(1, 1, 0));
        let d = Diagnostic::error(format!("the customer has no `{key}`"))
            .at(file, place)
            .help(format!(
                "add `{key}` to {} (or to `defaults:` in handboek.yaml for every customer), e.g. {example}",
                file.name
            ));
        self.push(d);
    }

    pub(super) fn text(
        &mut self,
        at: Option<At<'a, RawText>>,
        key: &str,
        langs: &[Lang],
    ) -> Option<Text> {
        let at = at?;
        let typed;
        let value = match at.value {
            // A number stays the text the author typed (`1.10`, not 1.1).
            RawText::Typed(read) => match crate::yaml::written(at.source, at.span) {
                Some(text) => {
                    typed = RawText::One(text);
                    &typed
                }
                None => {
                    self.push(
                        at.error(format!(
                            "`{key}` is written as a value YAML reads as `{read}`, not as text"
                        ))
                        .help(format!(
                            "put the text in quotes: `{}: \"…\"`.",
                            key.rsplit('.').next().unwrap_or(key)
                        )),
                    );
                    return None;
                }
            },
            other => other,
        };
        let text = self.text_value(&at, value, key, langs)?;
        self.text_lengths(&at, &text, key).then_some(text)
    }

    /// Each language's text no longer than the kind of text allows.
    fn text_lengths(&mut self, at: &At<'a, RawText>, text: &Text, key: &str) -> bool {
        let limit = text_limit(key);
        let texts: Vec<&str> = match text {
            Text::One(s) => vec![s.as_str()],
            Text::PerLang(map) => map.values().map(String::as_str).collect(),
        };
        let longest = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        if longest > limit {
            self.push(
                at.error(format!(
                    "`{key}` is {longest} characters long; at most {limit} fit where it is shown"
                ))
                .help("write a shorter text; a handbook shows it on many pages."),
            );
            return false;
        }
        true
    }

    fn text_value(
        &mut self,
        at: &At<'a, RawText>,
        value: &RawText,
        key: &str,
        langs: &[Lang],
    ) -> Option<Text> {
        match value {
            RawText::Typed(_) => None,
            RawText::One(s) if s.trim().is_empty() => {
                self.push(
                    at.error(format!("`{key}` is empty"))
                        .help("write a text, or remove the key."),
                );
                None
            }
            RawText::One(s) => Some(Text::One(s.trim().to_string())),
            RawText::PerLang(map) => {
                let mut texts = BTreeMap::new();
                for (code, text) in map {
                    match Lang::parse(code) {
                        Some(lang) if text.trim().is_empty() => self.push(
                            at.error(format!("`{key}` has an empty `{lang}` text"))
                                .help("write the text, or leave the language out of the map."),
                        ),
                        Some(lang) => {
                            texts.insert(lang, text.trim().to_string());
                        }
                        None => self.push(
                            at.error(format!(
                                "`{key}` has a text for `{code}`, a language handboek does not ship"
                            ))
                            .help(format!("use one of {}.", Lang::list())),
                        ),
                    }
                }
                for lang in langs {
                    if !texts.contains_key(lang) {
                        self.push(
                            at.error(format!("`{key}` has no `{lang}` text, but this customer is built in `{lang}`"))
                                .help(format!("add `{lang}: …` to the map, or write one text for every language.")),
                        );
                    }
                }
                Some(Text::PerLang(texts))
            }
        }
    }

    pub(super) fn required_text(
        &mut self,
        at: Option<At<'a, RawText>>,
        key: &str,
        langs: &[Lang],
        example: &str,
    ) -> Option<Text> {
        if at.is_none() {
            self.missing(key, example);
        }
        self.text(at, key, langs)
    }

    pub(super) fn required_date(
        &mut self,
        at: Option<At<'a, String>>,
        key: &str,
        example: &str,
    ) -> Option<Date> {
        if at.is_none() {
            self.missing(key, example);
        }
        self.date(at, key)
    }

    pub(super) fn url(&mut self, at: Option<At<'a, String>>, key: &str) -> Option<Url> {
        let at = at?;
        match check_url(at.value) {
            Ok(url) => Some(url),
            Err(why) => {
                self.push(at.error(format!("`{key}` {why}")).help(
                    "write a full https address, e.g. `https://help.example.nl/mfa`; handbooks link only to https.",
                ));
                None
            }
        }
    }

    pub(super) fn date(&mut self, at: Option<At<'a, String>>, key: &str) -> Option<Date> {
        let at = at?;
        match Date::parse(at.value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(at.error(format!("`{key}`: {e}")));
                None
            }
        }
    }

    pub(super) fn colour(
        &mut self,
        at: Option<At<'a, String>>,
        key: &str,
        default: &str,
    ) -> Option<(Colour, Option<At<'a, String>>)> {
        match at {
            None => Colour::parse(default).ok().map(|c| (c, None)),
            Some(at) => match Colour::parse(at.value) {
                Ok(c) => Some((c, Some(at))),
                Err(e) => {
                    self.push(at.error(format!("`{key}`: {e}")));
                    None
                }
            },
        }
    }

    /// [`Check::choice`] of a value that may be left out, which then means `default`.
    pub(super) fn choice_or<T: Copy>(
        &mut self,
        at: Option<At<'a, String>>,
        key: &str,
        options: &[(&str, T)],
        default: T,
    ) -> Option<T> {
        match at {
            Some(at) => self.choice(&at, key, options),
            None => Some(default),
        }
    }

    pub(super) fn choice<T: Copy>(
        &mut self,
        at: &At<'a, String>,
        key: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        if let Some((_, v)) = options.iter().find(|(name, _)| *name == at.value.as_str()) {
            return Some(*v);
        }
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        let list = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match did_you_mean(at.value, names.iter().copied()) {
            Some(close) => format!("did you mean `{close}`? Write one of {list}."),
            None => format!("write one of {list}."),
        };
        self.push(
            at.error(format!("`{}` is not a valid `{key}`", at.value))
                .help(help),
        );
        None
    }
}
