//! Which `Host:` the preview answers. A page on another site can point its own name at
//! 127.0.0.1 (DNS rebinding) and then read the preview as if it were its own; the browser
//! still sends that name as the host. So the preview answers only to names that are this
//! machine: `localhost`, loopback addresses and the address it is bound to.

use std::net::IpAddr;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses a request whose `Host:` is not one of the preview's own names, with 421
/// Misdirected Request.
pub async fn only_own_host(
    State(bound): State<IpAddr>,
    headers: HeaderMap,
    request: Request,
    next: Next,
) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    if allowed(host, bound) {
        return next.run(request).await;
    }
    (
        StatusCode::MISDIRECTED_REQUEST,
        "the preview answers only to localhost, 127.0.0.1, [::1] and the address it listens on; open it by one of those\n",
    )
        .into_response()
}

/// Whether `host` (the `Host:` header, with or without a port) names this machine for a
/// preview bound to `bound`.
pub fn allowed(host: Option<&str>, bound: IpAddr) -> bool {
    let Some(host) = host else {
        return false;
    };
    let name = without_port(host.trim()).trim_end_matches('.');
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let ip = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name)
        .parse::<IpAddr>();
    match ip {
        // A browser sends an address as the host only when the page itself came from that
        // address: no other site's name is behind it.
        Ok(ip) => ip.is_loopback() || ip == bound || bound.is_unspecified(),
        Err(_) => false,
    }
}

fn without_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host
            .split_once(']')
            .map_or(host, |(ip, _)| &host[..ip.len() + 1]);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if !name.contains(':') && port.chars().all(|c| c.is_ascii_digit()) => {
            name
        }
        _ => host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOOPBACK: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    #[test]
    fn the_machines_own_names_are_allowed() {
        for host in [
            "127.0.0.1:4000",
            "127.0.0.1",
            "localhost:4000",
            "LocalHost",
            "localhost.:4000",
            "[::1]:4000",
            "[::1]",
        ] {
            assert!(allowed(Some(host), LOOPBACK), "{host}");
        }
    }

    #[test]
    fn other_names_are_refused() {
        for host in [
            "evil.example:4000",
            "evil.example",
            "localhost.evil.example",
            "127.0.0.1.nip.io:4000",
            "192.168.1.5:4000",
            "",
            "[::1",
        ] {
            assert!(!allowed(Some(host), LOOPBACK), "{host}");
        }
        assert!(!allowed(None, LOOPBACK));
    }

    #[test]
    fn the_bound_address_and_with_0_0_0_0_any_address_is_allowed() {
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        assert!(allowed(Some("192.168.1.5:4000"), lan));
        assert!(!allowed(Some("192.168.1.6:4000"), lan));
        let any: IpAddr = "0.0.0.0".parse().unwrap();
        assert!(allowed(Some("10.0.0.7:4000"), any));
        assert!(!allowed(Some("evil.example:4000"), any));
    }
}
