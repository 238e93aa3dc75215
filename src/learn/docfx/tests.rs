use super::*;

/// A problem as `(line, column, length, message)`.
type Problem = (usize, usize, usize, String);

/// Reads `text` line by line: what each line is, and every problem.
fn scan(text: &str) -> (Vec<Line>, Vec<Problem>) {
    let source = Source::new("p.md", text);
    let mut scanner = Scanner::new(&source);
    let lines = text
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| scanner.line(l, i + 1))
        .collect();
    let problems = scanner
        .finish()
        .iter()
        .map(|d| {
            let span = d.span.unwrap_or_default();
            (span.line, span.column, span.len, d.message.clone())
        })
        .collect();
    (lines, problems)
}

fn problems(text: &str) -> Vec<Problem> {
    scan(text).1
}

#[test]
fn an_image_line_becomes_a_figure_with_the_place_of_its_source() {
    let (lines, found) = scan(
        "   :::image type=\"content\" border=\"true\" source=\"./media/a.png\" alt-text=\"The sign-in page.\" lightbox=\"media/a.png\":::\n",
    );
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(
        lines,
        [Line::Figure(Figure {
            src: "./media/a.png".into(),
            src_span: Span::new(1, 50, 13),
            alt: "The sign-in page.".into(),
            caption: None,
            indent: "   ".into(),
        })]
    );
}

#[test]
fn a_complex_image_keeps_its_long_description_as_caption() {
    let (lines, found) = scan(
        ":::image type=\"complex\" source=\"media/b.png\" alt-text=\"Chart\":::\n   The chart shows\n   three steps.\n:::image-end:::\nafter\n",
    );
    assert!(found.is_empty(), "{found:?}");
    match &lines[3] {
        Line::Figure(f) => assert_eq!(f.caption.as_deref(), Some("The chart shows three steps.")),
        other => panic!("{other:?}"),
    }
    assert_eq!(lines[1], Line::Drop);
    assert_eq!(lines[4], Line::Markdown);
}

#[test]
fn an_unclosed_complex_image_is_reported_at_its_first_line() {
    let found =
        problems("text\n:::image type=\"complex\" source=\"b.png\" alt-text=\"x\":::\nmore\n");
    assert_eq!(found[0].0, 2);
    assert!(found[0].3.contains("never closed"), "{found:?}");
}

#[test]
fn image_problems_name_the_attribute() {
    let found = problems(
        ":::image source=\"a.png\":::\n:::image alt-text=\"x\":::\n:::image source=\"a.png\" alt-text=\"x\" width=\"3\":::\n:::image source=\"a.png\" alt-text=\"x\"\n",
    );
    let messages: Vec<&str> = found.iter().map(|f| f.3.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the `:::image` has no `alt-text=\"…\"`",
            "the `:::image` has no `source=\"…\"`",
            "`width` is not an attribute of `:::image`",
            "the `:::image` is not closed with `:::`",
        ]
    );
    assert_eq!((found[2].0, found[2].1), (3, 38));
}

#[test]
fn an_image_inside_a_sentence_is_refused() {
    let found = problems(
        "Use the **Settings** icon :::image type=\"icon\" source=\"media/i.png\" border=\"false\"::: in the top menu.\n",
    );
    assert_eq!(
        found,
        [(1, 27, 8, "a `:::image` inside a sentence".to_string())]
    );
}

#[test]
fn zones_rows_and_other_blocks_are_errors_at_their_line() {
    let found = problems(
        "intro\n::: zone pivot=\"windows\"\nWin\n:::zone-end\n:::row:::\n   :::column span=\"2\":::\n:::code language=\"powershell\" source=\"x.ps1\":::\n::: moniker range=\"v1\"\n:::form action=\"x\":::\n",
    );
    let places: Vec<(usize, usize)> = found.iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(
        places,
        [(2, 1), (4, 1), (5, 1), (6, 4), (7, 1), (8, 1), (9, 1)]
    );
    assert!(found[0].3.contains("DocFX zone"), "{found:?}");
    assert!(found[2].3.contains("column layout"), "{found:?}");
    assert!(found[4].3.contains("code from another file"), "{found:?}");
}

#[test]
fn zone_end_names_its_zone_and_the_fix_is_if() {
    let source = Source::new("p.md", "::: zone pivot=\"a\"\nx\n::: zone-end\n");
    let mut scanner = Scanner::new(&source);
    for (i, l) in source.text.split_inclusive('\n').enumerate() {
        scanner.line(l, i + 1);
    }
    let diags = scanner.finish();
    let helps: Vec<&str> = diags.iter().filter_map(|d| d.help.as_deref()).collect();
    assert!(helps[0].contains("`{{#if …}}`"), "{helps:?}");
    assert!(helps[1].contains("line 1"), "{helps:?}");
}

#[test]
fn includes_videos_and_div_boxes_are_errors_with_their_column() {
    let (lines, found) = scan(
        "[!INCLUDE [portal updates](~/includes/portal-update.md)]\n> [!VIDEO https://www.microsoft.com/videoplayer/embed/RE2MuO3?autoplay=false]\n> [!div class=\"checklist\"]\n> * item\nSee [!include[x](y.md)] here.\n",
    );
    assert_eq!(
        found.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(),
        [(1, 1, 56), (2, 3, 75), (3, 3, 24), (5, 5, 19)]
    );
    assert_eq!(lines[0], Line::Drop);
    assert_eq!(lines[3], Line::Markdown);
    let source = Source::new(
        "p.md",
        "> [!VIDEO https://www.microsoft.com/videoplayer/embed/RE2MmQR]\n",
    );
    let mut scanner = Scanner::new(&source);
    scanner.line(&source.text, 1);
    let diags = scanner.finish();
    let help = diags
        .iter()
        .next()
        .and_then(|d| d.help.clone())
        .unwrap_or_default();
    assert!(
        help.contains("`[Watch the video](https://www.microsoft.com/videoplayer/embed/RE2MmQR)`"),
        "{help}"
    );
}

#[test]
fn alerts_are_not_docfx() {
    assert!(problems("> [!NOTE]\n> x\n>[!Tip]\n> y\n> [!important]\n").is_empty());
}

#[test]
fn tabs_and_the_line_that_ends_them_are_errors() {
    let found =
        problems("## [**iOS**](#tab/iOS)\nx\n## [Android](#tab/Android)\ny\n\n---\n\n---\n");
    assert_eq!(
        found.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(),
        [(1, 1), (3, 1), (6, 1)]
    );
    assert!(found[2].3.contains("start on line 1"), "{found:?}");
}

#[test]
fn docfx_in_code_and_comments_is_left_alone() {
    let text = "```markdown\n:::image source=\"a.png\":::\n[!INCLUDE [x](y.md)]\n```\nWrite `[!INCLUDE [t](p.md)]` or `:::zone`.\n<!-- [!INCLUDE [x](y.md)]\n:::zone pivot=\"x\"\n-->\n";
    let (lines, found) = scan(text);
    assert!(found.is_empty(), "{found:?}");
    assert!(lines.iter().all(|l| *l == Line::Markdown), "{lines:?}");
}

#[test]
fn a_figure_in_a_quote_keeps_its_quote_markers() {
    let (lines, _) = scan("> [!NOTE]\n> :::image source=\"a.png\" alt-text=\"x\":::\n");
    match &lines[1] {
        Line::Figure(f) => assert_eq!(f.indent, "> "),
        other => panic!("{other:?}"),
    }
}
