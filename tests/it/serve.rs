//! `handboek serve` as a browser sees it: the binary on an ephemeral port, a plain HTTP
//! client over TCP, and the server-sent events a page listens to.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::fixture::Project;

/// The longest any one wait may take.
const WAIT: Duration = Duration::from_secs(10);
/// The first build of a debug binary on a busy 2-core machine takes longer.
const START: Duration = Duration::from_secs(60);

const PAGE: &str = "/appco/employee/nl/index.html";

/// A running `handboek serve` in a fixture project; killed when dropped, also on panic.
struct Server {
    child: Child,
    addr: String,
    stderr: Arc<Mutex<String>>,
    project: Project,
}

impl Server {
    fn start(project: Project) -> Server {
        Server::start_with(project, &[])
    }

    fn start_with(project: Project, args: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("handboek"))
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(project.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("handboek serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let stderr_pipe = child.stderr.take().expect("stderr");
        let stderr = Arc::new(Mutex::new(String::new()));
        let collected = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr_pipe).lines().map_while(Result::ok) {
                let mut all = collected.lock().expect("stderr lock");
                all.push_str(&line);
                all.push('\n');
            }
        });
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let mut server = Server {
            child,
            addr: String::new(),
            stderr,
            project,
        };
        let line = rx
            .recv_timeout(START)
            .unwrap_or_else(|_| panic!("no URL on stdout; stderr:\n{}", server.log()));
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("the first line names the URL: {line:?}"));
        server.addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
        server
    }

    fn log(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// One request with the path sent exactly as given.
    fn get(&self, path: &str) -> Reply {
        self.get_from(path, Some(&self.addr))
    }

    /// One request with the `Host:` header as given (none for `None`).
    fn get_from(&self, path: &str, host: Option<&str>) -> Reply {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        let host = host.map_or(String::new(), |h| format!("Host: {h}\r\n"));
        write!(stream, "GET {path} HTTP/1.0\r\n{host}\r\n").expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("a whole reply");
        let raw = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = raw.split_once("\r\n\r\n").expect("head and body");
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("status");
        Reply {
            status,
            head: head.to_ascii_lowercase(),
            body: body.to_string(),
        }
    }

    /// The page at `path`, which must answer 200.
    fn page(&self, path: &str) -> String {
        let reply = self.get(path);
        assert_eq!(reply.status, 200, "{path}: {}\n{}", reply.body, self.log());
        reply.body
    }

    /// Listens for the events of the page at `path`, as the page's script does.
    fn listen(&self, path: &str) -> Events {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        write!(
            stream,
            "GET /_handboek/events?page={} HTTP/1.0\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            path.replace('/', "%2F"),
            self.addr
        )
        .expect("send");
        let mut events = Events {
            reader: BufReader::new(stream),
            log: self.stderr.clone(),
        };
        let mut line = String::new();
        while line != "\r\n" {
            line.clear();
            events.read_line(&mut line, Instant::now() + WAIT);
        }
        events.expect("ready");
        events
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

struct Events {
    reader: BufReader<TcpStream>,
    /// The server's terminal output, for failure messages.
    log: Arc<Mutex<String>>,
}

impl Events {
    fn read_line(&mut self, line: &mut String, deadline: Instant) {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "timed out waiting for an event");
        self.reader
            .get_ref()
            .set_read_timeout(Some(left))
            .expect("timeout");
        let log = || self.log.lock().map(|s| s.clone()).unwrap_or_default();
        let n = match self.reader.read_line(line) {
            Ok(n) => n,
            Err(e) => panic!("no event in time ({e}); server:\n{}", log()),
        };
        assert!(n > 0, "the event stream ended; server:\n{}", log());
    }

    /// The next event: its name and data.
    fn next(&mut self, deadline: Instant) -> (String, String) {
        let (mut name, mut data) = (String::new(), Vec::new());
        loop {
            let mut line = String::new();
            self.read_line(&mut line, deadline);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if !name.is_empty() || !data.is_empty() {
                    return (name, data.join("\n"));
                }
            } else if let Some(v) = line.strip_prefix("event:") {
                name = v.trim().to_string();
            } else if let Some(v) = line.strip_prefix("data:") {
                data.push(v.strip_prefix(' ').unwrap_or(v).to_string());
            }
        }
    }

    /// Skips other events until one named `name`; returns its data.
    fn expect(&mut self, name: &str) -> String {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        loop {
            assert!(Instant::now() < deadline, "no {name} event; saw {seen:?}");
            let (got, data) = self.next(deadline);
            if got == name {
                return data;
            }
            seen.push(got);
        }
    }
}

/// Waits (bounded) until `check` holds for the page at `path`.
fn eventually(server: &Server, path: &str, what: &str, check: impl Fn(&Reply) -> bool) -> Reply {
    let deadline = Instant::now() + WAIT;
    loop {
        let reply = server.get(path);
        if check(&reply) {
            return reply;
        }
        assert!(
            Instant::now() < deadline,
            "{path} never {what}; last reply {}:\n{}\nserver:\n{}",
            reply.status,
            reply.body,
            server.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn builtin(rel: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .expect("built-in file")
}

#[test]
fn serve_answers_the_index_and_pages_with_the_preview_bar() {
    let server = Server::start(Project::fixture("app-only"));
    let index = server.page("/");
    assert!(index.contains("Appco B.V."), "{index}");
    assert!(index.contains("<td>app</td><td>nl, en</td>"), "{index}");
    assert!(index.contains(&format!("href=\"{PAGE}\"")), "{index}");
    let page = server.page(PAGE);
    assert!(page.contains("id=\"handboek-preview\""), "{page}");
    assert!(
        page.contains("/_handboek/events"),
        "the page listens for reloads"
    );
    assert!(
        !page.contains("id=\"handboek-overlay\""),
        "no errors, no overlay"
    );
    let css = server.get("/appco/employee/static/style.css");
    assert_eq!(css.status, 200);
    assert!(css.head.contains("content-type: text/css"), "{}", css.head);
    assert!(
        !css.body.contains("handboek-preview"),
        "only HTML gets the bar"
    );
    let folder = server.get("/appco/employee");
    assert_eq!(folder.status, 302);
    assert!(folder.head.contains("location: /appco/employee/"));
}

#[test]
fn saving_a_customer_file_reloads_the_page_with_the_new_content() {
    let server = Server::start(Project::fixture("app-only"));
    let mut events = server.listen(PAGE);
    server.project.edit(
        "customers/appco.yaml",
        "name: Appco B.V.",
        "name: Appco Nieuw B.V.",
    );
    events.expect("reload");
    let page = server.page(PAGE);
    assert!(page.contains("Appco Nieuw B.V."), "{page}");
}

#[test]
fn polling_sees_a_save_too() {
    let server = Server::start_with(Project::fixture("app-only"), &["--poll"]);
    let mut events = server.listen(PAGE);
    server.project.edit(
        "customers/appco.yaml",
        "name: Appco B.V.",
        "name: Appco Gepold B.V.",
    );
    events.expect("reload");
    assert!(server.page(PAGE).contains("Appco Gepold B.V."));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly_while_a_page_listens() {
    let mut server = Server::start(Project::fixture("app-only"));
    let _events = server.listen(PAGE);
    let interrupted = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(interrupted.success());
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}\n{}", server.log());
}

#[test]
fn a_new_content_folder_is_watched_and_its_page_is_served() {
    let server = Server::start(Project::fixture("app-only"));
    let mut events = server.listen(PAGE);
    let page = builtin("content/nl/employee/index.md");
    let edited = format!(
        "{}\nEen zin die alleen in de preview staat.\n",
        page.trim_end()
    );
    server
        .project
        .write("content/nl/employee/index.md", &edited);
    events.expect("reload");
    assert!(
        server
            .page(PAGE)
            .contains("Een zin die alleen in de preview staat.")
    );
    // The folder was new: the next save inside it must be seen too.
    let again = edited.replace("alleen in de preview", "nog steeds in de preview");
    server.project.write("content/nl/employee/index.md", &again);
    events.expect("reload");
    assert!(server.page(PAGE).contains("nog steeds in de preview"));
}

#[test]
fn a_broken_file_shows_the_overlay_with_file_and_line_and_the_fix_reloads() {
    let server = Server::start(Project::fixture("app-only"));
    let mut events = server.listen(PAGE);
    server
        .project
        .edit("customers/appco.yaml", "method: app", "method: apps");
    let overlay = events.expect("overlay");
    assert!(overlay.contains("customers/appco.yaml:3:"), "{overlay}");
    assert!(
        overlay.contains("apps"),
        "the source line is shown: {overlay}"
    );
    let page = server.page(PAGE);
    assert!(page.contains("id=\"handboek-overlay\""), "{page}");
    assert!(page.contains("customers/appco.yaml:3:"), "{page}");
    assert!(
        page.contains("Appco B.V."),
        "the last good page stays under the overlay"
    );
    server
        .project
        .edit("customers/appco.yaml", "method: apps", "method: app");
    events.expect("reload");
    let page = server.page(PAGE);
    assert!(!page.contains("id=\"handboek-overlay\""), "{page}");
}

#[test]
fn half_written_deleted_and_restored_files_never_stop_the_server() {
    let server = Server::start(Project::fixture("app-only"));
    let original = std::fs::read_to_string(server.project.path().join("customers/appco.yaml"))
        .expect("customer file");
    let mut events = server.listen(PAGE);
    server
        .project
        .write("customers/appco.yaml", "name: Appco B.V.\nmfa: [");
    assert!(events.expect("overlay").contains("customers/appco.yaml"));
    std::fs::remove_file(server.project.path().join("customers/appco.yaml")).expect("rm");
    events.expect("reload");
    eventually(&server, PAGE, "was gone", |r| r.status == 404);
    std::fs::remove_dir_all(server.project.path().join("customers")).expect("rm -r");
    let index = eventually(&server, "/", "lost the customer", |r| {
        !r.body.contains("<code>appco</code>")
    });
    assert_eq!(index.status, 200);
    server.project.write("customers/appco.yaml", &original);
    eventually(&server, PAGE, "came back without errors", |r| {
        r.status == 200 && !r.body.contains("id=\"handboek-overlay\"")
    });
}

#[test]
fn a_burst_of_saves_ends_with_the_last_one_served() {
    let server = Server::start(Project::fixture("app-only"));
    let path = server.project.path().join("customers/appco.yaml");
    let original = std::fs::read_to_string(&path).expect("customer file");
    for i in 0..300 {
        // Every other save is half-written, as an editor's may be seen mid-write.
        let text = match i % 2 {
            0 => original.replace("Appco B.V.", &format!("Appco {i} B.V.")),
            _ => original[..original.len() / 2].to_string(),
        };
        std::fs::write(&path, text).expect("save");
    }
    std::fs::write(&path, original.replace("Appco B.V.", "Appco Laatste B.V.")).expect("save");
    eventually(&server, PAGE, "showed the last save", |r| {
        r.status == 200
            && r.body.contains("Appco Laatste B.V.")
            && !r.body.contains("id=\"handboek-overlay\"")
    });
}

#[test]
fn a_stylesheet_change_swaps_the_stylesheet_without_a_reload() {
    let server = Server::start(Project::fixture("app-only"));
    let mut events = server.listen(PAGE);
    let css = builtin("themes/default/static/style.css");
    server.project.write(
        "themes/default/static/style.css",
        &format!("{css}\n.preview-test {{ color: red }}\n"),
    );
    let deadline = Instant::now() + WAIT;
    loop {
        match events.next(deadline) {
            (name, _) if name == "css" => break,
            (name, _) if name == "reload" => panic!("a CSS-only change reloaded the page"),
            _ => {}
        }
    }
    let served = server.get("/appco/employee/static/style.css");
    assert!(served.body.contains(".preview-test"));
}

#[test]
fn paths_that_escape_the_served_root_are_refused() {
    let server = Server::start(Project::fixture("app-only"));
    for path in [
        "/../handboek.yaml",
        "/appco/../../handboek.yaml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/appco/%2E%2E/%2E%2E/handboek.yaml",
        "/appco%2f..%2f..%2fhandboek.yaml",
        "/appco%5c..%5chandboek.yaml",
        "/appco\\..\\handboek.yaml",
        "//etc/passwd",
        "/C:/Windows/win.ini",
        "/handboek.yaml",
        "/customers/appco.yaml",
    ] {
        let reply = server.get(path);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{path}: {}",
            reply.status
        );
        assert!(!reply.body.contains("msp:"), "{path} leaked a file");
        assert!(!reply.body.contains("root:"), "{path} leaked a file");
    }
}

#[test]
fn the_preview_bar_switches_customer_language_and_audience() {
    let project = Project::fixture("app-only");
    let appco = std::fs::read_to_string(project.path().join("customers/appco.yaml"))
        .expect("customer file");
    project.write(
        "customers/tweede.yaml",
        &appco.replace("Appco B.V.", "Tweede Klant B.V."),
    );
    let server = Server::start(project);
    let page = server.page("/appco/employee/nl/index.html");
    let doc = scraper::Html::parse_document(&page);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let bar = doc
        .select(&select("#handboek-preview"))
        .next()
        .expect("a preview bar");
    let options: Vec<(String, String)> = bar
        .select(&select("option"))
        .map(|o| {
            (
                o.text().collect(),
                o.value().attr("value").unwrap_or_default().to_string(),
            )
        })
        .collect();
    let tweede = options
        .iter()
        .find(|(text, _)| text.contains("tweede"))
        .unwrap_or_else(|| panic!("no option for tweede: {options:?}"));
    assert_eq!(tweede.1, "/tweede/employee/nl/index.html");
    assert!(server.page(&tweede.1).contains("Tweede Klant B.V."));
    let links: Vec<(String, String)> = bar
        .select(&select("a"))
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect();
    let href = |text: &str| {
        links
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| panic!("no {text} link in {links:?}"))
    };
    assert_eq!(href("en"), "/appco/employee/en/index.html");
    assert!(server.page(&href("en")).contains("lang=\"en\""));
    assert_eq!(href("admin"), "/appco/admin/nl/index.html");
    server.page(&href("admin"));
    assert_eq!(href("All customers"), "/");
}

#[test]
fn the_built_output_has_no_preview_bar() {
    let project = Project::fixture("app-only");
    assert_cmd::Command::cargo_bin("handboek")
        .expect("binary")
        .arg("build")
        .current_dir(project.path())
        .assert()
        .success();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(project.out()) {
        let entry = entry.expect("walk");
        if entry.path().extension().is_some_and(|e| e == "html") {
            pages += 1;
            let html = std::fs::read_to_string(entry.path()).expect("page");
            for serve_only in ["handboek-preview", "handboek-overlay", "_handboek/events"] {
                assert!(!html.contains(serve_only), "{}", entry.path().display());
            }
        }
    }
    assert!(pages > 10, "the build wrote its pages");
}

#[test]
fn a_page_of_another_site_cannot_read_the_preview_by_dns_rebinding() {
    let server = Server::start(Project::fixture("app-only"));
    let port = server.addr.rsplit(':').next().expect("port").to_string();
    for host in [
        "evil.example",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
    ] {
        for path in ["/", PAGE, "/_handboek/events?page=%2F"] {
            let reply = server.get_from(path, Some(&format!("{host}:{port}")));
            assert_eq!(reply.status, 421, "{host}{path}: {}", reply.body);
            assert!(!reply.body.contains("Appco"), "{}", reply.body);
        }
    }
    assert_eq!(
        server.get_from("/", None).status,
        421,
        "no Host: is refused too"
    );
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_string(),
    ] {
        let reply = server.get_from(PAGE, Some(&host));
        assert_eq!(reply.status, 200, "{host}: {}", reply.body);
    }
}

#[test]
fn the_overlay_never_shows_a_pasted_password() {
    let server = Server::start(Project::fixture("app-only"));
    let mut events = server.listen(PAGE);
    server.project.edit(
        "customers/appco.yaml",
        "name: Appco B.V.",
        "name: Appco B.V.\nwachtwoord: Welkom01!",
    );
    let overlay = events.expect("overlay");
    assert!(overlay.contains("unknown key"), "{overlay}");
    assert!(overlay.contains("wachtwoord: *********"), "{overlay}");
    assert!(!overlay.contains("Welkom01"), "{overlay}");
    let page = server.page(PAGE);
    assert!(!page.contains("Welkom01"), "{page}");
    assert!(!server.log().contains("Welkom01"), "{}", server.log());
}
