//! `unicode`: the rune classes and case mappings, as Rust's `char` has
//! them.

pub(crate) mod utf8;

use super::args;
use crate::value::Value;
use crate::vm::{GState, NativeFn, Throw};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "unicode.IsUpper" => |_vm, g, n| rune_pred(g, n, char::is_uppercase),
        "unicode.IsLower" => |_vm, g, n| rune_pred(g, n, char::is_lowercase),
        "unicode.IsLetter" => |_vm, g, n| rune_pred(g, n, char::is_alphabetic),
        "unicode.IsDigit" | "unicode.IsNumber" => |_vm, g, n| rune_pred(g, n, char::is_numeric),
        "unicode.IsSpace" => |_vm, g, n| rune_pred(g, n, char::is_whitespace),
        "unicode.IsPunct" => |_vm, g, n| rune_pred(g, n, |c| c.is_ascii_punctuation()),
        "unicode.ToUpper" => |_vm, g, n| rune_map(g, n, |c| c.to_uppercase().next().unwrap_or(c)),
        "unicode.ToLower" => |_vm, g, n| rune_map(g, n, |c| c.to_lowercase().next().unwrap_or(c)),
        _ => return None,
    })
}

fn rune_pred(g: &mut GState, argc: usize, f: fn(char) -> bool) -> Result<(), Throw> {
    let a = args(g, argc);
    let c = char::from_u32(a.first().map_or(0, |v| v.int()) as u32);
    g.stack.push(Value::Bool(c.is_some_and(f)));
    Ok(())
}

fn rune_map(g: &mut GState, argc: usize, f: fn(char) -> char) -> Result<(), Throw> {
    let a = args(g, argc);
    let r = a.first().map_or(0, |v| v.int());
    let out = char::from_u32(r as u32).map_or(r, |c| f(c) as i64);
    g.stack.push(Value::Int(out));
    Ok(())
}
