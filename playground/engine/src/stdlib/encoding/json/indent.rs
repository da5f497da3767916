//! Go's `encoding/json/indent.go`: `Compact`, `Indent` and `HTMLEscape`
//! over the scanner, byte for byte (`MarshalIndent` and an `Encoder` with
//! `SetIndent` indent the compact text afterwards, as Go's do).

use super::scanner::{Scan, Scanner};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether `src[i..]` starts U+2028 or U+2029, which Go escapes for
/// JavaScript.
fn line_sep_at(src: &[u8], i: usize) -> bool {
    src[i] == 0xE2 && i + 2 < src.len() && src[i + 1] == 0x80 && src[i + 2] & !1 == 0xA8
}

/// Go's `appendHTMLEscape`.
pub(crate) fn append_html_escape(dst: &mut Vec<u8>, src: &[u8]) {
    let mut start = 0;
    for (i, &c) in src.iter().enumerate() {
        if c == b'<' || c == b'>' || c == b'&' {
            dst.extend_from_slice(&src[start..i]);
            dst.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(c >> 4) as usize], HEX[(c & 0xF) as usize]]);
            start = i + 1;
        }
        if line_sep_at(src, i) {
            dst.extend_from_slice(&src[start..i]);
            dst.extend_from_slice(&[b'\\', b'u', b'2', b'0', b'2', HEX[(src[i + 2] & 0xF) as usize]]);
            start = i + 3;
        }
    }
    dst.extend_from_slice(&src[start.min(src.len())..]);
}

/// Go's `appendCompact`: on a syntax error `dst` is left as it was.
pub(crate) fn append_compact(dst: &mut Vec<u8>, src: &[u8], escape: bool) -> Result<(), (String, i64)> {
    let orig = dst.len();
    let mut scan = Scanner::new();
    let mut start = 0;
    for (i, &c) in src.iter().enumerate() {
        if escape && (c == b'<' || c == b'>' || c == b'&') {
            if start < i {
                dst.extend_from_slice(&src[start..i]);
            }
            dst.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(c >> 4) as usize], HEX[(c & 0xF) as usize]]);
            start = i + 1;
        }
        if escape && line_sep_at(src, i) {
            if start < i {
                dst.extend_from_slice(&src[start..i]);
            }
            dst.extend_from_slice(&[b'\\', b'u', b'2', b'0', b'2', HEX[(src[i + 2] & 0xF) as usize]]);
            start = i + 3;
        }
        scan.bytes += 1;
        let v = scan.step(c);
        if v >= Scan::SkipSpace {
            if v == Scan::Error {
                break;
            }
            if start < i {
                dst.extend_from_slice(&src[start..i]);
            }
            start = i + 1;
        }
    }
    if scan.eof() == Scan::Error {
        dst.truncate(orig);
        return Err(scan.error_of(src));
    }
    if start < src.len() {
        dst.extend_from_slice(&src[start..]);
    }
    Ok(())
}

fn append_newline(dst: &mut Vec<u8>, prefix: &[u8], indent: &[u8], depth: usize, limit: usize) -> Result<(), IndentError> {
    if dst.len().saturating_add(prefix.len()).saturating_add(depth.saturating_mul(indent.len())) > limit {
        return Err(IndentError::TooBig);
    }
    dst.push(b'\n');
    dst.extend_from_slice(prefix);
    for _ in 0..depth {
        dst.extend_from_slice(indent);
    }
    Ok(())
}

/// Why indenting failed: Go's `*SyntaxError` (text, offset), or the
/// text would pass `limit` bytes (the heap budget: deep nesting times a
/// long indent multiplies).
pub(crate) enum IndentError {
    Syntax(String, i64),
    TooBig,
}

/// Go's `appendIndent`: on a syntax error `dst` is left as it was.
pub(crate) fn append_indent(dst: &mut Vec<u8>, src: &[u8], prefix: &[u8], indent: &[u8], limit: usize) -> Result<(), IndentError> {
    let orig = dst.len();
    let mut scan = Scanner::new();
    let mut need_indent = false;
    let mut depth = 0usize;
    for &c in src {
        scan.bytes += 1;
        let v = scan.step(c);
        if v == Scan::SkipSpace {
            continue;
        }
        if v == Scan::Error {
            break;
        }
        if need_indent && v != Scan::EndObject && v != Scan::EndArray {
            need_indent = false;
            depth += 1;
            append_newline(dst, prefix, indent, depth, limit)?;
        }
        if v == Scan::Continue {
            dst.push(c);
            continue;
        }
        match c {
            b'{' | b'[' => {
                need_indent = true;
                dst.push(c);
            }
            b',' => {
                dst.push(c);
                append_newline(dst, prefix, indent, depth, limit)?;
            }
            b':' => dst.extend_from_slice(b": "),
            b'}' | b']' => {
                if need_indent {
                    need_indent = false;
                } else {
                    depth = depth.saturating_sub(1);
                    append_newline(dst, prefix, indent, depth, limit)?;
                }
                dst.push(c);
            }
            _ => dst.push(c),
        }
    }
    if scan.eof() == Scan::Error {
        dst.truncate(orig);
        let (msg, off) = scan.error_of(src);
        return Err(IndentError::Syntax(msg, off));
    }
    Ok(())
}
