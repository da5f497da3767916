//! `unicode/utf8`: decoding and encoding runes, as Go does (an invalid
//! byte decodes as U+FFFD of width 1).

use crate::stdlib::{args, bytes_of, str_of};
use crate::value::Value;
use crate::vm::NativeFn;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "unicode/utf8.AppendRune" => |vm, g, n| {
            let a = args(g, n);
            let r = a.get(1).map_or(0, |v| v.int());
            let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
            let v = crate::stdlib::append_to_bytes(vm, a.first().copied().unwrap_or_default(), c.to_string().as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
        "unicode/utf8.RuneCountInString" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let mut i = 0;
            let mut c = 0;
            while i < s.len() {
                i += crate::vm::decode_rune(&s[i..]).1.max(1);
                c += 1;
            }
            g.stack.push(Value::Int(c));
            Ok(())
        },
        "unicode/utf8.RuneLen" => |_vm, g, n| {
            let a = args(g, n);
            let r = a.first().map_or(0, |v| v.int());
            let l = match r {
                0..=0x7f => 1,
                0x80..=0x7ff => 2,
                0xD800..=0xDFFF => -1,
                0x800..=0xffff => 3,
                0x10000..=0x10ffff => 4,
                _ => -1,
            };
            g.stack.push(Value::Int(l));
            Ok(())
        },
        "unicode/utf8.DecodeRuneInString" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let (r, w) = if s.is_empty() { (0xFFFD, 0) } else { crate::vm::decode_rune(&s) };
            g.stack.push(Value::Int(r as i64));
            g.stack.push(Value::Int(w as i64));
            Ok(())
        },
        "unicode/utf8.ValidString" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            g.stack.push(Value::Bool(std::str::from_utf8(&s).is_ok()));
            Ok(())
        },
        "unicode/utf8.RuneCount" => |vm, g, n| {
            let a = args(g, n);
            let b = bytes_of(vm, a.first().copied().unwrap_or_default());
            g.stack.push(Value::Int(runes(&b).len() as i64));
            Ok(())
        },
        "unicode/utf8.Valid" => |vm, g, n| {
            let a = args(g, n);
            let b = bytes_of(vm, a.first().copied().unwrap_or_default());
            g.stack.push(Value::Bool(std::str::from_utf8(&b).is_ok()));
            Ok(())
        },
        "unicode/utf8.ValidRune" => |_vm, g, n| {
            let a = args(g, n);
            let r = a.first().map_or(-1, |v| v.int());
            g.stack.push(Value::Bool(u32::try_from(r).ok().and_then(char::from_u32).is_some()));
            Ok(())
        },
        "unicode/utf8.DecodeRune" => |vm, g, n| {
            let a = args(g, n);
            let b = bytes_of(vm, a.first().copied().unwrap_or_default());
            let (r, w) = if b.is_empty() { (0xFFFD, 0) } else { crate::vm::decode_rune(&b) };
            g.stack.push(Value::Int(r as i64));
            g.stack.push(Value::Int(w as i64));
            Ok(())
        },
        "unicode/utf8.DecodeLastRuneInString" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let (r, w) = match rune_spans(&s).last() {
                Some(&(_, w, r)) => (r, w),
                None => (0xFFFD, 0),
            };
            g.stack.push(Value::Int(r as i64));
            g.stack.push(Value::Int(w as i64));
            Ok(())
        },
        _ => return None,
    })
}

/// The runes of a string, invalid bytes as U+FFFD.
pub(crate) fn runes(s: &[u8]) -> Vec<u32> {
    rune_spans(s).into_iter().map(|x| x.2).collect()
}

/// (offset, width, rune) of each rune, invalid bytes as U+FFFD width 1.
pub(crate) fn rune_spans(s: &[u8]) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let (r, w) = crate::vm::decode_rune(&s[i..]);
        let w = w.max(1);
        out.push((i, w, r));
        i += w;
    }
    out
}
