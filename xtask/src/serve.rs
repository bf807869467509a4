//! A static file server for dist/site, sending the strict CSP the site is
//! built for (so a violation shows up while developing, as on a government site).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use crate::build::{self, SITE_CSP};
use crate::{step, Result};

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file a request path names inside `dir`, refusing `..`.
fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let path = changzhutan_plans::route::decode(path);
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut p = dir.join(rel);
    if p.is_dir() {
        p = p.join("index.html");
    }
    p.is_file().then_some(p)
}

/// The response to one request's head (its first line and headers).
fn respond(dir: &Path, head: &str) -> Vec<u8> {
    let mut words = head.lines().next().unwrap_or("").split(' ');
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or("/"));
    let file = resolve(dir, target).and_then(|p| Some((mime(&p), std::fs::read(&p).ok()?)));
    let (status, kind, body) = match (method, file) {
        ("GET" | "HEAD", Some((kind, bytes))) => ("200 OK", kind, bytes),
        ("GET" | "HEAD", None) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found".to_vec(),
        ),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"GET or HEAD only".to_vec(),
        ),
    };
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nContent-Security-Policy: {SITE_CSP}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if method != "HEAD" {
        out.extend_from_slice(&body);
    }
    out
}

/// One connection: one request, its response, then the connection is closed
/// (no keep-alive: nothing a browser leaves open can hold up another
/// request; on loopback a new connection costs nothing). Every read and write
/// has a time limit, so an abandoned connection ends its thread.
fn connection(dir: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    let limit = Some(Duration::from_secs(30));
    stream.set_read_timeout(limit)?;
    stream.set_write_timeout(limit)?;
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf)?;
        if n == 0 || head.len() > 64 * 1024 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    stream.write_all(&respond(dir, &String::from_utf8_lossy(&head)))?;
    stream.flush()?;
    // Close gently: end our side, then let the browser end its own (closing
    // with unread bytes would reset the connection and could cut the
    // response short).
    stream.shutdown(Shutdown::Write)?;
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    while stream.read(&mut buf).map(|n| n > 0).unwrap_or(false) {}
    Ok(())
}

/// Serve `dir` on `addr` in background threads (one per connection);
/// returns the bound port.
pub fn spawn(dir: PathBuf, addr: &str) -> Result<u16> {
    let listener = TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let _ = connection(&dir, stream);
            });
        }
    });
    Ok(port)
}

pub fn main(args: &[&str]) -> Result {
    let mut port: u16 = 8080;
    let mut build = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match *a {
            "--port" => {
                port = it
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port needs a number")?
            }
            "--no-build" => build = false,
            other => return Err(format!("serve: unknown option {other}")),
        }
    }
    if build {
        build::dist()?;
    }
    let dir = build::site_dir();
    if !dir.join("index.html").exists() {
        return Err(format!(
            "{} is empty: run without --no-build",
            dir.display()
        ));
    }
    let bound = spawn(dir.clone(), &format!("127.0.0.1:{port}"))?;
    step(&format!("serving {}", dir.display()));
    println!("http://127.0.0.1:{bound}/");
    println!(
        "(the offline file: {})",
        build::dist_dir().join(build::OFFLINE_NAME).display()
    );
    loop {
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_site() {
        let dir = std::env::temp_dir().join("xtask-serve-test");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        assert_eq!(resolve(&dir, "/"), Some(dir.join("index.html")));
        assert_eq!(
            resolve(&dir, "/index.html?x=1"),
            Some(dir.join("index.html"))
        );
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(resolve(&dir, "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(&dir, "/missing.js"), None);
    }

    fn get(port: u16, request: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn answers_each_request_and_closes_the_connection() {
        let dir = std::env::temp_dir().join("xtask-serve-test-2");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        let port = spawn(dir, "127.0.0.1:0").unwrap();
        // A connection that never sends anything holds up no one.
        let _idle = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let ok = get(
            port,
            "GET /?x=1 HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n",
        );
        assert!(ok.starts_with("HTTP/1.1 200 OK\r\n"), "{ok}");
        assert!(ok.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(ok.contains("Content-Length: 9\r\n") && ok.contains("Connection: close\r\n"));
        assert!(ok.contains(&format!("Content-Security-Policy: {SITE_CSP}\r\n")));
        assert!(ok.ends_with("\r\n\r\n<p>hi</p>"));
        let head = get(port, "HEAD / HTTP/1.1\r\n\r\n");
        assert!(head.ends_with("\r\n\r\n"), "{head}");
        assert!(get(port, "GET /../x HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404"));
        assert!(get(port, "POST / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 405"));
    }
}
