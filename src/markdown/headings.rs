//! Headings: a unique id for each (the author's `{#id}` or one made from the text), the
//! print edition's page prefix, and the list of headings for tables of contents.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Heading, HeadingBuf, Renderer, slugify};

impl<'a> Renderer<'a> {
    pub(super) fn heading(&mut self, h: HeadingBuf<'a>, events: &mut Vec<Event<'a>>) {
        let HeadingBuf {
            level,
            explicit,
            events: buf,
            range,
        } = h;
        let text: String = buf
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        let id = match explicit {
            Some(id) => {
                if self.used_ids.contains(&id) {
                    self.error(
                        range.clone(),
                        format!("the heading id `{id}` is used twice on this page"),
                        "give one of the headings another `{#id}`.".into(),
                    );
                }
                id
            }
            None => {
                let base = slugify(&text);
                let base = if base.is_empty() {
                    "section".to_string()
                } else {
                    base
                };
                (1..)
                    .map(|n| {
                        if n == 1 {
                            base.clone()
                        } else {
                            format!("{base}-{n}")
                        }
                    })
                    .find(|id| !self.used_ids.contains(id))
                    .unwrap_or(base)
            }
        };
        self.used_ids.insert(id.clone());
        let id = self.prefixed(&id);
        let level_n = level as u8;
        self.out.headings.push(Heading {
            level: level_n,
            id: id.clone(),
            text: text.trim().to_string(),
        });
        events.push(Event::Start(Tag::Heading {
            level,
            id: Some(id.into()),
            classes: vec![],
            attrs: vec![],
        }));
        events.extend(buf);
        events.push(Event::End(TagEnd::Heading(level)));
    }
}
