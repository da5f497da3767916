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
//! Such natives are listed in [`reenters`]: when the Go code needs the
//! scheduler, the native's goroutine waits in it and the native runs again
//! afterwards, its earlier calls answered from a log (`vm/reenter.rs`).

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
mod encoding;
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

pub(crate) use packages::{NATIVES_TYPES, PACKAGES, links_os, package_at, words};

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
    encoding::json::add_runtime_types(bc);
}

/// Whether package `path`'s natives walk values by their fields and
/// methods as reflect would, so a program importing it needs struct
/// tags at run time (`compile::Compiler::reflect`).
pub fn walks_fields(path: &str) -> bool {
    encoding::json::is(path)
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
        let mut by_nres = Vec::new();
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
            by_nres.push(bc.add_func(Function::new(format!("trampoline.{argc}.{nres}"), argc + 1, argc + 1, 0, chunk)));
        }
        bc.trampolines.push(by_nres);
    }
    // A native waiting for Go code it called (`vm/reenter.rs`): the marker
    // frame that stands for it runs it again.
    let resume = bc.add_native("native.resume", crate::vm::reenter::resume);
    let recover = bc.add_native("native.recover", crate::vm::reenter::recover);
    let mut b = ChunkBuilder::new();
    b.emit(Op::CallNative { id: resume, argc: 0 }, Span::default());
    let marker = bc.add_func(Function::new("native.marker", 0, 0, 0, b.finish().unwrap_or_default()));
    bc.reenter = Some(crate::vm::reenter::Ids { marker, recover });
}

/// Marks the natives that may call Go code ([`reenters`]), once the
/// program's are all added.
pub fn mark_reentering(bc: &mut Bytecode) {
    for n in &mut bc.natives {
        n.reenters = reenters(&n.name);
    }
}

/// Whether native `name` may call Go code (a method, a function value):
/// it then runs with a log of those calls, so that one that blocks can
/// wait (`vm/reenter.rs`). A native that calls Go without being listed
/// here stops the run with [`NESTED_SYSCALL`] when the call blocks.
pub fn reenters(name: &str) -> bool {
    // A generic function's native carries its instance's kind
    // (`slices.SortFunc.i`).
    let base = match name.strip_prefix("slices.") {
        Some(rest) => &name[..name.len() - rest.len() + rest.find('.').unwrap_or(rest.len())],
        None => name,
    };
    REENTERING_PACKAGES.iter().any(|p| name.starts_with(p)) || REENTERING_NATIVES.contains(&base)
}

/// Packages whose natives may call Go code (nearly all of them do).
const REENTERING_PACKAGES: [&str; 5] = ["fmt.", "log.", "errors.", "sort.", "context."];

/// The other natives that call Go code.
pub(crate) const REENTERING_NATIVES: [&str; 12] = [
    "encoding/json.marshal",
    "encoding/json.unmarshal",
    "slices.SortFunc",
    "slices.SortStableFunc",
    "slices.IndexFunc",
    "slices.ContainsFunc",
    "sync.(*Map).Range",
    "strings.Map",
    "strings.IndexFunc",
    "strings.ContainsFunc",
    "strings.TrimFunc",
    "strings.FieldsFunc",
];

/// The running native is going again through calls it made before it
/// waited (`vm/reenter.rs`): effects of its own between calls (a swap)
/// already happened and must not happen twice.
pub(crate) fn replaying(vm: &Vm) -> bool {
    vm.reentry.as_ref().is_some_and(|r| r.replaying())
}

/// Values a native read that Go code it calls may change (a snapshot it
/// walks): the same ones when it runs again after a call blocked
/// (`vm/reenter.rs`).
pub(crate) fn remember(vm: &mut Vm, read: Vec<Value>) -> Vec<Value> {
    match vm.reentry.as_mut() {
        Some(r) => r.remember(read),
        None => read,
    }
}

/// Says, before a call of Go code, what the running native does should
/// the call block: whether it takes a panic in the call as its result
/// (fmt's `catchPanic`), and what it is doing (a package's code for
/// [`library_frames`]).
pub(crate) fn calling_as(vm: &mut Vm, catches: bool, doing: u8) {
    if let Some(r) = vm.reentry.as_mut() {
        r.catches = catches;
        r.doing = doing;
    }
}

/// The frames of Go's library that native `name` stands for under Go code
/// it called and waits for, innermost first, as Go's traceback prints
/// them; `doing` is what the native said it was doing ([`calling_as`]).
pub(crate) fn library_frames(name: &str, doing: u8) -> Vec<crate::vm::TraceFrame> {
    match import_path(name) {
        Some("fmt") => fmt::library_frames(name, doing),
        _ => Vec::new(),
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
    // Running again after a call blocked: the calls made before answer
    // from the log (`vm/reenter.rs`).
    if let Some((r, inner)) = vm.reentry.as_mut().filter(|r| r.replaying()).and_then(|r| r.next()) {
        if inner.is_some() {
            vm.inner_panic = inner;
        }
        return r;
    }
    let depth = DEPTH.with(|d| d.get());
    if depth >= MAX_NATIVE_DEPTH {
        return Err(Throw::Stop(Stop::Fatal(crate::vm::Fatal {
            kind: crate::vm::FatalKind::StackOverflow,
            message: format!("runtime: goroutine stack exceeds {}-byte limit\nfatal error: stack overflow\n", vm.max_stack),
            trace: vm.traceback(g),
        })));
    }
    // The Go code may call natives of its own, each with its own log;
    // this one's is a collector root meanwhile.
    let outer = vm.reentry.take();
    let had = outer.is_some();
    vm.reentry_outer.extend(outer);
    DEPTH.with(|d| d.set(depth + 1));
    let can_wait = vm.reentry_outer.last().is_some_and(|r| !r.overflow) && had;
    let r = call_go_inner(vm, g, f, args, nres, can_wait);
    DEPTH.with(|d| d.set(depth));
    if had {
        vm.reentry = vm.reentry_outer.pop();
    }
    match r {
        Err(Throw::Park(mut p)) => match (vm.program().clone(), vm.reentry.as_mut()) {
            (prog, Some(calls)) if !calls.overflow => {
                p.nres = nres;
                // The frames the goroutine shows under the call meanwhile.
                let native = prog.natives.get(calls.native as usize).map_or("", |n| n.name.as_str());
                calls.frames = library_frames(native, calls.doing);
                Err(Throw::Park(p))
            }
            // The native keeps no log (or a full one): it cannot wait.
            (_, calls) => {
                let why = if calls.is_some() { NESTED_LOG_FULL } else { NESTED_SYSCALL };
                Err(Throw::Stop(Stop::Fatal(crate::vm::Fatal { kind: crate::vm::FatalKind::Internal, message: format!("fatal error: {why}\n"), trace: vm.traceback(g) })))
            }
        },
        r => {
            if let Some(calls) = vm.reentry.as_mut() {
                calls.record(&r, &vm.inner_panic);
            }
            r
        }
    }
}

/// The nested call's slice: past it, a call whose native can wait is
/// handed to the scheduler as a preempted goroutine.
const NESTED_SLICE: u32 = 100_000;

fn call_go_inner(vm: &mut Vm, g: &mut GState, f: Value, args: &[Value], nres: usize, can_wait: bool) -> Result<Vec<Value>, Throw> {
    let Some(&tr) = vm.program().trampolines.get(args.len()).and_then(|t| t.get(nres)) else {
        return Err(Throw::Stop(internal_stop("call from a native with too many arguments")));
    };
    // Keep the calling goroutine's values alive while the nested one runs.
    let mut stack = g.stack.clone();
    stack.push(f);
    stack.extend_from_slice(args);
    PINNED.with(|p| stack.extend_from_slice(&p.borrow()));
    // And the natives waiting on this goroutine (`vm/reenter.rs`).
    stack.extend(g.natives.iter().flat_map(|n| n.values()));
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
        match vm.execute(gi, NESTED_SLICE) {
            Stop::Budget if !can_wait => continue,
            s => break s,
        }
    };
    if matches!(stop, Stop::Syscall(_) | Stop::Budget) {
        // It needs the scheduler, or has run its slice: its goroutine goes
        // to the native's caller, which takes it over (`vm/reenter.rs`).
        let state = vm.take_state(gi);
        vm.release(holder_idx);
        return Err(Throw::Park(Box::new(crate::vm::reenter::Parked { state, stop, nres })));
    }
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
        s => Err(Throw::Stop(s)),
    }
}

/// Why a run stops when Go code a native calls needs the scheduler and
/// the native keeps no log of its calls (it is missing from [`reenters`],
/// or it runs where its goroutine cannot wait: printing a panic's value).
pub const NESTED_SYSCALL: &str = "unsupported: a method called from inside a library function used a channel, select, a blocking sync operation, a timer or a go statement where the playground cannot wait for it";

/// The same when the native's log of calls is full
/// ([`crate::vm::reenter::MAX_LOGGED_CALLS`]).
pub const NESTED_LOG_FULL: &str = "unsupported: a function called from inside a library function (such as a sort's less function) blocked after more calls than the playground remembers (1,048,576)";

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

/// `copy(dst, src)` for a `[]byte` dst: how many bytes it copied.
pub(crate) fn copy_to_bytes(vm: &mut Vm, dst: Value, src: &[u8]) -> Result<usize, Throw> {
    let Value::Slice { obj, off, len, .. } = dst else { return Ok(0) };
    let n = src.len().min(len as usize);
    let off = off as usize;
    if let Some(crate::heap::Obj::ByteArr(_, d)) = vm.heap.get_mut(obj)
        && let Some(to) = d.get_mut(off..off + n)
    {
        to.copy_from_slice(&src[..n]);
        return Ok(n);
    }
    for (i, &b) in src[..n].iter().enumerate() {
        vm.heap.store_slot(obj, off + i, Value::Int(b as i64)).map_err(oom)?;
    }
    Ok(n)
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
