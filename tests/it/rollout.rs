//! The rollout kit: the schedule from the customer's waves, and per-wave messages as pages
//! and as ready-to-send text files.

use crate::fixture::{Project, find};

const MESSAGE_NL: &str = "---\ntitle: Uitnodiging\norder: 40\nper_wave: true\nverified: 2026-11-20\n---\nOnderwerp: MFA vanaf {{ wave.date }}\n\nGroep {{ wave.number }} ({{ wave.name }}) begint op {{ wave.date }}. Bel {{ helpdesk.phone }}.\n";
const MESSAGE_EN: &str = "---\ntitle: Invitation\norder: 40\nper_wave: true\nverified: 2026-11-20\n---\nSubject: MFA from {{ wave.date }}\n\nWave {{ wave.number }} ({{ wave.name }}) starts on {{ wave.date }}. Call {{ helpdesk.phone }}.\n";
const SCHEDULE: &str = "---\ntitle: Schema\norder: 30\nverified: 2026-11-20\n---\n{{#if waves}}\n{{schedule}}\n{{/if}}\n";

fn with_rollout_pages(fixture: &str) -> Project {
    let p = Project::fixture(fixture);
    p.write("content/nl/rollout/message.md", MESSAGE_NL)
        .write("content/en/rollout/message.md", MESSAGE_EN)
        .write("content/nl/rollout/plan.md", SCHEDULE)
        .write(
            "content/en/rollout/plan.md",
            &SCHEDULE.replace("Schema", "Schedule"),
        );
    p
}

#[test]
fn schedule_lists_every_wave_with_its_date_and_the_mandatory_day() {
    let site = with_rollout_pages("all-features").site();
    let nl = site.file("everything/rollout/nl/plan.html");
    assert!(
        nl.contains("<th scope=\"row\">Pilot</th><td>maandag 16 november 2026</td>"),
        "{nl}"
    );
    assert!(nl.contains("<th scope=\"row\">Iedereen</th><td>maandag 30 november 2026</td>"));
    assert!(nl.contains("MFA verplicht voor iedereen</th><td>maandag 7 december 2026</td>"));
    let en = site.file("everything/rollout/en/plan.html");
    assert!(
        en.contains("<th scope=\"row\">Everyone</th><td>Monday 30 November 2026</td>"),
        "{en}"
    );
}

#[test]
fn per_wave_page_is_written_once_per_wave_and_as_text_files() {
    let site = with_rollout_pages("all-features").site();
    let page = site.file("everything/rollout/nl/message.html");
    assert!(page.contains("<h2 id=\"wave-1\">Pilot · 16 november 2026</h2>"));
    assert!(page.contains("<h2 id=\"wave-2\">Iedereen · 30 november 2026</h2>"));
    let first = site.file("everything/rollout/nl/messages/message-wave-1.txt");
    assert_eq!(first, "Onderwerp: MFA vanaf maandag 16 november 2026\n\nGroep 1 (Pilot) begint op maandag 16 november 2026. Bel +31 (0)20 123 4567.\n".replace("+31 (0)20", "+31 20"));
    let second = site.file("everything/rollout/en/messages/message-wave-2.txt");
    assert!(
        second.starts_with("Subject: MFA from Monday 30 November 2026\n"),
        "{second}"
    );
    assert!(second.contains("Call +31 20 123 4567."));
}

#[test]
fn customer_without_waves_gets_no_messages_and_no_schedule() {
    let site = with_rollout_pages("app-only").site();
    assert!(!site.has("appco/rollout/nl/message.html"));
    assert!(!site.paths().iter().any(|p| p.contains("/messages/")));
    assert!(
        !site
            .file("appco/rollout/nl/plan.html")
            .contains("class=\"schedule\"")
    );
}

#[test]
fn wave_variables_outside_a_per_wave_page_are_an_error() {
    let p = with_rollout_pages("all-features");
    p.edit(
        "content/nl/rollout/plan.md",
        "{{schedule}}",
        "{{schedule}}\nStart: {{ wave.date }}",
    );
    let d = find(&p.errors(), "`wave.date` only has a value").clone();
    assert_eq!(
        (d.file(), d.line(), d.column()),
        ("content/nl/rollout/plan.md", 8, 8)
    );
}
