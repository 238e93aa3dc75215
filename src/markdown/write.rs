//! Writing a page's events as HTML once, for the site, and deriving the print edition's
//! HTML from it: the two differ only in a few events (heading ids, page links, the printed
//! address after a web link), so the print HTML is the site's bytes with those events'
//! output replaced, instead of a second render of the whole page.

use std::cell::Cell;
use std::fmt;

use pulldown_cmark::{Event, html};

/// An event of a page: the same in the site and the print edition, or written differently
/// in the print edition (as the events in the `Vec`).
#[derive(Debug)]
pub(super) enum Ev<'a> {
    Same(Event<'a>),
    Differs(Event<'a>, Vec<Event<'a>>),
}

impl<'a> Ev<'a> {
    /// The event as the site has it.
    pub(super) fn site(&self) -> &Event<'a> {
        match self {
            Ev::Same(e) | Ev::Differs(e, _) => e,
        }
    }

    fn into_print(self) -> Vec<Event<'a>> {
        match self {
            Ev::Same(e) => vec![e],
            Ev::Differs(_, print) => print,
        }
    }
}

/// The site HTML and the print HTML of `events`, each written whole: for a page whose
/// differing events do not stand on their own (see [`splice`]).
pub(super) fn apart(events: Vec<Ev>) -> (String, String) {
    let mut site = String::new();
    html::push_html(&mut site, events.iter().map(|e| e.site().clone()));
    let mut print = String::with_capacity(site.len());
    html::push_html(&mut print, events.into_iter().flat_map(Ev::into_print));
    (site, print)
}

/// A differing event: where its output is in the site HTML, and what the print edition
/// writes instead.
struct Spot<'a> {
    start: usize,
    end: usize,
    site: Event<'a>,
    print: Vec<Event<'a>>,
}

/// The site HTML and the print HTML of `events`: the site's written once, noting where each
/// differing event's output lands, and the print edition's copied from it with those
/// events written anew. `None` if an event's output in place is not its output alone (with
/// the newline the writer may put before a block), as for a link inside an image's alt
/// text, which writes no tag: then the page must be written [`apart`].
pub(super) fn splice(events: Vec<Ev>, size: usize) -> Option<(String, String)> {
    let len = Cell::new(0);
    let mut spots: Vec<Spot> = Vec::new();
    let mut site = String::with_capacity(size);
    {
        let mut open: Option<usize> = None;
        let spots = &mut spots;
        let len = &len;
        let events = events.into_iter().map(|ev| {
            let at = len.get();
            if let Some(i) = open.take() {
                spots[i].end = at;
            }
            match ev {
                Ev::Same(e) => e,
                Ev::Differs(site, print) => {
                    open = Some(spots.len());
                    spots.push(Spot {
                        start: at,
                        end: usize::MAX,
                        site: site.clone(),
                        print,
                    });
                    site
                }
            }
        });
        // Writing into a `String` cannot fail.
        let _ = html::write_html_fmt(
            Tracked {
                out: &mut site,
                len,
            },
            events,
        );
    }
    let mut print = String::with_capacity(site.len() + 64 * spots.len());
    let mut from = 0;
    let mut alone = String::new();
    for spot in spots {
        let end = spot.end.min(site.len());
        alone.clear();
        html::push_html(&mut alone, std::iter::once(spot.site));
        let lead = site.get(spot.start..end)?.strip_suffix(alone.as_str())?;
        print.push_str(&site[from..spot.start]);
        print.push_str(lead);
        html::push_html(&mut print, spot.print.into_iter());
        from = end;
    }
    print.push_str(&site[from..]);
    Some((site, print))
}

/// A `fmt::Write` into a `String` that tells the events' iterator how much is written.
struct Tracked<'s> {
    out: &'s mut String,
    len: &'s Cell<usize>,
}

impl fmt::Write for Tracked<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.push_str(s);
        self.len.set(self.out.len());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Parser, Tag, TagEnd};

    use super::*;

    /// The events of `markdown` as a renderer makes them: heading ids and page links differ
    /// in print, and a web link gets its address printed after it.
    fn events(markdown: &str) -> Vec<Ev<'_>> {
        let options =
            pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_FOOTNOTES;
        Parser::new_ext(markdown, options)
            .map(|e| match e {
                Event::Start(Tag::Heading { level, .. }) => {
                    let start = |id: &str| {
                        Event::Start(Tag::Heading {
                            level,
                            id: Some(id.to_string().into()),
                            classes: vec![],
                            attrs: vec![],
                        })
                    };
                    Ev::Differs(start("stap"), vec![start("p--stap")])
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) if dest_url.ends_with(".md") => {
                    let start = |dest: String| {
                        Event::Start(Tag::Link {
                            link_type,
                            dest_url: dest.into(),
                            title: title.clone(),
                            id: id.clone(),
                        })
                    };
                    let slug = dest_url.trim_end_matches(".md");
                    Ev::Differs(
                        start(format!("{slug}.html")),
                        vec![start(format!("#page-{slug}"))],
                    )
                }
                Event::End(TagEnd::Link) => Ev::Differs(
                    Event::End(TagEnd::Link),
                    vec![
                        Event::End(TagEnd::Link),
                        Event::InlineHtml("<span class=\"print-url\"> (x)</span>".into()),
                    ],
                ),
                other => Ev::Same(other),
            })
            .collect()
    }

    const PAGE: &str = "Intro with [a page](lost-phone.md \"Titel\") and [web](https://example.com).\n\n\
        ## Stap één\n\n- item\n- ## heading in a list\n\n> ### In a quote [link](a.md)\n\n\
        | a | [b](b.md) |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: A note with [c](c.md).\n\n## Last\n";

    #[test]
    fn splicing_gives_the_bytes_of_writing_each_edition_whole() {
        let (site, print) = splice(events(PAGE), 0).expect("these events splice");
        assert_eq!((site.clone(), print.clone()), apart(events(PAGE)));
        assert!(site.contains("<h2 id=\"stap\">") && print.contains("<h2 id=\"p--stap\">"));
        assert!(site.contains("href=\"lost-phone.html\" title=\"Titel\""));
        assert!(print.contains("href=\"#page-lost-phone\" title=\"Titel\""));
        assert!(print.contains("web</a><span class=\"print-url\"> (x)</span>"));
        assert!(!site.contains("print-url"));
    }

    #[test]
    fn a_page_without_differences_is_the_same_in_both() {
        let events = vec![Ev::Same(Event::Text("tekst".into()))];
        assert_eq!(splice(events, 100), Some(("tekst".into(), "tekst".into())));
    }

    #[test]
    fn a_link_inside_an_image_alt_text_is_not_spliced_but_written_whole() {
        let page = "![see [the page](x.md) first](shot.png)";
        assert_eq!(splice(events(page), 10), None);
        let (site, print) = apart(events(page));
        assert_eq!(
            site,
            "<p><img src=\"shot.png\" alt=\"see the page first\" /></p>\n"
        );
        assert_eq!(
            print,
            "<p><img src=\"shot.png\" alt=\"see the page&lt;span class=&quot;print-url&quot;&gt; (x)&lt;/span&gt; first\" /></p>\n"
        );
    }
}
