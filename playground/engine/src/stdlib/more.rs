//! Pure natives of `strings`, `strconv`, `math`, `unicode/utf8`,
//! `sync/atomic` (plain operations: one goroutine), `time.Duration`,
//! `math/rand` (driven by the run's seed), `bytes` and `*os.File`.

use crate::stdlib::sync::atomic::{load, store};
use super::{args, new_slice, new_str, oom, slice_elems, str_of};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
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
            strs(vm, g, parts)
        },
        "strings.ToTitle" => |vm, g, n| {
            let a = args(g, n);
            let s = String::from_utf8_lossy(&str_of(vm, a.first().copied().unwrap_or_default())).to_uppercase();
            let v = new_str(vm, s.as_bytes())?;
            g.stack.push(v);
            Ok(())
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
            strs(vm, g, parts)
        },
        "os.Getenv" => |vm, g, n| {
            args(g, n);
            let _ = vm;
            g.stack.push(Value::EMPTY_STRING);
            Ok(())
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
            let pairs = obj_of(vm, a.first().copied().unwrap_or_default()).and_then(|h| vm.heap.slots(h).first().copied()).unwrap_or_default();
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
        "strconv.FormatUint" => |vm, g, n| {
            let a = args(g, n);
            let s = crate::format::format_uint(a.first().map_or(0, |v| v.int()) as u64, a.get(1).map_or(10, |v| v.int())).unwrap_or_default();
            let v = new_str(vm, s.as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
        "strconv.QuoteToASCII" => |vm, g, n| {
            let a = args(g, n);
            let q = crate::format::quote_to_ascii(&str_of(vm, a.first().copied().unwrap_or_default()));
            let v = new_str(vm, &q)?;
            g.stack.push(v);
            Ok(())
        },
        "math.RoundToEven" => |_vm, g, n| f1(g, n, f64::round_ties_even),
        "math.Exp2" => |_vm, g, n| f1(g, n, f64::exp2),
        "math.Log1p" => |_vm, g, n| f1(g, n, f64::ln_1p),
        "math.Tan" => |_vm, g, n| f1(g, n, f64::tan),
        "math.Asin" => |_vm, g, n| f1(g, n, f64::asin),
        "math.Acos" => |_vm, g, n| f1(g, n, f64::acos),
        "math.Atan" => |_vm, g, n| f1(g, n, f64::atan),
        "math.Sinh" => |_vm, g, n| f1(g, n, f64::sinh),
        "math.Cosh" => |_vm, g, n| f1(g, n, f64::cosh),
        "math.Tanh" => |_vm, g, n| f1(g, n, f64::tanh),
        "math.Atan2" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(a.first().map_or(0.0, |v| v.float()).atan2(a.get(1).map_or(0.0, |v| v.float()))));
            Ok(())
        },
        "math.Dim" => |_vm, g, n| {
            let a = args(g, n);
            let (x, y) = (a.first().map_or(0.0, |v| v.float()), a.get(1).map_or(0.0, |v| v.float()));
            g.stack.push(Value::Float(if x.is_nan() || y.is_nan() { f64::NAN } else { (x - y).max(0.0) }));
            Ok(())
        },
        "math.Remainder" => |_vm, g, n| {
            let a = args(g, n);
            let (x, y) = (a.first().map_or(0.0, |v| v.float()), a.get(1).map_or(0.0, |v| v.float()));
            g.stack.push(Value::Float(x - (x / y).round_ties_even() * y));
            Ok(())
        },
        "math.Modf" => |_vm, g, n| {
            let a = args(g, n);
            let x = a.first().map_or(0.0, |v| v.float());
            let i = x.trunc();
            g.stack.push(Value::Float(i));
            g.stack.push(Value::Float(if x.is_infinite() { f64::NAN.copysign(x) } else { x - i }));
            Ok(())
        },
        "math.Float64bits" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Int(a.first().map_or(0.0, |v| v.float()).to_bits() as i64));
            Ok(())
        },
        "math.Float64frombits" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(f64::from_bits(a.first().map_or(0, |v| v.int()) as u64)));
            Ok(())
        },
        "math.Float32bits" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Int((a.first().map_or(0.0, |v| v.float()) as f32).to_bits() as i64));
            Ok(())
        },
        "math.Float32frombits" => |_vm, g, n| {
            let a = args(g, n);
            g.stack.push(Value::Float(f32::from_bits(a.first().map_or(0, |v| v.int()) as u32) as f64));
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
        "sync/atomic.AddInt32" => |vm, g, n| atomic_add(vm, g, n, crate::value::IntKind::I32),
        "sync/atomic.AddInt64" => |vm, g, n| atomic_add(vm, g, n, crate::value::IntKind::I64),
        "sync/atomic.LoadInt32" | "sync/atomic.LoadInt64" => |vm, g, n| {
            let a = args(g, n);
            let v = load(vm, a.first().copied().unwrap_or_default());
            g.stack.push(v);
            Ok(())
        },
        "sync/atomic.StoreInt32" | "sync/atomic.StoreInt64" => |vm, g, n| {
            let a = args(g, n);
            store(vm, a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default())
        },
        "sync/atomic.CompareAndSwapInt32" | "sync/atomic.CompareAndSwapInt64" => |vm, g, n| {
            let a = args(g, n);
            let p = a.first().copied().unwrap_or_default();
            let ok = load(vm, p).int() == a.get(1).map_or(0, |v| v.int());
            if ok {
                store(vm, p, a.get(2).copied().unwrap_or_default())?;
            }
            g.stack.push(Value::Bool(ok));
            Ok(())
        },
        "sync/atomic.(*Int32).Load" | "sync/atomic.(*Int64).Load" => |vm, g, n| {
            let a = args(g, n);
            let v = field0(vm, a.first().copied().unwrap_or_default());
            g.stack.push(Value::Int(v.int()));
            Ok(())
        },
        "sync/atomic.(*Bool).Load" => |vm, g, n| {
            let a = args(g, n);
            let v = field0(vm, a.first().copied().unwrap_or_default());
            g.stack.push(Value::Bool(v.int() != 0));
            Ok(())
        },
        "sync/atomic.(*Int32).Store" | "sync/atomic.(*Int64).Store" | "sync/atomic.(*Bool).Store" => |vm, g, n| {
            let a = args(g, n);
            let v = a.get(1).map_or(0, |v| v.int());
            set_field0(vm, a.first().copied().unwrap_or_default(), Value::Int(v))
        },
        "sync/atomic.(*Int32).Add" => |vm, g, n| field_add(vm, g, n, crate::value::IntKind::I32),
        "sync/atomic.(*Int64).Add" => |vm, g, n| field_add(vm, g, n, crate::value::IntKind::I64),
        "time.Duration.String" => |vm, g, n| {
            let a = args(g, n);
            let s = duration_string(a.first().map_or(0, |v| v.int()));
            let v = new_str(vm, s.as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
        "time.Duration.Seconds" => |_vm, g, n| dur_f(g, n, 1e9),
        "time.Duration.Minutes" => |_vm, g, n| dur_f(g, n, 60e9),
        "time.Duration.Hours" => |_vm, g, n| dur_f(g, n, 3600e9),
        "time.Duration.Milliseconds" => |_vm, g, n| dur_i(g, n, 1_000_000),
        "time.Duration.Microseconds" => |_vm, g, n| dur_i(g, n, 1_000),
        "time.Duration.Nanoseconds" => |_vm, g, n| dur_i(g, n, 1),
        "math/rand.Intn" => |vm, g, n| {
            let a = args(g, n);
            let m = a.first().map_or(0, |v| v.int());
            if m <= 0 {
                let s = new_str(vm, b"invalid argument to Intn")?;
                return Err(Throw::Panic(super::new_iface(vm, crate::rtype::T_STRING, s)?));
            }
            let r = vm.chooser.rand_intn(m as u64) as i64;
            g.stack.push(Value::Int(r));
            Ok(())
        },
        "math/rand.Int" => |vm, g, n| {
            args(g, n);
            let r = (vm.chooser.rand_uint64() >> 1) as i64;
            g.stack.push(Value::Int(r));
            Ok(())
        },
        "math/rand.Float64" => |vm, g, n| {
            args(g, n);
            let r = (vm.chooser.rand_uint64() >> 11) as f64 / (1u64 << 53) as f64;
            g.stack.push(Value::Float(r));
            Ok(())
        },
        "math/rand.Seed" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        "math/rand.Perm" => |vm, g, n| {
            let a = args(g, n);
            let m = a.first().map_or(0, |v| v.int()).clamp(0, 1 << 24) as usize;
            let mut p: Vec<usize> = (0..m).collect();
            for i in (1..m).rev() {
                let j = vm.chooser.rand_intn(i as u64 + 1) as usize;
                p.swap(i, j);
            }
            let v = new_slice(vm, p.into_iter().map(|x| Value::Int(x as i64)).collect(), 8)?;
            g.stack.push(v);
            Ok(())
        },
        "math/rand.Shuffle" => |vm, g, n| {
            let (a, _pin) = super::pinned_args(g, n);
            let m = a.first().map_or(0, |v| v.int());
            let f = a.get(1).copied().unwrap_or_default();
            for i in (1..m).rev() {
                let j = vm.chooser.rand_intn(i as u64 + 1) as i64;
                super::call_go(vm, g, f, &[Value::Int(i), Value::Int(j)], 0)?;
            }
            Ok(())
        },
        "bytes.Contains" => |vm, g, n| {
            let a = args(g, n);
            let (x, y) = (bytes_of(vm, a.first().copied().unwrap_or_default()), bytes_of(vm, a.get(1).copied().unwrap_or_default()));
            g.stack.push(Value::Bool(y.is_empty() || x.windows(y.len()).any(|w| w == y)));
            Ok(())
        },
        "bytes.Count" => |vm, g, n| {
            let a = args(g, n);
            let (x, y) = (bytes_of(vm, a.first().copied().unwrap_or_default()), bytes_of(vm, a.get(1).copied().unwrap_or_default()));
            g.stack.push(Value::Int(super::lib::count(&x, &y)));
            Ok(())
        },
        "bytes.Equal" => |vm, g, n| {
            let a = args(g, n);
            let eq = bytes_of(vm, a.first().copied().unwrap_or_default()) == bytes_of(vm, a.get(1).copied().unwrap_or_default());
            g.stack.push(Value::Bool(eq));
            Ok(())
        },
        "os.(*File).Write" | "os.(*File).WriteString" => |vm, g, n| {
            let a = args(g, n);
            let fd = match a.first() {
                Some(Value::Ptr { obj, .. }) => vm.heap.slots(*obj).first().map_or(1, |v| v.int()),
                _ => 1,
            };
            let b = bytes_of(vm, a.get(1).copied().unwrap_or_default());
            vm.write_fd(g, if fd == 2 { 2 } else { 1 }, &b);
            g.stack.push(Value::Int(b.len() as i64));
            g.stack.push(Value::Nil);
            Ok(())
        },
        _ => return None,
    })
}

/// The bytes of a string or of a `[]byte`.
fn bytes_of(vm: &Vm, v: Value) -> Vec<u8> {
    match v {
        Value::Str { .. } => str_of(vm, v),
        _ => slice_elems(vm, v).iter().map(|x| x.int() as u8).collect(),
    }
}

fn runes(s: &[u8]) -> Vec<u32> {
    rune_spans(s).into_iter().map(|x| x.2).collect()
}

/// (offset, width, rune) of each rune, invalid bytes as U+FFFD width 1.
fn rune_spans(s: &[u8]) -> Vec<(usize, usize, u32)> {
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

fn strs(vm: &mut Vm, g: &mut GState, parts: Vec<String>) -> Result<(), Throw> {
    let mut vals = Vec::new();
    for p in parts {
        vals.push(new_str(vm, p.as_bytes())?);
    }
    let v = new_slice(vm, vals, 16)?;
    g.stack.push(v);
    Ok(())
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

fn f1(g: &mut GState, argc: usize, f: fn(f64) -> f64) -> Result<(), Throw> {
    let a = args(g, argc);
    g.stack.push(Value::Float(f(a.first().map_or(0.0, |v| v.float()))));
    Ok(())
}

fn obj_of(vm: &Vm, p: Value) -> Option<crate::value::Handle> {
    match p {
        Value::Ptr { obj, slot: WHOLE } => Some(obj),
        Value::Ptr { obj, slot } => match vm.heap.elem(obj, slot as usize) {
            Value::Agg(h) => Some(h),
            _ => None,
        },
        _ => None,
    }
}

fn field0(vm: &Vm, p: Value) -> Value {
    obj_of(vm, p).and_then(|h| vm.heap.slots(h).first().copied()).unwrap_or(Value::Int(0))
}

fn set_field0(vm: &mut Vm, p: Value, v: Value) -> Result<(), Throw> {
    if let Some(h) = obj_of(vm, p) {
        vm.heap.store_slot(h, 0, v).map_err(oom)?;
    }
    Ok(())
}

fn dur_f(g: &mut GState, argc: usize, unit: f64) -> Result<(), Throw> {
    let a = args(g, argc);
    let d = a.first().map_or(0, |v| v.int());
    // As Go: whole units plus the fraction, to keep precision.
    let u = unit as i64;
    let (whole, frac) = (d / u, d % u);
    g.stack.push(Value::Float(whole as f64 + frac as f64 / unit));
    Ok(())
}

fn dur_i(g: &mut GState, argc: usize, unit: i64) -> Result<(), Throw> {
    let a = args(g, argc);
    g.stack.push(Value::Int(a.first().map_or(0, |v| v.int()) / unit));
    Ok(())
}

/// Go's `time.Duration.String`: `1h2m3.5s`, `1.5ms`, `0s`.
pub fn duration_string(d: i64) -> String {
    if d == 0 {
        return "0s".into();
    }
    let neg = d < 0;
    let u = d.unsigned_abs();
    let mut out = String::new();
    if u < 1_000_000_000 {
        // Sub-second: ns, µs or ms with a fraction.
        let (unit, div) = if u < 1_000 {
            ("ns", 1)
        } else if u < 1_000_000 {
            ("µs", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        out.push_str(&frac_str(u, div));
        out.push_str(unit);
    } else {
        let secs_total = u / 1_000_000_000;
        let h = secs_total / 3600;
        let m = (secs_total / 60) % 60;
        let s_ns = u % 60_000_000_000;
        if h > 0 {
            out.push_str(&format!("{h}h"));
        }
        if h > 0 || m > 0 {
            out.push_str(&format!("{m}m"));
        }
        out.push_str(&frac_str(s_ns, 1_000_000_000));
        out.push('s');
    }
    if neg { format!("-{out}") } else { out }
}

/// `v / div` with the fraction's trailing zeros dropped.
fn frac_str(v: u64, div: u64) -> String {
    let whole = v / div;
    let frac = v % div;
    if frac == 0 {
        return whole.to_string();
    }
    let width = div.to_string().len() - 1;
    let f = format!("{frac:0width$}");
    format!("{whole}.{}", f.trim_end_matches('0'))
}

fn atomic_add(vm: &mut Vm, g: &mut GState, argc: usize, k: crate::value::IntKind) -> Result<(), Throw> {
    let a = args(g, argc);
    let p = a.first().copied().unwrap_or_default();
    if !matches!(p, Value::Ptr { .. }) {
        return Err(Throw::Stop(crate::vm::Stop::Fatal(crate::vm::Fatal {
            kind: crate::vm::FatalKind::Internal,
            message: "panic: runtime error: invalid memory address or nil pointer dereference\n".into(),
            trace: vec![],
        })));
    }
    let v = k.wrap(load(vm, p).int().wrapping_add(a.get(1).map_or(0, |v| v.int())));
    store(vm, p, Value::Int(v))?;
    g.stack.push(Value::Int(v));
    Ok(())
}

fn field_add(vm: &mut Vm, g: &mut GState, argc: usize, k: crate::value::IntKind) -> Result<(), Throw> {
    let a = args(g, argc);
    let r = a.first().copied().unwrap_or_default();
    let v = k.wrap(field0(vm, r).int().wrapping_add(a.get(1).map_or(0, |v| v.int())));
    set_field0(vm, r, Value::Int(v))?;
    g.stack.push(Value::Int(v));
    Ok(())
}
