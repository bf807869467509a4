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

/// What a request path names inside `dir`, refusing `..`.
#[derive(Debug, PartialEq)]
enum Found {
    File(PathBuf),
    /// A folder asked for without its trailing slash: where it is.
    Folder(String),
    None,
}

fn resolve(dir: &Path, url: &str) -> Found {
    let url = url.split('#').next().unwrap_or("/");
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let decoded = changzhutan_plans::route::decode(path);
    let rel = Path::new(decoded.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Found::None;
    }
    let p = dir.join(rel);
    if p.is_dir() {
        if !path.ends_with('/') {
            let q = if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            };
            return Found::Folder(format!("{path}/{q}"));
        }
        let index = p.join("index.html");
        return if index.is_file() {
            Found::File(index)
        } else {
            Found::None
        };
    }
    if p.is_file() {
        Found::File(p)
    } else {
        Found::None
    }
}

/// Whether a type is worth compressing.
fn compressible(kind: &str) -> bool {
    [
        "text/",
        "javascript",
        "json",
        "wasm",
        "svg",
        "xml",
        "octet-stream",
    ]
    .iter()
    .any(|k| kind.contains(k))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = e.write_all(bytes);
    e.finish().unwrap_or_default()
}

/// The response to one request's head (its first line and headers), and
/// whether the connection may stay open. Text, scripts and wasm go out
/// gzipped to a browser that takes it, as a real host sends them.
fn respond(dir: &Path, head: &str) -> (Vec<u8>, bool) {
    let mut words = head.lines().next().unwrap_or("").split(' ');
    let (method, target, version) = (
        words.next().unwrap_or(""),
        words.next().unwrap_or("/"),
        words.next().unwrap_or("HTTP/1.0"),
    );
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_ascii_lowercase())
        })
    };
    let keep = version == "HTTP/1.1" && header("connection").as_deref() != Some("close");
    let gz = header("accept-encoding")
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    // An address no page has: the site's 404 page (as GitHub Pages,
    // Netlify or nginx's error_page serve one).
    let not_found = || match std::fs::read(dir.join("404.html")) {
        Ok(b) => ("404 Not Found", "text/html; charset=utf-8", b),
        Err(_) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found".to_vec(),
        ),
    };
    let mut extra = String::new();
    let (status, kind, body) = match (method, resolve(dir, target)) {
        ("GET" | "HEAD", Found::File(p)) => match std::fs::read(&p) {
            Ok(bytes) => ("200 OK", mime(&p), bytes),
            Err(_) => not_found(),
        },
        ("GET" | "HEAD", Found::Folder(to)) => {
            extra = format!("Location: {to}\r\n");
            (
                "301 Moved Permanently",
                "text/plain; charset=utf-8",
                b"moved".to_vec(),
            )
        }
        ("GET" | "HEAD", Found::None) => not_found(),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"GET or HEAD only".to_vec(),
        ),
    };
    let body = if gz && compressible(kind) && body.len() > 256 {
        extra.push_str("Content-Encoding: gzip\r\n");
        gzip(&body)
    } else {
        body
    };
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{extra}Vary: Accept-Encoding\r\nContent-Security-Policy: {SITE_CSP}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCache-Control: no-cache\r\nConnection: {}\r\n\r\n",
        body.len(),
        if keep { "keep-alive" } else { "close" }
    )
    .into_bytes();
    if method != "HEAD" {
        out.extend_from_slice(&body);
    }
    (out, keep)
}

/// One connection: requests one after another while the browser keeps it
/// open (HTTP/1.1 keep-alive, as a real host does), every read and write
/// with a time limit, an idle connection closed after a few seconds, so an
/// abandoned connection ends its thread.
fn connection(dir: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut buf = [0u8; 4096];
    let mut pending: Vec<u8> = Vec::new();
    let mut first = true;
    loop {
        // The first request may take its time; a kept connection idles briefly.
        let idle = if first { 30 } else { 5 };
        stream.set_read_timeout(Some(Duration::from_secs(idle)))?;
        first = false;
        let end = loop {
            if let Some(i) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let n = match stream.read(&mut buf) {
                Ok(n) => n,
                Err(_) => return Ok(()),
            };
            if n == 0 || pending.len() > 64 * 1024 {
                return Ok(());
            }
            pending.extend_from_slice(&buf[..n]);
        };
        let head: Vec<u8> = pending.drain(..end).collect();
        let (out, keep) = respond(dir, &String::from_utf8_lossy(&head));
        stream.write_all(&out)?;
        stream.flush()?;
        if !keep {
            break;
        }
    }
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
    spawn_on(dir, listener)
}

/// Serve `dir` on a listener already bound (its port chosen before the
/// site is built for it).
pub fn spawn_on(dir: PathBuf, listener: TcpListener) -> Result<u16> {
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
        std::fs::create_dir_all(dir.join("map")).unwrap();
        std::fs::write(dir.join("map/index.html"), "m").unwrap();
        assert_eq!(resolve(&dir, "/"), Found::File(dir.join("index.html")));
        assert_eq!(
            resolve(&dir, "/index.html?x=1"),
            Found::File(dir.join("index.html"))
        );
        assert_eq!(
            resolve(&dir, "/map/?z=2"),
            Found::File(dir.join("map/index.html"))
        );
        assert_eq!(resolve(&dir, "/map?z=2"), Found::Folder("/map/?z=2".into()));
        assert_eq!(resolve(&dir, "/../etc/passwd"), Found::None);
        assert_eq!(resolve(&dir, "/%2e%2e/etc/passwd"), Found::None);
        assert_eq!(resolve(&dir, "/missing.js"), Found::None);
    }

    fn get(port: u16, request: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn answers_requests_and_closes_when_asked() {
        let dir = std::env::temp_dir().join("xtask-serve-test-2");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        let port = spawn(dir, "127.0.0.1:0").unwrap();
        // A connection that never sends anything holds up no one.
        let _idle = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let ok = get(
            port,
            "GET /?x=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        );
        assert!(ok.starts_with("HTTP/1.1 200 OK\r\n"), "{ok}");
        assert!(ok.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(ok.contains("Content-Length: 9\r\n") && ok.contains("Connection: close\r\n"));
        assert!(ok.contains(&format!("Content-Security-Policy: {SITE_CSP}\r\n")));
        assert!(ok.ends_with("\r\n\r\n<p>hi</p>"));
        let head = get(port, "HEAD / HTTP/1.0\r\n\r\n");
        assert!(head.ends_with("\r\n\r\n"), "{head}");
        assert!(get(port, "GET /../x HTTP/1.0\r\n\r\n").starts_with("HTTP/1.1 404"));
        assert!(get(port, "POST / HTTP/1.0\r\n\r\n").starts_with("HTTP/1.1 405"));
        // Two requests on one connection, the second compressed.
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n").unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        let text = String::from_utf8_lossy(&out);
        assert_eq!(text.matches("HTTP/1.1 200 OK").count(), 2, "{text}");
    }
}
