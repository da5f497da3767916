//! Library code of `sync` that runs as Go (so a panic in it unwinds and a
//! call in it may block), as bytecode written after Go's own sources: the
//! functions `OnceFunc`, `OnceValue` and `OnceValues` return (which call
//! `Once.Do`, library Go in `sync.go`). They are generic in Go, which
//! library Go cannot yet be.

use crate::chunk::{ChunkBuilder, Op};
use crate::span::Span;
use crate::vm::{Bytecode, Function, NativeFn};

/// The functions `sync.OnceFunc`, `OnceValue` and `OnceValues` return
/// (their natives in `stdlib/sync/` make the closures), with
/// `N` results (0, 1, 2), as Go's sync/oncefunc.go: a panic of `f` is
/// recovered, kept, re-panicked at once (`[recovered, repanicked]`) and
/// panicked again by every later call.
///
/// ```go
/// g := func() {                     // ONCE_FUNCS[N].0, captures [f, state]
///     defer func() {                // ONCE_FUNCS[N].2, argument state
///         p = recover()
///         if !valid { panic(p) }
///     }()
///     r0, r1 = f(); valid = true
/// }
/// return func() (T0, T1) {          // ONCE_FUNCS[N].1, captures [&once, g, state]
///     once.Do(g)
///     if !valid { panic(p) }
///     return r0, r1
/// }
/// ```
///
/// `state`'s slots: the results, then [`ONCE_VALID`] and [`ONCE_P`].
pub const ONCE_FUNCS: [(&str, &str, &str); 3] = [
    ("sync.OnceFunc.func1.1", "sync.OnceFunc.func1", "sync.OnceFunc.func1.1.1"),
    ("sync.OnceValue[...].func1.func1", "sync.OnceValue[...].func1", "sync.OnceValue[...].func1.func1.1"),
    ("sync.OnceValues[...].func1.func1", "sync.OnceValues[...].func1", "sync.OnceValues[...].func1.func1.1"),
];
/// Slots of a OnceFunc's state after the (up to two) results.
pub const ONCE_VALID: usize = 2;
pub const ONCE_P: usize = 3;

/// Added once the program is compiled: they call `sync.(*Once).Do`,
/// library Go compiled with it.
pub fn add_once_funcs(bc: &mut Bytecode, lookup: fn(&str) -> Option<NativeFn>) {
    let sp = Span::default();
    let native = |bc: &mut Bytecode, name: &str| lookup(name).map(|f| bc.add_native(name, f)).unwrap_or(0);
    let store = native(bc, "sync.onceStore");
    let loads = [native(bc, "sync.onceLoad0"), native(bc, "sync.onceLoad1"), native(bc, "sync.onceLoad2")];
    let (recovered, valid, kept) = (native(bc, "sync.onceRecovered"), native(bc, "sync.onceValid"), native(bc, "sync.onceP"));
    let Some(do_fn) = bc.funcs.iter().position(|f| f.name == "sync.(*Once).Do") else { return };
    for (nres, (inner, outer, deferred)) in ONCE_FUNCS.iter().enumerate() {
        // The deferred func(state): [state, recover()] -> onceRecovered -> [p, valid].
        let mut b = ChunkBuilder::new();
        let ok = b.new_label();
        b.emit(Op::GetLocal(0), sp);
        b.emit(Op::Recover, sp);
        b.emit(Op::CallNative { id: recovered, argc: 2 }, sp);
        b.emit_jump(Op::JumpIfTrue(0), ok, sp);
        b.emit(Op::Panic, sp);
        b.bind(ok);
        b.emit(Op::Pop, sp);
        b.emit(Op::Ret(0), sp);
        let d = bc.add_func(Function::new(*deferred, 1, 1, 0, b.finish().unwrap_or_default()));
        let mut b = ChunkBuilder::new();
        b.emit(Op::FuncValue(d), sp);
        b.emit(Op::GetCapture(1), sp);
        b.emit(Op::Defer(1), sp);
        b.emit(Op::GetCapture(0), sp);
        b.emit(Op::CallValue(0), sp);
        b.emit(Op::GetCapture(1), sp);
        b.emit(Op::CallNative { id: store, argc: nres as u16 + 1 }, sp);
        b.emit(Op::Ret(0), sp);
        bc.add_func(Function::new(*inner, 0, 0, 0, b.finish().unwrap_or_default()));
        let mut b = ChunkBuilder::new();
        let ok = b.new_label();
        b.emit(Op::GetCapture(0), sp);
        b.emit(Op::GetCapture(1), sp);
        b.emit(Op::Call(do_fn as u32), sp);
        b.emit(Op::GetCapture(2), sp);
        b.emit(Op::CallNative { id: valid, argc: 1 }, sp);
        b.emit_jump(Op::JumpIfTrue(0), ok, sp);
        b.emit(Op::GetCapture(2), sp);
        b.emit(Op::CallNative { id: kept, argc: 1 }, sp);
        b.emit(Op::Panic, sp);
        b.bind(ok);
        b.emit(Op::GetCapture(2), sp);
        b.emit(Op::CallNative { id: loads[nres], argc: 1 }, sp);
        b.emit(Op::Ret(nres as u16), sp);
        bc.add_func(Function::new(*outer, 0, 0, nres as u16, b.finish().unwrap_or_default()));
    }
}
