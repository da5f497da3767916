//! `sync`'s methods as natives: the fast paths Go inlines (an uncontended
//! Mutex Lock/Unlock, a WaitGroup Add/Done that wakes nobody, Wait on a
//! zero counter) run here on the object's state word; everything that
//! may block or wake a goroutine becomes a request to the process
//! (`stdlib::sync::serve`), which parks and readies goroutines over the
//! `runtime::sync` state machines. Misuse that Go reports as a
//! recoverable panic (a negative WaitGroup counter) panics here, so
//! `recover` sees it; fatal errors (`sync: unlock of unlocked mutex`) are
//! the process's, with the goroutine dump.
//!
//! Stub layout (`check/packages.rs`): Mutex, RWMutex, WaitGroup and Cond
//! keep Go's state word (or the Locker, for Cond) in field 0 and the
//! process's entry id in field 1.

pub(crate) mod serve;

pub(crate) mod atomic;

use super::{args, fatal_nil_deref, new_iface, oom, take_args};
use crate::heap::obj_of;
use crate::runtime::request::sync as id;
use crate::value::{Handle, Value};
use crate::vm::race::{self, Addr};
use crate::vm::{GState, NativeFn, Stop, Syscall, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "sync.(*Mutex).Lock" => mutex_lock,
        "sync.(*Mutex).TryLock" => try_lock,
        "sync.(*Mutex).Unlock" => mutex_unlock,
        "sync.(*RWMutex).Lock" => |vm, g, n| sys1(vm, g, n, id::RW_LOCK),
        "sync.(*RWMutex).Unlock" => |vm, g, n| sys1(vm, g, n, id::RW_UNLOCK),
        "sync.(*RWMutex).RLock" => |vm, g, n| sys1(vm, g, n, id::RW_RLOCK),
        "sync.(*RWMutex).RUnlock" => |vm, g, n| sys1(vm, g, n, id::RW_RUNLOCK),
        "sync.(*RWMutex).TryLock" => |vm, g, n| sys1(vm, g, n, id::RW_TRYLOCK),
        "sync.(*RWMutex).TryRLock" => |vm, g, n| sys1(vm, g, n, id::RW_TRYRLOCK),
        // (`sys1` makes their `-race` edges: see `race_edges`.)
        "sync.(*WaitGroup).Add" => |vm, g, n| {
            let [recv, delta] = take_args(g, n);
            wg_add(vm, recv, delta.int())
        },
        "sync.(*WaitGroup).Done" => wg_done,
        "sync.(*WaitGroup).Wait" => wg_wait,
        "sync.NewCond" => new_cond,
        // `[results..., state]`: the results of the first call.
        // `[results..., state]`: the results of the first call; f returned.
        "sync.(*Map).Load" => |vm, g, n| map_op(vm, g, n, MapOp::Load),
        "sync.(*Map).Store" => |vm, g, n| map_op(vm, g, n, MapOp::Store),
        "sync.(*Map).LoadOrStore" => |vm, g, n| map_op(vm, g, n, MapOp::LoadOrStore),
        "sync.(*Map).LoadAndDelete" => |vm, g, n| map_op(vm, g, n, MapOp::LoadAndDelete),
        "sync.(*Map).Delete" => |vm, g, n| map_op(vm, g, n, MapOp::Delete),
        "sync.(*Map).Swap" => |vm, g, n| map_op(vm, g, n, MapOp::Swap),
        "sync.(*Map).CompareAndSwap" => |vm, g, n| map_op(vm, g, n, MapOp::CompareAndSwap),
        "sync.(*Map).CompareAndDelete" => |vm, g, n| map_op(vm, g, n, MapOp::CompareAndDelete),
        "sync.(*Map).Clear" => |vm, g, n| map_op(vm, g, n, MapOp::Clear),
        "sync.(*Map).Range" => map_range,
        "sync.(*RWMutex).RLocker" => |vm, g, n| {
            let a = args(g, n);
            let recv = a.first().copied().unwrap_or_default();
            let tid = super::type_named(vm, RLOCKER).unwrap_or(crate::rtype::T_ANY);
            let v = new_iface(vm, tid, recv)?;
            g.stack.push(v);
            Ok(())
        },
        "sync.(*rlocker).Lock" => |vm, g, n| sys1(vm, g, n, id::RW_RLOCK),
        "sync.(*rlocker).Unlock" => |vm, g, n| sys1(vm, g, n, id::RW_RUNLOCK),
        "sync.(*Cond).Wait" => |vm, g, n| sys1(vm, g, n, id::COND_WAIT),
        "sync.(*Cond).Signal" => |vm, g, n| sys1(vm, g, n, id::COND_SIGNAL),
        "sync.(*Cond).Broadcast" => |vm, g, n| sys1(vm, g, n, id::COND_BROADCAST),
        _ => return None,
    })
}


/// Ends the native with a request to the process.
fn sys(id: u32, args: impl Into<Vec<Value>>) -> Result<(), Throw> {
    Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id, args: args.into() })))
}

/// A request on the receiver alone (after checking it is not nil).
fn sys1(vm: &mut Vm, g: &mut GState, argc: usize, sid: u32) -> Result<(), Throw> {
    let a = args(g, argc);
    let recv = a.first().copied().unwrap_or_default();
    let Some(h) = obj_of(&vm.heap, recv) else {
        return Err(fatal_nil_deref());
    };
    if vm.race_detects() {
        race_edges(vm, h, sid);
    }
    sys(sid, vec![recv])
}

/// `-race`'s edges of a request on sync object `h`, as `sync/rwmutex.go`
/// and `cond.go` annotate them: a release now, an acquire when the
/// operation has completed and the goroutine runs again.
fn race_edges(vm: &mut Vm, h: Handle, sid: u32) {
    let reader = Addr::Sync(h, race::SYNC_RW_READER);
    let writer = Addr::Sync(h, race::SYNC_RW_WRITER);
    let cond = Addr::Sync(h, race::SYNC_COND);
    match sid {
        id::RW_RLOCK | id::RW_TRYRLOCK => vm.raceacquire_on_resume(reader),
        id::RW_RUNLOCK => vm.racereleasemerge(writer),
        id::RW_LOCK | id::RW_TRYLOCK => {
            vm.raceacquire_on_resume(reader);
            vm.raceacquire_on_resume(writer);
        }
        id::RW_UNLOCK => vm.racerelease(reader),
        id::COND_SIGNAL | id::COND_BROADCAST => vm.racereleasemerge(cond),
        id::COND_WAIT => vm.raceacquire_on_resume(cond),
        _ => {}
    }
}

fn obj(vm: &Vm, recv: Value) -> Result<Handle, Throw> {
    obj_of(&vm.heap, recv).ok_or_else(fatal_nil_deref)
}

fn get(vm: &Vm, h: Handle) -> i64 {
    vm.heap.slots(h).first().map_or(0, |v| v.int())
}

fn set(vm: &mut Vm, h: Handle, v: i64) -> Result<(), Throw> {
    if let Some(s) = vm.heap.scalar_slot_mut(h, 0) {
        *s = Value::Int(v);
    }
    Ok(())
}

const MUTEX_LOCKED: i64 = 1;
const MUTEX_STARVING: i64 = 4;

fn mutex_lock(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let [recv] = take_args(g, argc);
    let h = obj(vm, recv)?;
    let m = Addr::Sync(h, race::SYNC_MUTEX);
    if get(vm, h) == 0 {
        vm.raceacquire(m);
        return set(vm, h, MUTEX_LOCKED);
    }
    vm.raceacquire_on_resume(m);
    sys(id::MUTEX_LOCK, vec![recv])
}

fn mutex_unlock(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let [recv] = take_args(g, argc);
    let h = obj(vm, recv)?;
    vm.racerelease(Addr::Sync(h, race::SYNC_MUTEX));
    if get(vm, h) == MUTEX_LOCKED {
        return set(vm, h, 0);
    }
    sys(id::MUTEX_UNLOCK, vec![recv])
}

fn try_lock(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let h = obj(vm, a.first().copied().unwrap_or_default())?;
    let s = get(vm, h);
    let ok = s & (MUTEX_LOCKED | MUTEX_STARVING) == 0;
    if ok {
        vm.raceacquire(Addr::Sync(h, race::SYNC_MUTEX));
        set(vm, h, s | MUTEX_LOCKED)?;
    }
    g.stack.push(Value::Bool(ok));
    Ok(())
}

/// `WaitGroup.Add`: Go's state word is the counter (high 32 bits) and the
/// waiter count (low 32).
fn wg_add(vm: &mut Vm, recv: Value, delta: i64) -> Result<(), Throw> {
    let h = obj(vm, recv)?;
    if delta < 0 {
        // Decrements synchronise with Wait.
        vm.racereleasemerge(Addr::Sync(h, race::SYNC_WAITGROUP));
    }
    let old = get(vm, h) as u64;
    let new = old.wrapping_add((delta as u64) << 32);
    let v = (new >> 32) as i32;
    let w = (new & 0x7fff_ffff) as u32;
    if v < 0 {
        set(vm, h, new as i64)?;
        return Err(super::panic_str(vm, b"sync: negative WaitGroup counter"));
    }
    if w != 0 && delta > 0 && v as i64 == delta {
        return Err(super::panic_str(vm, b"sync: WaitGroup misuse: Add called concurrently with Wait"));
    }
    if v > 0 || w == 0 {
        return set(vm, h, new as i64);
    }
    // The counter reaches zero with goroutines waiting: wake them.
    sys(id::WG_ADD, vec![recv, Value::Int(delta)])
}

fn wg_done(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let [recv] = take_args(g, argc);
    wg_add(vm, recv, -1)
}

fn wg_wait(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let [recv] = take_args(g, argc);
    let h = obj(vm, recv)?;
    let a = Addr::Sync(h, race::SYNC_WAITGROUP);
    if get(vm, h) >> 32 == 0 {
        vm.raceacquire(a);
        return Ok(());
    }
    vm.raceacquire_on_resume(a);
    sys(id::WG_WAIT, vec![recv])
}

/// `sync.NewCond(l)`: `&Cond{L: l}`.
fn new_cond(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let l = a.first().copied().unwrap_or_default();
    let h = vm.heap.alloc_slots(vec![l, Value::Int(0)], 24).map_err(oom)?;
    g.stack.push(Value::Ptr { obj: h, slot: crate::value::WHOLE });
    Ok(())
}

const RLOCKER: &str = "*sync.rlocker";

/// The runtime type `RWMutex.RLocker` returns: a Locker whose Lock and
/// Unlock are the RWMutex's RLock and RUnlock.
pub fn add_runtime_types(bc: &mut crate::vm::Bytecode) {
    use crate::rtype::{Callee, Kind, Method, TypeDesc};
    if bc.types.iter().any(|t| t.name == RLOCKER) {
        return;
    }
    let st = bc.add_type(TypeDesc::new("sync.rlocker", Kind::Struct(vec![crate::rtype::T_INT; 2]), true, 8));
    let mut pt = TypeDesc::new(RLOCKER, Kind::Ptr(st), true, 8);
    for m in ["Lock", "Unlock"] {
        let full = format!("sync.(*rlocker).{m}");
        let Some(f) = lookup(&full) else { continue };
        let n = bc.add_native(&full, f);
        let mid = bc.method_id(m);
        pt.methods.push(Method { name: mid, target: Callee::Native(n) });
    }
    pt.methods.sort_by_key(|m| m.name);
    bc.add_type(pt);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MapOp {
    Load,
    Store,
    LoadOrStore,
    LoadAndDelete,
    Delete,
    Swap,
    CompareAndSwap,
    CompareAndDelete,
    Clear,
}

/// `sync.Map`'s entries: the stub's two `[]any` fields, keys and values
/// in insertion order (operations never block, so a plain list under the
/// simulator's one-instruction-at-a-time execution is already atomic).
fn map_entries(vm: &Vm, h: Handle) -> (Vec<Value>, Vec<Value>) {
    let s = vm.heap.slots(h);
    let (k, v) = (s.first().copied().unwrap_or_default(), s.get(1).copied().unwrap_or_default());
    (super::slice_elems(vm, k), super::slice_elems(vm, v))
}

fn map_store(vm: &mut Vm, h: Handle, keys: Vec<Value>, vals: Vec<Value>) -> Result<(), Throw> {
    let k = super::new_slice(vm, keys, 16)?;
    let v = super::new_slice(vm, vals, 16)?;
    vm.heap.store_slot(h, 0, k).map_err(oom)?;
    vm.heap.store_slot(h, 1, v).map_err(oom)
}

fn any_eq(vm: &Vm, a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Nil, _) | (_, Value::Nil) => false,
        _ => vm.heap.equal(&vm.program().types, a, b).unwrap_or(false),
    }
}

fn map_op(vm: &mut Vm, g: &mut GState, argc: usize, op: MapOp) -> Result<(), Throw> {
    let a = args(g, argc);
    let h = obj(vm, a.first().copied().unwrap_or_default())?;
    let key = a.get(1).copied().unwrap_or_default();
    let x = a.get(2).copied().unwrap_or_default();
    let y = a.get(3).copied().unwrap_or_default();
    let (mut keys, mut vals) = map_entries(vm, h);
    let at = keys.iter().position(|k| any_eq(vm, *k, key));
    let cur = at.and_then(|i| vals.get(i).copied());
    let mut changed = true;
    match op {
        MapOp::Load => {
            changed = false;
            g.stack.push(cur.unwrap_or_default());
            g.stack.push(Value::Bool(cur.is_some()));
        }
        MapOp::Store | MapOp::Swap => {
            match at {
                Some(i) => vals[i] = x,
                None => {
                    keys.push(key);
                    vals.push(x);
                }
            }
            if op == MapOp::Swap {
                g.stack.push(cur.unwrap_or_default());
                g.stack.push(Value::Bool(cur.is_some()));
            }
        }
        MapOp::LoadOrStore => {
            if cur.is_none() {
                keys.push(key);
                vals.push(x);
            } else {
                changed = false;
            }
            g.stack.push(cur.unwrap_or(x));
            g.stack.push(Value::Bool(cur.is_some()));
        }
        MapOp::LoadAndDelete | MapOp::Delete => {
            if let Some(i) = at {
                keys.remove(i);
                vals.remove(i);
            } else {
                changed = false;
            }
            if op == MapOp::LoadAndDelete {
                g.stack.push(cur.unwrap_or_default());
                g.stack.push(Value::Bool(cur.is_some()));
            }
        }
        MapOp::CompareAndSwap | MapOp::CompareAndDelete => {
            let ok = cur.is_some_and(|c| any_eq(vm, c, x));
            changed = ok;
            if let (true, Some(i)) = (ok, at) {
                if op == MapOp::CompareAndSwap {
                    vals[i] = y;
                } else {
                    keys.remove(i);
                    vals.remove(i);
                }
            }
            g.stack.push(Value::Bool(ok));
        }
        MapOp::Clear => {
            keys.clear();
            vals.clear();
        }
    }
    if changed {
        map_store(vm, h, keys, vals)?;
    }
    Ok(())
}

/// `Map.Range(f)`: calls `f` on a snapshot until it returns false. The
/// snapshot is remembered: if `f` blocks, Range runs again on the same
/// entries once it returns (`vm/reenter.rs`), whatever `f` stored.
fn map_range(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = super::pinned_args(g, argc);
    let h = obj(vm, a.first().copied().unwrap_or_default())?;
    let f = a.get(1).copied().unwrap_or_default();
    let s = vm.heap.slots(h);
    let snapshot = vec![s.first().copied().unwrap_or_default(), s.get(1).copied().unwrap_or_default()];
    let snapshot = super::remember(vm, snapshot);
    let keys = super::slice_elems(vm, snapshot.first().copied().unwrap_or_default());
    let vals = super::slice_elems(vm, snapshot.get(1).copied().unwrap_or_default());
    let _pin2 = super::pin(&keys);
    let _pin3 = super::pin(&vals);
    for (k, v) in keys.into_iter().zip(vals) {
        let r = super::call_go(vm, g, f, &[k, v], 1)?;
        if !r.first().is_some_and(|x| x.bool()) {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// `Once.Do` is library Go: a panic in `f` unwinds through Go's own
    /// frames, at the lines of sync/once.go (real Go 1.27 prints
    /// `sync.(*Once).doSlow` at once.go:78 and `sync.(*Once).Do` at :69;
    /// the corpus's comparison drops library frames).
    #[test]
    fn once_do_frames_are_gos() {
        let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar once sync.Once\n\tonce.Do(func() { panic(\"boom\") })\n}\n";
        let out = crate::run_source("prog.go", src, &crate::RunConfig::default());
        let goroot = "/usr/local/go-faketime/src/sync";
        assert_eq!(
            out.stderr,
            format!(
                "panic: boom\n\ngoroutine 1 [running]:\nmain.main.func1()\n\t/tmp/sandbox/prog.go:7\nsync.(*Once).doSlow(...)\n\t{goroot}/once.go:78\nsync.(*Once).Do(...)\n\t{goroot}/once.go:69\nmain.main()\n\t/tmp/sandbox/prog.go:7\n"
            )
        );
    }

    /// `wg.Go` is library Go: a panic in `f` is recovered and repanicked
    /// by Go's deferred closure, whose frame sits above `panic`'s, and the
    /// goroutine was created at sync/waitgroup.go:238 — as real Go 1.27
    /// prints it (under GOMAXPROCS=1), argument words and offsets aside.
    #[test]
    fn wg_go_frames_are_gos() {
        let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Go(func() {\n\t\tpanic(\"boom\")\n\t})\n\twg.Wait()\n}\n";
        let out = crate::run_source("prog.go", src, &crate::RunConfig::default());
        let goroot = "/usr/local/go-faketime/src";
        assert_eq!(
            out.stderr,
            format!(
                "panic: boom [recovered, repanicked]\n\ngoroutine 6 [running]:\nsync.(*WaitGroup).Go.func1.1()\n\t{goroot}/sync/waitgroup.go:251\npanic(...)\n\t{goroot}/runtime/panic.go:859\nmain.main.func1()\n\t/tmp/sandbox/prog.go:8\nsync.(*WaitGroup).Go.func1()\n\t{goroot}/sync/waitgroup.go:258\ncreated by sync.(*WaitGroup).Go in goroutine 1\n\t{goroot}/sync/waitgroup.go:238\n"
            )
        );
        assert_eq!(out.exit_code, 2);
    }

    /// Goroutines parked inside `Once.Do` (waiting for the first call's
    /// `f`) are placed at the program's line that called it, not inside
    /// the library.
    #[test]
    fn an_event_inside_library_go_is_placed_at_the_programs_call() {
        let src = "package main\n\nimport (\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar once sync.Once\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tonce.Do(func() { time.Sleep(time.Millisecond) })\n\t\t}()\n\t}\n\twg.Wait()\n}\n";
        let program = crate::compile("prog.go", src).expect("compiles");
        let out = crate::run(&program, &crate::RunConfig::default());
        let file = program.file();
        let parks: Vec<u32> = out
            .events
            .iter()
            .filter(|e| matches!(&e.kind, crate::EventKind::GoPark { reason, .. } if reason.to_string() == "sync.Mutex.Lock"))
            .map(|e| file.line_col(e.pos.expect("a position").start).line)
            .collect();
        assert_eq!(parks, [15, 15], "the two late callers wait at once.Do's line");
    }
}
