//! `cargo xtask serve`: builds the site and serves it on loopback. The
//! browser tests (`browser.rs`) load the site from this same server.
//!
//! The server is a small HTTP/1.1 static file server on `std` alone: one
//! thread per connection, kept-alive connections, GET and HEAD, every
//! response with its Content-Length. An idle connection is closed after
//! [`IDLE`], which also ends its thread.
//!
//! It replaced tiny_http 0.12 (the newest release), under which a browser
//! could wait forever for the first page's stylesheets. tiny_http reads each
//! connection on a thread of its internal pool (`util/task_pool.rs`), which
//! starts with four idle threads and serves one connection per thread for
//! as long as the client keeps it alive. To hand over a new connection it
//! queues it when it counts an idle thread, but that count only drops once a
//! woken thread runs again, so a burst of connections (Chromium opens six
//! to a host at once) is all queued for the four threads: those beyond four
//! wait, unread, until a connection closes, which Chromium's do not for
//! minutes. The pool is private and has no setting, and tiny_http strips a
//! `Connection` header from responses, so no code around it could avoid
//! this; answering requests on more threads does not help either, as the
//! queued connections are never read.

use crate::site;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a connection may sit idle between requests before it is closed.
const IDLE: Duration = Duration::from_secs(30);
/// The largest request head (request line and headers) read.
const MAX_HEAD: usize = 16 * 1024;

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

/// A server of one site folder on 127.0.0.1, accepting connections on its
/// own thread until it is dropped.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
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
    /// Stops accepting connections; open ones end when their client closes
    /// them or after [`IDLE`].
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Serves `site` on 127.0.0.1:`port` (0: any free port) on a thread of its own.
pub fn start(site: &Path, port: u16) -> Result<Server, String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (is another server running? try --port)"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let stop = Arc::new(AtomicBool::new(false));
    let site: Arc<Path> = site.into();
    let stopped = stop.clone();
    let thread = std::thread::Builder::new()
        .name("serve".into())
        .spawn(move || {
            for conn in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                match conn {
                    Ok(stream) => {
                        let site = site.clone();
                        let spawned = std::thread::Builder::new()
                            .name("serve-conn".into())
                            .spawn(move || {
                                let _ = serve_connection(&site, stream);
                            });
                        if let Err(e) = spawned {
                            eprintln!("xtask serve: cannot start a thread for a connection: {e}");
                        }
                    }
                    // Out of file descriptors, say: let some close.
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        })
        .map_err(|e| format!("cannot start the server's thread: {e}"))?;
    Ok(Server { addr, stop, thread: Some(thread) })
}

/// Answers the requests of one connection, in order, until the client
/// closes it, asks to, sends something this server does not read, or stays
/// idle for [`IDLE`].
fn serve_connection(site: &Path, stream: TcpStream) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE))?;
    // Each response goes out in one write; don't hold it back for an ACK.
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let Some(head) = read_head(&mut reader)? else { return Ok(()) };
        let (response, keep_alive) = match Request::parse(&head) {
            Some(request) => (respond(site, &request), request.keep_alive),
            None => (Response::text(400, "bad request"), false),
        };
        writer.write_all(&response.into_bytes(keep_alive))?;
        if !keep_alive {
            return Ok(());
        }
    }
}

/// Reads one request head, up to and without its blank line. None when the
/// client closed the connection between requests.
fn read_head(reader: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut head = Vec::new();
    loop {
        let start = head.len();
        let n = io::Read::take(&mut *reader, (MAX_HEAD + 2 - start) as u64).read_until(b'\n', &mut head)?;
        if n == 0 {
            return if head.iter().all(|b| b.is_ascii_whitespace()) {
                Ok(None)
            } else {
                Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed inside a request head"))
            };
        }
        if !head.ends_with(b"\n") {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "request head too long"));
        }
        let line = &head[start..];
        if line == b"\r\n" || line == b"\n" {
            // Blank lines before a request line are allowed (RFC 9112 §2.2).
            if head[..start].iter().all(|b| b.is_ascii_whitespace()) {
                head.clear();
                continue;
            }
            head.truncate(start);
            return String::from_utf8(head)
                .map(Some)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "request head is not UTF-8"));
        }
    }
}

#[derive(Debug)]
struct Request {
    method: String,
    target: String,
    /// Whether the connection stays open after the response.
    keep_alive: bool,
}

impl Request {
    fn parse(head: &str) -> Option<Request> {
        let mut lines = head.lines();
        let mut parts = lines.next()?.split(' ');
        let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || !target.starts_with('/') {
            return None;
        }
        let mut keep_alive = match version {
            "HTTP/1.1" => true,
            "HTTP/1.0" => false,
            _ => return None,
        };
        for line in lines {
            let (name, value) = line.split_once(':')?;
            let value = value.trim();
            if name.eq_ignore_ascii_case("connection") {
                for token in value.split(',').map(str::trim) {
                    if token.eq_ignore_ascii_case("close") {
                        keep_alive = false;
                    } else if token.eq_ignore_ascii_case("keep-alive") {
                        keep_alive = true;
                    }
                }
            }
            // A request body is never read, so the connection cannot go on.
            if (name.eq_ignore_ascii_case("content-length") && value != "0") || name.eq_ignore_ascii_case("transfer-encoding") {
                keep_alive = false;
            }
        }
        Some(Request { method: method.into(), target: target.into(), keep_alive })
    }
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// HEAD: the headers of a GET, without its body.
    head_only: bool,
}

impl Response {
    fn text(status: u16, text: &str) -> Response {
        Response { status, content_type: "text/plain; charset=utf-8", body: format!("{status} {text}\n").into_bytes(), head_only: false }
    }

    fn into_bytes(self, keep_alive: bool) -> Vec<u8> {
        let reason = match self.status {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            _ => "",
        };
        let mut out = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n{}Connection: {}\r\n\r\n",
            self.status,
            self.content_type,
            self.body.len(),
            if self.status == 405 { "Allow: GET, HEAD\r\n" } else { "" },
            if keep_alive { "keep-alive" } else { "close" },
        )
        .into_bytes();
        if !self.head_only {
            out.extend_from_slice(&self.body);
        }
        out
    }
}

fn respond(site: &Path, request: &Request) -> Response {
    let head_only = match request.method.as_str() {
        "GET" => false,
        "HEAD" => true,
        _ => return Response::text(405, "method not allowed"),
    };
    let mut response = match resolve(site, &request.target).map(|path| (std::fs::read(&path), path)) {
        Some((Ok(body), path)) => Response { status: 200, content_type: content_type(&path), body, head_only: false },
        _ => Response::text(404, "not found"),
    };
    response.head_only = head_only;
    response
}

/// Maps a request path to a file in the site; never outside it.
fn resolve(site: &Path, url: &str) -> Option<PathBuf> {
    let path = percent_decode(url.split(['?', '#']).next().unwrap_or("/"))?;
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

/// `%20` and the like, as browsers send non-ASCII and reserved characters.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit))?;
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
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
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpStream;
    use std::time::{Duration, Instant};

    /// A site folder under the system's temp folder, removed on drop.
    struct TempSite(PathBuf);

    impl TempSite {
        /// `index.html` linking `stylesheets` CSS files, `css/N.css`.
        fn new(name: &str, stylesheets: usize) -> TempSite {
            let dir = std::env::temp_dir().join(format!("xtask-serve-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(dir.join("css")).unwrap();
            let mut html = String::from("<!doctype html>\n<title>t</title>\n");
            for i in 0..stylesheets {
                html += &format!("<link rel=\"stylesheet\" href=\"css/{i}.css\">\n");
                std::fs::write(dir.join("css").join(format!("{i}.css")), stylesheet(i)).unwrap();
            }
            std::fs::write(dir.join("index.html"), html).unwrap();
            TempSite(dir)
        }
    }

    impl Drop for TempSite {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A few kilobytes, different for each file.
    fn stylesheet(i: usize) -> String {
        (0..200).map(|line| format!(".c{i}-{line} {{ margin: {line}px; }}\n")).collect()
    }

    struct Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Reply {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
        }
    }

    /// Sends one request on a kept-alive connection and reads its whole
    /// response, whose length the Content-Length header gives.
    fn exchange(conn: &mut BufReader<TcpStream>, request: &str) -> std::io::Result<Reply> {
        read_reply(conn, request).map_err(|e| match e.kind() {
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => bad("no complete response within 5 s".into()),
            _ => e,
        })
    }

    fn read_reply(conn: &mut BufReader<TcpStream>, request: &str) -> std::io::Result<Reply> {
        conn.get_mut().write_all(request.as_bytes())?;
        let mut line = String::new();
        conn.read_line(&mut line)?;
        let status = line.split(' ').nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| bad(format!("status line {line:?}")))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            if conn.read_line(&mut line)? == 0 {
                return Err(bad("connection closed inside the response head".into()));
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').ok_or_else(|| bad(format!("header {line:?}")))?;
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
        let mut reply = Reply { status, headers, body: Vec::new() };
        if !request.starts_with("HEAD ") {
            let length: usize = reply
                .header("Content-Length")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| bad("no Content-Length".into()))?;
            reply.body = vec![0; length];
            conn.read_exact(&mut reply.body)?;
        }
        Ok(reply)
    }

    fn bad(what: String) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::InvalidData, what)
    }

    fn connect(server: &Server) -> BufReader<TcpStream> {
        let conn = TcpStream::connect(server.addr).unwrap();
        conn.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        BufReader::new(conn)
    }

    fn get(path: &str) -> String {
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
    }

    /// A browser opens several connections at once and keeps them alive;
    /// each must be served at once, not after another one closes. (tiny_http
    /// 0.12 failed this in most runs: see the module's docs.)
    #[test]
    fn concurrent_keep_alive_connections_are_all_served() {
        const STYLESHEETS: usize = 8;
        const CONNECTIONS: usize = 8;
        let site = TempSite::new("concurrent", STYLESHEETS);
        let started = Instant::now();
        for round in 0..10 {
            // A fresh server each round: a browser's first burst of
            // connections is what met an idle server.
            let server = start(&site.0, 0).unwrap();
            // A browser arrives at a server that is up and idle.
            std::thread::sleep(Duration::from_millis(100));
            // Opened together, as a browser opens its connections to a host,
            // and kept open until every client is done, as a browser keeps them.
            let mut conns: Vec<_> = (0..CONNECTIONS).map(|_| connect(&server)).collect();
            std::thread::scope(|scope| {
                let clients: Vec<_> = conns
                    .iter_mut()
                    .enumerate()
                    .map(|(n, conn)| {
                        let site = &site;
                        scope.spawn(move || -> Result<(), String> {
                            let index = exchange(conn, &get("/")).map_err(|e| format!("connection {n}, /: {e}"))?;
                            assert_eq!(index.status, 200);
                            assert_eq!(index.body, std::fs::read(site.0.join("index.html")).unwrap());
                            for i in 0..STYLESHEETS {
                                let path = format!("/css/{}.css", (i + n) % STYLESHEETS);
                                let css = exchange(conn, &get(&path)).map_err(|e| format!("connection {n}, {path}: {e}"))?;
                                assert_eq!(css.status, 200, "{path}");
                                assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
                                assert_eq!(css.body, stylesheet((i + n) % STYLESHEETS).into_bytes(), "{path}");
                            }
                            Ok(())
                        })
                    })
                    .collect();
                let failures: Vec<String> = clients.into_iter().filter_map(|c| c.join().unwrap().err()).collect();
                assert!(failures.is_empty(), "round {round}: responses did not arrive:\n{}", failures.join("\n"));
            });
        }
        assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    }

    /// Whether the server closed the connection: the next read sees its end.
    fn closed(conn: &mut BufReader<TcpStream>) -> bool {
        matches!(conn.read(&mut [0; 1]), Ok(0))
    }

    #[test]
    fn head_404_405_and_connection_close() {
        let site = TempSite::new("methods", 1);
        let server = start(&site.0, 0).unwrap();
        let mut conn = connect(&server);
        let head = exchange(&mut conn, "HEAD /css/0.css HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(head.status, 200);
        assert_eq!(head.header("Content-Length"), Some(stylesheet(0).len().to_string().as_str()));
        // The HEAD response had no body: the next response follows at once.
        let missing = exchange(&mut conn, &get("/nowhere.css")).unwrap();
        assert_eq!(missing.status, 404);
        let index = exchange(&mut conn, &get("/")).unwrap();
        assert_eq!((index.status, index.header("Content-Type")), (200, Some("text/html; charset=utf-8")));
        let post = exchange(&mut conn, "POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi").unwrap();
        assert_eq!((post.status, post.header("Allow"), post.header("Connection")), (405, Some("GET, HEAD"), Some("close")));
        assert!(closed(&mut conn));

        let mut conn = connect(&server);
        let last = exchange(&mut conn, "GET /css/0.css HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap();
        assert_eq!((last.status, last.header("Connection")), (200, Some("close")));
        assert!(closed(&mut conn));

        let mut conn = connect(&server);
        let old = exchange(&mut conn, "GET /css/%30.css HTTP/1.0\r\n\r\n").unwrap();
        assert_eq!(old.body, stylesheet(0).into_bytes());
        assert!(closed(&mut conn), "HTTP/1.0 without keep-alive closes");

        let mut conn = connect(&server);
        assert_eq!(exchange(&mut conn, "nonsense\r\n\r\n").unwrap().status, 400);
        assert!(closed(&mut conn));
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decode("/a%20b/%C3%A9.go").as_deref(), Some("/a b/é.go"));
        assert_eq!(percent_decode("/%2e%2e/x").as_deref(), Some("/../x"));
        assert_eq!(percent_decode("/%+5"), None);
        assert_eq!(percent_decode("/%4"), None);
        assert_eq!(percent_decode("/%00"), None);
    }

    #[test]
    fn requests_cannot_escape_the_site() {
        let site = std::env::temp_dir();
        assert_eq!(resolve(&site, "/../etc/passwd"), None);
        assert_eq!(resolve(&site, "/a/../../x"), None);
        assert_eq!(resolve(&site, "/%2e%2e/etc/passwd"), None);
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(content_type(Path::new("x/gmp-web_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("index.html")), "text/html; charset=utf-8");
    }
}
