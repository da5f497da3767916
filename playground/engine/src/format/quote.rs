//! Go's quoting rules (`strconv.Quote`, `QuoteToASCII`, `QuoteRune`,
//! `QuoteRuneToASCII`, `CanBackquote`) and their inverse (`Unquote`,
//! `UnquoteChar`, `QuotedPrefix`), Go's UTF-8 decoding (invalid bytes
//! decode as U+FFFD of width 1) and `unicode.IsPrint` via a generated table.
//!
//! Go strings are arbitrary bytes, so everything here works on `&[u8]`.

use super::isprint_table::PRINT_RANGES;

const RUNE_ERROR: u32 = 0xFFFD;

/// `strconv.IsPrint` (same as `unicode.IsPrint`).
pub fn is_print(r: u32) -> bool {
    PRINT_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `utf8.DecodeRune`: (rune, width); invalid or empty input gives
/// (U+FFFD, 1) or (U+FFFD, 0) for empty.
pub fn decode_rune(s: &[u8]) -> (u32, usize) {
    let Some(&b0) = s.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let (n, min, init) = match b0 {
        0xC2..=0xDF => (2, 0x80, (b0 & 0x1F) as u32),
        0xE0..=0xEF => (3, 0x800, (b0 & 0x0F) as u32),
        0xF0..=0xF4 => (4, 0x10000, (b0 & 0x07) as u32),
        _ => return (RUNE_ERROR, 1),
    };
    if s.len() < n {
        return (RUNE_ERROR, 1);
    }
    let mut r = init;
    for &b in &s[1..n] {
        if b & 0xC0 != 0x80 {
            return (RUNE_ERROR, 1);
        }
        r = (r << 6) | (b & 0x3F) as u32;
    }
    if r < min || r > 0x10FFFF || (0xD800..=0xDFFF).contains(&r) {
        return (RUNE_ERROR, 1);
    }
    (r, n)
}

/// Number of runes as `utf8.RuneCount` counts them.
pub fn rune_count(s: &[u8]) -> usize {
    let mut i = 0;
    let mut n = 0;
    while i < s.len() {
        let (_, w) = decode_rune(&s[i..]);
        i += w.max(1);
        n += 1;
    }
    n
}

/// `utf8.AppendRune`: invalid runes (surrogates, out of range) become U+FFFD.
pub fn push_rune(out: &mut Vec<u8>, r: u32) {
    let r = if r > 0x10FFFF || (0xD800..=0xDFFF).contains(&r) {
        RUNE_ERROR
    } else {
        r
    };
    let c = char::from_u32(r).unwrap_or('\u{FFFD}');
    let mut tmp = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

fn valid_rune(r: u32) -> bool {
    r <= 0x10FFFF && !(0xD800..=0xDFFF).contains(&r)
}

const LOWERHEX: &[u8; 16] = b"0123456789abcdef";

fn push_escaped_rune(out: &mut Vec<u8>, r: u32, quote: u8, ascii_only: bool) {
    if r == quote as u32 || r == '\\' as u32 {
        out.push(b'\\');
        out.push(r as u8);
        return;
    }
    if ascii_only {
        if r < 0x80 && is_print(r) {
            out.push(r as u8);
            return;
        }
    } else if is_print(r) {
        push_rune(out, r);
        return;
    }
    match r {
        7 => out.extend_from_slice(b"\\a"),
        8 => out.extend_from_slice(b"\\b"),
        12 => out.extend_from_slice(b"\\f"),
        10 => out.extend_from_slice(b"\\n"),
        13 => out.extend_from_slice(b"\\r"),
        9 => out.extend_from_slice(b"\\t"),
        11 => out.extend_from_slice(b"\\v"),
        _ => {
            if r < ' ' as u32 || r == 0x7F {
                out.extend_from_slice(b"\\x");
                out.push(LOWERHEX[(r >> 4) as usize & 0xF]);
                out.push(LOWERHEX[r as usize & 0xF]);
            } else {
                let r = if valid_rune(r) { r } else { RUNE_ERROR };
                if r < 0x10000 {
                    out.extend_from_slice(b"\\u");
                    for s in (0..4).rev() {
                        out.push(LOWERHEX[(r >> (4 * s)) as usize & 0xF]);
                    }
                } else {
                    out.extend_from_slice(b"\\U");
                    for s in (0..8).rev() {
                        out.push(LOWERHEX[(r >> (4 * s)) as usize & 0xF]);
                    }
                }
            }
        }
    }
}

fn quote_with(s: &[u8], quote: u8, ascii_only: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(quote);
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if w == 1 && r == RUNE_ERROR {
            out.extend_from_slice(b"\\x");
            out.push(LOWERHEX[(s[i] >> 4) as usize]);
            out.push(LOWERHEX[(s[i] & 0xF) as usize]);
            i += 1;
            continue;
        }
        push_escaped_rune(&mut out, r, quote, ascii_only);
        i += w.max(1);
    }
    out.push(quote);
    out
}

/// `strconv.Quote`.
pub fn quote(s: &[u8]) -> Vec<u8> {
    quote_with(s, b'"', false)
}

/// `strconv.QuoteToASCII`.
pub fn quote_to_ascii(s: &[u8]) -> Vec<u8> {
    quote_with(s, b'"', true)
}

/// `strconv.QuoteRune` (invalid runes become U+FFFD).
pub fn quote_rune(r: u32) -> Vec<u8> {
    let r = if valid_rune(r) { r } else { RUNE_ERROR };
    let mut out = vec![b'\''];
    push_escaped_rune(&mut out, r, b'\'', false);
    out.push(b'\'');
    out
}

/// `strconv.QuoteRuneToASCII`.
pub fn quote_rune_to_ascii(r: u32) -> Vec<u8> {
    let r = if valid_rune(r) { r } else { RUNE_ERROR };
    let mut out = vec![b'\''];
    push_escaped_rune(&mut out, r, b'\'', true);
    out.push(b'\'');
    out
}

/// `strconv.CanBackquote`.
pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        i += w.max(1);
        if w > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == RUNE_ERROR {
            return false;
        }
        if (r < ' ' as u32 && r != '\t' as u32) || r == '`' as u32 || r == 0x7F {
            return false;
        }
    }
    true
}

/// `strconv.ErrSyntax` as returned by the unquoting functions: its
/// `Error()` text is "invalid syntax".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrSyntax;

impl std::fmt::Display for ErrSyntax {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("invalid syntax")
    }
}

fn unhex(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// `strconv.UnquoteChar(s, quote)`: (value, multibyte, tail); `Err` is
/// `strconv.ErrSyntax`.
pub fn unquote_char(s: &[u8], quote: u8) -> Result<(u32, bool, &[u8]), ErrSyntax> {
    let &c = s.first().ok_or(ErrSyntax)?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return Err(ErrSyntax);
    }
    if c >= 0x80 {
        let (r, size) = decode_rune(s);
        return Ok((r, true, &s[size.max(1)..]));
    }
    if c != b'\\' {
        return Ok((c as u32, false, &s[1..]));
    }
    if s.len() <= 1 {
        return Err(ErrSyntax);
    }
    let c = s[1];
    let mut s = &s[2..];
    let mut multibyte = false;
    let value = match c {
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'n' => 10,
        b'r' => 13,
        b't' => 9,
        b'v' => 11,
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if s.len() < n {
                return Err(ErrSyntax);
            }
            let mut v: u32 = 0;
            for &h in &s[..n] {
                v = (v << 4) | unhex(h).ok_or(ErrSyntax)?;
            }
            s = &s[n..];
            if c != b'x' {
                if !valid_rune(v) {
                    return Err(ErrSyntax);
                }
                multibyte = true;
            }
            v
        }
        b'0'..=b'7' => {
            let mut v = (c - b'0') as u32;
            if s.len() < 2 {
                return Err(ErrSyntax);
            }
            for &o in &s[..2] {
                if !(b'0'..=b'7').contains(&o) {
                    return Err(ErrSyntax);
                }
                v = (v << 3) | (o - b'0') as u32;
            }
            s = &s[2..];
            if v > 255 {
                return Err(ErrSyntax);
            }
            v
        }
        b'\\' => b'\\' as u32,
        b'\'' | b'"' => {
            if c != quote {
                return Err(ErrSyntax);
            }
            c as u32
        }
        _ => return Err(ErrSyntax),
    };
    Ok((value, multibyte, s))
}

/// Go's `unquote(in, unescape)`: (out, rest) or `ErrSyntax`.
fn unquote_prefix(input: &[u8], unescape: bool) -> Result<(Vec<u8>, &[u8]), ErrSyntax> {
    if input.len() < 2 {
        return Err(ErrSyntax);
    }
    let quote = input[0];
    let end = input[1..]
        .iter()
        .position(|&b| b == quote)
        .ok_or(ErrSyntax)?
        + 2;
    match quote {
        b'`' => {
            let out = if !unescape {
                input[..end].to_vec()
            } else {
                input[1..end - 1]
                    .iter()
                    .copied()
                    .filter(|&b| b != b'\r')
                    .collect()
            };
            Ok((out, &input[end..]))
        }
        b'"' | b'\'' => {
            let head = &input[..end];
            if !head.contains(&b'\\') && !head.contains(&b'\n') {
                let inner = &input[1..end - 1];
                let valid = if quote == b'"' {
                    std::str::from_utf8(inner).is_ok()
                } else {
                    let (r, n) = decode_rune(inner);
                    n + 2 == end && (r != RUNE_ERROR || n != 1)
                };
                if valid {
                    let out = if unescape {
                        inner.to_vec()
                    } else {
                        head.to_vec()
                    };
                    return Ok((out, &input[end..]));
                }
            }
            let mut buf = Vec::new();
            let mut rest = &input[1..];
            while !rest.is_empty() && rest[0] != quote {
                if rest[0] == b'\n' {
                    return Err(ErrSyntax);
                }
                let (r, multibyte, tail) = unquote_char(rest, quote)?;
                rest = tail;
                if r < 0x80 || !multibyte {
                    buf.push(r as u8);
                } else {
                    push_rune(&mut buf, r);
                }
                if quote == b'\'' {
                    break;
                }
            }
            if rest.first() != Some(&quote) {
                return Err(ErrSyntax);
            }
            rest = &rest[1..];
            if unescape {
                Ok((buf, rest))
            } else {
                Ok((input[..input.len() - rest.len()].to_vec(), rest))
            }
        }
        _ => Err(ErrSyntax),
    }
}

/// `strconv.Unquote`; `Err` is `strconv.ErrSyntax` ("invalid syntax").
pub fn unquote(s: &[u8]) -> Result<Vec<u8>, ErrSyntax> {
    let (out, rest) = unquote_prefix(s, true)?;
    if !rest.is_empty() {
        return Err(ErrSyntax);
    }
    Ok(out)
}

#[cfg(test)]
/// `strconv.QuotedPrefix`.
pub fn quoted_prefix(s: &[u8]) -> Result<Vec<u8>, ErrSyntax> {
    unquote_prefix(s, false).map(|(out, _)| out)
}
