//! fmt's integer and rune formatting: bases 2/8/10/16 with sign, `#`, zero
//! padding and precision (`fmt.fmtInteger`), `%c`, `%q` on runes, `%U`, and
//! hex dumps of strings and byte slices (`%x`, `% X`, `%#x`).
//!
//! Ported from Go's fmt/format.go so that flag interactions (precision
//! overriding the zero flag, `%#o` not doubling a leading 0, `%O`) match.

use super::printf::Fmt;
use super::quote;

pub(crate) const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
pub(crate) const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

impl Fmt {
    /// `fmt.fmtInteger`: `u` holds the two's-complement bits when signed.
    pub(crate) fn fmt_integer(
        &mut self,
        buf: &mut Vec<u8>,
        u: u64,
        base: u32,
        signed: bool,
        verb: u32,
        digits: &[u8; 17],
    ) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).wrapping_neg() as u64
        } else {
            u
        };
        let mut prec: i64 = 0;
        if self.prec_present {
            prec = self.prec;
            if prec == 0 && u == 0 {
                let old = self.zero;
                self.zero = false;
                self.write_padding(buf, self.wid);
                self.zero = old;
                return;
            }
        } else if self.zero && !self.minus && self.wid_present {
            prec = self.wid;
            if negative || self.plus || self.space {
                prec -= 1; // leave room for the sign
            }
        }
        // Digits are produced least significant first, then reversed.
        let mut out: Vec<u8> = Vec::with_capacity(24);
        let b = base as u64;
        while u >= b {
            out.push(digits[(u % b) as usize]);
            u /= b;
        }
        out.push(digits[u as usize]);
        while (out.len() as i64) < prec {
            out.push(b'0');
        }
        if self.sharp {
            match base {
                2 => out.extend_from_slice(b"b0"),
                // A leading 0 is not doubled.
                8 if out.last() != Some(&b'0') => out.push(b'0'),
                16 => {
                    out.push(digits[16]);
                    out.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' as u32 {
            out.extend_from_slice(b"o0");
        }
        if negative {
            out.push(b'-');
        } else if self.plus {
            out.push(b'+');
        } else if self.space {
            out.push(b' ');
        }
        out.reverse();
        let old = self.zero;
        self.zero = false;
        self.pad(buf, &out);
        self.zero = old;
    }

    /// `%U`: `U+0041`, with `#` also `U+0041 'A'` for printable runes.
    pub(crate) fn fmt_unicode(&mut self, buf: &mut Vec<u8>, u: u64) {
        let mut prec: i64 = 4;
        if self.prec_present && self.prec > 4 {
            prec = self.prec;
        }
        let mut out: Vec<u8> = Vec::new();
        if self.sharp && u <= 0x10FFFF && quote::is_print(u as u32) {
            out.push(b'\'');
            let mut tmp = Vec::new();
            quote::push_rune(&mut tmp, u as u32);
            tmp.reverse();
            out.extend_from_slice(&tmp);
            out.push(b'\'');
            out.push(b' ');
        }
        let mut v = u;
        while v >= 16 {
            out.push(UDIGITS[(v & 0xF) as usize]);
            prec -= 1;
            v >>= 4;
        }
        out.push(UDIGITS[v as usize]);
        prec -= 1;
        while prec > 0 {
            out.push(b'0');
            prec -= 1;
        }
        out.extend_from_slice(b"+U");
        out.reverse();
        let old = self.zero;
        self.zero = false;
        self.pad(buf, &out);
        self.zero = old;
    }

    /// `%c`: the rune, U+FFFD when out of range.
    pub(crate) fn fmt_c(&mut self, buf: &mut Vec<u8>, c: u64) {
        let r = if c > 0x10FFFF { 0xFFFD } else { c as u32 };
        let mut out = Vec::new();
        quote::push_rune(&mut out, r);
        self.pad(buf, &out);
    }

    /// `%q` on an integer: a quoted rune literal.
    pub(crate) fn fmt_qc(&mut self, buf: &mut Vec<u8>, c: u64) {
        let r = if c > 0x10FFFF { 0xFFFD } else { c as u32 };
        let out = if self.plus {
            quote::quote_rune_to_ascii(r)
        } else {
            quote::quote_rune(r)
        };
        self.pad(buf, &out);
    }

    /// `fmt.fmtSbx`: hex dump of a string or byte slice with `#`, space,
    /// precision (bytes) and width.
    pub(crate) fn fmt_sbx(&mut self, buf: &mut Vec<u8>, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len() as i64;
        if self.prec_present && self.prec < length {
            length = self.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.space {
                if self.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.sharp {
                width += 2;
            }
        } else {
            if self.wid_present {
                self.write_padding(buf, self.wid);
            }
            return;
        }
        if self.wid_present && self.wid > width && !self.minus {
            self.write_padding(buf, self.wid - width);
        }
        if self.sharp {
            buf.push(b'0');
            buf.push(digits[16]);
        }
        for (i, &c) in s.iter().take(length as usize).enumerate() {
            if self.space && i > 0 {
                buf.push(b' ');
                if self.sharp {
                    buf.push(b'0');
                    buf.push(digits[16]);
                }
            }
            buf.push(digits[(c >> 4) as usize]);
            buf.push(digits[(c & 0xF) as usize]);
        }
        if self.wid_present && self.wid > width && self.minus {
            self.write_padding(buf, self.wid - width);
        }
    }
}
