//! The built-in library as the example customers get it: every path complete, nothing of
//! another method leaking in, the rollout kit computed from each customer file.

use handboek::files::Files;
use handboek::project::{customer_ids, load_customers, load_settings};
use handboek::{BuildOptions, build};

use crate::fixture::Site;

fn examples() -> (Site, Vec<handboek::customer::Customer>) {
    let files = Files::builtin_examples();
    let b = build(&files, &BuildOptions::default()).expect("build runs");
    assert!(
        b.diagnostics.is_empty(),
        "the built-in examples have problems:\n{}",
        b.diagnostics
    );
    let settings = load_settings(&files)
        .expect("reads")
        .expect("valid settings");
    let (customers, problems) = load_customers(&files, &settings, &[]).expect("reads");
    assert!(problems.is_empty());
    (Site(b), customers)
}

/// Screens only the steps of one method show.
const APP_SCREENS: [&str; 2] = ["screen--authenticator-qr", "screen--authenticator-prompt"];
const SMS_SCREENS: [&str; 2] = ["screen--phone-setup", "screen--enter-code"];

#[test]
fn there_are_at_least_four_examples_covering_every_method_and_every_feature() {
    let files = Files::builtin_examples();
    assert!(customer_ids(&files).expect("ids").len() >= 4);
    let (_, customers) = examples();
    use handboek::customer::{Feature, Method};
    for method in [Method::App, Method::Sms, Method::Choose] {
        assert!(customers.iter().any(|c| c.method == method), "{method:?}");
    }
    assert!(
        customers
            .iter()
            .any(|c| Feature::ALL.iter().all(|f| c.has(*f))),
        "one customer has every feature on"
    );
    assert!(
        customers
            .iter()
            .any(|c| c.languages[0] == handboek::lang::Lang::En),
        "one is English-first"
    );
    assert!(
        customers
            .iter()
            .any(|c| c.country == handboek::phone::Country::Be),
        "one is Belgian"
    );
}

#[test]
fn every_example_gets_its_paths_and_features_and_no_other_methods_steps() {
    use handboek::customer::{Factor, Feature};
    let (site, customers) = examples();
    for c in &customers {
        for lang in &c.languages {
            let dir = format!("{}/employee/{lang}", c.id);
            let page = |slug: &str| site.has(&format!("{dir}/{slug}.html"));
            for (factor, slug) in [(Factor::App, "app-setup"), (Factor::Sms, "sms-setup")] {
                assert_eq!(page(slug), c.factors.contains(&factor), "{dir}: {slug}");
            }
            assert_eq!(page("choose"), c.factors.len() > 1, "{dir}: choose");
            for (feature, slug) in [
                (Feature::RemoteDesktop, "remote-desktop"),
                (Feature::TrustedLocation, "office-network"),
                (Feature::NewLaptop, "new-laptop"),
                (Feature::SharedDevices, "shared-devices"),
            ] {
                assert_eq!(page(slug), c.has(feature), "{dir}: {slug}");
            }
            for slug in [
                "index",
                "sign-in",
                "add-method",
                "new-phone",
                "lost-phone",
                "no-smartphone",
                "faq",
            ] {
                assert!(page(slug), "{dir}: {slug} missing");
            }
            let all_html: String = site
                .html_files()
                .into_iter()
                .filter(|(p, _)| p.starts_with(&format!("{}/", c.id)))
                .map(|(_, h)| h)
                .collect();
            if !c.factors.contains(&Factor::App) {
                for marker in APP_SCREENS {
                    assert!(
                        !all_html.contains(marker),
                        "{}: app step {marker} leaked",
                        c.id
                    );
                }
            }
            if !c.factors.contains(&Factor::Sms) {
                for marker in SMS_SCREENS {
                    assert!(
                        !all_html.contains(marker),
                        "{}: sms step {marker} leaked",
                        c.id
                    );
                }
            }
        }
    }
}

#[test]
fn every_page_has_the_helpdesk_and_both_languages_have_the_same_pages() {
    let (site, customers) = examples();
    for c in &customers {
        for audience in ["employee", "admin", "rollout"] {
            let mut per_lang = Vec::new();
            for lang in &c.languages {
                let prefix = format!("{}/{audience}/{lang}/", c.id);
                let mut pages: Vec<String> = site
                    .paths()
                    .into_iter()
                    .filter(|p| p.starts_with(&prefix) && p.ends_with(".html"))
                    .map(|p| {
                        p[prefix.len()..]
                            .replace("handbook.html", "handboek.html")
                            .replace("poster.html", "affiche.html")
                    })
                    .collect();
                pages.sort();
                for page in &pages {
                    let html = site.file(
                        &format!("{prefix}{page}")
                            .replace("handboek.html", lang.print_file())
                            .replace("affiche.html", lang.poster_file()),
                    );
                    assert!(
                        html.contains(c.helpdesk.phone.display()),
                        "{prefix}{page} has no helpdesk number"
                    );
                }
                per_lang.push(pages);
            }
            if per_lang.len() == 2 {
                assert_eq!(
                    per_lang[0], per_lang[1],
                    "{}/{audience}: nl and en differ",
                    c.id
                );
            }
        }
    }
}

#[test]
fn rollout_schedule_and_reminder_files_use_the_customers_dates_and_helpdesk() {
    let (site, customers) = examples();
    for c in customers.iter().filter(|c| !c.waves.is_empty()) {
        for lang in &c.languages {
            let schedule = site.file(&format!("{}/rollout/{lang}/schedule.html", c.id));
            for w in &c.waves {
                assert!(
                    schedule.contains(&w.date.format_with_weekday(lang.date_lang())),
                    "{}: {}",
                    c.id,
                    w.date.iso()
                );
            }
            assert!(schedule.contains(&c.mandatory_from.format_with_weekday(lang.date_lang())));
            for (n, w) in c.waves.iter().enumerate() {
                for message in ["message-invitation", "message-reminder"] {
                    let path = format!(
                        "{}/rollout/{lang}/messages/{message}-wave-{}.txt",
                        c.id,
                        n + 1
                    );
                    let text = site.file(&path);
                    assert!(
                        text.contains(c.helpdesk.phone.display()),
                        "{path}: no helpdesk phone"
                    );
                    assert!(
                        text.contains(w.date.format_with_weekday(lang.date_lang()).as_str())
                            || text.contains(w.date.format_long(lang.date_lang()).as_str()),
                        "{path}: no wave date"
                    );
                    assert!(
                        !text.contains("{{") && !text.contains('\u{E000}'),
                        "{path}: unresolved"
                    );
                }
            }
        }
    }
}

/// Regression: the method table broke "Authentic|ator" at 390 px. Long words in tables
/// carry soft hyphens; search, headings and addresses never do.
#[test]
fn long_words_in_tables_get_soft_hyphens_and_search_sees_none() {
    const SOFT: char = '\u{ad}';
    let (site, _) = examples();
    let table = site.file("studio-noord/employee/nl/choose.html");
    assert!(
        table.contains("Au\u{ad}then\u{ad}ti\u{ad}ca\u{ad}tor-app"),
        "no soft hyphens in the method table"
    );
    for (path, text) in site.html_files() {
        let doc = scraper::Html::parse_document(&text);
        let kept = scraper::Selector::parse(
            "title, h1, h2, h3, a[href^='https:'], a[href^='mailto:'], a[href^='tel:'], code",
        )
        .expect("selector");
        for element in doc.select(&kept) {
            let text: String = element.text().collect();
            assert!(!text.contains(SOFT), "{path}: soft hyphen in {text:?}");
        }
    }
    for path in site
        .paths()
        .into_iter()
        .filter(|p| p.ends_with("search-index.js"))
    {
        assert!(!site.file(&path).contains(SOFT), "{path} has soft hyphens");
    }
}
