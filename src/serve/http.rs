//! The HTTP side of `serve`: the preview's files from memory, with the bar, overlay and
//! script injected into HTML only, and the server-sent events that tell a page to reload.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use serde::Deserialize;
use tokio::sync::{broadcast, watch};

use super::Shared;
use super::inject::{chrome, inject};
use super::pages::{self, Place, closest_page};
use super::paths::{Refusal, request_key, url_of};
use super::state::{Notice, Preview};

/// Where a page listens for its events; `page` is its path, `since` the token it was
/// served with.
pub const EVENTS: &str = "/_handboek/events";

/// The preview's routes, answering only requests addressed to this machine (`bound` is
/// the address the server listens on).
pub fn router(shared: Arc<Shared>, bound: std::net::IpAddr) -> Router {
    Router::new()
        .route(EVENTS, get(events))
        .fallback(file)
        .with_state(shared)
        .layer(axum::middleware::from_fn_with_state(
            bound,
            super::host::only_own_host,
        ))
}

async fn file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            "the preview answers GET only\n",
        )
            .into_response();
    }
    match request_key(uri.path()) {
        Ok(key) => respond(&shared, &key),
        Err(Refusal::BadRequest) => (
            StatusCode::BAD_REQUEST,
            "bad request: a path must name a file inside the preview\n",
        )
            .into_response(),
    }
}

fn respond(shared: &Shared, key: &str) -> Response {
    let preview = shared.preview();
    if key.is_empty() || key == "index.html" {
        return html_page(StatusCode::OK, &pages::index(&preview), &preview, "");
    }
    if let Some(bytes) = preview.file(key) {
        let kind = content_type(key);
        if kind.starts_with("text/html") {
            shared.set_focus(key);
            return html_page(
                StatusCode::OK,
                &String::from_utf8_lossy(bytes),
                &preview,
                key,
            );
        }
        return with_type(StatusCode::OK, kind, bytes.to_vec());
    }
    // A folder asked without its slash, or a customer's folder: go to its page.
    let folder = key.strip_suffix("/index.html").unwrap_or(key);
    if preview.file(&format!("{folder}/index.html")).is_some() {
        return redirect(&format!("{}/", url_of(folder)));
    }
    if let Some(page) = preview
        .tree(folder)
        .and_then(|tree| closest_page(folder, tree, &Place::default()))
    {
        return redirect(&url_of(&page));
    }
    // A page of a customer that has not built (yet) is what the author wants built next.
    shared.set_focus(key);
    html_page(StatusCode::NOT_FOUND, &pages::not_found(key), &preview, key)
}

fn html_page(status: StatusCode, html: &str, preview: &Preview, key: &str) -> Response {
    let extra = chrome(
        &pages::bar(preview, key),
        preview.overlay(),
        &preview.token(),
    );
    with_type(
        status,
        "text/html; charset=utf-8",
        inject(html, &extra).into_bytes(),
    )
}

fn with_type(status: StatusCode, kind: &'static str, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, header::HeaderValue::from_static(kind));
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    response
}

fn redirect(url: &str) -> Response {
    let mut response = with_type(StatusCode::FOUND, "text/plain; charset=utf-8", Vec::new());
    if let Ok(location) = header::HeaderValue::from_str(url) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// The media type of a served file, by its extension.
pub fn content_type(key: &str) -> &'static str {
    let ext = key
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[derive(Debug, Deserialize)]
struct Listen {
    page: Option<String>,
    since: Option<String>,
}

async fn events(
    State(shared): State<Arc<Shared>>,
    Query(listen): Query<Listen>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // Subscribe before reading the token, so no update falls between the two.
    let notices = shared.notices.subscribe();
    let key = listen
        .page
        .as_deref()
        .and_then(|p| request_key(p).ok())
        .unwrap_or_default();
    shared.set_focus(&key);
    let token = shared.preview().token();
    let first = match listen.since {
        Some(since) if since != token => Reaction::Reload,
        _ => Reaction::Ready,
    };
    let listener = Listener {
        notices,
        key,
        queue: VecDeque::from([first.event(&token)]),
        stop: shared.stop.clone(),
    };
    Sse::new(futures_util::stream::unfold(listener, Listener::next))
        .keep_alive(KeepAlive::default())
}

/// What a page does about an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Reaction {
    /// Connected, and the page is up to date.
    Ready,
    Reload,
    /// Only stylesheets changed: swap them without a reload.
    Css,
    /// The problems changed: show this overlay instead.
    Overlay(Arc<str>),
}

impl Reaction {
    fn event(&self, token: &str) -> Event {
        match self {
            Reaction::Ready => Event::default().event("ready").data(token),
            Reaction::Reload => Event::default().event("reload").data(token),
            Reaction::Css => Event::default().event("css").data(token),
            Reaction::Overlay(html) => Event::default().event("overlay").data(&**html),
        }
    }
}

/// What the page at `key` does about `notice`.
pub fn reactions(key: &str, notice: &Notice) -> Vec<Reaction> {
    if notice.cleared() || notice.changed.contains(key) {
        return vec![Reaction::Reload];
    }
    let mut out = Vec::new();
    let customer = key.split('/').next().unwrap_or_default();
    let css_of_customer = notice
        .changed
        .iter()
        .any(|changed| changed.ends_with(".css") && changed.split('/').next() == Some(customer));
    if css_of_customer && !customer.is_empty() {
        out.push(Reaction::Css);
    }
    if let Some(overlay) = &notice.overlay {
        out.push(Reaction::Overlay(overlay.clone()));
    }
    out
}

/// One page's stream of events.
struct Listener {
    notices: broadcast::Receiver<Notice>,
    key: String,
    queue: VecDeque<Event>,
    stop: watch::Receiver<bool>,
}

impl Listener {
    async fn next(mut self) -> Option<(Result<Event, Infallible>, Listener)> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some((Ok(event), self));
            }
            tokio::select! {
                received = self.notices.recv() => match received {
                    Ok(notice) => {
                        let events = reactions(&self.key, &notice)
                            .into_iter()
                            .map(|r| r.event(&notice.token));
                        self.queue.extend(events);
                    }
                    // Missed updates: reloading is always right.
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        self.queue.push_back(Reaction::Reload.event(""));
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = self.stop.wait_for(|stop| *stop) => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn notice(changed: &[&str], overlay: Option<&str>) -> Notice {
        Notice {
            token: "t".into(),
            changed: Arc::new(
                changed
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<BTreeSet<_>>(),
            ),
            overlay: overlay.map(Arc::from),
        }
    }

    const PAGE: &str = "a/employee/nl/index.html";

    #[test]
    fn a_page_reloads_when_it_changed_or_the_errors_are_fixed() {
        assert_eq!(reactions(PAGE, &notice(&[PAGE], None)), [Reaction::Reload]);
        assert_eq!(reactions(PAGE, &notice(&[], Some(""))), [Reaction::Reload]);
        assert_eq!(reactions("", &notice(&[""], None)), [Reaction::Reload]);
    }

    #[test]
    fn a_stylesheet_change_swaps_the_stylesheet_only() {
        let css = notice(&["a/employee/static/style.css"], None);
        assert_eq!(reactions(PAGE, &css), [Reaction::Css]);
        assert_eq!(reactions("b/employee/nl/index.html", &css), []);
    }

    #[test]
    fn new_errors_show_the_overlay_without_a_reload() {
        assert_eq!(
            reactions(PAGE, &notice(&["b/x.html"], Some("<div>"))),
            [Reaction::Overlay(Arc::from("<div>"))]
        );
    }

    #[test]
    fn files_have_their_media_type() {
        assert_eq!(content_type("a/b/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("a/static/style.CSS"),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type("a/logo.svg"), "image/svg+xml");
        assert_eq!(content_type("a/README"), "application/octet-stream");
    }
}
