//! The https address on learn.microsoft.com of a link as Learn pages write it: relative to
//! the article (`x.md`, `../y/x.md`), to the root of its documentation set (`~/…`), to the
//! site (`/azure/…`, `/entra/…`) or to the Azure repository (`../articles/…`). Only
//! site-relative links give a certain address; for the others we say that it is a guess.

/// The address `dest` most likely stands for on Learn, and whether it is a guess; `page` is
/// the text of the page the link is in (its Learn front matter, while it has one, tells
/// the article's folder). `None` when `dest` does not look like a Learn link.
pub fn learn_address(dest: &str, page: &str) -> Option<(String, bool)> {
    let (path, anchor) = dest
        .split_once('#')
        .map_or((dest, None), |(p, a)| (p, Some(a)));
    let (path, query) = path
        .split_once('?')
        .map_or((path, None), |(p, q)| (p, Some(q)));
    let path = path
        .strip_suffix(".md")
        .or_else(|| path.strip_suffix(".yml"))
        .unwrap_or(path);
    if path.is_empty() || path.contains(':') || path.contains('\\') {
        return None;
    }
    let (address, guess) = if let Some(rest) = path.strip_prefix("~/") {
        let docset = match rest.split('/').next() {
            Some(first) if ENTRA_ROOTS.contains(&first) => "entra",
            _ => return None,
        };
        (format!("{docset}/{rest}"), true)
    } else if let Some(rest) = path.strip_prefix('/') {
        (rest.to_string(), false)
    } else if let Some(rest) = after_articles(path) {
        (format!("azure/{rest}"), true)
    } else {
        (
            crate::files::join_relative(&article_folder(page)?, path)?,
            true,
        )
    };
    let mut url = format!("https://learn.microsoft.com/{address}");
    if let Some(query) = query.map(without_navigation).filter(|q| !q.is_empty()) {
        url.push('?');
        url.push_str(&query);
    }
    if let Some(anchor) = anchor {
        url.push('#');
        url.push_str(anchor);
    }
    Some((url, guess))
}

/// The hint for a link to `dest` that is not a page of the handbook, if it looks like a
/// Learn link.
pub fn hint(dest: &str, page: &str) -> Option<String> {
    let Some((url, guess)) = learn_address(dest, page) else {
        let file = dest.split(['#', '?']).next().unwrap_or(dest);
        let relative = (file.ends_with(".md") || file.ends_with(".yml")) && !file.contains(':');
        return relative.then(|| format!("if it is a link to another Microsoft Learn article, write that article's https address: `{file}` is relative to the article you pasted, so follow the link on learn.microsoft.com and copy the address it leads to."));
    };
    Some(match guess {
        false => format!("it is a link to Microsoft Learn: write its address, `{url}`."),
        true => format!(
            "if it is a link to Microsoft Learn, write its address, most likely `{url}` (a guess: open it to be sure)."
        ),
    })
}

/// The first folders under `~/` of Microsoft Entra's documentation (`docs/` of
/// MicrosoftDocs/entra-docs, published at learn.microsoft.com/entra/).
const ENTRA_ROOTS: [&str; 13] = [
    "identity",
    "fundamentals",
    "id-governance",
    "external-id",
    "global-secure-access",
    "id-protection",
    "identity-platform",
    "architecture",
    "permissions-management",
    "verified-id",
    "workload-id",
    "agent-id",
    "standards",
];

/// The rest of a path that goes up to Azure's `articles/` folder: `../../articles/x/y`.
fn after_articles(path: &str) -> Option<&str> {
    let mut rest = path;
    while let Some(up) = rest.strip_prefix("../") {
        rest = up;
    }
    (rest.len() < path.len()).then_some(())?;
    rest.strip_prefix("articles/")
}

/// The folder on Learn of the article a page was pasted from, from its Learn front matter
/// (`ms.service` and `ms.subservice`), for the services of sign-in and MFA.
fn article_folder(page: &str) -> Option<String> {
    let (front_matter, _, _) = crate::content::split_front_matter(page)?;
    let value = |key: &str| {
        front_matter.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == key).then(|| v.trim().trim_matches(['"', '\'']).to_string())
        })
    };
    let sub = value("ms.subservice");
    match (value("ms.service")?.as_str(), sub.as_deref()) {
        ("entra-id", Some("fundamentals")) => Some("entra/fundamentals".into()),
        ("entra-id", Some(sub)) if !sub.is_empty() => Some(format!("entra/identity/{sub}")),
        ("entra-external-id", Some(sub)) if !sub.is_empty() => {
            Some(format!("entra/external-id/{sub}"))
        }
        ("entra-id-governance", _) => Some("entra/id-governance".into()),
        _ => None,
    }
}

/// A query without the parameters that only choose Learn's navigation (`toc`, `bc`).
fn without_navigation(query: &str) -> String {
    query
        .split('&')
        .filter(|p| !p.starts_with("toc=") && !p.starts_with("bc="))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRA_PAGE: &str =
        "---\ntitle: x\nms.service: entra-id\nms.subservice: authentication\n---\n";

    #[test]
    fn site_links_are_certain() {
        assert_eq!(
            learn_address("/azure/active-directory/fundamentals/concept-fundamentals-security-defaults", ""),
            Some(("https://learn.microsoft.com/azure/active-directory/fundamentals/concept-fundamentals-security-defaults".into(), false))
        );
        assert_eq!(
            learn_address("/entra/identity/role-based-access-control/permissions-reference?toc=/powershell/entra-powershell/toc.json&bc=/x#global-reader", "").map(|a| a.0),
            Some("https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference#global-reader".into())
        );
        assert_eq!(
            learn_address("/windows/security/identity-protection/passkeys/?tabs=windows%2Cintune#x", "").map(|a| a.0),
            Some("https://learn.microsoft.com/windows/security/identity-protection/passkeys/?tabs=windows%2Cintune#x".into())
        );
    }

    #[test]
    fn docset_links_are_entras_and_a_guess() {
        assert_eq!(
            learn_address("~/identity/role-based-access-control/permissions-reference.md#conditional-access-administrator", ""),
            Some(("https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference#conditional-access-administrator".into(), true))
        );
        assert_eq!(
            learn_address("~/fundamentals/how-to-manage-groups.yml", "").map(|a| a.0),
            Some("https://learn.microsoft.com/entra/fundamentals/how-to-manage-groups".into())
        );
        assert_eq!(learn_address("~/articles/x.md", ""), None);
    }

    #[test]
    fn relative_links_need_the_articles_folder() {
        assert_eq!(
            learn_address("../role-based-access-control/permissions-reference.md#authentication-policy-administrator", ENTRA_PAGE),
            Some(("https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference#authentication-policy-administrator".into(), true))
        );
        assert_eq!(
            learn_address("./tutorial-enable-sspr-writeback.md", ENTRA_PAGE).map(|a| a.0),
            Some("https://learn.microsoft.com/entra/identity/authentication/tutorial-enable-sspr-writeback".into())
        );
        assert_eq!(
            learn_address("concept-fido2-compatibility.md", "---\ntitle: x\n---\n"),
            None
        );
        assert_eq!(
            learn_address("../../articles/active-directory/authentication/concept-mfa-howitworks.md", "").map(|a| a.0),
            Some("https://learn.microsoft.com/azure/active-directory/authentication/concept-mfa-howitworks".into())
        );
    }

    #[test]
    fn hints_say_when_they_guess() {
        assert!(
            hint("/entra/x", "")
                .unwrap()
                .contains("write its address, `https://learn.microsoft.com/entra/x`")
        );
        assert!(hint("~/identity/x.md", "").unwrap().contains("a guess"));
        assert_eq!(hint("https://x.nl", ""), None);
    }
}
