//! Mapping pulldown-cmark's events: most pass unchanged; text gets its placeholders filled,
//! alerts, links, images, task-list boxes and footnotes are rewritten.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use super::hyphenate::{Room, soft_hyphens};
use super::write::Ev;
use super::{Renderer, alert_name, escape};
use crate::dialect::{BLOCK_PLACEHOLDER, Insert, PLACEHOLDER_START, split_placeholders};

impl<'a> Renderer<'a> {
    /// The events that pass unchanged (most of them), without the cost of `map`; the
    /// others back as `Err`.
    pub(super) fn pass(&mut self, event: Event<'a>) -> Result<Event<'a>, Event<'a>> {
        match event {
            Event::Text(text) if self.code_depth == 0 && !text.contains(PLACEHOLDER_START) => {
                self.note_text(&text);
                Ok(Event::Text(self.hyphenated(text)))
            }
            Event::Start(Tag::TableCell) => {
                self.cell_depth += 1;
                Ok(event)
            }
            Event::End(TagEnd::TableCell) => {
                self.cell_depth = self.cell_depth.saturating_sub(1);
                self.out.text.push(' ');
                Ok(event)
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                self.out.text.push(' ');
                Ok(event)
            }
            Event::Start(
                Tag::Paragraph
                | Tag::List(_)
                | Tag::Item
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow,
            )
            | Event::End(
                TagEnd::List(_)
                | TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow,
            )
            | Event::SoftBreak
            | Event::HardBreak
            | Event::Rule => Ok(event),
            other => Err(other),
        }
    }

    /// The events that stand for `event` in the site and, where it differs, in the print
    /// edition.
    pub(super) fn map(&mut self, event: Event<'a>, at: Range<usize>) -> Vec<Ev<'a>> {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (site, print) = self.link(&dest_url, link_type, at);
                // The print edition's target, for what is printed after the link.
                let target = print.clone().unwrap_or_else(|| site.clone());
                self.links.push((target, String::new()));
                let start = |dest: String| {
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url: dest.into(),
                        title: title.clone(),
                        id: id.clone(),
                    })
                };
                vec![match print {
                    None => Ev::Same(start(site)),
                    Some(print) => Ev::Differs(start(site), vec![start(print)]),
                }]
            }
            Event::End(TagEnd::Link) => {
                let end = Event::End(TagEnd::Link);
                match self
                    .links
                    .pop()
                    .and_then(|(href, text)| print_suffix(&href, &text))
                {
                    Some(html) => vec![Ev::Differs(
                        end.clone(),
                        vec![end, Event::InlineHtml(html.into())],
                    )],
                    None => vec![Ev::Same(end)],
                }
            }
            Event::Html(ref h) | Event::InlineHtml(ref h) if !h.contains(BLOCK_PLACEHOLDER) => {
                let inline = matches!(event, Event::InlineHtml(_));
                let (site, print) = self.raw_html(h, at);
                let html = |raw: &str| -> Event<'a> {
                    let filled = self.fill_html(raw).into();
                    match inline {
                        true => Event::InlineHtml(filled),
                        false => Event::Html(filled),
                    }
                };
                vec![match print {
                    None => Ev::Same(html(&site)),
                    Some(print) => Ev::Differs(html(&site), vec![html(&print)]),
                }]
            }
            other => self.map_same(other, at).into_iter().map(Ev::Same).collect(),
        }
    }

    /// Events written the same in the site and the print edition.
    fn map_same(&mut self, event: Event<'a>, at: Range<usize>) -> Vec<Event<'a>> {
        if let Event::End(
            TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
        ) = &event
        {
            self.out.text.push(' ');
        }
        match event {
            Event::Text(text) if self.code_depth > 0 => vec![Event::Text(self.plain(&text).into())],
            Event::Text(text) => {
                let mut out = Vec::new();
                for part in split_placeholders(&text) {
                    match part {
                        Ok(t) => {
                            self.note_text(t);
                            let text = self.hyphenated(CowStr::from(t.to_string()));
                            out.push(Event::Text(text));
                        }
                        Err(n) => out.push(self.inline_insert(n)),
                    }
                }
                out
            }
            Event::Code(code) => vec![Event::Code(self.plain(&code).into())],
            Event::TaskListMarker(done) => {
                let label = escape(&(self.cx.task_label)(done));
                let checked = if done { " checked" } else { "" };
                vec![Event::InlineHtml(
                    format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{label}\"> ")
                        .into(),
                )]
            }
            Event::Html(h) | Event::InlineHtml(h) if h.contains(BLOCK_PLACEHOLDER) => {
                vec![Event::Html(self.block_insert(&h).into())]
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let title = (self.cx.alert_title)(kind);
                vec![Event::Html(format!("<div class=\"alert alert--{}\" role=\"note\"><p class=\"alert__title\">{}</p>\n", alert_name(kind), escape(&title)).into())]
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => vec![Event::Html("</div>\n".into())],
            Event::Start(Tag::CodeBlock(kind)) => {
                self.code_depth += 1;
                vec![Event::Html(self.code_block_start(&kind).into())]
            }
            Event::End(TagEnd::CodeBlock) => {
                self.code_depth -= 1;
                vec![Event::Html("</code></pre>\n".into())]
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = self.image(&dest_url, at);
                vec![Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                })]
            }
            Event::FootnoteReference(name) => {
                vec![Event::FootnoteReference(self.footnote(&name).into())]
            }
            Event::Start(Tag::FootnoteDefinition(name)) => vec![Event::Start(
                Tag::FootnoteDefinition(self.footnote(&name).into()),
            )],
            other => vec![other],
        }
    }

    /// Text as shown: with soft hyphens in its long words (not in headings, whose text is
    /// also their id and their entry in the contents). Search has already seen it without.
    fn hyphenated(&self, text: CowStr<'a>) -> CowStr<'a> {
        if self.in_heading {
            return text;
        }
        let room = match self.cell_depth {
            0 => Room::Wide,
            _ => Room::Narrow,
        };
        match soft_hyphens(&text, self.cx.lang, room) {
            Cow::Borrowed(_) => text,
            Cow::Owned(hyphenated) => hyphenated.into(),
        }
    }

    /// A code block that a keyboard can reach and scroll sideways, with its name (a wide
    /// line of code is a scrollable region; WCAG asks that it be reachable).
    fn code_block_start(&self, kind: &CodeBlockKind) -> String {
        let lang = match kind {
            CodeBlockKind::Fenced(info) => info.split([' ', ',', '{']).next().unwrap_or(""),
            CodeBlockKind::Indented => "",
        };
        let (label, class) = match lang {
            "" => (self.cx.code_label.to_string(), String::new()),
            lang => (
                format!("{} ({lang})", self.cx.code_label),
                format!(" class=\"language-{}\"", escape(lang)),
            ),
        };
        format!(
            "<pre tabindex=\"0\" role=\"group\" aria-label=\"{}\"><code{class}>",
            escape(&label)
        )
    }

    fn footnote(&self, name: &str) -> String {
        format!("fn-{}-{name}", self.cx.slug)
    }

    fn inline_insert(&mut self, n: usize) -> Event<'a> {
        match self.insert(n) {
            Some(Insert::Value(v)) => {
                self.note_text(v.display());
                match v.href() {
                    Some(href) if self.links.is_empty() => Event::InlineHtml(
                        format!("<a href=\"{}\">{}</a>", escape(&href), escape(v.display())).into(),
                    ),
                    _ => Event::Text(v.display().to_string().into()),
                }
            }
            Some(Insert::Literal) => Event::Text("{{".into()),
            Some(insert @ Insert::Qr { .. }) => {
                Event::InlineHtml((self.cx.render_insert)(insert).into())
            }
            Some(Insert::Screen(_) | Insert::Schedule | Insert::Figure(_)) | None => {
                Event::Text("".into())
            }
        }
    }

    fn block_insert(&mut self, html: &str) -> String {
        let n = html
            .split(BLOCK_PLACEHOLDER)
            .nth(1)
            .and_then(|rest| rest.split("-->").next())
            .and_then(|n| n.parse::<usize>().ok());
        match n.and_then(|n| self.insert(n)) {
            Some(Insert::Figure(figure)) => self.figure(figure),
            Some(insert) => (self.cx.render_insert)(insert),
            None => String::new(),
        }
    }
}

/// What follows a link on paper. A web address is only as good as the address printed
/// beside it; a reference inside the print edition gets an empty `data-ref` span, which the
/// PDF's second printing fills with the number of the page the target is on (the print
/// template words it: "(zie pagina 12)"). In a browser the span stays empty.
fn print_suffix(href: &str, text: &str) -> Option<String> {
    if href.starts_with("https://") && text.trim() != href {
        return Some(format!(
            "<span class=\"print-url\"> ({})</span>",
            escape(href)
        ));
    }
    let id = href.strip_prefix('#')?;
    Some(format!(
        "<span class=\"page-ref\" data-ref=\"{}\"></span>",
        escape(id)
    ))
}
