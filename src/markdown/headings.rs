//! Headings: a unique id for each (the author's `{#id}` or one made from the text), the
//! print edition's page prefix, and the list of headings for tables of contents.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::write::Ev;
use super::{Heading, HeadingBuf, Renderer, slugify};

impl<'a> Renderer<'a> {
    pub(super) fn heading(&mut self, h: HeadingBuf<'a>, events: &mut Vec<Ev<'a>>) {
        let HeadingBuf {
            level,
            explicit,
            events: buf,
            range,
        } = h;
        let text: String = buf
            .iter()
            .filter_map(|e| match e.site() {
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
        let (site_id, print_id) = (self.site_id(&id), self.print_id(&id));
        let text = text.trim();
        let heading = |id: &String| Heading {
            level: level as u8,
            id: id.clone(),
            text: text.to_string(),
        };
        self.out.headings.push(heading(&site_id));
        self.out.print.headings.push(heading(&print_id));
        let start = |id: String| {
            Event::Start(Tag::Heading {
                level,
                id: Some(id.into()),
                classes: vec![],
                attrs: vec![],
            })
        };
        events.push(Ev::Differs(start(site_id), vec![start(print_id)]));
        events.extend(buf);
        events.push(Ev::Same(Event::End(TagEnd::Heading(level))));
    }
}
