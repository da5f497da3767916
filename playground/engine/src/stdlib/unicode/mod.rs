//! `unicode`: the rune classes and case mappings, from Go's own tables
//! (`tables.rs`, generated from Go's unicode package) where Rust's `char`
//! answers differently (categories, simple case mappings, title case);
//! `IsSpace` is Go's White_Space, which `char::is_whitespace` is.

mod tables;
pub(crate) mod utf8;

use super::args;
use crate::value::Value;
use crate::vm::{GState, NativeFn, Throw};
use tables::{CASE_RANGES, UPPER_LOWER};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "unicode.IsUpper" => |_vm, g, n| rune_pred(g, n, |r| is(tables::UPPER, r)),
        "unicode.IsLower" => |_vm, g, n| rune_pred(g, n, |r| is(tables::LOWER, r)),
        "unicode.IsTitle" => |_vm, g, n| rune_pred(g, n, |r| is(tables::TITLE, r)),
        "unicode.IsLetter" => |_vm, g, n| rune_pred(g, n, is_letter),
        "unicode.IsDigit" => |_vm, g, n| rune_pred(g, n, is_digit),
        "unicode.IsNumber" => |_vm, g, n| rune_pred(g, n, |r| is(tables::NUMBER, r)),
        "unicode.IsSpace" => |_vm, g, n| rune_pred(g, n, is_space),
        "unicode.IsPunct" => |_vm, g, n| rune_pred(g, n, |r| is(tables::PUNCT, r)),
        "unicode.ToUpper" => |_vm, g, n| rune_map(g, n, to_upper),
        "unicode.ToLower" => |_vm, g, n| rune_map(g, n, to_lower),
        "unicode.ToTitle" => |_vm, g, n| rune_map(g, n, to_title),
        "unicode.SimpleFold" => |_vm, g, n| rune_map(g, n, simple_fold),
        // `To(_case, r)`: an unknown case maps to ReplacementChar, as Go's.
        "unicode.To" => |_vm, g, n| {
            let a = args(g, n);
            let (case, r) = (a.first().map_or(0, |v| v.int()), a.get(1).map_or(0, |v| v.int()));
            let out = match (usize::try_from(case), u32::try_from(r)) {
                (Ok(c @ 0..=2), Ok(r)) if r <= 0x10FFFF => to(c, r) as i64,
                (Ok(0..=2), _) => r,
                _ => 0xFFFD,
            };
            g.stack.push(Value::Int(out));
            Ok(())
        },
        _ => return None,
    })
}

/// Go's `unicode.Is`: `r` in one of the table's strided ranges.
fn is(table: &[(u32, u32, u32)], r: u32) -> bool {
    let i = table.partition_point(|&(_, hi, _)| hi < r);
    table.get(i).is_some_and(|&(lo, _, stride)| lo <= r && (r - lo) % stride.max(1) == 0)
}

pub(crate) fn is_letter(r: u32) -> bool {
    is(tables::LETTER, r)
}

pub(crate) fn is_digit(r: u32) -> bool {
    if r <= 0x7F { (b'0' as u32..=b'9' as u32).contains(&r) } else { is(tables::DIGIT, r) }
}

pub(crate) fn is_space(r: u32) -> bool {
    char::from_u32(r).is_some_and(char::is_whitespace)
}

/// Go's `unicode.To(_case, r)` over `CaseRanges` (0 upper, 1 lower, 2
/// title), with its alternating upper/lower sequences.
fn to(case: usize, r: u32) -> u32 {
    let i = CASE_RANGES.partition_point(|&(_, hi, _)| hi < r);
    match CASE_RANGES.get(i) {
        Some(&(lo, _, delta)) if lo <= r => {
            let d = delta[case];
            if d == UPPER_LOWER { lo + ((r - lo) & !1 | (case as u32 & 1)) } else { (r as i64 + d as i64) as u32 }
        }
        _ => r,
    }
}

pub(crate) fn to_upper(r: u32) -> u32 {
    if r <= 0x7F { if (b'a' as u32..=b'z' as u32).contains(&r) { r - 32 } else { r } } else { to(0, r) }
}

pub(crate) fn to_lower(r: u32) -> u32 {
    if r <= 0x7F { if (b'A' as u32..=b'Z' as u32).contains(&r) { r + 32 } else { r } } else { to(1, r) }
}

/// Go's `SimpleFold`: the next rune of `r`'s case orbit.
fn simple_fold(r: u32) -> u32 {
    match tables::FOLD.binary_search_by_key(&r, |&(k, _)| k) {
        Ok(i) => tables::FOLD[i].1,
        Err(_) => {
            let l = to_lower(r);
            if l != r { l } else { to_upper(r) }
        }
    }
}

pub(crate) fn to_title(r: u32) -> u32 {
    if r <= 0x7F { to_upper(r) } else { to(2, r) }
}

/// A rune class; runes outside 0..=MaxRune are in none.
fn rune_pred(g: &mut GState, argc: usize, f: fn(u32) -> bool) -> Result<(), Throw> {
    let a = args(g, argc);
    let r = a.first().map_or(0, |v| v.int());
    g.stack.push(Value::Bool(u32::try_from(r).is_ok_and(|r| r <= 0x10FFFF && f(r))));
    Ok(())
}

/// A case mapping; runes outside 0..=MaxRune map to themselves.
fn rune_map(g: &mut GState, argc: usize, f: fn(u32) -> u32) -> Result<(), Throw> {
    let a = args(g, argc);
    let r = a.first().map_or(0, |v| v.int());
    let out = u32::try_from(r).ok().filter(|&r| r <= 0x10FFFF).map_or(r, |r| f(r) as i64);
    g.stack.push(Value::Int(out));
    Ok(())
}
