//! A loopback echo server that records each request exactly as it arrived.
//!
//! Every verify job starts its own server on its own port, so a captured request can only
//! come from that job's sample.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One request as received: nothing normalised, so the comparison sees what the client sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    pub method: String,
    /// The request target exactly as sent (path and query for origin-form requests).
    pub target: String,
    /// Header lines in arrival order, names as sent.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body after removing chunked framing, if any.
    pub body: Vec<u8>,
    /// Whether the body arrived with `Transfer-Encoding: chunked`.
    pub chunked: bool,
}

impl Captured {
    /// The values of every header named `name` (case-insensitive), lossily as text.
    pub fn header_values(&self, name: &str) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
            .collect()
    }
}

impl std::fmt::Display for Captured {
    /// The request as it would look on the wire (body lossily as text), for `--keep` files.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{} {}", self.method, self.target)?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}: {}", String::from_utf8_lossy(value))?;
        }
        let framing = if self.chunked { " (arrived chunked)" } else { "" };
        write!(f, "\n{}\n-- {} body bytes{framing}\n", String::from_utf8_lossy(&self.body), self.body.len())
    }
}

/// The JSON every request is answered with: small, and valid for clients that parse it.
pub const RESPONSE_BODY: &str = "{\"ok\":true}";

/// A running echo server; stops when dropped.
pub struct EchoServer {
    addr: SocketAddr,
    captured: Arc<Mutex<Vec<Captured>>>,
    errors: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// How long a connection may stay silent before the server gives up on it, so a sample that
/// opens a socket and never writes cannot keep a handler thread forever.
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// Bodies above this are refused instead of buffered.
const MAX_BODY: usize = 64 << 20;

impl EchoServer {
    /// Binds 127.0.0.1 on a free port. Loopback only: samples never reach another machine.
    pub fn start() -> io::Result<EchoServer> {
        Self::start_with(false)
    }

    /// Like [`EchoServer::start`], but a request with neither Content-Length nor chunked
    /// framing has a body up to the end of what the client sends (it closes its write side).
    /// Only for the `http` sample, which is a message sent as written, where the reference
    /// style leaves the length out; a client library must frame its body, so the others keep
    /// RFC 9112's rule (no framing, no body).
    pub fn start_until_close() -> io::Result<EchoServer> {
        Self::start_with(true)
    }

    fn start_with(until_close: bool) -> io::Result<EchoServer> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        let captured = Arc::new(Mutex::new(Vec::new()));
        let errors = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (captured, errors, stop) = (captured.clone(), errors.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (captured, errors) = (captured.clone(), errors.clone());
                    std::thread::spawn(move || {
                        if let Err(e) = serve(stream, &captured, until_close) {
                            errors.lock().unwrap().push(e.to_string());
                        }
                    });
                }
            })
        };
        Ok(EchoServer { addr, captured, errors, stop, thread: Some(thread) })
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://127.0.0.1:PORT`, the origin samples are rendered against.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far, in the order they completed.
    pub fn requests(&self) -> Vec<Captured> {
        self.captured.lock().unwrap().clone()
    }

    /// Protocol errors seen on connections (malformed requests, timeouts).
    pub fn errors(&self) -> Vec<String> {
        self.errors.lock().unwrap().clone()
    }
}

impl Drop for EchoServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // `accept` has no timeout: a connection of our own wakes the loop so it sees `stop`.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Serves one connection: reads one request, records it, answers 200 and closes. Clients
/// are told `Connection: close`, so none sends a second request on the same socket.
fn serve(stream: TcpStream, captured: &Mutex<Vec<Captured>>, until_close: bool) -> io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let Some(head) = read_head(&mut reader)? else {
        return Ok(()); // connected and closed without a byte, e.g. our own wake-up
    };
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err(bad("request head ends early")),
        Err(e) => {
            let _ = writer
                .write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            return Err(bad(&format!("malformed request head: {e}")));
        }
    }
    let method = request.method.unwrap_or_default().to_string();
    let target = request.path.unwrap_or_default().to_string();
    let headers: Vec<(String, Vec<u8>)> =
        request.headers.iter().map(|h| (h.name.to_string(), h.value.to_vec())).collect();
    let value = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).trim().to_ascii_lowercase())
    };
    if value("expect").as_deref() == Some("100-continue") {
        writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        writer.flush()?;
    }
    let chunked = value("transfer-encoding").is_some_and(|v| v.ends_with("chunked"));
    let length = value("content-length");
    let body = if chunked {
        read_chunked(&mut reader)?
    } else if length.is_none() && until_close {
        let mut body = Vec::new();
        reader.by_ref().take(MAX_BODY as u64 + 1).read_to_end(&mut body)?;
        if body.len() > MAX_BODY {
            return Err(bad("body too large"));
        }
        body
    } else {
        let length = match length {
            None => 0,
            Some(v) => v.parse::<usize>().map_err(|_| bad(&format!("bad Content-Length {v:?}")))?,
        };
        if length > MAX_BODY {
            return Err(bad("body too large"));
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        body
    };
    captured.lock().unwrap().push(Captured { method: method.clone(), target, headers, body, chunked });
    // Recorded before answering: once a client has its response, the capture is complete.
    let payload = if method == "HEAD" { "" } else { RESPONSE_BODY };
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        RESPONSE_BODY.len()
    );
    writer.write_all(response.as_bytes())?;
    writer.flush()?;
    let _ = writer.shutdown(Shutdown::Write);
    Ok(())
}

fn bad(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_string())
}

/// Reads up to and including the blank line ending the head; `None` if the peer sent nothing.
fn read_head(reader: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let n = reader.read_until(b'\n', &mut head)?;
        if n == 0 {
            return if head.is_empty() {
                Ok(None)
            } else {
                Err(bad("connection closed inside the request head"))
            };
        }
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            if before == 0 {
                head.clear(); // RFC 9112 §2.2: ignore empty lines before the request line
                continue;
            }
            return Ok(Some(head));
        }
        if head.len() > 1 << 20 {
            return Err(bad("request head larger than 1 MiB"));
        }
    }
}

/// Decodes a chunked body (RFC 9112 §7.1), discarding extensions and trailers.
fn read_chunked(reader: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut line = Vec::new();
        reader.read_until(b'\n', &mut line)?;
        let size = match httparse::parse_chunk_size(&line) {
            Ok(httparse::Status::Complete((_, size))) => size as usize,
            _ => return Err(bad(&format!("bad chunk size line {:?}", String::from_utf8_lossy(&line)))),
        };
        if size == 0 {
            // Trailer section: header lines up to an empty line.
            loop {
                let mut trailer = Vec::new();
                if reader.read_until(b'\n', &mut trailer)? == 0 || trailer == b"\r\n" || trailer == b"\n" {
                    return Ok(body);
                }
            }
        }
        if body.len() + size > MAX_BODY {
            return Err(bad("body too large"));
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        let mut crlf = [0; 2];
        reader.read_exact(&mut crlf)?;
        if &crlf != b"\r\n" {
            return Err(bad("chunk not followed by CRLF"));
        }
    }
}
