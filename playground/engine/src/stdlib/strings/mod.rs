//! `strings`: the functions over strings (Go's byte semantics, runes
//! decoded as Go decodes them), `Builder` (whose buffer `bytes.Buffer`
//! shares) and `Replacer`.

use super::unicode;
use super::{args, new_slice, new_str, oom, recv_obj, slice_elems, str1, str_of};
use super::unicode::utf8::{rune_spans, runes};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "strings.(*Builder).WriteString" => builder_write_string,
        "strings.(*Builder).WriteByte" => builder_write_byte,
        "strings.(*Builder).WriteRune" => builder_write_rune,
        "strings.IndexFunc" => |vm, g, n| {
            let (a, _pin) = super::pinned_args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let f = a.get(1).copied().unwrap_or_default();
            let mut i = 0;
            while i < s.len() {
                let (r, w) = crate::vm::decode_rune(&s[i..]);
                let res = super::call_go(vm, g, f, &[Value::Int(r as i64)], 1)?;
                if res.first().is_some_and(|v| v.bool()) {
                    g.stack.push(Value::Int(i as i64));
                    return Ok(());
                }
                i += w.max(1);
            }
            g.stack.push(Value::Int(-1));
            Ok(())
        },
        "strings.(*Builder).Write" => builder_write,
        "strings.(*Builder).String" => builder_string,
        "strings.(*Builder).Len" => builder_len,
        "strings.(*Builder).Cap" => |vm, g, n| {
            let a = args(g, n);
            let (_, cap) = builder_len_cap(builder_field(vm, a.first().copied().unwrap_or_default()));
            g.stack.push(Value::Int(cap as i64));
            Ok(())
        },
        "strings.(*Builder).Reset" => builder_reset,
        // Go's Grow: room for n more bytes, in a buffer of 2*cap+n
        // (`bytealg.MakeNoZero` rounds it to a size class).
        "strings.(*Builder).Grow" => |vm, g, n| {
            let a = args(g, n);
            let recv = a.first().copied().unwrap_or_default();
            let more = a.get(1).map_or(0, |v| v.int());
            if more < 0 {
                let s = super::new_str(vm, b"strings.Builder.Grow: negative count")?;
                return Err(Throw::Panic(super::new_iface(vm, crate::rtype::T_STRING, s)?));
            }
            let Some(h) = recv_obj(vm, recv) else { return Err(super::fatal_nil_deref()) };
            let (len, cap) = builder_len_cap(vm.heap.slots(h).first().copied().unwrap_or_default());
            if cap - len < more as u64 {
                let new_cap = crate::vm::round_up_size((2 * cap).saturating_add(more as u64));
                let bytes = builder_bytes(vm, vm.heap.slots(h).first().copied().unwrap_or_default());
                let obj = vm.heap.alloc_byte_arr(crate::heap::ByteKind::U8, bytes, len).map_err(oom)?;
                let cap = u32::try_from(new_cap).unwrap_or(u32::MAX);
                vm.heap.store_slot(h, 0, Value::Slice { obj, off: 0, len: len as u32, cap }).map_err(oom)?;
            }
            Ok(())
        },
        "strings.Title" => |vm, g, n| str1(vm, g, n, |a| {
            let mut prev = ' ' as u32;
            map_runes(a, |r| {
                let sep = is_separator(prev);
                prev = r;
                if sep { unicode::to_title(r) } else { r }
            })
        }),
        "strings.LastIndex" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(if b.is_empty() { a.len() as i64 } else { a.windows(b.len()).rposition(|w| w == b).map_or(-1, |i| i as i64) })),
        "strings.EqualFold" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(String::from_utf8_lossy(a).to_lowercase() == String::from_utf8_lossy(b).to_lowercase())),
        "strings.ContainsAny" => |vm, g, n| str2(vm, g, n, |a, b| {
            let set: Vec<char> = String::from_utf8_lossy(b).chars().collect();
            Out::B(String::from_utf8_lossy(a).chars().any(|c| set.contains(&c)))
        }),
        "strings.Compare" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(a.cmp(b) as i64)),
        "strings.Trim" => |vm, g, n| str2(vm, g, n, |a, b| {
            let set: Vec<char> = String::from_utf8_lossy(b).chars().collect();
            Out::S(String::from_utf8_lossy(a).trim_matches(|c| set.contains(&c)).as_bytes().to_vec())
        }),
        "strings.TrimLeft" => |vm, g, n| str2(vm, g, n, |a, b| {
            let set: Vec<char> = String::from_utf8_lossy(b).chars().collect();
            Out::S(String::from_utf8_lossy(a).trim_start_matches(|c| set.contains(&c)).as_bytes().to_vec())
        }),
        "strings.TrimRight" => |vm, g, n| str2(vm, g, n, |a, b| {
            let set: Vec<char> = String::from_utf8_lossy(b).chars().collect();
            Out::S(String::from_utf8_lossy(a).trim_end_matches(|c| set.contains(&c)).as_bytes().to_vec())
        }),
        "strings.Replace" => strings_replace,
        "strings.SplitN" => strings_split_n,
        "strings.IndexByte" | "strings.IndexRune" => strings_index_rune,
        "strings.ContainsRune" => |vm, g, n| {
            strings_index_rune(vm, g, n)?;
            let i = g.stack.pop().map_or(-1, |v| v.int());
            g.stack.push(Value::Bool(i >= 0));
            Ok(())
        },
        "strings.Map" => strings_map,
        "strings.Cut" => strings_cut,
        "strings.Contains" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(find(a, b).is_some())),
        "strings.HasPrefix" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(a.starts_with(b))),
        "strings.HasSuffix" => |vm, g, n| str2(vm, g, n, |a, b| Out::B(a.ends_with(b))),
        "strings.Index" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(find(a, b).map_or(-1, |i| i as i64))),
        "strings.Count" => |vm, g, n| str2(vm, g, n, |a, b| Out::I(count(a, b))),
        "strings.TrimPrefix" => |vm, g, n| str2(vm, g, n, |a, b| Out::S(a.strip_prefix(b).unwrap_or(a).to_vec())),
        "strings.TrimSuffix" => |vm, g, n| str2(vm, g, n, |a, b| Out::S(a.strip_suffix(b).unwrap_or(a).to_vec())),
        "strings.ToUpper" => |vm, g, n| str1(vm, g, n, |a| map_runes(a, unicode::to_upper)),
        "strings.ToLower" => |vm, g, n| str1(vm, g, n, |a| map_runes(a, unicode::to_lower)),
        "strings.ToTitle" => |vm, g, n| str1(vm, g, n, |a| map_runes(a, unicode::to_title)),
        "strings.TrimSpace" => |vm, g, n| str1(vm, g, n, |a| a.trim_ascii().to_vec()),
        "strings.Repeat" => strings_repeat,
        "strings.Join" => strings_join,
        "strings.Split" => strings_split,
        "strings.Fields" => strings_fields,
        "strings.ReplaceAll" => strings_replace_all,
        "strings.CutPrefix" => |vm, g, n| cut_fix(vm, g, n, true),
        "strings.CutSuffix" => |vm, g, n| cut_fix(vm, g, n, false),
        "strings.IndexAny" => |vm, g, n| any_index(vm, g, n, false),
        "strings.LastIndexAny" => |vm, g, n| any_index(vm, g, n, true),
        "strings.LastIndexByte" => |vm, g, n| {
            let a = args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let c = a.get(1).map_or(0, |v| v.int()) as u8;
            g.stack.push(Value::Int(s.iter().rposition(|&b| b == c).map_or(-1, |i| i as i64)));
            Ok(())
        },
        "strings.SplitAfter" => |vm, g, n| {
            let a = args(g, n);
            let s = String::from_utf8_lossy(&str_of(vm, a.first().copied().unwrap_or_default())).into_owned();
            let sep = String::from_utf8_lossy(&str_of(vm, a.get(1).copied().unwrap_or_default())).into_owned();
            let parts: Vec<String> = if sep.is_empty() { s.chars().map(String::from).collect() } else { s.split_inclusive(sep.as_str()).map(String::from).collect() };
            let parts = if !sep.is_empty() && (s.is_empty() || s.ends_with(&sep)) { [parts, vec![String::new()]].concat() } else { parts };
            push_strs(vm, g, parts)
        },
        "strings.Clone" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(a.first().copied().unwrap_or(Value::EMPTY_STRING));
            Ok(())
        },
        "strings.ContainsFunc" => |vm, g, n| {
            let (a, _pin) = super::pinned_args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let f = a.get(1).copied().unwrap_or_default();
            let mut found = false;
            for r in runes(&s) {
                if super::call_go(vm, g, f, &[Value::Int(r as i64)], 1)?.first().is_some_and(|v| v.bool()) {
                    found = true;
                    break;
                }
            }
            g.stack.push(Value::Bool(found));
            Ok(())
        },
        "strings.TrimFunc" => |vm, g, n| {
            let (a, _pin) = super::pinned_args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let f = a.get(1).copied().unwrap_or_default();
            let mut keep = Vec::new();
            for (i, w, r) in rune_spans(&s) {
                let t = super::call_go(vm, g, f, &[Value::Int(r as i64)], 1)?.first().is_some_and(|v| v.bool());
                keep.push((i, w, t));
            }
            let start = keep.iter().position(|k| !k.2).map_or(s.len(), |p| keep[p].0);
            let end = keep.iter().rposition(|k| !k.2).map_or(start, |p| keep[p].0 + keep[p].1);
            let v = new_str(vm, s.get(start..end.max(start)).unwrap_or(&[]))?;
            g.stack.push(v);
            Ok(())
        },
        "strings.FieldsFunc" => |vm, g, n| {
            let (a, _pin) = super::pinned_args(g, n);
            let s = str_of(vm, a.first().copied().unwrap_or_default());
            let f = a.get(1).copied().unwrap_or_default();
            let mut parts = Vec::new();
            let mut cur: Option<usize> = None;
            for (i, w, r) in rune_spans(&s) {
                let sep = super::call_go(vm, g, f, &[Value::Int(r as i64)], 1)?.first().is_some_and(|v| v.bool());
                match (sep, cur) {
                    (true, Some(st)) => {
                        parts.push(String::from_utf8_lossy(&s[st..i]).into_owned());
                        cur = None;
                    }
                    (false, None) => cur = Some(i),
                    _ => {}
                }
                let _ = w;
            }
            if let Some(st) = cur {
                parts.push(String::from_utf8_lossy(&s[st..]).into_owned());
            }
            push_strs(vm, g, parts)
        },
        "strings.NewReplacer" => |vm, g, n| {
            let a = args(g, n);
            let pairs = a.first().copied().unwrap_or_default();
            if slice_elems(vm, pairs).len() % 2 == 1 {
                let s = new_str(vm, b"strings.NewReplacer: odd argument count")?;
                return Err(Throw::Panic(super::new_iface(vm, crate::rtype::T_STRING, s)?));
            }
            let h = vm.heap.alloc_slots(vec![pairs], 24).map_err(oom)?;
            g.stack.push(Value::Ptr { obj: h, slot: WHOLE });
            Ok(())
        },
        "strings.(*Replacer).Replace" => |vm, g, n| {
            let a = args(g, n);
            let pairs = recv_obj(vm, a.first().copied().unwrap_or_default()).and_then(|h| vm.heap.slots(h).first().copied()).unwrap_or_default();
            let pairs: Vec<Vec<u8>> = slice_elems(vm, pairs).into_iter().map(|v| str_of(vm, v)).collect();
            let s = str_of(vm, a.get(1).copied().unwrap_or_default());
            let mut out = Vec::with_capacity(s.len());
            let mut i = 0;
            'scan: while i < s.len() {
                for p in pairs.chunks(2) {
                    if let [old, new] = p
                        && !old.is_empty()
                        && s[i..].starts_with(old)
                    {
                        out.extend_from_slice(new);
                        i += old.len();
                        continue 'scan;
                    }
                }
                out.push(s[i]);
                i += 1;
            }
            let v = new_str(vm, &out)?;
            g.stack.push(v);
            Ok(())
        },
        _ => return None,
    })
}

enum Out {
    B(bool),
    I(i64),
    S(Vec<u8>),
}

fn str2(vm: &mut Vm, g: &mut GState, argc: usize, f: fn(&[u8], &[u8]) -> Out) -> Result<(), Throw> {
    let a = args(g, argc);
    let x = str_of(vm, a.first().copied().unwrap_or_default());
    let y = str_of(vm, a.get(1).copied().unwrap_or_default());
    let v = match f(&x, &y) {
        Out::B(b) => Value::Bool(b),
        Out::I(i) => Value::Int(i),
        Out::S(s) => new_str(vm, &s)?,
    };
    g.stack.push(v);
    Ok(())
}

fn find(a: &[u8], b: &[u8]) -> Option<usize> {
    if b.is_empty() {
        return Some(0);
    }
    a.windows(b.len()).position(|w| w == b)
}

pub(crate) fn count(a: &[u8], b: &[u8]) -> i64 {
    if b.is_empty() {
        return crate::format::rune_count(a) as i64 + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find(&a[i..], b) {
        n += 1;
        i += p + b.len();
    }
    n
}

fn strings_repeat(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let n = a.get(1).map_or(0, |v| v.int());
    if n < 0 {
        let msg = new_str(vm, b"strings: negative Repeat count")?;
        return Err(Throw::Panic(super::new_iface(vm, crate::rtype::T_RT_PLAIN, msg)?));
    }
    // Go's checks: the length must be an int, then the allocation
    // (`bytealg.MakeNoZero`) at most `maxAlloc`.
    let total = s.len() as u128 * n as u128;
    if total > i64::MAX as u128 {
        let msg = new_str(vm, b"strings: Repeat output length overflow")?;
        return Err(Throw::Panic(super::new_iface(vm, crate::rtype::T_RT_PLAIN, msg)?));
    }
    if total > crate::heap::MAX_ALLOC as u128 {
        let msg = new_str(vm, crate::vm::panic::MAKESLICE_LEN.as_bytes())?;
        return Err(Throw::Panic(super::new_iface(vm, crate::rtype::T_RT_ERRORSTRING, msg)?));
    }
    if total > vm.heap.budget() as u128 {
        return Err(oom(crate::heap::HeapError::OutOfMemory { requested: u64::MAX, budget: vm.heap.budget() }));
    }
    let v = new_str(vm, &s.repeat(n as usize))?;
    g.stack.push(v);
    Ok(())
}

fn strings_join(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let parts: Vec<Vec<u8>> = super::slice_elems(vm, a.first().copied().unwrap_or_default()).into_iter().map(|v| str_of(vm, v)).collect();
    let sep = str_of(vm, a.get(1).copied().unwrap_or_default());
    let v = new_str(vm, &parts.join(&sep[..]))?;
    g.stack.push(v);
    Ok(())
}

fn push_strs<S: AsRef<[u8]>>(vm: &mut Vm, g: &mut GState, parts: Vec<S>) -> Result<(), Throw> {
    let mut vals = Vec::new();
    for p in parts {
        vals.push(new_str(vm, p.as_ref())?);
    }
    let s = new_slice(vm, vals, 16)?;
    g.stack.push(s);
    Ok(())
}

/// Host bytes a string of a result costs besides its bytes (its object
/// and the slot holding it), for the checks below.
const PART_BYTES: u64 = 64;

/// Checks that `parts` strings of `bytes` bytes in all fit the heap budget
/// before they are built: building them first could take many times the
/// budget of the host's memory (a string of a million commas split).
fn reserve_parts(vm: &Vm, parts: usize, bytes: usize) -> Result<(), Throw> {
    vm.heap.reserve((parts as u64).saturating_mul(PART_BYTES).saturating_add(bytes as u64)).map_err(oom)
}

/// Non-overlapping matches of `sep` (not empty) in `s`.
fn count_matches(s: &[u8], sep: &[u8]) -> usize {
    let (mut n, mut rest) = (0, s);
    while let Some(p) = find(rest, sep) {
        n += 1;
        rest = &rest[p + sep.len()..];
    }
    n
}

fn strings_split(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let sep = str_of(vm, a.get(1).copied().unwrap_or_default());
    let n = if sep.is_empty() { String::from_utf8_lossy(&s).chars().count() } else { count_matches(&s, &sep) + 1 };
    reserve_parts(vm, n, s.len())?;
    let parts: Vec<Vec<u8>> = if sep.is_empty() {
        String::from_utf8_lossy(&s).chars().map(|c| c.to_string().into_bytes()).collect()
    } else {
        let mut out = Vec::new();
        let mut rest = &s[..];
        while let Some(p) = find(rest, &sep) {
            out.push(rest[..p].to_vec());
            rest = &rest[p + sep.len()..];
        }
        out.push(rest.to_vec());
        out
    };
    push_strs(vm, g, parts)
}

fn strings_fields(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let text = String::from_utf8_lossy(&s);
    reserve_parts(vm, text.split_whitespace().count(), s.len())?;
    let parts = text.split_whitespace().map(|p| p.as_bytes().to_vec()).collect();
    push_strs(vm, g, parts)
}

fn strings_replace_all(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let arg = |i: usize| str_of(vm, a.get(i).copied().unwrap_or_default());
    let (s, old, new) = (arg(0), arg(1), arg(2));
    let v = replace(vm, &s, &old, &new, -1)?;
    g.stack.push(v);
    Ok(())
}

fn strings_replace(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let arg = |i: usize| str_of(vm, a.get(i).copied().unwrap_or_default());
    let (s, old, new) = (arg(0), arg(1), arg(2));
    let n = a.get(3).map_or(-1, |v| v.int());
    let v = replace(vm, &s, &old, &new, n)?;
    g.stack.push(v);
    Ok(())
}

/// `strings.Replace(s, old, new, n)` over bytes, as strings.go does it: an
/// empty `old` matches at the start and after each rune (an invalid byte
/// is a rune of width 1), up to `n` times (all if `n < 0`). The result's
/// size is checked against the heap budget before it is built.
fn replace(vm: &mut Vm, s: &[u8], old: &[u8], new: &[u8], n: i64) -> Result<Value, Throw> {
    if old == new || n == 0 {
        return new_str(vm, s);
    }
    let m = count(s, old) as u64;
    if m == 0 {
        return new_str(vm, s);
    }
    let n = if n < 0 || m < n as u64 { m } else { n as u64 };
    let len = (s.len() as u64).saturating_add(n.saturating_mul(new.len() as u64)).saturating_sub(n.saturating_mul(old.len() as u64));
    vm.heap.reserve(len).map_err(oom)?;
    let mut b = Vec::with_capacity(len as usize);
    let mut start = 0;
    for i in 0..n {
        let mut j = start;
        if old.is_empty() {
            if i > 0 {
                j += crate::format::decode_rune(&s[start..]).1;
            }
        } else {
            j += find(&s[start..], old).unwrap_or(0);
        }
        b.extend_from_slice(&s[start..j]);
        b.extend_from_slice(new);
        start = j + old.len();
    }
    b.extend_from_slice(&s[start..]);
    new_str(vm, &b)
}

fn strings_split_n(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = String::from_utf8_lossy(&str_of(vm, a.first().copied().unwrap_or_default())).into_owned();
    let sep = String::from_utf8_lossy(&str_of(vm, a.get(1).copied().unwrap_or_default())).into_owned();
    let n = a.get(2).map_or(-1, |v| v.int());
    if n == 0 {
        g.stack.push(Value::Nil);
        return Ok(());
    }
    let most = if sep.is_empty() { s.chars().count() } else { count_matches(s.as_bytes(), sep.as_bytes()) + 1 };
    reserve_parts(vm, if n < 0 { most } else { most.min(n as usize) }, s.len())?;
    let parts: Vec<Vec<u8>> = if sep.is_empty() {
        s.chars().map(|c| c.to_string().into_bytes()).collect()
    } else if n < 0 {
        s.split(sep.as_str()).map(|p| p.as_bytes().to_vec()).collect()
    } else {
        s.splitn(n as usize, sep.as_str()).map(|p| p.as_bytes().to_vec()).collect()
    };
    push_strs(vm, g, parts)
}

fn strings_index_rune(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let r = a.get(1).map_or(0, |v| v.int());
    let needle = u32::try_from(r).ok().and_then(char::from_u32).map(|c| c.to_string().into_bytes()).unwrap_or_default();
    let i = if r < 0x80 { s.iter().position(|&b| b as i64 == r).map_or(-1, |i| i as i64) } else { find(&s, &needle).map_or(-1, |i| i as i64) };
    g.stack.push(Value::Int(i));
    Ok(())
}

fn strings_cut(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let sep = str_of(vm, a.get(1).copied().unwrap_or_default());
    let (before, after, found) = match find(&s, &sep) {
        Some(i) => (s[..i].to_vec(), s[i + sep.len()..].to_vec(), true),
        None => (s.clone(), Vec::new(), false),
    };
    let b = new_str(vm, &before)?;
    let af = new_str(vm, &after)?;
    g.stack.push(b);
    g.stack.push(af);
    g.stack.push(Value::Bool(found));
    Ok(())
}

fn strings_map(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let f = a.first().copied().unwrap_or_default();
    let s = str_of(vm, a.get(1).copied().unwrap_or_default());
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        let (r, w) = crate::vm::decode_rune(&s[i..]);
        i += w.max(1);
        let res = super::call_go(vm, g, f, &[Value::Int(r as i64)], 1)?;
        let m = res.first().map_or(-1, |v| v.int());
        if m >= 0
            && let Some(c) = char::from_u32(m as u32)
        {
            out.push(c);
        }
    }
    let v = new_str(vm, out.as_bytes())?;
    g.stack.push(v);
    Ok(())
}

/// Go's per-rune case mapping: one rune to one rune (Rust's multi-char
/// mappings such as ß → SS keep the rune).
/// Go's `strings.Map` for a mapping that keeps every rune: an invalid
/// byte becomes the mapping of U+FFFD, as Go decodes it.
fn map_runes(a: &[u8], mut f: impl FnMut(u32) -> u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(a.len());
    let mut i = 0;
    while i < a.len() {
        let (r, w) = crate::vm::decode_rune(&a[i..]);
        let c = char::from_u32(f(r)).unwrap_or(char::REPLACEMENT_CHARACTER);
        out.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes());
        i += w.max(1);
    }
    out
}

/// Go's `isSeparator` for `strings.Title`: ASCII alphanumerics and `_`
/// are not separators, other ASCII is; beyond ASCII letters and digits
/// are not, spaces are.
fn is_separator(r: u32) -> bool {
    if r <= 0x7F {
        return !(r as u8).is_ascii_alphanumeric() && r != u32::from(b'_');
    }
    !(unicode::is_letter(r) || unicode::is_digit(r)) && unicode::is_space(r)
}

fn cut_fix(vm: &mut Vm, g: &mut GState, argc: usize, prefix: bool) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let f = str_of(vm, a.get(1).copied().unwrap_or_default());
    let (rest, found) = if prefix {
        match s.strip_prefix(&f[..]) {
            Some(r) => (r.to_vec(), true),
            None => (s.clone(), false),
        }
    } else {
        match s.strip_suffix(&f[..]) {
            Some(r) => (r.to_vec(), true),
            None => (s.clone(), false),
        }
    };
    let v = new_str(vm, &rest)?;
    g.stack.push(v);
    g.stack.push(Value::Bool(found));
    Ok(())
}

fn any_index(vm: &mut Vm, g: &mut GState, argc: usize, last: bool) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.first().copied().unwrap_or_default());
    let chars = runes(&str_of(vm, a.get(1).copied().unwrap_or_default()));
    let spans = rune_spans(&s);
    let hit = |x: &&(usize, usize, u32)| chars.contains(&x.2);
    let r = if last { spans.iter().rev().find(hit) } else { spans.iter().find(hit) };
    g.stack.push(Value::Int(r.map_or(-1, |x| x.0 as i64)));
    Ok(())
}

// strings.Builder keeps its bytes in its one field, `buf []byte`, as Go's
// does: a compact byte slice that grows by doubling, appended to in place,
// so building a long string costs O(n) overall, not O(n²). `String()`
// copies the bytes into a string (Go avoids the copy with unsafe; the
// result is the same).

/// A Builder's length and Go's capacity of its buffer (the slice's `cap`
/// follows Go's `append` growth; the host array grows its own way).
fn builder_len_cap(v: Value) -> (u64, u64) {
    match v {
        Value::Slice { len, cap, .. } => (len as u64, cap.max(len) as u64),
        Value::Str { len, .. } => (len as u64, len as u64),
        _ => (0, 0),
    }
}

/// The capacity Go's `append` gives a byte buffer of capacity `cap` that
/// must hold `len` bytes.
fn appended_cap(cap: u64, len: usize) -> u32 {
    let c = if len as u64 > cap { crate::vm::grow_cap(cap as usize, len, 1) as u64 } else { cap };
    u32::try_from(c).unwrap_or(u32::MAX)
}

fn builder_append(vm: &mut Vm, recv: Value, add: &[u8]) -> Result<(), Throw> {
    let Some(h) = recv_obj(vm, recv) else { return Err(super::fatal_nil_deref()) };
    let cur = vm.heap.slots(h).first().copied().unwrap_or_default();
    let (_, cap) = builder_len_cap(cur);
    if let Value::Slice { obj, off: 0, len, .. } = cur {
        if let Some(new_len) = vm.heap.append_bytes_in_place(obj, len as usize, add).map_err(oom)? {
            let grown = Value::Slice { obj, off: 0, len: new_len as u32, cap: appended_cap(cap, new_len) };
            return vm.heap.store_slot(h, 0, grown).map_err(oom);
        }
    }
    // First write, or a buffer someone else has appended to since (a
    // Builder copied by value): start a fresh buffer with the bytes so far.
    let mut bytes = builder_bytes(vm, cur);
    bytes.extend_from_slice(add);
    let len = bytes.len() as u32;
    let mut data = Vec::with_capacity((bytes.len() * 2).max(16));
    data.extend_from_slice(&bytes);
    let obj = vm.heap.alloc_byte_arr(crate::heap::ByteKind::U8, data, len as u64).map_err(oom)?;
    vm.heap.store_slot(h, 0, Value::Slice { obj, off: 0, len, cap: appended_cap(cap, len as usize) }).map_err(oom)
}

/// The bytes a Builder holds, whatever form its field is in.
pub(crate) fn builder_bytes(vm: &Vm, v: Value) -> Vec<u8> {
    match v {
        Value::Slice { obj, off, len, .. } => match vm.heap.byte_arr(obj) {
            Some(d) => d.get(off as usize..(off + len) as usize).unwrap_or(&[]).to_vec(),
            None => Vec::new(),
        },
        Value::Str { .. } => vm.heap.str_bytes(v).to_vec(),
        _ => Vec::new(),
    }
}

pub(crate) fn builder_write(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let b: Vec<u8> = super::bytes_of(vm, a.get(1).copied().unwrap_or_default());
    builder_append(vm, a.first().copied().unwrap_or_default(), &b)?;
    g.stack.push(Value::Int(b.len() as i64));
    g.stack.push(Value::Nil);
    Ok(())
}

pub(crate) fn builder_write_string(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let s = str_of(vm, a.get(1).copied().unwrap_or_default());
    builder_append(vm, a.first().copied().unwrap_or_default(), &s)?;
    g.stack.push(Value::Int(s.len() as i64));
    g.stack.push(Value::Nil);
    Ok(())
}

pub(crate) fn builder_write_byte(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let b = a.get(1).map_or(0, |v| v.int()) as u8;
    builder_append(vm, a.first().copied().unwrap_or_default(), &[b])?;
    g.stack.push(Value::Nil);
    Ok(())
}

pub(crate) fn builder_write_rune(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let r = a.get(1).map_or(0, |v| v.int());
    let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    let s = c.to_string();
    builder_append(vm, a.first().copied().unwrap_or_default(), s.as_bytes())?;
    g.stack.push(Value::Int(s.len() as i64));
    g.stack.push(Value::Nil);
    Ok(())
}

pub(crate) fn builder_field(vm: &Vm, recv: Value) -> Value {
    recv_obj(vm, recv).and_then(|h| vm.heap.slots(h).first().copied()).unwrap_or_default()
}

pub(crate) fn builder_string(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let bytes = builder_bytes(vm, builder_field(vm, a.first().copied().unwrap_or_default()));
    let v = new_str(vm, &bytes)?;
    g.stack.push(v);
    Ok(())
}

pub(crate) fn builder_len(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let (len, _) = builder_len_cap(builder_field(vm, a.first().copied().unwrap_or_default()));
    g.stack.push(Value::Int(len as i64));
    Ok(())
}

pub(crate) fn builder_reset(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    if let Some(h) = recv_obj(vm, a.first().copied().unwrap_or_default()) {
        vm.heap.store_slot(h, 0, Value::Nil).map_err(oom)?;
    }
    Ok(())
}
