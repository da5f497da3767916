//! The standard library: one folder per Go package, found by its import
//! path (`context/`, `sync/atomic/`, `golang.org/x/sync/errgroup/`). A
//! folder holds the package's Go declarations (`<name>.go`, what the
//! checker sees) and, in `mod.rs`, its natives: Rust functions behind the
//! declarations' body-less functions, found by qualified name
//! (`"strings.Contains"`, `"errors.(*errorString).Error"`) through the
//! package's `lookup`. Functions with bodies are library Go, compiled with
//! the program that imports them (`math/rand`, `math/rand/v2`,
//! `math/bits`). One table ([`packages`]) lists every package with
//! its declarations and its `lookup`; [`lookup`] picks the row by the
//! name's import path. Adding a function is a declaration in the `.go`
//! file and a line in the package's `lookup`; adding a package is a folder
//! and a row. (Three small packages' natives live with a kin's, as their
//! rows say: `cmp`'s with `slices`, `syscall`'s with `os/signal`,
//! `runtime/debug`'s in `chan.rs`.)
//!
//! `builtin.rs` holds the builtins implemented natively (`builtin.min.i`,
//! a deferred `builtin.panic`); `chan.rs` says which calls compile to the
//! process's `Op::Sys` requests (channels, `select`, the scheduler's
//! `runtime` functions) instead of natives. Helpers shared by several
//! packages' natives are at the end of this file.
//!
//! Natives that must call Go code (a `String` method while formatting, a
//! `less` function for `sort.Slice`) use [`call_go`]: it runs the call on a
//! nested goroutine through a generated trampoline that parks the results
//! in scratch globals, with the caller's values lent as collector roots.
//! (Issue 4 turns this into a proper re-entrant call.)

// The table of packages, the builtins implemented natively, and the calls
// compiled to the process's requests.
mod builtin;
mod chan;
mod packages;
pub(crate) mod services;

// One module per package, at its import path (`math/rand` in `math`,
// `unicode/utf8` in `unicode`, `os/signal` in `os`...).
mod bytes;
pub(crate) mod context;
mod errors;
mod fmt;
mod gmp;
mod io;
mod log;
mod math;
pub(crate) mod os;
pub(crate) mod runtime;
mod slices;
pub(crate) mod sort;
mod strconv;
mod strings;
pub(crate) mod sync;
pub(crate) mod time;
mod unicode;

use crate::chunk::{ChunkBuilder, Op};
use crate::heap::Obj;
use crate::rtype::Callee;
use crate::span::Span;
use crate::types::{TypeId, TypeTable};
use crate::value::Value;
use crate::vm::{Bytecode, Function, GState, NativeFn, Stop, Throw, Vm};

pub(crate) use packages::{links_os, package_at};
#[cfg(test)]
pub(crate) use packages::PACKAGES;

/// Globals reserved after the program's for trampoline results.
pub const SCRATCH_GLOBALS: u32 = 12;
/// Scratch globals caching package error values (identity matters for
/// `errors.Is`): `strconv.ErrSyntax`, `strconv.ErrRange` (6, 7, 10 and
/// 11 are context's; 8 and 9 are free since `io`'s errors became
/// library Go).
pub const SCRATCH_ERR_SYNTAX: usize = 4;
pub const SCRATCH_ERR_RANGE: usize = 5;
const MAX_TRAMPOLINE_ARGS: u16 = 4;
const MAX_TRAMPOLINE_RESULTS: u16 = 3;

/// Called once per program before compiling: nothing to pre-register yet
/// (natives are added on first use).
pub fn register(bc: &mut Bytecode) {
    // The runtime's errors implement runtime.Error (`RuntimeError()`).
    let m = bc.method_id("RuntimeError");
    let nop = bc.add_native("runtime.(*Error).RuntimeError", |_, g, argc| {
        args(g, argc);
        Ok(())
    });
    for t in [crate::rtype::T_RT_BOUNDS, crate::rtype::T_RT_ERRORSTRING, crate::rtype::T_RT_TYPEASSERT, crate::rtype::T_RT_PLAIN] {
        if let Some(d) = bc.types.get_mut(t as usize) {
            d.methods.push(crate::rtype::Method { name: m, target: Callee::Native(nop) });
            d.methods.sort_by_key(|x| x.name);
        }
    }
}

/// Runtime types that exist only inside natives (no stub declares them):
/// the error types `fmt.Errorf` and `errors.Join` return.
pub fn add_runtime_types(bc: &mut Bytecode) {
    os::signal::runtime_goroutines::add_runtime_funcs(bc);
    use crate::rtype::{Kind, Method, T_ERROR, T_STRING, TypeDesc};
    // Reuse the program's `[]error` if it has one: type ids are canonical.
    let err_slice = match bc.types.iter().position(|t| t.name == "[]error") {
        Some(i) => i as u32,
        None => bc.add_type(TypeDesc::new("[]error", Kind::Slice(T_ERROR), false, 24)),
    };
    let unwrap = bc.method_id("Unwrap");
    let defs: [(&str, Vec<u32>, &str, &str); 4] = [
        ("fmt.wrapError", vec![T_STRING, T_ERROR], "fmt.(*wrapError).Error", "fmt.(*wrapError).Unwrap"),
        ("fmt.wrapErrors", vec![T_STRING, err_slice], "fmt.(*wrapErrors).Error", "fmt.(*wrapErrors).Unwrap"),
        ("errors.joinError", vec![err_slice], "errors.(*joinError).Error", "errors.(*joinError).Unwrap"),
        // When the program does not import errors (fmt.Errorf without %w).
        ("errors.errorString", vec![T_STRING], "errors.(*errorString).Error", ""),
    ];
    for (name, fields, err_fn, unwrap_fn) in defs {
        if bc.types.iter().any(|t| t.name == format!("*{name}")) {
            continue;
        }
        let st = bc.add_type(TypeDesc::new(name, Kind::Struct(fields), false, 40));
        let mut pt = TypeDesc::new(format!("*{name}"), Kind::Ptr(st), true, 8);
        let Some(e) = lookup(err_fn) else { continue };
        let e = bc.add_native(err_fn, e);
        pt.methods.push(Method { name: crate::rtype::M_ERROR, target: Callee::Native(e) });
        if let Some(u) = lookup(unwrap_fn) {
            let u = bc.add_native(unwrap_fn, u);
            pt.methods.push(Method { name: unwrap, target: Callee::Native(u) });
        }
        pt.methods.sort_by_key(|m| m.name);
        bc.add_type(pt);
    }
    context::add_runtime_types(bc);
    sync::add_runtime_types(bc);
}

/// Records facts about a runtime type that formatting needs (struct field
/// names), in the type's name table kept by `fmt`.
pub fn note_type(bc: &mut Bytecode, id: u32, t: TypeId, tt: &TypeTable) {
    fmt::note_type(bc, id, t, tt);
}

/// Adds `trampoline.A.R` functions: call the function in local 0 with the
/// next A locals, store its R results into the scratch globals.
pub fn add_trampolines(bc: &mut Bytecode, scratch: u32) {
    for argc in 0..=MAX_TRAMPOLINE_ARGS {
        for nres in 0..=MAX_TRAMPOLINE_RESULTS {
            let mut b = ChunkBuilder::new();
            let sp = Span::default();
            for i in 0..=argc {
                b.emit(Op::GetLocal(i), sp);
            }
            b.emit(Op::CallValue(argc), sp);
            for r in (0..nres).rev() {
                b.emit(Op::SetGlobal(scratch + r as u32), sp);
            }
            b.emit(Op::Ret(0), sp);
            let chunk = b.finish().unwrap_or_default();
            bc.add_func(Function::new(format!("trampoline.{argc}.{nres}"), argc + 1, argc + 1, 0, chunk));
        }
    }
}

thread_local! {
    /// Values natives hold in Rust locals while Go code runs (their
    /// arguments, already popped): roots for collections in that code.
    static PINNED: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
    /// How deeply natives are calling Go code inside each other (host
    /// recursion: `String` calling `Sprint` calling `String`...).
    static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Nested native-to-Go calls allowed before the run ends as Go's stack
/// overflow would (each level costs host stack).
const MAX_NATIVE_DEPTH: u32 = 16;

/// Keeps values alive (as collector roots) until the guard is dropped.
pub(crate) struct Pin(usize);

impl Drop for Pin {
    fn drop(&mut self) {
        PINNED.with(|p| p.borrow_mut().truncate(self.0));
    }
}

pub(crate) fn pin(vals: &[Value]) -> Pin {
    PINNED.with(|p| {
        let mut p = p.borrow_mut();
        let at = p.len();
        p.extend_from_slice(vals);
        Pin(at)
    })
}

/// Calls a Go function value from a native and returns its results.
pub fn call_go(vm: &mut Vm, g: &mut GState, f: Value, args: &[Value], nres: usize) -> Result<Vec<Value>, Throw> {
    let prog = vm.program().clone();
    if let Value::Func(n) = f
        && n & crate::vm::NATIVE_FUNC_BIT != 0
    {
        let Some(native) = prog.natives.get((n & !crate::vm::NATIVE_FUNC_BIT) as usize) else { return Ok(vec![]) };
        let at = g.stack.len();
        g.stack.extend_from_slice(args);
        (native.func)(vm, g, args.len())?;
        let res: Vec<Value> = g.stack.drain(at.min(g.stack.len())..).collect();
        return Ok(res);
    }
    let depth = DEPTH.with(|d| d.get());
    if depth >= MAX_NATIVE_DEPTH {
        return Err(Throw::Stop(Stop::Fatal(crate::vm::Fatal {
            kind: crate::vm::FatalKind::StackOverflow,
            message: format!("runtime: goroutine stack exceeds {}-byte limit\nfatal error: stack overflow\n", crate::vm::MAX_STACK),
            trace: vm.traceback(g),
        })));
    }
    DEPTH.with(|d| d.set(depth + 1));
    let r = call_go_inner(vm, g, f, args, nres);
    DEPTH.with(|d| d.set(depth));
    r
}

fn call_go_inner(vm: &mut Vm, g: &mut GState, f: Value, args: &[Value], nres: usize) -> Result<Vec<Value>, Throw> {
    let prog = vm.program().clone();
    let name = format!("trampoline.{}.{}", args.len(), nres);
    let Some(tr) = prog.funcs.iter().position(|x| x.name == name) else {
        return Err(Throw::Stop(internal_stop("call from a native with too many arguments")));
    };
    // Keep the calling goroutine's values alive while the nested one runs.
    let mut stack = g.stack.clone();
    stack.push(f);
    stack.extend_from_slice(args);
    PINNED.with(|p| stack.extend_from_slice(&p.borrow()));
    let holder = GState { stack, frames: g.frames.clone(), defers: g.defers.clone(), panics: g.panics.clone(), ..GState::default() };
    vm.gs.push(Box::new(holder));
    let holder_idx = vm.gs.len() - 1;
    let mut targs = vec![f];
    targs.extend_from_slice(args);
    let gi = match vm.spawn(Value::Func(tr as u32), &targs) {
        Ok(i) => i,
        Err(fatal) => {
            vm.release(holder_idx);
            return Err(Throw::Stop(Stop::Fatal(fatal)));
        }
    };
    let stop = loop {
        match vm.execute(gi, 100_000) {
            Stop::Budget => continue,
            s => break s,
        }
    };
    vm.release(gi);
    vm.release(holder_idx);
    match stop {
        Stop::Returned => {
            let base = vm.globals.len().saturating_sub(SCRATCH_GLOBALS as usize);
            Ok((0..nres).map(|r| vm.globals.get(base + r).copied().unwrap_or_default()).collect())
        }
        // A caller with deferred calls may recover: the panic goes on in
        // the caller's goroutine, through the native, as in Go (if nothing
        // recovers, the callee's frames still top the trace).
        Stop::Panicked(mut report) if !g.defers.is_empty() => {
            report.trace.retain(|f| !f.func.starts_with("trampoline."));
            vm.inner_panic = Some((report.value, report.trace));
            Err(Throw::Panic(report.value))
        }
        // Otherwise the goroutine dies here; the traceback goes on through
        // the native's caller, as Go's does through the library function
        // (whose own frames it then drops).
        Stop::Panicked(mut report) => {
            report.trace.retain(|f| !f.func.starts_with("trampoline."));
            report.trace.extend(vm.traceback(g));
            Err(Throw::Stop(Stop::Panicked(report)))
        }
        // A nested call runs outside the scheduler: a request that needs it
        // (a channel, select, a blocking lock, a timer, `go`) cannot be
        // served here, and passing it on would serve it for the caller.
        Stop::Syscall(_) => Err(Throw::Stop(Stop::Fatal(crate::vm::Fatal {
            kind: crate::vm::FatalKind::Internal,
            message: format!("fatal error: {NESTED_SYSCALL}\n"),
            trace: vm.traceback(g),
        }))),
        s => Err(Throw::Stop(s)),
    }
}

/// Why a run stops when a method a library function calls (a `String`
/// or `Error` that `fmt` calls, a context's `Value`) needs the scheduler.
pub const NESTED_SYSCALL: &str = "unsupported: a method called from inside a library function (such as a String or Error method fmt calls) used a channel, select, a blocking sync operation, a timer or a go statement; the playground cannot run that yet";

fn internal_stop(msg: &str) -> Stop {
    Stop::Fatal(crate::vm::Fatal { kind: crate::vm::FatalKind::Internal, message: format!("fatal error: {msg}\n"), trace: vec![] })
}

/// Calls a method (by name id) of the dynamic value in an interface:
/// `Some(results)` if the type has it.
pub fn call_method(vm: &mut Vm, g: &mut GState, tid: u32, recv: Value, method: u32, nres: usize) -> Option<Result<Vec<Value>, Throw>> {
    call_method_with(vm, g, tid, recv, method, &[], nres)
}

/// [`call_method`] with arguments after the receiver.
pub fn call_method_with(vm: &mut Vm, g: &mut GState, tid: u32, recv: Value, method: u32, args: &[Value], nres: usize) -> Option<Result<Vec<Value>, Throw>> {
    let prog = vm.program().clone();
    let callee = prog.types.get(tid as usize)?.method(method)?;
    let all: Vec<Value> = std::iter::once(recv).chain(args.iter().copied()).collect();
    Some(match callee {
        Callee::Native(n) if n == crate::rtype::N_RUNTIME_ERROR => Ok(vec![recv]),
        Callee::Native(n) => call_go(vm, g, Value::Func(n | crate::vm::NATIVE_FUNC_BIT), &all, nres),
        Callee::Func(f) => call_go(vm, g, Value::Func(f), &all, nres),
    })
}

/// The `Op::Sys` request serving a stub name, for the operations that
/// need the scheduler (they are compiled to `Sys`, not to a native call).
/// Each runtime area adds its table here.
pub fn sys_id(name: &str) -> Option<u32> {
    chan::sys_id(name)
}

/// The instruction a call of stub `name` compiles to instead of a native
/// call (`Sys`, `Goexit`), if any.
pub fn runtime_op(name: &str, argc: u16) -> Option<crate::chunk::Op> {
    chan::runtime_op(name, argc)
}


/// The native behind a stub name: `builtin.<name>` for the builtins,
/// otherwise `<import path>.<member>` (`"strings.Contains"`,
/// `"math/rand.Intn"`, `"sync/atomic.(*Int32).Add"`), served by the
/// package's row in the table ([`packages`]).
pub fn lookup(name: &str) -> Option<NativeFn> {
    let path = import_path(name)?;
    if path == "builtin" {
        return builtin::lookup(name);
    }
    (package_at(path)?.natives)(name)
}

/// The import path a native's name starts with: the text up to the first
/// `.` after the last `/` (`"golang.org/x/sync/errgroup.(*Group).Go"`).
fn import_path(name: &str) -> Option<&str> {
    let from = name.rfind('/').map_or(0, |i| i + 1);
    let dot = from + name[from..].find('.')?;
    Some(&name[..dot])
}

/// Natives that produce a native package variable's value.
pub fn native_var(name: &str) -> Option<&'static str> {
    Some(match name {
        "time.UTC" => "time.UTC",
        "time.Local" => "time.Local",
        "strconv.ErrSyntax" => "strconv.ErrSyntax",
        "strconv.ErrRange" => "strconv.ErrRange",
        "context.Canceled" => "context.Canceled",
        "context.DeadlineExceeded" => "context.DeadlineExceeded",
        _ => return None,
    })
}

// ---- helpers for natives ------------------------------------------------

/// A native's arguments, popped off the goroutine's stack: inline up to
/// six (nearly every native), so a call allocates nothing.
pub(crate) type Args = crate::value::InlineValues<6>;

pub(crate) fn args(g: &mut GState, argc: usize) -> Args {
    Args::pop_from(&mut g.stack, argc)
}

/// The first `K` of a native's `argc` arguments (`Nil` past the end),
/// popped with the rest: for the hot natives with a fixed arity, which
/// need no [`Args`] list (a copy of a few values beats a call to memcpy).
#[inline]
pub(crate) fn take_args<const K: usize>(g: &mut GState, argc: usize) -> [Value; K] {
    let at = g.stack.len().saturating_sub(argc);
    let mut a = [Value::Nil; K];
    for (i, v) in a.iter_mut().enumerate().take(argc) {
        *v = g.stack.get(at + i).copied().unwrap_or_default();
    }
    g.stack.truncate(at);
    a
}

/// The arguments, kept pinned while the native may run Go code.
pub(crate) fn pinned_args(g: &mut GState, argc: usize) -> (Args, Pin) {
    let a = args(g, argc);
    let p = pin(&a);
    (a, p)
}

pub(crate) fn oom(e: crate::heap::HeapError) -> Throw {
    Throw::Stop(Stop::Fatal(crate::vm::out_of_memory(e)))
}

pub(crate) fn new_str(vm: &mut Vm, b: &[u8]) -> Result<Value, Throw> {
    vm.heap.alloc_str(b).map_err(oom)
}

pub(crate) fn str_of(vm: &Vm, v: Value) -> Vec<u8> {
    vm.heap.str_bytes(v).to_vec()
}

/// The elements of a slice value.
pub(crate) fn slice_elems(vm: &Vm, v: Value) -> Vec<Value> {
    match v {
        Value::Slice { obj, off, len, .. } => vm.heap.elems(obj, off as usize, len as usize),
        _ => Vec::new(),
    }
}

/// A new slice of these values.
pub(crate) fn new_slice(vm: &mut Vm, vals: Vec<Value>, elem_size: u64) -> Result<Value, Throw> {
    let n = vals.len() as u32;
    let h = vm.heap.alloc_slots(vals, n as u64 * elem_size).map_err(oom)?;
    Ok(Value::Slice { obj: h, off: 0, len: n, cap: n })
}

/// A boxed interface value of runtime type `tid`.
pub(crate) fn new_iface(vm: &mut Vm, tid: u32, v: Value) -> Result<Value, Throw> {
    let h = vm.heap.alloc(Obj::Cell(v), 16).map_err(oom)?;
    Ok(Value::Iface { tid, obj: h })
}

/// The runtime type id with this name, if the program uses it.
pub(crate) fn type_named(vm: &Vm, name: &str) -> Option<u32> {
    vm.program().types.iter().position(|t| t.name == name).map(|i| i as u32)
}

/// The object of a pointer-to-struct receiver.
pub(crate) fn recv_obj(vm: &Vm, r: Value) -> Option<crate::value::Handle> {
    crate::heap::obj_of(&vm.heap, r)
}

/// A native method returning field `i` of its receiver.
pub(crate) fn field_of_recv(vm: &mut Vm, g: &mut GState, argc: usize, i: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let v = recv_obj(vm, a.first().copied().unwrap_or_default()).and_then(|h| vm.heap.slots(h).get(i).copied()).unwrap_or_default();
    g.stack.push(v);
    Ok(())
}

/// The bytes of a string or of a `[]byte` (read as bytes: as values they
/// would take 16 times the memory).
pub(crate) fn bytes_of(vm: &Vm, v: Value) -> Vec<u8> {
    match v {
        Value::Str { .. } => str_of(vm, v),
        Value::Slice { obj, off, len, .. } if vm.heap.byte_arr(obj).is_some() => {
            vm.heap.byte_arr(obj).and_then(|d| d.get(off as usize..(off + len) as usize)).unwrap_or_default().to_vec()
        }
        _ => slice_elems(vm, v).iter().map(|x| x.int() as u8).collect(),
    }
}

/// `append(b, extra...)` for a `[]byte` b, as a fresh slice.
pub(crate) fn append_to_bytes(vm: &mut Vm, b: Value, extra: &[u8]) -> Result<Value, Throw> {
    let mut data = bytes_of(vm, b);
    data.extend_from_slice(extra);
    byte_slice(vm, data)
}

/// A fresh `[]byte` holding `data`.
pub(crate) fn byte_slice(vm: &mut Vm, mut data: Vec<u8>) -> Result<Value, Throw> {
    let n = data.len() as u32;
    let cap = crate::vm::grow_cap(0, n as usize, 1).max(n as usize);
    vm.heap.reserve(cap as u64).map_err(oom)?;
    data.resize(cap, 0);
    let h = vm.heap.alloc_byte_arr(crate::heap::ByteKind::U8, data, cap as u64).map_err(oom)?;
    Ok(Value::Slice { obj: h, off: 0, len: n, cap: cap as u32 })
}

/// A native from string to string (`strings.ToUpper`, `strconv.Quote`).
pub(crate) fn str1(vm: &mut Vm, g: &mut GState, argc: usize, f: fn(&[u8]) -> Vec<u8>) -> Result<(), Throw> {
    let a = args(g, argc);
    let x = str_of(vm, a.first().copied().unwrap_or_default());
    let v = new_str(vm, &f(&x))?;
    g.stack.push(v);
    Ok(())
}

/// Go's `<` order of two ints, two floats or two strings (`Equal` for a
/// NaN or values of different kinds).
pub(crate) fn cmp_vals(vm: &Vm, a: Value, b: Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
        (Value::Int(x), Value::Int(y)) => x.cmp(&y),
        (Value::Str { .. }, Value::Str { .. }) => vm.heap.str_bytes(a).cmp(vm.heap.str_bytes(b)),
        _ => std::cmp::Ordering::Equal,
    }
}

/// A package's error value (a `*errors.errorString`), made once per run
/// and kept in scratch global `scratch` (identity matters for
/// `errors.Is`): `io.EOF`, `strconv.ErrSyntax`...
pub(crate) fn package_error(vm: &mut Vm, scratch: usize, text: &[u8]) -> Result<Value, Throw> {
    let at = vm.globals.len().saturating_sub(SCRATCH_GLOBALS as usize) + scratch;
    if let Some(v @ Value::Iface { .. }) = vm.globals.get(at).copied() {
        return Ok(v);
    }
    let t = new_str(vm, text)?;
    let h = vm.heap.alloc_slots(vec![t], 16).map_err(oom)?;
    let tid = type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
    let v = new_iface(vm, tid, Value::Ptr { obj: h, slot: crate::value::WHOLE })?;
    if let Some(slot) = vm.globals.get_mut(at) {
        *slot = v;
    }
    Ok(v)
}

/// A panic with a string value (`panic("...")` in Go's library code).
pub(crate) fn panic_str(vm: &mut Vm, msg: &[u8]) -> Throw {
    match new_str(vm, msg).and_then(|s| new_iface(vm, crate::rtype::T_STRING, s)) {
        Ok(v) => Throw::Panic(v),
        Err(e) => e,
    }
}

/// Go's nil dereference, as a runtime-error panic (recoverable).
pub(crate) fn nil_deref(vm: &mut Vm) -> Throw {
    // Go: a nil *int32 faults inside the atomic instruction.
    match new_str(vm, b"invalid memory address or nil pointer dereference")
        .and_then(|s| new_iface(vm, crate::rtype::T_RT_ERRORSTRING, s))
    {
        Ok(v) => Throw::Panic(v),
        Err(e) => e,
    }
}

/// A nil dereference that ends the run with Go's panic message (no
/// recovery, no traceback); [`nil_deref`] panics as Go does.
pub(crate) fn fatal_nil_deref() -> Throw {
    Throw::Stop(Stop::Fatal(crate::vm::Fatal {
        kind: crate::vm::FatalKind::Internal,
        message: "panic: runtime error: invalid memory address or nil pointer dereference\n".into(),
        trace: vec![],
    }))
}
