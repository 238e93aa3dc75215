//! Which browser prints the PDFs, and how it is started: the one named with `--chromium` /
//! `HANDBOEK_CHROMIUM`, else Edge, Chrome or Chromium at the standard install places of the
//! system we run on, else one of them on `PATH`. The lookup is a pure function of the
//! system, its environment and which files exist, so every system's order is tested on any.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

/// The systems whose install places we know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Windows,
    MacOs,
    Linux,
}

impl Platform {
    /// The system this binary was built for.
    pub const fn current() -> Platform {
        if cfg!(windows) {
            Platform::Windows
        } else if cfg!(target_os = "macos") {
            Platform::MacOs
        } else {
            Platform::Linux
        }
    }

    fn separator(self) -> &'static str {
        match self {
            Platform::Windows => "\\",
            Platform::MacOs | Platform::Linux => "/",
        }
    }

    /// The program names we look for in each folder on `PATH`, most likely first.
    fn names_on_path(self) -> &'static [&'static str] {
        match self {
            Platform::Windows => &["msedge.exe", "chrome.exe", "chromium.exe"],
            Platform::MacOs | Platform::Linux => &[
                "chromium",
                "chromium-browser",
                "google-chrome",
                "google-chrome-stable",
                "microsoft-edge",
                "microsoft-edge-stable",
            ],
        }
    }
}

/// Where the browser install places of Windows begin: an environment variable, so that a
/// Windows on another drive or in another language is found too.
///
/// Edge comes first on Windows because every Windows PC has it, kept current by Windows
/// Update; Chrome and Chromium follow, each in the folder it installs to for all users
/// (`Program Files`, 64 or 32 bit) or for one user (`%LOCALAPPDATA%`).
const WINDOWS: [(&str, &str); 9] = [
    (
        "ProgramFiles(x86)",
        r"Microsoft\Edge\Application\msedge.exe",
    ),
    ("ProgramFiles", r"Microsoft\Edge\Application\msedge.exe"),
    ("LOCALAPPDATA", r"Microsoft\Edge\Application\msedge.exe"),
    ("ProgramFiles", r"Google\Chrome\Application\chrome.exe"),
    ("ProgramFiles(x86)", r"Google\Chrome\Application\chrome.exe"),
    ("LOCALAPPDATA", r"Google\Chrome\Application\chrome.exe"),
    ("LOCALAPPDATA", r"Chromium\Application\chrome.exe"),
    ("ProgramFiles", r"Chromium\Application\chrome.exe"),
    ("ProgramFiles(x86)", r"Chromium\Application\chrome.exe"),
];

/// The browsers' programs inside their app bundles on macOS, looked for in `/Applications`
/// and then in the user's own `~/Applications`.
const MACOS: [&str; 3] = [
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "Chromium.app/Contents/MacOS/Chromium",
];

/// Where Linux distributions and the vendors' packages put the browsers (Chromium first:
/// it is what distributions package).
const LINUX: [&str; 9] = [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome",
    "/opt/google/chrome/chrome",
    "/usr/bin/microsoft-edge-stable",
    "/usr/bin/microsoft-edge",
    "/opt/microsoft/msedge/msedge",
];

/// Every place to look for a browser, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// The standard install places.
    pub installed: Vec<PathBuf>,
    /// The folders on `PATH`, each searched for every one of `names`.
    pub path: Vec<PathBuf>,
    pub names: &'static [&'static str],
}

impl Places {
    /// The places on `os`, whose environment variables `var` reads.
    pub fn of(os: Platform, var: &dyn Fn(&str) -> Option<OsString>) -> Places {
        let installed = match os {
            Platform::Windows => WINDOWS
                .iter()
                .filter_map(|(base, rel)| Some(join(os, &var(base)?, rel)))
                .collect(),
            Platform::MacOs => {
                let home = var("HOME").map(|h| join(os, &h, "Applications"));
                [Some(PathBuf::from("/Applications")), home]
                    .into_iter()
                    .flatten()
                    .flat_map(|apps| MACOS.map(|app| join(os, apps.as_os_str(), app)))
                    .collect()
            }
            Platform::Linux => LINUX.iter().map(PathBuf::from).collect(),
        };
        let path = var("PATH")
            .map(|p| split_path(os, &p.to_string_lossy()))
            .unwrap_or_default();
        let mut places = Places {
            installed,
            path,
            names: os.names_on_path(),
        };
        places.installed.dedup();
        places
    }

    /// Every candidate in order: the install places, then each folder on `PATH`.
    pub fn candidates(&self, os: Platform) -> impl Iterator<Item = PathBuf> + '_ {
        let on_path = self.path.iter().flat_map(move |dir| {
            self.names
                .iter()
                .map(move |name| join(os, dir.as_os_str(), name))
        });
        self.installed.iter().cloned().chain(on_path)
    }

    /// The first candidate that `exists`.
    pub fn find(&self, os: Platform, exists: &dyn Fn(&Path) -> bool) -> Option<PathBuf> {
        self.candidates(os).find(|path| exists(path))
    }

    /// Every place, for the message when none holds a browser.
    fn describe(&self) -> String {
        let mut text = String::new();
        for path in &self.installed {
            text.push_str(&format!("\n  {}", path.display()));
        }
        let names = self.names.join(", ");
        if self.path.is_empty() {
            text.push_str(&format!("\n  {names} on PATH (PATH is empty)"));
        }
        for dir in &self.path {
            text.push_str(&format!("\n  {names} in {} (on PATH)", dir.display()));
        }
        text
    }
}

/// `base` and `rel` joined with the separator of `os` (not of the system we run on, so
/// that a Windows path is built right in a test on Linux).
fn join(os: Platform, base: &OsStr, rel: &str) -> PathBuf {
    let sep = os.separator();
    let mut path = base.to_os_string();
    if !base.to_string_lossy().ends_with(['/', '\\']) {
        path.push(sep);
    }
    path.push(rel);
    PathBuf::from(path)
}

/// The folders of a `PATH` value: `;`-separated on Windows, where a folder may be quoted
/// (and then hold a `;`); `:`-separated elsewhere. Empty entries are left out.
fn split_path(os: Platform, value: &str) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let mut dir = String::new();
    let mut quoted = false;
    for c in value.chars() {
        match (os, c) {
            (Platform::Windows, '"') => quoted = !quoted,
            (Platform::Windows, ';') | (Platform::MacOs | Platform::Linux, ':') if !quoted => {
                dirs.push(std::mem::take(&mut dir));
            }
            _ => dir.push(c),
        }
    }
    dirs.push(dir);
    dirs.into_iter()
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .collect()
}

/// The browser to print with: `explicit` (from `--chromium` or `HANDBOEK_CHROMIUM`), or the
/// first one found in the places of this system.
pub fn find_chromium(explicit: Option<&Path>) -> Result<PathBuf> {
    lookup(
        explicit,
        Platform::current(),
        &|name| std::env::var_os(name),
        &|path| path.is_file(),
    )
}

fn lookup(
    explicit: Option<&Path>,
    os: Platform,
    var: &dyn Fn(&str) -> Option<OsString>,
    exists: &dyn Fn(&Path) -> bool,
) -> Result<PathBuf> {
    if let Some(path) = explicit {
        if exists(path) {
            return Ok(path.to_path_buf());
        }
        bail!(
            "no Chromium at {} (from --chromium or HANDBOEK_CHROMIUM)",
            path.display()
        );
    }
    let places = Places::of(os, var);
    if let Some(found) = places.find(os, exists) {
        return Ok(found);
    }
    let install = match os {
        Platform::Windows => {
            "Microsoft Edge comes with Windows: reinstall it, or install Google Chrome"
        }
        Platform::MacOs => "install Google Chrome or Microsoft Edge",
        Platform::Linux => "install Chromium (Debian, Ubuntu: `apt-get install chromium`)",
    };
    bail!(
        "--pdf needs Microsoft Edge, Google Chrome or Chromium and found none; looked at:{}\n{install}, or name the browser with --chromium PATH (or HANDBOEK_CHROMIUM)",
        places.describe()
    )
}

/// The arguments that set up Chromium's sandbox: none, so that it runs sandboxed, except
/// as root on Linux, where Chromium refuses to start with its sandbox ("Running as root
/// without --no-sandbox is not supported": its sandbox drops privileges that root cannot
/// give up that way). CI machines and containers run as root; a consultant does not.
pub fn sandbox_args(os: Platform, root: bool) -> &'static [&'static str] {
    match (os, root) {
        (Platform::Linux, true) => &["--no-sandbox"],
        _ => &[],
    }
}

/// Whether this process runs as root (effective user id 0); only asked on Linux.
pub fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| effective_uid(&status))
        == Some(0)
}

/// The effective user id in the text of `/proc/self/status` (`Uid: real effective saved fs`).
fn effective_uid(status: &str) -> Option<u32> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("Uid:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: BTreeMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn strings(paths: impl Iterator<Item = PathBuf>) -> Vec<String> {
        paths.map(|p| p.to_string_lossy().into_owned()).collect()
    }

    fn windows_env() -> impl Fn(&str) -> Option<OsString> {
        env(&[
            ("ProgramFiles", r"C:\Program Files"),
            ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            ("LOCALAPPDATA", r"D:\Users\Jan de Vries\AppData\Local"),
            ("PATH", r#"C:\Windows\system32;"C:\Tools;x";;C:\Windows"#),
        ])
    }

    #[test]
    fn windows_looks_for_edge_then_chrome_then_chromium_from_the_environment() {
        let places = Places::of(Platform::Windows, &windows_env());
        let all = strings(places.candidates(Platform::Windows));
        assert_eq!(
            all[..9],
            [
                r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
                r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
                r"D:\Users\Jan de Vries\AppData\Local\Microsoft\Edge\Application\msedge.exe",
                r"C:\Program Files\Google\Chrome\Application\chrome.exe",
                r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
                r"D:\Users\Jan de Vries\AppData\Local\Google\Chrome\Application\chrome.exe",
                r"D:\Users\Jan de Vries\AppData\Local\Chromium\Application\chrome.exe",
                r"C:\Program Files\Chromium\Application\chrome.exe",
                r"C:\Program Files (x86)\Chromium\Application\chrome.exe",
            ]
        );
        assert_eq!(
            all[9..],
            [
                r"C:\Windows\system32\msedge.exe",
                r"C:\Windows\system32\chrome.exe",
                r"C:\Windows\system32\chromium.exe",
                r"C:\Tools;x\msedge.exe",
                r"C:\Tools;x\chrome.exe",
                r"C:\Tools;x\chromium.exe",
                r"C:\Windows\msedge.exe",
                r"C:\Windows\chrome.exe",
                r"C:\Windows\chromium.exe",
            ]
        );
    }

    #[test]
    fn windows_path_folders_are_split_on_semicolons_and_unquoted() {
        assert_eq!(
            split_path(
                Platform::Windows,
                r#"C:\a;"C:\Program Files\b";;"D:\x;y";C:\c\"#
            ),
            [r"C:\a", r"C:\Program Files\b", r"D:\x;y", r"C:\c\"].map(PathBuf::from)
        );
        assert_eq!(
            split_path(Platform::Linux, "/usr/bin::/opt/x"),
            ["/usr/bin", "/opt/x"].map(PathBuf::from)
        );
    }

    #[test]
    fn windows_without_program_files_x86_skips_those_places() {
        let var = env(&[("ProgramFiles", r"C:\Program Files\")]);
        let places = Places::of(Platform::Windows, &var);
        assert_eq!(
            strings(places.installed.into_iter()),
            [
                r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
                r"C:\Program Files\Google\Chrome\Application\chrome.exe",
                r"C:\Program Files\Chromium\Application\chrome.exe",
            ]
        );
    }

    #[test]
    fn windows_finds_a_per_user_chrome_when_edge_is_gone() {
        let installed: BTreeSet<&str> = [
            r"D:\Users\Jan de Vries\AppData\Local\Google\Chrome\Application\chrome.exe",
            r"C:\Windows\chrome.exe",
        ]
        .into();
        let exists = |p: &Path| installed.contains(p.to_string_lossy().as_ref());
        let found = lookup(None, Platform::Windows, &windows_env(), &exists).unwrap();
        assert_eq!(
            found,
            PathBuf::from(
                r"D:\Users\Jan de Vries\AppData\Local\Google\Chrome\Application\chrome.exe"
            )
        );
    }

    #[test]
    fn macos_looks_in_applications_then_the_users_applications_then_path() {
        let var = env(&[("HOME", "/Users/jan"), ("PATH", "/opt/homebrew/bin")]);
        let places = Places::of(Platform::MacOs, &var);
        let all = strings(places.candidates(Platform::MacOs));
        assert_eq!(
            all[..6],
            [
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                "/Applications/Chromium.app/Contents/MacOS/Chromium",
                "/Users/jan/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                "/Users/jan/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                "/Users/jan/Applications/Chromium.app/Contents/MacOS/Chromium",
            ]
        );
        assert_eq!(all[6], "/opt/homebrew/bin/chromium");
        let only_user_edge = |p: &Path| p.starts_with("/Users/jan/Applications/Microsoft Edge.app");
        assert_eq!(
            lookup(None, Platform::MacOs, &var, &only_user_edge).unwrap(),
            PathBuf::from(
                "/Users/jan/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"
            )
        );
    }

    #[test]
    fn linux_prefers_the_packaged_places_to_path() {
        let var = env(&[("PATH", "/home/jan/bin:/usr/bin")]);
        let exists = |p: &Path| {
            ["/home/jan/bin/chromium", "/usr/bin/google-chrome-stable"]
                .contains(&p.to_string_lossy().as_ref())
        };
        assert_eq!(
            lookup(None, Platform::Linux, &var, &exists).unwrap(),
            PathBuf::from("/usr/bin/google-chrome-stable")
        );
        let only_on_path = |p: &Path| p == Path::new("/home/jan/bin/chromium");
        assert_eq!(
            lookup(None, Platform::Linux, &var, &only_on_path).unwrap(),
            PathBuf::from("/home/jan/bin/chromium")
        );
    }

    #[test]
    fn an_explicit_browser_wins_over_every_place() {
        let everything = |_: &Path| true;
        let explicit = Path::new(r"E:\Portable\chrome.exe");
        assert_eq!(
            lookup(
                Some(explicit),
                Platform::Windows,
                &windows_env(),
                &everything
            )
            .unwrap(),
            explicit
        );
    }

    #[test]
    fn a_missing_explicit_chromium_is_named_in_the_error() {
        let err = lookup(
            Some(Path::new("/nowhere/chromium")),
            Platform::Linux,
            &env(&[]),
            &|p| p == Path::new("/usr/bin/chromium"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("/nowhere/chromium"), "{err}");
    }

    #[test]
    fn the_error_lists_every_place_it_looked() {
        let err = lookup(None, Platform::Windows, &windows_env(), &|_| false)
            .unwrap_err()
            .to_string();
        let places = Places::of(Platform::Windows, &windows_env());
        for path in &places.installed {
            assert!(err.contains(&path.to_string_lossy().to_string()), "{err}");
        }
        for dir in [r"C:\Windows\system32", r"C:\Tools;x", r"C:\Windows"] {
            assert!(
                err.contains(&format!(
                    "msedge.exe, chrome.exe, chromium.exe in {dir} (on PATH)"
                )),
                "{err}"
            );
        }
        assert!(err.contains("--chromium PATH"), "{err}");
        let linux = lookup(None, Platform::Linux, &env(&[]), &|_| false)
            .unwrap_err()
            .to_string();
        assert!(linux.contains("\n  /usr/bin/chromium\n"), "{linux}");
        assert!(linux.contains("on PATH (PATH is empty)"), "{linux}");
    }

    #[test]
    fn only_root_on_linux_runs_without_the_sandbox() {
        assert_eq!(sandbox_args(Platform::Linux, true), ["--no-sandbox"]);
        assert!(sandbox_args(Platform::Linux, false).is_empty());
        assert!(sandbox_args(Platform::Windows, true).is_empty());
        assert!(sandbox_args(Platform::MacOs, true).is_empty());
    }

    #[test]
    fn the_effective_uid_is_the_second_number() {
        let status = "Name:\tcat\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\n";
        assert_eq!(effective_uid(status), Some(0));
        assert_eq!(effective_uid("Uid:\t0\t1000\t1000\t1000\n"), Some(1000));
        assert_eq!(effective_uid("Name: x\n"), None);
    }
}
