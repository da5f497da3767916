//! `fmt`: Print/Println/Printf/Sprint*/Errorf over VM values (Fprint*
//! are library Go over Sprint*, `fmt.go`).
//!
//! A compact formatter for the common verbs (`%v %+v %d %s %q %x %X %o %b
//! %c %U %e %f %g %t %T %p`, width, precision, `-`, `+`, `0`, `#`, space),
//! walking values with their runtime type descriptors and calling
//! `Error`/`String` methods as fmt does. The `format` branch's byte-exact
//! formatter (over `FmtValue`) replaces the printing half once merged; the
//! value walk here stays.

mod scan;

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
        "fmt.Append" | "fmt.Appendln" => |vm, g, argc| {
            let a = variadic(vm, g, argc);
            let b = g.stack.pop().unwrap_or_default();
            let out = sprint_impl(vm, g, &a, false)?;
            append_to(vm, g, b, &out)
        },
        "fmt.Appendf" => |vm, g, argc| {
            let a = variadic(vm, g, argc);
            let f = g.stack.pop().unwrap_or_default();
            let b = g.stack.pop().unwrap_or_default();
            let f = str_of(vm, f);
            let out = sprintf_impl(vm, g, &f, &a)?;
            append_to(vm, g, b, &out)
        },
        "fmt.runtime_readStdin" => super::os::read_stdin,
        "fmt.runtime_scanKind" => scan::kind,
        "fmt.runtime_scanSet" => scan::set,
        "fmt.(*wrapError).Error" | "fmt.(*wrapErrors).Error" => wrap_error_text,
        "fmt.(*wrapError).Unwrap" | "fmt.(*wrapErrors).Unwrap" => wrap_error_unwrap,
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
                if f.embedded { tt.type_string(f.ty, TypeStyle::Runtime).trim_start_matches('*').rsplit('.').next().unwrap_or("").to_string() } else { f.name.clone() }
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
    vm.write_fd(g, 1, &out);
    push_n_err(g, out.len());
    Ok(())
}

fn print(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let out = sprint_impl(vm, g, &a, false)?;
    vm.write_fd(g, 1, &out);
    push_n_err(g, out.len());
    Ok(())
}

fn printf(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let f = g.stack.pop().unwrap_or_default();
    let f = str_of(vm, f);
    let out = sprintf_impl(vm, g, &f, &a)?;
    vm.write_fd(g, 1, &out);
    push_n_err(g, out.len());
    Ok(())
}

/// Pushes `append(b, out...)` for a `[]byte` b.
fn append_to(vm: &mut Vm, g: &mut GState, b: Value, out: &[u8]) -> Result<(), Throw> {
    let v = super::append_to_bytes(vm, b, out)?;
    g.stack.push(v);
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

/// Writes to an `io.Writer` argument: `os.Stdout`/`os.Stderr` (an
/// `*os.File` whose first field, its fd, is 1 or 2) straight to the
/// output, anything else through its `Write` method.
pub(crate) fn write_to(vm: &mut Vm, g: &mut GState, w: Value, out: &[u8]) -> Result<(), Throw> {
    let _pin = super::pin(&[w]);
    if let Value::Iface { tid, obj } = w {
        let inner = vm.heap.cell(obj);
        if vm.program().type_name(tid) == "*os.File" {
            let fd = match inner {
                Value::Ptr { obj, .. } => vm.heap.slots(obj).first().map_or(0, |v| v.int()),
                _ => 0,
            };
            if fd == 1 || fd == 2 {
                vm.write_fd(g, fd as u8, out);
                return Ok(());
            }
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

/// `fmt.Errorf`: `*errors.errorString` without `%w`, `*fmt.wrapError`
/// with one, `*fmt.wrapErrors` with several.
fn errorf(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = variadic(vm, g, argc);
    let f = g.stack.pop().unwrap_or_default();
    let f = str_of(vm, f);
    let r = format_with(vm, g, &a, |v| gofmt::try_errorf(&f, v))?;
    let msg = new_str(vm, &r.text)?;
    let v = match r.wrapped {
        gofmt::Wrapped::None => {
            let tid = type_named(vm, "*errors.errorString").unwrap_or(rtype::T_RT_ERRORSTRING);
            let h = vm.heap.alloc_slots(vec![msg], 16).map_err(oom)?;
            new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?
        }
        gofmt::Wrapped::One(i) => {
            let e = i.and_then(|i| a.get(i).copied()).unwrap_or_default();
            let tid = type_named(vm, "*fmt.wrapError").unwrap_or(rtype::T_RT_ERRORSTRING);
            let h = vm.heap.alloc_slots(vec![msg, e], 32).map_err(oom)?;
            new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?
        }
        gofmt::Wrapped::Many(is) => {
            let errs: Vec<Value> = is.iter().filter_map(|&i| a.get(i).copied()).collect();
            let s = super::new_slice(vm, errs, 16)?;
            let tid = type_named(vm, "*fmt.wrapErrors").unwrap_or(rtype::T_RT_ERRORSTRING);
            let h = vm.heap.alloc_slots(vec![msg, s], 40).map_err(oom)?;
            new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?
        }
    };
    g.stack.push(v);
    Ok(())
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

// ---- printing ---------------------------------------------------------------
//
// VM values become `FmtValue`s (the `format` module's description of a
// value), with `Error`/`String` results left `Pending`; the formatter says
// which methods Go would call, in Go's order; they run; formatting repeats
// with the results filled in.

use crate::format::{self as gofmt, FmtValue, MethodName, MethodResult, Methods};

/// The methods behind pending tokens: (type id, receiver, method name id,
/// whether the receiver is a top-level argument).
#[derive(Default)]
struct Pending {
    calls: Vec<(u32, Value, u32, bool)>,
    /// Values converted so far: each takes a node of the tree fmt walks,
    /// many times the value's own bytes. Past the heap budget's worth the
    /// conversion stops (`too_big`) and the run is out of memory, rather
    /// than the host (a slice of 16 million ints took 2 GB).
    nodes: u64,
    too_big: bool,
}

/// Host bytes a converted value takes (its node and type name).
const NODE_BYTES: u64 = std::mem::size_of::<FmtValue>() as u64 + 32;

impl Pending {
    /// Counts `n` more nodes; false once past the budget.
    fn count(&mut self, vm: &Vm, n: usize) -> bool {
        self.nodes = self.nodes.saturating_add(n as u64);
        if self.nodes.saturating_mul(NODE_BYTES) > vm.heap.budget() {
            self.too_big = true;
        }
        !self.too_big
    }
}

fn run_pending(vm: &mut Vm, g: &mut GState, pend: &Pending, need: &[gofmt::MethodCall], done: &mut rustc_hash::FxHashMap<u64, MethodResult>) -> Result<(), Throw> {
    for call in need {
        let Some(&(tid, recv, mid, top)) = pend.calls.get(call.token as usize) else { continue };
        let mid = match call.method {
            MethodName::Error => rtype::M_ERROR,
            MethodName::String => rtype::M_STRING,
            MethodName::GoString => mid,
        };
        // Should the method block, fmt's frames show under it.
        let doing = if top { call.method as u8 + 1 } else { 0 };
        super::calling_as(vm, true, doing);
        let r = match call_method(vm, g, tid, recv, mid, 1) {
            Some(Ok(res)) => MethodResult::Text(str_of(vm, res.first().copied().unwrap_or_default())),
            Some(Err(Throw::Stop(crate::vm::Stop::Panicked(rep)))) => {
                let msg = rep.message.trim_start_matches("panic: ").lines().next().unwrap_or("").to_string();
                let msg = msg.trim_end_matches(" [recovered]").to_string();
                MethodResult::Panic(Box::new(FmtValue::string(msg)))
            }
            Some(Err(e)) => return Err(e),
            None => MethodResult::Text(Vec::new()),
        };
        done.insert(call.token, r);
    }
    Ok(())
}

/// Replaces pending method results whose calls are done.
fn fill(v: &mut FmtValue, done: &rustc_hash::FxHashMap<u64, MethodResult>) {
    match v {
        FmtValue::WithMethods { value, methods } => {
            for m in [&mut methods.error, &mut methods.string, &mut methods.go_string].into_iter().flatten() {
                if let MethodResult::Pending(t) = m
                    && let Some(r) = done.get(t)
                {
                    *m = r.clone();
                }
            }
            fill(value, done);
        }
        FmtValue::Pointer { elem: Some(e), .. } => fill(e, done),
        FmtValue::Struct { fields, .. } => fields.iter_mut().for_each(|f| fill(&mut f.value, done)),
        FmtValue::Array { elems, .. } | FmtValue::Slice { elems, .. } => elems.iter_mut().for_each(|e| fill(e, done)),
        FmtValue::Map { entries, .. } => entries.iter_mut().for_each(|(k, x)| {
            fill(k, done);
            fill(x, done)
        }),
        _ => {}
    }
}

/// Formats with a `try_*` function, calling the methods it asks for.
fn format_with<T>(vm: &mut Vm, g: &mut GState, a: &[Value], f: impl Fn(&[FmtValue]) -> Result<T, Vec<gofmt::MethodCall>>) -> Result<T, Throw> {
    let _pin = super::pin(a);
    let mut pend = Pending::default();
    let mut vals: Vec<FmtValue> = a.iter().map(|&v| arg_value(vm, v, &mut pend)).collect();
    if pend.too_big {
        return Err(super::oom(crate::heap::HeapError::OutOfMemory { requested: pend.nodes.saturating_mul(NODE_BYTES), budget: vm.heap.budget() }));
    }
    let mut done = rustc_hash::FxHashMap::default();
    for _ in 0..64 {
        match f(&vals) {
            Ok(r) => return Ok(r),
            Err(need) => {
                run_pending(vm, g, &pend, &need, &mut done)?;
                for v in &mut vals {
                    fill(v, &done);
                }
            }
        }
    }
    Err(Throw::Stop(super::internal_stop("fmt: method calls did not settle")))
}

pub fn sprint_impl(vm: &mut Vm, g: &mut GState, a: &[Value], ln: bool) -> Result<Vec<u8>, Throw> {
    if ln { format_with(vm, g, a, gofmt::try_sprintln) } else { format_with(vm, g, a, gofmt::try_sprint) }
}

pub fn sprintf_impl(vm: &mut Vm, g: &mut GState, f: &[u8], a: &[Value]) -> Result<Vec<u8>, Throw> {
    format_with(vm, g, a, |v| gofmt::try_sprintf(f, v))
}

fn addr_of(v: Value) -> u64 {
    match v.handle() {
        Some(h) => 0xc000010000u64 + h as u64 * 0x10,
        None => 0,
    }
}

/// A top-level argument (an `any`).
fn arg_value(vm: &mut Vm, v: Value, pend: &mut Pending) -> FmtValue {
    match v {
        Value::Iface { tid, obj } => {
            let inner = vm.heap.cell(obj);
            to_fmt(vm, inner, tid, pend, 0)
        }
        _ => FmtValue::nil(),
    }
}


fn to_fmt(vm: &mut Vm, v: Value, tid: u32, pend: &mut Pending, depth: u32) -> FmtValue {
    let prog = vm.program().clone();
    let Some(t) = prog.types.get(tid as usize) else { return FmtValue::nil() };
    let ty = t.name.clone();
    if depth > 32 {
        return FmtValue::Pointer { ty, addr: addr_of(v), elem: None };
    }
    let base = match &t.kind {
        Kind::Bool => FmtValue::Bool { v: v.bool(), ty },
        Kind::Int(k) if k.is_unsigned() => FmtValue::Uint { v: v.int() as u64, ty },
        Kind::Int(_) => FmtValue::Int { v: v.int(), ty },
        Kind::Float32 => FmtValue::Float { v: v.float(), bits: 32, ty },
        Kind::Float64 => FmtValue::Float { v: v.float(), bits: 64, ty },
        Kind::Complex64 => FmtValue::Complex { re: v.complex().0, im: v.complex().1, bits: 64, ty },
        Kind::Complex128 => FmtValue::Complex { re: v.complex().0, im: v.complex().1, bits: 128, ty },
        Kind::String => FmtValue::Str { v: vm.heap.str_bytes(v).to_vec(), ty },
        Kind::Ptr(elem) => {
            let elem_v = match v {
                Value::Ptr { obj, slot } if depth == 0 => {
                    let pv = if slot == WHOLE { Value::Agg(obj) } else { vm.heap.elem(obj, slot as usize) };
                    let ek = prog.types.get(*elem as usize).map(|t| &t.kind);
                    if matches!(ek, Some(Kind::Struct(_) | Kind::Array { .. } | Kind::Slice(_) | Kind::Map { .. })) {
                        Some(Box::new(to_fmt(vm, pv, *elem, pend, depth + 1)))
                    } else {
                        None
                    }
                }
                // An array pointer into a slice's backing array.
                Value::Slice { .. } if depth == 0 => Some(Box::new(to_fmt(vm, v, *elem, pend, depth + 1))),
                _ => None,
            };
            FmtValue::Pointer { ty, addr: addr_of(v), elem: elem_v }
        }
        Kind::Slice(elem) | Kind::Array { elem, .. } => {
            let elem = *elem;
            let byte_elems = prog.types.get(elem as usize).is_some_and(|t| matches!(t.kind, Kind::Int(crate::value::IntKind::U8)));
            let n = match v {
                Value::Slice { len, .. } => len as usize,
                Value::Agg(h) => vm.heap.slots(h).len(),
                _ => 0,
            };
            let fits = pend.count(vm, n);
            let (vals, cap) = match v {
                _ if !fits => (vec![], 0),
                Value::Slice { obj, off, len, cap } => (vm.heap.elems(obj, off as usize, len as usize), cap as u64),
                Value::Agg(h) => (vm.heap.slots(h).to_vec(), 0),
                _ => (vec![], 0),
            };
            let elems = vals.iter().map(|&e| to_fmt(vm, e, elem, pend, depth + 1)).collect();
            if matches!(t.kind, Kind::Array { .. }) {
                FmtValue::Array { ty, byte_elems, elems }
            } else {
                FmtValue::Slice { ty, nil: v == Value::Nil, byte_elems, addr: addr_of(v), cap, elems }
            }
        }
        Kind::Struct(fields) => {
            let names = struct_field_names(&prog, tid);
            let vals = match v {
                Value::Agg(h) => vm.heap.slots(h).to_vec(),
                _ => vec![],
            };
            let fields = vals
                .iter()
                .zip(fields)
                .enumerate()
                .map(|(i, (&e, &ft))| gofmt::Field { name: names.get(i).cloned().unwrap_or_default(), value: to_fmt(vm, e, ft, pend, depth + 1) })
                .collect();
            FmtValue::Struct { ty, fields }
        }
        Kind::Map { key, val } => {
            let mut entries = Vec::new();
            if let Value::Map(h) = v {
                // Walk the map's entries directly (no iterator object).
                let all = map_entries(vm, h, &prog);
                for (k, x) in if pend.count(vm, 2 * all.len()) { all } else { Vec::new() } {
                    entries.push((to_fmt(vm, k, *key, pend, depth + 1), to_fmt(vm, x, *val, pend, depth + 1)));
                }
            }
            FmtValue::Map { ty, nil: v == Value::Nil, addr: addr_of(v), entries }
        }
        Kind::Interface(_) => {
            return match v {
                Value::Iface { tid: t2, obj } => {
                    let inner = vm.heap.cell(obj);
                    to_fmt(vm, inner, t2, pend, depth + 1)
                }
                _ => FmtValue::Nil { ty },
            };
        }
        Kind::Chan => FmtValue::Chan { ty, addr: addr_of(v) },
        Kind::Func => FmtValue::Func { ty, addr: addr_of(v) },
    };
    // Methods fmt may call, as pending results.
    let mut methods = Methods::default();
    let mut any = false;
    for (m, slot) in [(rtype::M_ERROR, 0), (rtype::M_STRING, 1)] {
        if t.method(m).is_some() {
            let token = pend.calls.len() as u64;
            pend.calls.push((tid, v, m, depth == 0));
            let r = Some(MethodResult::Pending(token));
            if slot == 0 {
                methods.error = r;
            } else {
                methods.string = r;
            }
            any = true;
        }
    }
    if let Some(gs) = prog.method_names.iter().position(|n| n == "GoString")
        && t.method(gs as u32).is_some()
    {
        let token = pend.calls.len() as u64;
        pend.calls.push((tid, v, gs as u32, depth == 0));
        methods.go_string = Some(MethodResult::Pending(token));
        any = true;
    }
    if any { FmtValue::WithMethods { value: Box::new(base), methods: Box::new(methods) } } else { base }
}

/// A map's (key, value) pairs in storage order.
fn map_entries(vm: &mut Vm, h: crate::value::Handle, prog: &Bytecode) -> Vec<(Value, Value)> {
    let mut out = Vec::new();
    let Ok(it) = vm.heap.map_iter(Value::Map(h), 0) else { return out };
    while let Ok(Some(kv)) = vm.heap.map_next(&prog.types, it) {
        out.push(kv);
    }
    out
}

/// Go's `strconv.Quote`.
pub fn quote(s: &[u8]) -> String {
    String::from_utf8_lossy(&gofmt::quote(s)).into_owned()
}

/// The frames Go's fmt shows under a method it called on a top-level
/// argument, for native `name` (Go 1.27's `print.go` and `errors.go`
/// lines; `%v` and the like right after `%`, the path of `doPrintf` that
/// nearly every format takes). `doing` is the method's [`MethodName`]
/// plus one.
pub(crate) fn library_frames(name: &str, doing: u8) -> Vec<crate::vm::TraceFrame> {
    let handle = match doing {
        1 => 660, // MethodName::Error
        2 => 666, // MethodName::String
        3 => 643, // MethodName::GoString
        _ => return Vec::new(),
    };
    let (do_fn, do_line) = match name.trim_start_matches("fmt.") {
        "Println" | "Fprintln" | "Sprintln" | "Appendln" => ("fmt.(*pp).doPrintln", 1205),
        "Print" | "Fprint" | "Sprint" | "Append" => ("fmt.(*pp).doPrint", 1193),
        "Printf" | "Fprintf" | "Sprintf" | "Appendf" | "Errorf" => ("fmt.(*pp).doPrintf", 1062),
        _ => return Vec::new(),
    };
    // The exported function, and for Print* the Fprint* it calls.
    let callers: &[(&str, &str, u32)] = match name.trim_start_matches("fmt.") {
        "Println" => &[("fmt.Fprintln", "print.go", 297), ("fmt.Println", "print.go", 307)],
        "Fprintln" => &[("fmt.Fprintln", "print.go", 297)],
        "Sprintln" => &[("fmt.Sprintln", "print.go", 314)],
        "Appendln" => &[("fmt.Appendln", "print.go", 325)],
        "Print" => &[("fmt.Fprint", "print.go", 254), ("fmt.Print", "print.go", 264)],
        "Fprint" => &[("fmt.Fprint", "print.go", 254)],
        "Sprint" => &[("fmt.Sprint", "print.go", 271)],
        "Append" => &[("fmt.Append", "print.go", 282)],
        "Printf" => &[("fmt.Fprintf", "print.go", 216), ("fmt.Printf", "print.go", 225)],
        "Fprintf" => &[("fmt.Fprintf", "print.go", 216)],
        "Sprintf" => &[("fmt.Sprintf", "print.go", 231)],
        "Appendf" => &[("fmt.Appendf", "print.go", 241)],
        "Errorf" => &[("fmt.Errorf", "errors.go", 41)],
        _ => &[],
    };
    let frame = |func: &str, file: &str, line: u32| crate::vm::TraceFrame {
        func: func.into(),
        line,
        has_args: true,
        file: Some(format!("{}/fmt/{file}", crate::vm::GOROOT_SRC)),
    };
    let mut out = vec![frame("fmt.(*pp).handleMethods", "print.go", handle), frame("fmt.(*pp).printArg", "print.go", 746), frame(do_fn, "print.go", do_line)];
    out.extend(callers.iter().map(|&(f, file, line)| frame(f, file, line)));
    out
}
