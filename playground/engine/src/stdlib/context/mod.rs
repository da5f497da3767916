//! `context` as natives over a context object in the heap, with the
//! cancellation tree in the process (`stdlib::context::tree`).
//!
//! A Context is an interface value of the runtime type `*context.ctx`
//! (made here, [`add_runtime_types`]) pointing to an aggregate with the
//! slots below. What only reads a context (`Done`, `Err`, `Value`,
//! `Deadline`, `String`, `Cause`) and what makes one that cannot be
//! canceled (`Background`, `TODO`, `WithValue`, `WithoutCancel`) is done
//! here, following `context/context.go`; what cancels or can be canceled
//! (`WithCancel`, `WithTimeout`, `WithDeadline`, their `Cause` forms,
//! `AfterFunc`, the cancel functions) is a request to the process, which
//! closes Done channels, wakes their receivers and arms deadline timers.

pub(crate) mod tree;

use super::{args, new_iface, new_str, oom, type_named};
use crate::runtime::request::context as id;
use crate::rtype::{Callee, Kind, Method, TypeDesc};
use crate::value::{Value, WHOLE};
use crate::vm::{Bytecode, GState, NativeFn, Stop, Syscall, Throw, Vm};

/// Slots of a context object.
pub mod slot {
    /// The process's node id (0 for contexts that cannot be canceled).
    pub const ID: usize = 0;
    pub const PARENT: usize = 1;
    pub const KEY: usize = 2;
    pub const VAL: usize = 3;
    /// The Done channel, made on first use.
    pub const DONE: usize = 4;
    /// Canceled / DeadlineExceeded once canceled.
    pub const ERR: usize = 5;
    pub const CAUSE: usize = 6;
    pub const KIND: usize = 7;
    /// Unix ns of the deadline (WithDeadline/WithTimeout).
    pub const DEADLINE: usize = 8;
    /// Whether the deadline Time has a monotonic reading (Bool; as
    /// `Now().Add(d)` of WithTimeout), which its `String` shows.
    pub const DEADLINE_MONO: usize = 9;
    pub const N: usize = 10;
}

/// What made a context (slot KIND).
pub mod kind {
    pub const BACKGROUND: i64 = 0;
    pub const TODO: i64 = 1;
    pub const CANCEL: i64 = 2;
    pub const DEADLINE: i64 = 3;
    pub const VALUE: i64 = 4;
    pub const WITHOUT_CANCEL: i64 = 5;
    /// The internal context of `AfterFunc` (cancelable, never returned).
    pub const AFTER_FUNC: i64 = 6;
}

/// The runtime type of every context: its methods are the natives below.
/// A context's type name as `%T` shows it is Go's, by kind
/// ([`type_name`]): each is a type of its own over the same methods.
pub const CTX_TYPE: &str = "*context.ctx";
/// The aggregate behind every context type.
const CTX_STRUCT: &str = "context.ctx";

/// Go's type for a context of kind `k` (slot KIND), as `%T` prints it.
pub fn type_name(k: i64) -> &'static str {
    match k {
        kind::BACKGROUND => "context.backgroundCtx",
        kind::TODO => "context.todoCtx",
        kind::DEADLINE => "*context.timerCtx",
        kind::VALUE => "*context.valueCtx",
        kind::WITHOUT_CANCEL => "context.withoutCancelCtx",
        kind::AFTER_FUNC => "*context.afterFuncCtx",
        _ => "*context.cancelCtx",
    }
}

const KINDS: [i64; 7] = [
    kind::BACKGROUND,
    kind::TODO,
    kind::CANCEL,
    kind::DEADLINE,
    kind::VALUE,
    kind::WITHOUT_CANCEL,
    kind::AFTER_FUNC,
];

/// The scratch globals caching `context.Canceled` / `DeadlineExceeded`,
/// and the Background and TODO contexts (each is one value in Go, so
/// `context.Background() == context.Background()`).
const SCRATCH_CANCELED: usize = 6;
const SCRATCH_DEADLINE: usize = 7;
const SCRATCH_BACKGROUND: usize = 10;
const SCRATCH_TODO: usize = 11;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "context.Background" => |vm, g, n| push_new(vm, g, n, kind::BACKGROUND),
        "context.TODO" => |vm, g, n| push_new(vm, g, n, kind::TODO),
        "context.WithValue" => |vm, g, n| {
            let a = args(g, n);
            let mut s = vec![Value::Nil; slot::N];
            s[slot::ID] = Value::Int(0);
            s[slot::PARENT] = a.first().copied().unwrap_or_default();
            s[slot::KEY] = a.get(1).copied().unwrap_or_default();
            s[slot::VAL] = a.get(2).copied().unwrap_or_default();
            s[slot::KIND] = Value::Int(kind::VALUE);
            if s[slot::PARENT] == Value::Nil {
                return Err(super::panic_str(vm, b"cannot create context from nil parent"));
            }
            let c = new_ctx(vm, s)?;
            g.stack.push(c);
            Ok(())
        },
        "context.WithoutCancel" => |vm, g, n| {
            let a = args(g, n);
            let mut s = vec![Value::Nil; slot::N];
            s[slot::ID] = Value::Int(0);
            s[slot::PARENT] = a.first().copied().unwrap_or_default();
            s[slot::KIND] = Value::Int(kind::WITHOUT_CANCEL);
            if s[slot::PARENT] == Value::Nil {
                return Err(super::panic_str(vm, b"cannot create context from nil parent"));
            }
            let c = new_ctx(vm, s)?;
            g.stack.push(c);
            Ok(())
        },
        "context.withCancel" => |_, g, n| sys(id::WITH_CANCEL, args(g, n)),
        "context.withCancelCause" => |_, g, n| sys(id::WITH_CANCEL_CAUSE, args(g, n)),
        "context.withTimeout" => |_, g, n| sys(id::WITH_TIMEOUT, args(g, n)),
        "context.withDeadline" => |vm, g, n| {
            let a = args(g, n);
            let t = super::time::read(&vm.heap, a.get(1).copied().unwrap_or_default());
            sys(id::WITH_DEADLINE, vec![a.first().copied().unwrap_or_default(), Value::Int(t.unix_ns()), a.get(2).copied().unwrap_or_default(), Value::Bool(t.mono)])
        },
        "context.afterFunc" => |_, g, n| sys(id::AFTER_FUNC, args(g, n)),
        "context.cancelNode" => |_, g, n| sys(id::CANCEL, args(g, n)),
        "context.cancelNodeCause" => |_, g, n| sys(id::CANCEL_CAUSE, args(g, n)),
        "context.stopNode" => |_, g, n| sys(id::AFTER_FUNC_STOP, args(g, n)),
        "context.causeOf" => |vm, g, n| {
            let a = args(g, n);
            let v = cause(vm, a.first().copied().unwrap_or_default());
            g.stack.push(v);
            Ok(())
        },
        "context.Canceled" => |vm, g, _| {
            let e = ctx_error(vm, false)?;
            g.stack.push(e);
            Ok(())
        },
        "context.DeadlineExceeded" => |vm, g, _| {
            let e = ctx_error(vm, true)?;
            g.stack.push(e);
            Ok(())
        },
        "context.(*ctx).Done" => |vm, g, n| {
            let a = args(g, n);
            let c = a.first().copied().unwrap_or_default();
            let c = match up(vm, c) {
                Up::Foreign(f) => call(vm, g, f, "Done", &[], 1)?.first().copied().unwrap_or_default(),
                _ => done(vm, c)?,
            };
            g.stack.push(c);
            Ok(())
        },
        "context.(*ctx).Err" => |vm, g, n| {
            let a = args(g, n);
            let c = a.first().copied().unwrap_or_default();
            let e = match up(vm, c) {
                Up::Foreign(f) => call(vm, g, f, "Err", &[], 1)?.first().copied().unwrap_or_default(),
                _ => err(vm, c),
            };
            g.stack.push(e);
            Ok(())
        },
        "context.(*ctx).Value" => |vm, g, n| {
            let a = args(g, n);
            let v = value(vm, g, a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default())?;
            g.stack.push(v);
            Ok(())
        },
        "context.foreign" => |vm, g, n| {
            let a = args(g, n);
            let f = matches!(up(vm, a.first().copied().unwrap_or_default()), Up::Foreign(_));
            g.stack.push(Value::Bool(f));
            Ok(())
        },
        "context.adopt" => |_, g, n| sys(id::ADOPT, args(g, n)),
        "context.cancelNodeErr" => |_, g, n| sys(id::CANCEL_ERR, args(g, n)),
        "context.(*ctx).Deadline" => |vm, g, n| {
            let a = args(g, n);
            // Go's zero Time when there is no deadline.
            let (t, ok) = match deadline(vm, a.first().copied().unwrap_or_default()) {
                Deadline::Foreign(f) => {
                    let r = call(vm, g, f, "Deadline", &[], 2)?;
                    g.stack.extend(r);
                    return Ok(());
                }
                Deadline::At(ns, mono) => (super::time::T::from_unix_ns(i128::from(ns), mono), true),
                Deadline::None => (super::time::T::ZERO, false),
            };
            let t = super::time::new_time(vm, t)?;
            g.stack.push(t);
            g.stack.push(Value::Bool(ok));
            Ok(())
        },
        "context.(*ctx).String" => |vm, g, n| {
            let a = args(g, n);
            let s = string(vm, g, a.first().copied().unwrap_or_default())?;
            let v = new_str(vm, s.as_bytes())?;
            g.stack.push(v);
            Ok(())
        },
        "context.deadlineExceededError.Error" => |vm, g, n| {
            args(g, n);
            let v = new_str(vm, b"context deadline exceeded")?;
            g.stack.push(v);
            Ok(())
        },
        "context.deadlineExceededError.Timeout" | "context.deadlineExceededError.Temporary" => |_, g, n| {
            args(g, n);
            g.stack.push(Value::Bool(true));
            Ok(())
        },
        _ => return None,
    })
}

/// Adds the runtime type `*context.ctx` with its methods, so a context
/// made by a native satisfies `context.Context` (and `fmt.Stringer`).
pub fn add_runtime_types(bc: &mut Bytecode) {
    if bc.types.iter().any(|t| t.name.as_str() == CTX_TYPE) {
        return;
    }
    let st = bc.add_type(TypeDesc::new(CTX_STRUCT, Kind::Struct(vec![crate::rtype::T_ANY; slot::N]), false, 80));
    let mut methods = Vec::new();
    for m in ["Done", "Err", "Value", "Deadline", "String"] {
        let full = format!("context.(*ctx).{m}");
        let Some(f) = lookup(&full) else { continue };
        let n = bc.add_native(&full, f);
        let mid = bc.method_id(m);
        methods.push(Method { name: mid, target: Callee::Native(n) });
    }
    methods.sort_by_key(|m| m.name);
    for name in std::iter::once(CTX_TYPE).chain(KINDS.iter().map(|&k| type_name(k))) {
        let mut pt = TypeDesc::new(name, Kind::Ptr(st), true, 8);
        pt.methods = methods.clone();
        bc.add_type(pt);
    }
    // `context.DeadlineExceeded`'s type: an error with `Timeout() bool`.
    let mut de = TypeDesc::new(DEADLINE_TYPE, Kind::Struct(vec![]), true, 0);
    for (m, f) in [("Error", "context.deadlineExceededError.Error"), ("Timeout", "context.deadlineExceededError.Timeout"), ("Temporary", "context.deadlineExceededError.Temporary")] {
        let Some(nf) = lookup(f) else { continue };
        let n = bc.add_native(f, nf);
        let mid = bc.method_id(m);
        de.methods.push(Method { name: mid, target: Callee::Native(n) });
    }
    de.methods.sort_by_key(|m| m.name);
    bc.add_type(de);
}

const DEADLINE_TYPE: &str = "context.deadlineExceededError";

fn sys(id: u32, args: impl Into<Vec<Value>>) -> Result<(), Throw> {
    Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id, args: args.into() })))
}

/// A new context object (as a `context.Context` interface value).
pub fn new_ctx(vm: &mut Vm, slots: Vec<Value>) -> Result<Value, Throw> {
    let k = slots.get(slot::KIND).map_or(kind::CANCEL, |v| v.int());
    let h = vm.heap.alloc_slots(slots, 80).map_err(oom)?;
    let tid = ctx_type(vm, k);
    new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })
}

/// The runtime type of a context of kind `k`. By name among the types
/// over the context struct: library Go declares a `cancelCtx` of its own
/// (for its method's name), whose pointer type has the same name.
fn ctx_type(vm: &Vm, k: i64) -> u32 {
    let types = &vm.program().types;
    let name = type_name(k);
    let over_ctx = |t: &TypeDesc| matches!(t.kind, Kind::Ptr(e) if types.get(e as usize).is_some_and(|s| s.name == CTX_STRUCT));
    let find = |name: &str| types.iter().position(|t| t.name == name && over_ctx(t)).map(|i| i as u32);
    find(name).or_else(|| find(CTX_TYPE)).unwrap_or(crate::rtype::T_ANY)
}

/// `Background()` or `TODO()`: made once per run and then the same value.
fn push_new(vm: &mut Vm, g: &mut GState, n: usize, k: i64) -> Result<(), Throw> {
    args(g, n);
    let scratch = if k == kind::TODO { SCRATCH_TODO } else { SCRATCH_BACKGROUND };
    let at = vm.globals.len().saturating_sub(super::SCRATCH_GLOBALS as usize) + scratch;
    if let Some(c @ Value::Iface { .. }) = vm.globals.get(at).copied() {
        g.stack.push(c);
        return Ok(());
    }
    let mut s = vec![Value::Nil; slot::N];
    s[slot::ID] = Value::Int(0);
    s[slot::KIND] = Value::Int(k);
    let c = new_ctx(vm, s)?;
    if let Some(slot) = vm.globals.get_mut(at) {
        *slot = c;
    }
    g.stack.push(c);
    Ok(())
}

/// `context.Canceled` (false) or `context.DeadlineExceeded` (true): one
/// value per run, so `==` and `errors.Is` work.
pub fn ctx_error(vm: &mut Vm, deadline: bool) -> Result<Value, Throw> {
    let scratch = if deadline { SCRATCH_DEADLINE } else { SCRATCH_CANCELED };
    let at = vm.globals.len().saturating_sub(super::SCRATCH_GLOBALS as usize) + scratch;
    if let Some(v @ Value::Iface { .. }) = vm.globals.get(at).copied() {
        return Ok(v);
    }
    let v = if deadline {
        let h = vm.heap.alloc_slots(vec![], 0).map_err(oom)?;
        let tid = type_named(vm, DEADLINE_TYPE).unwrap_or(crate::rtype::T_RT_ERRORSTRING);
        new_iface(vm, tid, Value::Agg(h))?
    } else {
        let t = new_str(vm, b"context canceled")?;
        let h = vm.heap.alloc_slots(vec![t], 16).map_err(oom)?;
        let tid = type_named(vm, "*errors.errorString").unwrap_or(crate::rtype::T_RT_ERRORSTRING);
        new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })?
    };
    if let Some(s) = vm.globals.get_mut(at) {
        *s = v;
    }
    Ok(v)
}

/// The aggregate behind a context interface value, if it is one of ours.
pub fn ctx_obj(vm: &Vm, c: Value) -> Option<crate::value::Handle> {
    // A method's receiver is the pointer itself.
    if let Value::Ptr { obj, slot: WHOLE } = c {
        return Some(obj);
    }
    let Value::Iface { tid, obj } = c else { return None };
    // Every context type points to the one context struct.
    let types = &vm.program().types;
    let is_ctx = |t: &TypeDesc| matches!(t.kind, Kind::Ptr(e) if types.get(e as usize).is_some_and(|s| s.name == CTX_STRUCT));
    if !types.get(tid as usize).is_some_and(is_ctx) {
        return None;
    }
    match vm.heap.cell(obj) {
        Value::Ptr { obj, slot: WHOLE } => Some(obj),
        _ => None,
    }
}

fn get(vm: &Vm, h: crate::value::Handle, i: usize) -> Value {
    vm.heap.slots(h).get(i).copied().unwrap_or_default()
}

fn kind_of(vm: &Vm, h: crate::value::Handle) -> i64 {
    get(vm, h, slot::KIND).int()
}

/// Walks to the nearest context that can be canceled (itself included),
/// through value contexts; none past WithoutCancel or a root, or at a
/// context of the program's own type.
pub fn cancel_ancestor(vm: &Vm, c: Value) -> Option<crate::value::Handle> {
    match up(vm, c) {
        Up::Node(h) => Some(h),
        Up::Foreign(_) | Up::Never => None,
    }
}

/// Where a context's Done, Err and Cause come from.
pub enum Up {
    /// The nearest cancelable context of the process's.
    Node(crate::value::Handle),
    /// A context of the program's own type, which answers for itself.
    Foreign(Value),
    /// Nothing: the context is never canceled.
    Never,
}

pub fn up(vm: &Vm, mut c: Value) -> Up {
    loop {
        let Some(h) = ctx_obj(vm, c) else {
            return if c == Value::Nil { Up::Never } else { Up::Foreign(c) };
        };
        match kind_of(vm, h) {
            kind::CANCEL | kind::DEADLINE | kind::AFTER_FUNC => return Up::Node(h),
            kind::VALUE => c = get(vm, h, slot::PARENT),
            _ => return Up::Never,
        }
    }
}

/// Calls method `name` of a context of the program's own type.
fn call(vm: &mut Vm, g: &mut GState, c: Value, name: &str, args: &[Value], nres: usize) -> Result<Vec<Value>, Throw> {
    let Value::Iface { tid, obj } = c else { return Ok(vec![Value::Nil; nres]) };
    let Some(m) = vm.program().method_names.iter().position(|n| n == name) else { return Ok(vec![Value::Nil; nres]) };
    let recv = vm.heap.cell(obj);
    match super::call_method_with(vm, g, tid, recv, m as u32, args, nres) {
        Some(r) => r,
        None => Ok(vec![Value::Nil; nres]),
    }
}

/// Whether `key` is `cancelCtxKey{}`, the key a context's `Value`
/// answers with its nearest cancelable context (Go's `&cancelCtxKey`).
fn is_cancel_ctx_key(vm: &Vm, key: Value) -> bool {
    matches!(key, Value::Iface { tid, .. } if vm.program().types.get(tid as usize).is_some_and(|t| t.name == CANCEL_CTX_KEY))
}

const CANCEL_CTX_KEY: &str = "context.cancelCtxKey";

pub fn done(vm: &mut Vm, c: Value) -> Result<Value, Throw> {
    let Some(h) = cancel_ancestor(vm, c) else { return Ok(Value::Nil) };
    vm.raceacquire(crate::vm::race::Addr::Sync(h, crate::vm::race::SYNC_CONTEXT));
    let d = get(vm, h, slot::DONE);
    if d != Value::Nil {
        return Ok(d);
    }
    let ch = crate::heap::makechan(&mut vm.heap, crate::rtype::T_ANY, 16, 0).unwrap_or(Value::Nil);
    if let Value::Chan(made) = ch {
        vm.made_chans.push((made, "struct {}", 0));
    }
    if get(vm, h, slot::ERR) != Value::Nil
        && let Value::Chan(ch) = ch
        && let Some(crate::heap::Obj::Chan(o)) = vm.heap.get_mut(ch)
    {
        // Already canceled: Go hands out its closed channel.
        o.closed = true;
    }
    vm.heap.store_slot(h, slot::DONE, ch).map_err(oom)?;
    Ok(ch)
}

fn err(vm: &Vm, c: Value) -> Value {
    match cancel_ancestor(vm, c) {
        Some(h) => get(vm, h, slot::ERR),
        None => Value::Nil,
    }
}

fn cause(vm: &Vm, c: Value) -> Value {
    match cancel_ancestor(vm, c) {
        Some(h) => get(vm, h, slot::CAUSE),
        None => Value::Nil,
    }
}

/// Where a context's deadline comes from, up its chain.
pub enum Deadline {
    /// Unix ns, and whether the Time has a monotonic reading.
    At(i64, bool),
    /// A context of the program's own type, which answers for itself.
    Foreign(Value),
    None,
}

pub fn deadline(vm: &Vm, mut c: Value) -> Deadline {
    loop {
        let Some(h) = ctx_obj(vm, c) else {
            return if c == Value::Nil { Deadline::None } else { Deadline::Foreign(c) };
        };
        match kind_of(vm, h) {
            kind::DEADLINE => return Deadline::At(get(vm, h, slot::DEADLINE).int(), get(vm, h, slot::DEADLINE_MONO) == Value::Bool(true)),
            kind::VALUE | kind::CANCEL | kind::AFTER_FUNC => c = get(vm, h, slot::PARENT),
            _ => return Deadline::None,
        }
    }
}

/// Go's `value(c, key)`: up the chain to the value context with `key`;
/// `cancelCtxKey{}` names the nearest cancelable context; a context of
/// the program's own type answers with its own `Value`.
fn value(vm: &mut Vm, g: &mut GState, mut c: Value, key: Value) -> Result<Value, Throw> {
    let prog = vm.program().clone();
    let cancel_key = is_cancel_ctx_key(vm, key);
    loop {
        let Some(h) = ctx_obj(vm, c) else {
            if c == Value::Nil {
                return Ok(Value::Nil);
            }
            return Ok(call(vm, g, c, "Value", &[key], 1)?.first().copied().unwrap_or_default());
        };
        let k = kind_of(vm, h);
        if cancel_key {
            match k {
                kind::CANCEL | kind::DEADLINE | kind::AFTER_FUNC => return new_ctx_value(vm, h),
                kind::WITHOUT_CANCEL => return Ok(Value::Nil),
                _ => {}
            }
        } else if k == kind::VALUE && vm.heap.equal(&prog.types, get(vm, h, slot::KEY), key).unwrap_or(false) {
            return Ok(get(vm, h, slot::VAL));
        }
        match k {
            kind::BACKGROUND | kind::TODO => return Ok(Value::Nil),
            _ => c = get(vm, h, slot::PARENT),
        }
    }
}

/// A context object as a `context.Context` value again.
fn new_ctx_value(vm: &mut Vm, h: crate::value::Handle) -> Result<Value, Throw> {
    let tid = ctx_type(vm, kind_of(vm, h));
    new_iface(vm, tid, Value::Ptr { obj: h, slot: WHOLE })
}

/// Go's `contextName` / `String` forms: `context.Background.WithCancel`...
fn string(vm: &mut Vm, g: &mut GState, c: Value) -> Result<String, Throw> {
    // Collect the chain first (root last), then print root first.
    let mut chain = Vec::new();
    let mut cur = c;
    while let Some(h) = ctx_obj(vm, cur) {
        chain.push(h);
        if chain.len() > 10_000 {
            break;
        }
        cur = get(vm, h, slot::PARENT);
    }
    // A parent of the program's own type: Go's `contextName`, its String
    // or its type's name.
    let mut out = match ctx_obj(vm, cur) {
        None if cur != Value::Nil => stringify(vm, g, cur)?,
        _ => String::new(),
    };
    for &h in chain.iter().rev() {
        match kind_of(vm, h) {
            kind::BACKGROUND => out.push_str("context.Background"),
            kind::TODO => out.push_str("context.TODO"),
            kind::CANCEL | kind::AFTER_FUNC => out.push_str(".WithCancel"),
            kind::WITHOUT_CANCEL => out.push_str(".WithoutCancel"),
            kind::DEADLINE => {
                // Go: deadline.String() + " [" + time.Until(deadline).String() + "]".
                let d = get(vm, h, slot::DEADLINE).int();
                let t = super::time::T::from_unix_ns(i128::from(d), get(vm, h, slot::DEADLINE_MONO) == Value::Bool(true));
                let now = crate::sched::time::EPOCH_UNIX_NS.saturating_add(vm.now_ns() as i64);
                let until = super::time::duration_string(d.saturating_sub(now));
                out.push_str(&format!(".WithDeadline({} [{until}])", String::from_utf8_lossy(&crate::format::time::time_string(t.sec, t.nsec, crate::format::time::Zone::UTC, t.mono_ns()))));
            }
            kind::VALUE => {
                let k = stringify(vm, g, get(vm, h, slot::KEY))?;
                let v = stringify(vm, g, get(vm, h, slot::VAL))?;
                out.push_str(&format!(".WithValue({k}, {v})"));
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Go's `stringify`: a Stringer's String (a panic in it goes on, as in
/// Go; so does a wait, `vm/reenter.rs`), a string, `<nil>`, else the type.
fn stringify(vm: &mut Vm, g: &mut GState, v: Value) -> Result<String, Throw> {
    let Value::Iface { tid, obj } = v else { return Ok("<nil>".into()) };
    if tid == crate::rtype::T_STRING {
        let s = vm.heap.cell(obj);
        return Ok(vm.heap.str_lossy(s));
    }
    let m = vm.program().method_names.iter().position(|n| n == "String").map(|i| i as u32);
    if let Some(m) = m {
        let recv = vm.heap.cell(obj);
        if let Some(r) = super::call_method(vm, g, tid, recv, m, 1) {
            return Ok(vm.heap.str_lossy(r?.first().copied().unwrap_or_default()));
        }
    }
    Ok(vm.program().types.get(tid as usize).map_or_else(|| "?".into(), |t| t.name.clone()))
}
