//! `fmt`: Print/Println/Printf/Sprint*/Errorf/Fprint* over VM values.
//!
//! A compact formatter for the common verbs (`%v %+v %d %s %q %x %X %o %b
//! %c %U %e %f %g %t %T %p`, width, precision, `-`, `+`, `0`, `#`, space),
//! walking values with their runtime type descriptors and calling
//! `Error`/`String` methods as fmt does. The `format` branch's byte-exact
//! formatter (over `FmtValue`) replaces the printing half once merged; the
//! value walk here stays.

use super::{args, call_method, new_iface, new_str, oom, str_of, type_named};
use crate::rtype::{self, Kind};
use crate::types::{Type, TypeId, TypeStyle, TypeTable};
use crate::value::{Value, WHOLE};
use crate::vm::{Bytecode, GState, NativeFn, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "fmt.Println" => println,
        "fmt.Print" => print,
        "fmt.Printf" => printf,
        "fmt.Sprintf" => sprintf,
        "fmt.Sprint" => sprint,
        "fmt.Sprintln" => sprintln,
        "fmt.Errorf" => errorf,
        "fmt.Fprintln" => fprintln,
        "fmt.Fprint" => fprint,
        "fmt.Fprintf" => fprintf,
        "fmt.(*wrapError).Error" | "fmt.wrapError.Error" | "fmt.(*wrapErrors).Error" => wrap_error_text,
        "fmt.(*wrapError).Unwrap" => wrap_error_unwrap,
        _ => return None,
    })
}

/// Struct field names, kept as a pseudo-native entry `fields:<tid>:a,b`
/// (the runtime type table has no field names yet).
pub fn note_type(bc: &mut Bytecode, id: u32, t: TypeId, tt: &TypeTable) {
    if let Type::Struct(fields) = tt.under(t) {
        let names: Vec<String> = fields
            .iter()
            .map(|f| {
                let n = if f.embedded { tt.type_string(f.ty, TypeStyle::Runtime).trim_start_matches('*').rsplit('.').next().unwrap_or("").to_string() } else { f.name.clone() };
                n
            })
            .collect();
        bc.add_native(&format!("fields:{id}:{}", names.join(",")), nop);
    }
}

fn nop(_: &mut Vm, _: &mut GState, _: usize) -> Result<(), Throw> {
    Ok(())
}

pub fn struct_field_names(bc: &Bytecode, tid: u32) -> Vec<String> {
    let prefix = format!("fields:{tid}:");
    bc.natives
        .iter()
        .find_map(|n| n.name.strip_prefix(&prefix).map(|s| if s.is_empty() { vec![] } else { s.split(',').map(String::from).collect() }))
        .unwrap_or_default()
}

// ---- entry points ---------------------------------------------------------

fn println(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let out = sprint_impl(vm, g, &a, true)?;
    vm.stdout.extend_from_slice(&out);
    push_n_err(g, out.len());
    Ok(())
}

fn print(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let out = sprint_impl(vm, g, &a, false)?;
    vm.stdout.extend_from_slice(&out);
    push_n_err(g, out.len());
    Ok(())
}

fn printf(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let f = g.stack.pop().unwrap_or_default();
    let f = str_of(vm, f);
    let out = sprintf_impl(vm, g, &f, &a)?;
    vm.stdout.extend_from_slice(&out);
    push_n_err(g, out.len());
    Ok(())
}

fn push_n_err(g: &mut GState, n: usize) {
    g.stack.push(Value::Int(n as i64));
    g.stack.push(Value::Nil);
}

fn sprintf(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let f = g.stack.pop().unwrap_or_default();
    let f = str_of(vm, f);
    let out = sprintf_impl(vm, g, &f, &a)?;
    let s = new_str(vm, &out)?;
    g.stack.push(s);
    Ok(())
}

fn sprint(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let out = sprint_impl(vm, g, &a, false)?;
    let s = new_str(vm, &out)?;
    g.stack.push(s);
    Ok(())
}

fn sprintln(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let out = sprint_impl(vm, g, &a, true)?;
    let s = new_str(vm, &out)?;
    g.stack.push(s);
    Ok(())
}

/// Writes to an `io.Writer` argument: `os.Stdout`/`os.Stderr` (the
/// `*os.File` holds 1 or 2) or anything with a `Write` method.
fn write_to(vm: &mut Vm, g: &mut GState, w: Value, out: &[u8]) -> Result<(), Throw> {
    if let Value::Iface { tid, obj } = w {
        let inner = vm.heap.cell(obj);
        if vm.program().type_name(tid) == "*os.File" {
            let fd = match inner {
                Value::Ptr { obj, .. } => vm.heap.slots(obj).first().map_or(1, |v| v.int()),
                _ => 1,
            };
            if fd == 2 {
                vm.stderr.extend_from_slice(out);
            } else {
                vm.stdout.extend_from_slice(out);
            }
            return Ok(());
        }
        let mid = vm.program().method_names.iter().position(|m| m == "Write");
        if let Some(mid) = mid {
            let bytes: Vec<Value> = out.iter().map(|&b| Value::Int(b as i64)).collect();
            let s = super::new_slice(vm, bytes, 1)?;
            // Methods take the receiver then the arguments.
            let prog = vm.program().clone();
            if let Some(callee) = prog.types.get(tid as usize).and_then(|t| t.method(mid as u32)) {
                let f = match callee {
                    crate::rtype::Callee::Func(f) => Value::Func(f),
                    crate::rtype::Callee::Native(n) => Value::Func(n | crate::vm::NATIVE_FUNC_BIT),
                };
                super::call_go(vm, g, f, &[inner, s], 2)?;
            }
        }
    }
    Ok(())
}

fn fprintln(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let w = g.stack.pop().unwrap_or_default();
    let out = sprint_impl(vm, g, &a, true)?;
    write_to(vm, g, w, &out)?;
    push_n_err(g, out.len());
    Ok(())
}

fn fprint(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let w = g.stack.pop().unwrap_or_default();
    let out = sprint_impl(vm, g, &a, false)?;
    write_to(vm, g, w, &out)?;
    push_n_err(g, out.len());
    Ok(())
}

fn fprintf(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let f = g.stack.pop().unwrap_or_default();
    let w = g.stack.pop().unwrap_or_default();
    let f = str_of(vm, f);
    let out = sprintf_impl(vm, g, &f, &a)?;
    write_to(vm, g, w, &out)?;
    push_n_err(g, out.len());
    Ok(())
}

/// `fmt.Errorf`: a `*fmt.wrapError` {msg, err} when `%w` wraps one error,
/// else an `*errors.errorString`-like value.
fn errorf(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let f = g.stack.pop().unwrap_or_default();
    let f = str_of(vm, f);
    let out = sprintf_impl(vm, g, &f, &a)?;
    let msg = new_str(vm, &out)?;
    // The wrapped errors: the operands of %w.
    let wrapped: Vec<Value> = w_operands(&f, &a);
    let v = if wrapped.len() == 1 && type_named(vm, "*fmt.wrapError").is_some() {
        let tid = type_named(vm, "*fmt.wrapError").unwrap_or(0);
        let h = vm.heap.alloc_slots(vec![msg, wrapped[0]], 32).map_err(oom)?;
        new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?
    } else {
        let tid = type_named(vm, "*fmt.wrapError").or_else(|| type_named(vm, "*errors.errorString")).unwrap_or(rtype::T_RT_ERRORSTRING);
        let h = vm.heap.alloc_slots(vec![msg, Value::Nil], 32).map_err(oom)?;
        new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?
    };
    g.stack.push(v);
    Ok(())
}

fn w_operands(f: &[u8], a: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut argi = 0;
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        while i < f.len() && (b"+-# 0123456789.".contains(&f[i])) {
            i += 1;
        }
        if i >= f.len() {
            break;
        }
        if f[i] == b'%' {
            i += 1;
            continue;
        }
        if f[i] == b'w'
            && let Some(v) = a.get(argi)
            && *v != Value::Nil
        {
            out.push(*v);
        }
        argi += 1;
        i += 1;
    }
    out
}

/// `(*fmt.wrapError).Error`: field 0 of the receiver.
fn wrap_error_text(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = match a.first() {
        Some(Value::Ptr { obj, .. }) => vm.heap.slots(*obj).first().copied().unwrap_or(Value::EMPTY_STRING),
        _ => Value::EMPTY_STRING,
    };
    g.stack.push(v);
    Ok(())
}

fn wrap_error_unwrap(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = match a.first() {
        Some(Value::Ptr { obj, .. }) => vm.heap.slots(*obj).get(1).copied().unwrap_or_default(),
        _ => Value::Nil,
    };
    g.stack.push(v);
    Ok(())
}

/// The variadic `...any` argument (one slice) as its values.
fn variadic(vm: &mut Vm, g: &mut GState, _argc: usize) -> Vec<Value> {
    let s = g.stack.pop().unwrap_or_default();
    super::slice_elems(vm, s)
}

// ---- printing -----------------------------------------------------------------

pub fn sprint_impl(vm: &mut Vm, g: &mut GState, a: &[Value], ln: bool) -> Result<Vec<u8>, Throw> {
    let mut out = Vec::new();
    let mut prev_string = false;
    for (i, &v) in a.iter().enumerate() {
        let is_string = matches!(v, Value::Iface { tid, .. } if matches!(vm.program().types.get(tid as usize).map(|t| &t.kind), Some(Kind::String)));
        if i > 0 && (ln || (!is_string && !prev_string)) {
            out.push(b' ');
        }
        let s = fmt_arg(vm, g, v, &Spec::new(b'v'))?;
        out.extend_from_slice(&s);
        prev_string = is_string;
    }
    if ln {
        out.push(b'\n');
    }
    Ok(out)
}

#[derive(Clone, Debug)]
struct Spec {
    verb: u8,
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

impl Spec {
    fn new(verb: u8) -> Spec {
        Spec { verb, minus: false, plus: false, sharp: false, space: false, zero: false, width: None, prec: None }
    }
}

pub fn sprintf_impl(vm: &mut Vm, g: &mut GState, f: &[u8], a: &[Value]) -> Result<Vec<u8>, Throw> {
    let mut out = Vec::new();
    let mut argi = 0;
    let mut i = 0;
    while i < f.len() {
        let c = f[i];
        if c != b'%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut sp = Spec::new(b'v');
        while i < f.len() {
            match f[i] {
                b'-' => sp.minus = true,
                b'+' => sp.plus = true,
                b'#' => sp.sharp = true,
                b' ' => sp.space = true,
                b'0' => sp.zero = true,
                _ => break,
            }
            i += 1;
        }
        let num = |i: &mut usize, argi: &mut usize| -> Option<usize> {
            if *i < f.len() && f[*i] == b'*' {
                *i += 1;
                let v = a.get(*argi).copied();
                *argi += 1;
                return v.map(|v| match v {
                    Value::Iface { obj, .. } => vm.heap.cell(obj).int().max(0) as usize,
                    _ => 0,
                });
            }
            let st = *i;
            while *i < f.len() && f[*i].is_ascii_digit() {
                *i += 1;
            }
            if *i > st { std::str::from_utf8(&f[st..*i]).ok()?.parse().ok() } else { None }
        };
        sp.width = num(&mut i, &mut argi);
        if i < f.len() && f[i] == b'.' {
            i += 1;
            sp.prec = Some(num(&mut i, &mut argi).unwrap_or(0));
        }
        if i >= f.len() {
            out.extend_from_slice(b"%!(NOVERB)");
            break;
        }
        // The verb is a rune.
        let (r, w) = crate::vm::decode_rune(&f[i..]);
        i += w.max(1);
        if r == '%' as u32 {
            out.push(b'%');
            continue;
        }
        let verb = if r < 128 { r as u8 } else { b'?' };
        sp.verb = verb;
        if sp.minus {
            sp.zero = false;
        }
        let Some(&v) = a.get(argi) else {
            out.extend_from_slice(format!("%!{}(MISSING)", char::from_u32(r).unwrap_or('?')).as_bytes());
            continue;
        };
        argi += 1;
        let s = fmt_arg(vm, g, v, &sp)?;
        out.extend_from_slice(&s);
    }
    if argi < a.len() {
        out.extend_from_slice(b"%!(EXTRA ");
        for (k, &v) in a[argi..].iter().enumerate() {
            if k > 0 {
                out.extend_from_slice(b", ");
            }
            let tn = type_name_of(vm, v);
            out.extend_from_slice(tn.as_bytes());
            out.push(b'=');
            let s = fmt_arg(vm, g, v, &Spec::new(b'v'))?;
            out.extend_from_slice(&s);
        }
        out.push(b')');
    }
    Ok(out)
}

fn type_name_of(vm: &Vm, v: Value) -> String {
    match v {
        Value::Iface { tid, .. } => vm.program().type_name(tid).to_string(),
        _ => "<nil>".into(),
    }
}

/// Formats one interface argument under a verb.
fn fmt_arg(vm: &mut Vm, g: &mut GState, v: Value, sp: &Spec) -> Result<Vec<u8>, Throw> {
    let Value::Iface { tid, obj } = v else {
        return Ok(match sp.verb {
            b'T' | b'v' => pad(b"<nil>".to_vec(), sp),
            _ => format!("%!{}(<nil>)", sp.verb as char).into_bytes(),
        });
    };
    if sp.verb == b'T' {
        return Ok(pad(vm.program().type_name(tid).as_bytes().to_vec(), sp));
    }
    let inner = vm.heap.cell(obj);
    if sp.verb == b'p' {
        return Ok(pad(addr_of(inner).into_bytes(), sp));
    }
    let body = fmt_value(vm, g, inner, tid, sp, 0, true)?;
    Ok(body)
}

fn addr_of(v: Value) -> String {
    match v.handle() {
        Some(h) => format!("0x{:x}", 0xc000010000u64 + h as u64 * 0x10),
        None => "0x0".into(),
    }
}

/// Plain `%v` text of a value of runtime type `tid` (for callers outside
/// fmt, e.g. panics with custom types).
pub fn format_value_plain(vm: &mut Vm, g: &mut GState, v: Value, tid: u32) -> Result<Vec<u8>, Throw> {
    fmt_value(vm, g, v, tid, &Spec::new(b'v'), 0, true)
}

fn fmt_value(vm: &mut Vm, g: &mut GState, v: Value, tid: u32, sp: &Spec, depth: u32, top: bool) -> Result<Vec<u8>, Throw> {
    if depth > 20 {
        return Ok(b"...".to_vec());
    }
    let prog = vm.program().clone();
    let Some(t) = prog.types.get(tid as usize) else { return Ok(b"?".to_vec()) };
    // Error and String methods, for the verbs that use them.
    if matches!(sp.verb, b'v' | b's' | b'q' | b'x' | b'X') && !sp.sharp && !(matches!(t.kind, Kind::Ptr(_)) && v == Value::Nil && false) {
        for m in [rtype::M_ERROR, rtype::M_STRING] {
            if t.method(m).is_some() {
                if matches!(t.kind, Kind::Ptr(_)) && v == Value::Nil {
                    // fmt catches the nil-receiver panic: <nil>.
                    let r = call_method(vm, g, tid, v, m, 1);
                    match r {
                        Some(Ok(res)) => {
                            let s = str_of(vm, res.first().copied().unwrap_or_default());
                            return Ok(fmt_str(&s, sp));
                        }
                        _ => return Ok(pad(b"<nil>".to_vec(), sp)),
                    }
                }
                if let Some(r) = call_method(vm, g, tid, v, m, 1) {
                    let res = r?;
                    let s = str_of(vm, res.first().copied().unwrap_or_default());
                    return Ok(fmt_str(&s, sp));
                }
            }
        }
    }
    let out = match &t.kind {
        Kind::Bool => {
            if matches!(sp.verb, b'v' | b't') {
                pad(if v.bool() { b"true".to_vec() } else { b"false".to_vec() }, sp)
            } else {
                bad_verb(vm, g, v, tid, sp)?
            }
        }
        Kind::Int(k) => fmt_int(v.int(), k.is_unsigned(), sp).unwrap_or_else(|| bad_verb_text(&prog.types[tid as usize].name, &v.int().to_string(), sp)),
        Kind::Float32 | Kind::Float64 => {
            let bits = if matches!(t.kind, Kind::Float32) { 32 } else { 64 };
            match fmt_float(v.float(), bits, sp) {
                Some(s) => s,
                None => bad_verb_text(&t.name, &fmt_float(v.float(), bits, &Spec::new(b'v')).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default(), sp),
            }
        }
        Kind::String => {
            let s = str_of(vm, v);
            if matches!(sp.verb, b'v' | b's' | b'q' | b'x' | b'X') {
                fmt_str(&s, sp)
            } else {
                bad_verb_text(&t.name, &String::from_utf8_lossy(&s), sp)
            }
        }
        Kind::Ptr(elem) => {
            if v == Value::Nil {
                if sp.verb == b'v' { pad(b"<nil>".to_vec(), sp) } else { pad(b"0x0".to_vec(), sp) }
            } else if top && depth == 0 && matches!(prog.types.get(*elem as usize).map(|t| &t.kind), Some(Kind::Struct(_) | Kind::Array { .. } | Kind::Slice(_) | Kind::Map { .. })) {
                let inner = match v {
                    Value::Ptr { obj, slot } => {
                        if slot == WHOLE {
                            Value::Agg(obj)
                        } else {
                            vm.heap.elem(obj, slot as usize)
                        }
                    }
                    _ => v,
                };
                let mut o = b"&".to_vec();
                o.extend(fmt_value(vm, g, inner, *elem, sp, depth + 1, false)?);
                o
            } else {
                pad(addr_of(v).into_bytes(), sp)
            }
        }
        Kind::Slice(elem) | Kind::Array { elem, .. } => {
            let elem = *elem;
            let vals = match v {
                Value::Slice { obj, off, len, .. } => vm.heap.elems(obj, off as usize, len as usize),
                Value::Agg(h) => vm.heap.slots(h).to_vec(),
                _ => vec![],
            };
            let is_bytes = prog.types.get(elem as usize).is_some_and(|t| matches!(t.kind, Kind::Int(crate::value::IntKind::U8)));
            if is_bytes && matches!(sp.verb, b's' | b'q' | b'x' | b'X') {
                let b: Vec<u8> = vals.iter().map(|v| v.int() as u8).collect();
                return Ok(fmt_str(&b, sp));
            }
            let mut o = b"[".to_vec();
            for (i, &e) in vals.iter().enumerate() {
                if i > 0 {
                    o.push(b' ');
                }
                o.extend(fmt_elem(vm, g, e, elem, sp, depth)?);
            }
            o.push(b']');
            o
        }
        Kind::Struct(fields) => {
            let fields = fields.clone();
            let names = struct_field_names(&prog, tid);
            let vals = match v {
                Value::Agg(h) => vm.heap.slots(h).to_vec(),
                _ => vec![],
            };
            let mut o = b"{".to_vec();
            for (i, (&e, &ft)) in vals.iter().zip(&fields).enumerate() {
                if i > 0 {
                    o.push(b' ');
                }
                let name = names.get(i).cloned().unwrap_or_default();
                if sp.plus {
                    o.extend_from_slice(name.as_bytes());
                    o.push(b':');
                }
                let exported = name.chars().next().is_some_and(|c| c.is_uppercase());
                if exported {
                    o.extend(fmt_elem(vm, g, e, ft, sp, depth)?);
                } else {
                    o.extend(fmt_elem_nomethods(vm, g, e, ft, sp, depth)?);
                }
            }
            o.push(b'}');
            o
        }
        Kind::Map { key, val } => {
            let (key, val) = (*key, *val);
            let mut entries = Vec::new();
            if let Value::Map(_) = v {
                let it = vm.heap.map_iter(v, 0).map_err(oom)?;
                while let Ok(Some((k, x))) = vm.heap.map_next(&prog.types, it) {
                    entries.push((k, x));
                }
            }
            let mut keyed = Vec::new();
            for (k, x) in entries {
                keyed.push((sort_key(vm, k, key), k, x));
            }
            keyed.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
            let mut o = b"map[".to_vec();
            for (i, (_, k, x)) in keyed.into_iter().enumerate() {
                if i > 0 {
                    o.push(b' ');
                }
                o.extend(fmt_elem(vm, g, k, key, sp, depth)?);
                o.push(b':');
                o.extend(fmt_elem(vm, g, x, val, sp, depth)?);
            }
            o.push(b']');
            o
        }
        Kind::Interface(_) => match v {
            Value::Iface { tid: t2, obj } => {
                let inner = vm.heap.cell(obj);
                fmt_value(vm, g, inner, t2, sp, depth + 1, false)?
            }
            _ => pad(b"<nil>".to_vec(), sp),
        },
        Kind::Chan(_) | Kind::Func => {
            if v == Value::Nil && sp.verb == b'v' {
                pad(b"<nil>".to_vec(), sp)
            } else {
                pad(addr_of(v).into_bytes(), sp)
            }
        }
    };
    Ok(out)
}

fn fmt_elem(vm: &mut Vm, g: &mut GState, v: Value, tid: u32, sp: &Spec, depth: u32) -> Result<Vec<u8>, Throw> {
    let mut s = sp.clone();
    s.width = None;
    fmt_value(vm, g, v, tid, &s, depth + 1, false)
}

fn fmt_elem_nomethods(vm: &mut Vm, g: &mut GState, v: Value, tid: u32, sp: &Spec, depth: u32) -> Result<Vec<u8>, Throw> {
    // fmt cannot call methods on unexported fields; format the raw value.
    let prog = vm.program().clone();
    let has_methods = prog.types.get(tid as usize).is_some_and(|t| t.method(rtype::M_ERROR).is_some() || t.method(rtype::M_STRING).is_some());
    if !has_methods {
        return fmt_elem(vm, g, v, tid, sp, depth);
    }
    // Format with a verb that skips the method path but prints the same.
    match prog.types.get(tid as usize).map(|t| t.kind.clone()) {
        Some(Kind::Ptr(_)) => Ok(if v == Value::Nil { b"<nil>".to_vec() } else { addr_of(v).into_bytes() }),
        Some(Kind::Int(k)) => Ok(fmt_int(v.int(), k.is_unsigned(), &Spec::new(b'd')).unwrap_or_default()),
        Some(Kind::String) => Ok(str_of(vm, v)),
        _ => fmt_elem(vm, g, v, tid, sp, depth),
    }
}

#[derive(PartialEq, PartialOrd)]
enum SortKey {
    Num(f64),
    Str(Vec<u8>),
    Other(u64),
}

fn sort_key(vm: &Vm, k: Value, _tid: u32) -> SortKey {
    match k {
        Value::Int(i) => SortKey::Num(i as f64),
        Value::Float(f) => SortKey::Num(f),
        Value::Bool(b) => SortKey::Num(b as u8 as f64),
        Value::Str { .. } => SortKey::Str(vm.heap.str_bytes(k).to_vec()),
        _ => SortKey::Other(k.handle().unwrap_or(0) as u64),
    }
}

fn bad_verb(vm: &mut Vm, g: &mut GState, v: Value, tid: u32, sp: &Spec) -> Result<Vec<u8>, Throw> {
    let s = fmt_value(vm, g, v, tid, &Spec::new(b'v'), 0, false)?;
    let name = vm.program().type_name(tid).to_string();
    Ok(bad_verb_text(&name, &String::from_utf8_lossy(&s), sp))
}

fn bad_verb_text(ty: &str, val: &str, sp: &Spec) -> Vec<u8> {
    format!("%!{}({}={})", sp.verb as char, ty, val).into_bytes()
}

/// Pads to the width with spaces (left or right).
fn pad(s: Vec<u8>, sp: &Spec) -> Vec<u8> {
    let Some(w) = sp.width else { return s };
    let n = String::from_utf8_lossy(&s).chars().count();
    if n >= w {
        return s;
    }
    let fill = vec![b' '; w - n];
    if sp.minus { [s, fill].concat() } else { [fill, s].concat() }
}

/// Pads a number: zero padding goes after the sign.
fn pad_num(s: Vec<u8>, sp: &Spec) -> Vec<u8> {
    let Some(w) = sp.width else { return s };
    if !sp.zero || sp.minus || s.len() >= w {
        return pad(s, sp);
    }
    let (sign, digits) = if matches!(s.first(), Some(b'-' | b'+' | b' ')) { (vec![s[0]], s[1..].to_vec()) } else { (vec![], s) };
    let zeros = vec![b'0'; w - sign.len() - digits.len()];
    [sign, zeros, digits].concat()
}

fn fmt_str(s: &[u8], sp: &Spec) -> Vec<u8> {
    let mut s = s.to_vec();
    if let Some(p) = sp.prec
        && matches!(sp.verb, b's' | b'v')
    {
        let st = String::from_utf8_lossy(&s).chars().take(p).collect::<String>();
        s = st.into_bytes();
    }
    match sp.verb {
        b'q' => pad(quote(&s).into_bytes(), sp),
        b'x' | b'X' => {
            let h: String = s.iter().map(|b| if sp.verb == b'x' { format!("{b:02x}") } else { format!("{b:02X}") }).collect();
            pad(h.into_bytes(), sp)
        }
        _ => pad(s, sp),
    }
}

/// Go's `strconv.Quote`.
pub fn quote(s: &[u8]) -> String {
    let mut o = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let (r, w) = crate::vm::decode_rune(&s[i..]);
        let w = w.max(1);
        if r == 0xFFFD && w == 1 && s[i] >= 0x80 {
            o.push_str(&format!("\\x{:02x}", s[i]));
            i += 1;
            continue;
        }
        let c = char::from_u32(r).unwrap_or('\u{FFFD}');
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            '\x07' => o.push_str("\\a"),
            '\x08' => o.push_str("\\b"),
            '\x0c' => o.push_str("\\f"),
            '\x0b' => o.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => o.push_str(&format!("\\x{:02x}", c as u32)),
            c => o.push(c),
        }
        i += w;
    }
    o.push('"');
    o
}

fn fmt_int(i: i64, unsigned: bool, sp: &Spec) -> Option<Vec<u8>> {
    let neg = !unsigned && i < 0;
    let mag: u64 = if unsigned { i as u64 } else { i.unsigned_abs() };
    let digits = match sp.verb {
        b'v' | b'd' => mag.to_string(),
        b'x' => format!("{mag:x}"),
        b'X' => format!("{mag:X}"),
        b'o' | b'O' => format!("{mag:o}"),
        b'b' => format!("{mag:b}"),
        b'c' => return Some(pad(char::from_u32(i as u32).unwrap_or('\u{FFFD}').to_string().into_bytes(), sp)),
        b'q' => {
            let c = char::from_u32(i as u32).unwrap_or('\u{FFFD}');
            let q = quote(c.to_string().as_bytes());
            let inner = &q[1..q.len() - 1];
            let inner = inner.replace("\\\"", "\"");
            let inner = if c == '\'' { "\\'".to_string() } else { inner };
            return Some(pad(format!("'{inner}'").into_bytes(), sp));
        }
        b'U' => return Some(pad(format!("U+{:04X}", i as u32).into_bytes(), sp)),
        _ => return None,
    };
    let mut digits = digits;
    if let Some(p) = sp.prec
        && digits.len() < p
    {
        digits = "0".repeat(p - digits.len()) + &digits;
    }
    let prefix = if sp.sharp {
        match sp.verb {
            b'x' => "0x",
            b'X' => "0X",
            b'o' => "0",
            b'b' => "0b",
            _ => "",
        }
    } else if sp.verb == b'O' {
        "0o"
    } else {
        ""
    };
    let sign = if neg {
        "-"
    } else if sp.plus {
        "+"
    } else if sp.space {
        " "
    } else {
        ""
    };
    Some(pad_num(format!("{sign}{prefix}{digits}").into_bytes(), sp))
}

/// Shortest decimal digits and exponent (d.ddd × 10^exp).
fn shortest(f: f64, bits: u32) -> (String, i32) {
    let e = if bits == 32 { format!("{:e}", f as f32) } else { format!("{f:e}") };
    let (m, x) = e.split_once('e').unwrap_or((&e, "0"));
    let digits: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, x.parse().unwrap_or(0))
}

fn exp_str(x: i32) -> String {
    if x < 0 { format!("e-{:02}", -x) } else { format!("e+{x:02}") }
}

/// `%e` with `prec` digits after the point.
fn fmt_e(f: f64, prec: usize) -> String {
    let s = format!("{:.*e}", prec, f);
    let (m, x) = s.split_once('e').unwrap_or((&s, "0"));
    format!("{m}{}", exp_str(x.parse().unwrap_or(0)))
}

/// Go's `%g`/`%v` shortest form (`strconv.FormatFloat(f, 'g', -1, bits)`).
pub fn format_g(f: f64, bits: u32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf".into() } else { "-Inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let neg = f < 0.0;
    let (d, x) = shortest(f.abs(), bits);
    let body = if x < -4 || x >= 21.max(d.len() as i32).min(21) {
        let m = if d.len() > 1 { format!("{}.{}", &d[..1], &d[1..]) } else { d.clone() };
        format!("{m}{}", exp_str(x))
    } else if x >= 0 {
        let x = x as usize;
        if d.len() > x + 1 { format!("{}.{}", &d[..x + 1], &d[x + 1..]) } else { format!("{}{}", d, "0".repeat(x + 1 - d.len())) }
    } else {
        format!("0.{}{}", "0".repeat((-x - 1) as usize), d)
    };
    if neg { format!("-{body}") } else { body }
}

fn fmt_float(f: f64, bits: u32, sp: &Spec) -> Option<Vec<u8>> {
    let special = f.is_nan() || f.is_infinite();
    let mut s = match sp.verb {
        b'v' | b'g' | b'G' => match sp.prec {
            None => {
                let s = format_g(f, bits);
                // %v/%g use %e from exponent 21 (shortest form).
                s
            }
            Some(p) => {
                let p = p.max(1);
                if special {
                    format_g(f, bits)
                } else {
                    let e = fmt_e(f, p - 1);
                    let x: i32 = e.rsplit_once('e').and_then(|(_, x)| x.parse().ok()).unwrap_or(0);
                    if x < -4 || x >= p as i32 {
                        let (m, ex) = e.split_once('e').unwrap_or((&e, ""));
                        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
                        format!("{m}e{ex}")
                    } else {
                        let fs = format!("{:.*}", (p as i32 - 1 - x).max(0) as usize, f);
                        if fs.contains('.') { fs.trim_end_matches('0').trim_end_matches('.').to_string() } else { fs }
                    }
                }
            }
        },
        b'f' | b'F' => {
            if special {
                format_g(f, bits)
            } else {
                format!("{:.*}", sp.prec.unwrap_or(6), f)
            }
        }
        b'e' | b'E' => {
            if special {
                format_g(f, bits)
            } else {
                fmt_e(f, sp.prec.unwrap_or(6))
            }
        }
        _ => return None,
    };
    if sp.verb == b'E' || sp.verb == b'G' {
        s = s.to_uppercase();
    }
    if (sp.plus || sp.space) && !s.starts_with('-') && !s.starts_with('+') {
        s = format!("{}{s}", if sp.plus { "+" } else { " " });
    } else if !sp.plus && s.starts_with("+Inf") && sp.verb != b'v' {
        s = s[1..].to_string();
    } else if !sp.plus && s == "+Inf" {
        s = "+Inf".into();
    }
    if special {
        return Some(pad(s.into_bytes(), sp));
    }
    Some(pad_num(s.into_bytes(), sp))
}
