//! The print edition of one handbook: the theme's `print.html` with every page's HTML put
//! in place, and the data `--pdf` needs for the PDF's outline and metadata.

use crate::diagnostics::Diagnostic;
use crate::pdf::plan::{Entry, Plan};
use crate::theme::view::{PrintView, SectionView};
use crate::theme::{Theme, Values};

/// The print edition. Its pages' HTML is most of it (megabytes for a long guide), so the
/// template gets a short marker for each and the HTML is put in its place afterwards,
/// instead of being copied into the template engine and out again. `values` are the
/// handbook's chrome; `customer` and `lang` its name and language code, for the PDF.
pub fn render_print(
    theme: &Theme,
    mut values: Values,
    mut print: PrintView,
    customer: &str,
    lang: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let plan = plan(&print, customer, lang).to_html();
    let bodies: Vec<String> = print
        .sections
        .iter_mut()
        .enumerate()
        .map(|(i, s)| std::mem::replace(&mut s.html, section_marker(i)))
        .collect();
    values.extend(&print)?;
    let shell = theme.render_values("print.html", &values)?;
    let mut html = Vec::with_capacity(
        shell.len() + plan.len() + bodies.iter().map(String::len).sum::<usize>(),
    );
    let mut rest = shell.as_str();
    for (i, body) in bodies.iter().enumerate() {
        let marker = section_marker(i);
        match rest.split_once(&marker) {
            Some((before, after)) => {
                html.extend_from_slice(before.as_bytes());
                html.extend_from_slice(body.as_bytes());
                rest = after;
            }
            None => break, // the theme does not show this section's text
        }
    }
    // The data block goes last in the body, where a theme's markup cannot be in its way.
    let (body, end) = rest
        .rfind("</body>")
        .map_or((rest, ""), |at| rest.split_at(at));
    html.extend_from_slice(body.as_bytes());
    html.extend_from_slice(plan.as_bytes());
    html.extend_from_slice(end.as_bytes());
    Ok(html)
}

fn section_marker(i: usize) -> String {
    format!("<!--handboek:section:{i}-->")
}

/// The PDF's outline mirrors the contents the theme shows: a part's title above its
/// chapters, each chapter with its sections (level-2 headings).
fn plan(print: &PrintView, customer: &str, lang: &str) -> Plan {
    let mut outline: Vec<Entry> = Vec::new();
    let mut in_part = false;
    for section in &print.sections {
        let chapter = chapter(section);
        if let Some(part) = &section.part {
            outline.push(Entry {
                title: part.clone(),
                target: chapter.target.clone(),
                children: Vec::new(),
            });
            in_part = true;
        }
        match (in_part, outline.last_mut()) {
            (true, Some(part)) => part.children.push(chapter),
            _ => outline.push(chapter),
        }
    }
    Plan {
        title: format!("{} · {customer}", print.title),
        author: customer.to_string(),
        lang: lang.to_string(),
        outline,
    }
}

fn chapter(section: &SectionView) -> Entry {
    Entry {
        title: section.title.clone(),
        target: format!("page-{}", section.slug),
        children: section
            .headings
            .iter()
            .map(|h| Entry {
                title: h.text.clone(),
                target: h.id.clone(),
                children: Vec::new(),
            })
            .collect(),
    }
}
