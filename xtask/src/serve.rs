//! A static file server for dist/site, sending the strict CSP the site is
//! built for (so a violation shows up while developing, as on a government site).

use std::path::{Component, Path, PathBuf};

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

fn header(k: &str, v: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("valid header")
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

fn handle(dir: &Path, req: tiny_http::Request) {
    let not_found = || {
        tiny_http::Response::from_string("not found")
            .with_status_code(404)
            .with_header(header("Content-Type", "text/plain; charset=utf-8"))
    };
    let resp = match resolve(dir, req.url()) {
        Some(p) => match std::fs::read(&p) {
            Ok(bytes) => tiny_http::Response::from_data(bytes)
                .with_header(header("Content-Type", mime(&p)))
                .with_header(header("Content-Security-Policy", SITE_CSP))
                .with_header(header("X-Content-Type-Options", "nosniff"))
                .with_header(header("Referrer-Policy", "no-referrer"))
                .with_header(header("Cache-Control", "no-cache")),
            Err(_) => not_found(),
        },
        None => not_found(),
    };
    let _ = req.respond(resp);
}

/// Serve `dir` on `addr` in background threads; returns the bound port.
pub fn spawn(dir: PathBuf, addr: &str) -> Result<u16> {
    let server =
        tiny_http::Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or("server has no IP address")?;
    let server = std::sync::Arc::new(server);
    // Enough threads that a few slow or abandoned responses never stall the rest.
    for _ in 0..32 {
        let server = server.clone();
        let dir = dir.clone();
        std::thread::spawn(move || {
            for req in server.incoming_requests() {
                handle(&dir, req);
            }
        });
    }
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
}
