//! `cargo xtask serve`: builds the site and serves it on loopback.

use crate::site;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

pub fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 3000,
        [flag, value] if flag == "--port" => value.parse().map_err(|_| format!("--port: not a port number: {value:?}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    let site = site::build()?;
    let server = start(&site, port)?;
    println!("\nServing the workbook at {}  (Ctrl-C to stop)", server.url());
    server.wait();
    Ok(())
}

/// A server of one site folder on 127.0.0.1, answering on its own thread
/// until it is dropped.
pub struct Server {
    addr: SocketAddr,
    inner: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// The site's root, e.g. `http://127.0.0.1:3000/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Blocks for as long as the server runs.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.inner.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Serves `site` on 127.0.0.1:`port` (0: any free port) on a thread of its own.
pub fn start(site: &Path, port: u16) -> Result<Server, String> {
    let inner = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (is another server running? try --port)"))?;
    let addr = inner.server_addr().to_ip().ok_or("not an IP listener")?;
    let inner = Arc::new(inner);
    let site = site.to_path_buf();
    let server = inner.clone();
    let thread = std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let response = match resolve(&site, request.url()) {
                Some(path) => match std::fs::read(&path) {
                    Ok(body) => tiny_http::Response::from_data(body)
                        .with_header(header("Content-Type", content_type(&path)))
                        .with_header(header("Cache-Control", "no-cache")),
                    Err(_) => not_found(),
                },
                None => not_found(),
            };
            let _ = request.respond(response);
        }
    });
    Ok(Server { addr, inner, thread: Some(thread) })
}

fn not_found() -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_string("404 not found").with_status_code(404)
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header is valid")
}

/// Maps a request path to a file in the site; never outside it.
fn resolve(site: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut file = site.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        // Browsers only stream-compile wasm served with this type.
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "txt" | "go" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_escape_the_site() {
        let site = std::env::temp_dir();
        assert_eq!(resolve(&site, "/../etc/passwd"), None);
        assert_eq!(resolve(&site, "/a/../../x"), None);
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(content_type(Path::new("x/gmp-web_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("index.html")), "text/html; charset=utf-8");
    }
}
