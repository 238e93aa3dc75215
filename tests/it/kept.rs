//! The preview builds again on every save and takes over the theme and the pages it parsed
//! before (`handboek::rebuild` with `Kept::on`): after any edit, what it builds is what a
//! build from scratch makes of the same files.

use std::path::Path;

use handboek::files::Files;
use handboek::{BuildOptions, Kept, build, rebuild};

use crate::fixture::Project;

/// Rebuilds with `kept` and builds from scratch: the same files, the same problems.
fn rebuilt_as_new(project: &Project, kept: &Kept) -> handboek::Build {
    let files = Files::project(project.path());
    let again = rebuild(&files, &BuildOptions::default(), kept).expect("rebuilds");
    let fresh = build(&files, &BuildOptions::default()).expect("builds");
    let listed = |b: &handboek::Build| -> Vec<(String, Vec<u8>)> {
        b.output
            .files()
            .map(|(p, bytes)| (p, bytes.to_vec()))
            .collect()
    };
    assert_eq!(
        again.diagnostics.to_string(),
        fresh.diagnostics.to_string(),
        "the same problems"
    );
    assert!(listed(&again) == listed(&fresh), "the same files");
    again
}

fn page(project: &Project, kept: &Kept, path: &str) -> String {
    let built = rebuilt_as_new(project, kept);
    let bytes = built
        .output
        .get(path)
        .unwrap_or_else(|| panic!("{path} not built: {}", built.diagnostics));
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn builtin(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).expect(rel)
}

const START: &str = "everything/employee/nl/index.html";

#[test]
fn an_edited_page_template_or_term_is_seen_by_the_next_rebuild() {
    let project = Project::fixture("all-features");
    let kept = Kept::on();
    assert!(!page(&project, &kept, START).contains("Eerste versie"));
    // Nothing changed: everything is taken over, and still the same.
    rebuilt_as_new(&project, &kept);

    let start = builtin("content/nl/employee/index.md");
    project.write(
        "content/nl/employee/index.md",
        &format!("{start}\nEerste versie.\n"),
    );
    assert!(page(&project, &kept, START).contains("Eerste versie."));
    project.write(
        "content/nl/employee/index.md",
        &format!("{start}\nTweede versie.\n"),
    );
    let html = page(&project, &kept, START);
    assert!(html.contains("Tweede versie.") && !html.contains("Eerste versie."));

    let template = builtin("themes/default/templates/page.html");
    project.write(
        "themes/default/templates/page.html",
        &template.replacen(
            "{% endblock scripts %}",
            "<!-- eigen thema -->{% endblock scripts %}",
            1,
        ),
    );
    assert!(page(&project, &kept, START).contains("<!-- eigen thema -->"));
    std::fs::remove_file(project.path().join("themes/default/templates/page.html"))
        .expect("remove");
    assert!(!page(&project, &kept, START).contains("<!-- eigen thema -->"));

    // A page with a term the list does not have yet is an error; once the project's term
    // list has it, the page (unchanged) is read against the new list.
    project.write(
        "content/nl/employee/index.md",
        &format!("{start}\nVraag het {{{{ term.loket }}}}.\n"),
    );
    project.write(
        "content/en/employee/index.md",
        &builtin("content/en/employee/index.md"),
    );
    let files = Files::project(project.path());
    let broken = rebuild(&files, &BuildOptions::default(), &kept).expect("rebuilds");
    assert!(broken.diagnostics.to_string().contains("term.loket"));
    project.write(
        "terms.yaml",
        "loket: { nl: servicepunt, en: service desk }\n",
    );
    assert!(page(&project, &kept, START).contains("Vraag het servicepunt."));

    // A page removed from the project is the built-in one again.
    std::fs::remove_file(project.path().join("content/nl/employee/index.md")).expect("remove");
    assert!(!page(&project, &kept, START).contains("servicepunt"));
}
