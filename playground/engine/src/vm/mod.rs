//! The bytecode VM: runs one goroutine's [`GState`] for a budget of
//! instructions and says why it stopped ([`Stop`]).
//!
//! Modelled on clox: a `match` over a compact [`Op`] in a loop, operands on
//! a `Vec<Value>` with frame base pointers. Go calls never recurse on the
//! host stack: a call pushes a [`Frame`] and the loop reloads. Defers run as
//! frames pushed on top of the returning (or panicking) frame, so `recover`,
//! nested panics and `Goexit` are state transitions, not host unwinding.
//!
//! The scheduler (issue 4) drives goroutines through this API:
//! - [`Vm::new`] with a [`Bytecode`] and a [`VmConfig`] (seed, budgets);
//! - [`Vm::spawn`] makes a goroutine (an index into `vm.gs`) that will call
//!   a function value with arguments;
//! - [`Vm::execute`]`(g, budget)` runs it; [`Stop::Budget`] is a preemption
//!   point, [`Stop::Syscall`] a request (start a goroutine, block on a
//!   channel...) the scheduler serves before resuming with
//!   [`Vm::push_results`]; `Returned`, `Goexit`, `Panicked`, `Exit`, `Fatal`
//!   end the goroutine or the run;
//! - [`Vm::collect`] and [`Vm::reachable_from`] see every goroutine's roots.
//!
//! Compiler obligations (the VM trusts well-formed bytecode but never
//! panics on ill-formed bytecode either; it reports an internal fatal):
//! - Aggregates read from a variable, field, element or map are
//!   references: emit `Clone` when such a value is bound to a local,
//!   passed, returned or captured (stores into heap slots, `ToIface` and
//!   `MapSet` copy by themselves). Fresh values (literals, call results)
//!   need no `Clone`.
//! - Type ids are canonical: one id per identical type (assertions compare
//!   ids).
//! - A function containing `defer` that returns values lists its
//!   `result_slots`, so deferred closures can change named results and a
//!   recovered function returns them.
//! - Locals above the parameters start as `Nil`; initialise them.
//! - `CallIface` passes a value receiver of aggregate type shared with the
//!   interface's box (no copy per call, as the box is immutable): a method
//!   with such a receiver that assigns to it or its fields, or takes its
//!   address, starts with `GetLocal(0) Clone SetLocal(0)`.
//! - Loops should use the fused ops where they apply: a peephole pass
//!   turning `LtI JumpIfFalse` into `JumpUnlessI`, `GetLocal PushInt AddI
//!   SetLocal` into `IncLocal`, `GetLocal GetLocal AddI SetLocal` into
//!   `AddLocal` and `PushInt AddI` into `AddIConst` saves dispatches; so does testing a `for` condition
//!   at the bottom (one `JumpUnlessI` with the negated comparison instead
//!   of a test at the top and a `Jump` back).

mod frame;
mod liveness;
pub(crate) mod panic;
mod program;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod testutil;

pub use frame::{DeferArgs, DeferRec, Entry, Frame, FrameKind, GState, INITIAL_STACK, Stacks, MAX_STACK, PanicRec};
pub use liveness::Liveness;
pub use panic::{Bounds, bounds_message};
pub use program::{Bytecode, Const, Function, NATIVE_FUNC_BIT, NativeFn, ResultSlot, Throw};

use crate::chunk::{Op, PrintKind, SLICE_HI, SLICE_LO, SLICE_MAX};
use crate::heap::{ByteKind, Heap, HeapError, MapError, Obj, Reachable, Uncomparable};
use crate::rtype::{self, Callee, Kind};
use crate::value::{Handle, IntKind, Value, WHOLE};
use std::rc::Rc;
use crate::span::Span;
use crate::sched::Chooser;

/// Dead goroutines' states [`Vm::spawn`] may reuse.
const SPARE_STATES: usize = 64;

/// The limits and seed of a run.
#[derive(Clone, Debug)]
pub struct VmConfig {
    /// Seeds the VM's own chooser, which it draws from when it runs on
    /// its own (tests, benchmarks). Under a scheduler the VM draws from
    /// the scheduler's chooser instead (see [`Vm::chooser`]).
    pub seed: u64,
    /// Instructions the whole run may execute.
    pub instr_limit: u64,
    /// Host bytes the heap may hold.
    pub heap_budget: u64,
    /// Host bytes one goroutine's frames and operand stack may hold.
    pub max_host_stack: u64,
    /// Bytes the program may write to stdout and stderr together; past
    /// it the rest is dropped and [`Vm::output_full`] says where.
    pub output_budget: u64,
}

impl Default for VmConfig {
    fn default() -> VmConfig {
        VmConfig { seed: 1, instr_limit: 2_000_000_000, heap_budget: 512 << 20, max_host_stack: 256 << 20, output_budget: 64 << 20 }
    }
}

/// A request from a goroutine that the scheduler must serve.
#[derive(Clone, Debug)]
pub enum Syscall {
    /// `go f(args)`: start a goroutine.
    Go { func: Value, args: Vec<Value> },
    /// `Op::Sys`: a runtime operation (channel, timer, mutex...) by id.
    Sys { id: u32, args: Vec<Value> },
}

/// One line pair of a traceback: `main.f(...)` / `\t/path/prog.go:12`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceFrame {
    pub func: String,
    pub line: u32,
    /// The function takes arguments (a method's receiver counts). Go prints
    /// their words in hex; an interpreter has no such words, so the frame
    /// shows `(...)`, as Go does for an inlined call. Without arguments it
    /// is `main.f()`, exactly as Go prints it.
    pub has_args: bool,
    /// For library Go, its file in Go's tree (`Bytecode::path_of`), in
    /// place of the program's path.
    pub file: Option<String>,
}

impl TraceFrame {
    /// The frame's two lines: `main.f()` / `\t/path/prog.go:12`.
    pub fn render(&self, path: &str) -> String {
        let path = self.file.as_deref().unwrap_or(path);
        format!("{}{}\n\t{path}:{}\n", self.func, if self.has_args { "(...)" } else { "()" }, self.line)
    }
}

/// An unrecovered panic: the `panic: ...` lines and the stack at the panic.
#[derive(Clone, Debug)]
pub struct PanicReport {
    /// The chain (`panic: a [recovered]\n\tpanic: b\n`) and, after a nil
    /// dereference, the `[signal SIGSEGV ...]` line.
    pub message: String,
    pub trace: Vec<TraceFrame>,
    /// The value of the panic that ended the goroutine (the newest).
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FatalKind {
    InstructionBudget,
    /// Go's `concurrent map writes` and its read and iteration kin.
    ConcurrentMap,
    OutOfMemory,
    StackOverflow,
    /// Ill-formed bytecode: a compiler bug, reported instead of a crash.
    Internal,
}

/// A fatal error: the run ends with exit code 2.
#[derive(Clone, Debug)]
pub struct Fatal {
    pub kind: FatalKind,
    /// Everything printed before the goroutine traces.
    pub message: String,
    pub trace: Vec<TraceFrame>,
}

/// What a goroutine does to a map, for the check between Ps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MapAccess {
    Read,
    Write,
    Iterate,
}

/// The runtime's `fatal` when a map access meets another P's write, as
/// `internal/runtime/maps` says it.
fn map_fatal(access: MapAccess) -> Flow {
    let what = match access {
        MapAccess::Read => "concurrent map read and map write",
        MapAccess::Write => "concurrent map writes",
        MapAccess::Iterate => "concurrent map iteration and map write",
    };
    Flow::Stop(Stop::Fatal(Fatal { kind: FatalKind::ConcurrentMap, message: format!("fatal error: {what}\n"), trace: vec![] }))
}

/// Why `execute` returned.
#[derive(Clone, Debug)]
pub enum Stop {
    /// The time slice is used up; resume with another `execute`.
    Budget,
    /// The goroutine asks the scheduler for something; resume after it is
    /// served (results, if any, pushed with [`Vm::push_results`]).
    Syscall(Syscall),
    /// The goroutine's function returned.
    Returned,
    /// `runtime.Goexit` finished running the deferred calls.
    Goexit,
    Panicked(PanicReport),
    /// `os.Exit(code)`.
    Exit(i32),
    Fatal(Fatal),
}

/// Control flow out of an instruction other than falling through.
enum Flow {
    /// Start panicking with this value (`sigsegv`: a nil dereference).
    Panic(Value, bool),
    Stop(Stop),
}

impl From<HeapError> for Flow {
    fn from(e: HeapError) -> Flow {
        Flow::Stop(Stop::Fatal(out_of_memory(e)))
    }
}

/// Go's `fatal error: runtime: out of memory`, and the heap budget that
/// ran out (Go's limit is the machine's memory; the playground's is this).
pub fn out_of_memory(e: HeapError) -> Fatal {
    let HeapError::OutOfMemory { budget, .. } = e;
    Fatal {
        kind: FatalKind::OutOfMemory,
        message: format!("fatal error: runtime: out of memory\n(the playground's heap budget of {} MiB is exhausted)\n", budget >> 20),
        trace: Vec::new(),
    }
}

/// Whether Go's `maps.NewMap` ignores `hint` for a map of type `ty` (an
/// empty map, no panic): its groups would take more than `maxAlloc`
/// (8-slot groups, 7/8 full, tables of 1,024 groups, a power of two of
/// them; a group is 8 control bytes and 8 key/value slots).
fn map_hint_too_large(prog: &Bytecode, ty: u32, hint: i64) -> bool {
    if hint <= 8 {
        return false;
    }
    let size = |t: u32| prog.types.get(t as usize).map_or(8, |d| d.size) as u128;
    let slot = match prog.types.get(ty as usize).map(|t| &t.kind) {
        Some(Kind::Map { key, val }) => size(*key) + size(*val),
        _ => 16,
    };
    let target = hint as u128 * 8 / 7;
    let dir = target.div_ceil(1024).next_power_of_two();
    dir * 1024 * (8 + 8 * slot) > crate::heap::MAX_ALLOC as u128
}

/// `makeslice`'s checks (runtime/slice.go): Go's panic text for `len` and
/// `cap` elements of `elem_size` bytes, if any.
pub fn makeslice_error(elem_size: u64, len: i64, cap: i64) -> Option<&'static str> {
    let too_big = |n: i64| n < 0 || (elem_size as u128) * (n as u128) > crate::heap::MAX_ALLOC as u128;
    if too_big(cap) || len < 0 || len > cap {
        return Some(if too_big(len) { panic::MAKESLICE_LEN } else { panic::MAKESLICE_CAP });
    }
    None
}

#[cold]
#[inline(never)]
fn internal(msg: &str) -> Flow {
    Flow::Stop(Stop::Fatal(Fatal {
        kind: FatalKind::Internal,
        message: format!("fatal error: internal VM error: {msg}\n"),
        trace: Vec::new(),
    }))
}

pub struct Vm {
    prog: Rc<Bytecode>,
    pub heap: Heap,
    pub globals: Vec<Value>,
    consts: Vec<Value>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Where the program's choices (`select`'s poll order, a map's hash
    /// seed and iteration start, `math/rand`) are drawn from. Under a
    /// scheduler, its chooser, lent for each Machine call (a stand-in sits
    /// here in between); on its own, the VM's chooser from `VmConfig::seed`.
    pub chooser: Chooser,
    /// Instructions executed so far by all goroutines.
    pub instructions: u64,
    cfg: VmConfig,
    /// Every goroutine's execution state, indexed by the handle `spawn`
    /// returned. A finished goroutine's slot may be reused by `spawn`.
    /// Boxed so that `execute` swaps a pointer in and out of its slot
    /// rather than moving the whole state twice per slice.
    pub gs: Vec<Box<GState>>,
    free_gs: Vec<usize>,
    /// Dead goroutines' stacks, their memory kept for `spawn`.
    spare: Vec<Stacks>,
    /// The empty state that stands in a goroutine's slot while it runs
    /// (see [`Vm::execute`]); None while a nested `execute` holds it.
    stand_in: Option<Box<GState>>,
    /// Virtual ns at the start of the current slice and `instructions`
    /// then (set by the process; natives read [`Vm::now_ns`]).
    pub clock: (u64, u64),
    /// The standard logger's prefix and flags once the program set them
    /// (`log.SetPrefix`/`SetFlags`; see `stdlib/log/`).
    pub log_std: Option<(Vec<u8>, i64)>,
    /// Where the bytes in `stdout`/`stderr` were written from, in order
    /// (see [`Vm::write_fd`]); the process takes them with the bytes.
    pub out_marks: Vec<OutMark>,
    /// Bytes written to stdout and stderr so far (the output budget's).
    written: u64,
    /// Host bytes charged for all goroutines' stacks (`grow_stack`).
    stacks_reserved: u64,
    /// Set when a write went past the output budget: where it was written
    /// from, if known. The process then ends the run.
    pub output_full: Option<Option<Span>>,
    /// Channels a native made on its own (a context's `Done`, the channel
    /// of `signal.NotifyContext`), for the process to report as made:
    /// (handle, element type as Go writes it, capacity).
    pub made_chans: Vec<(Handle, &'static str, u32)>,
    /// A panic that came out of Go code a native called (`call_go`), with
    /// that code's frames: if it ends the goroutine, they top its trace.
    pub inner_panic: Option<(Value, Vec<TraceFrame>)>,
    /// A native wrote to fd 1 or 2 (`write_fd`) since the process last
    /// looked: with several Ps the write is a system call that takes time.
    pub wrote: bool,
    /// End the slice right after a native that wrote (several Ps: the
    /// other Ps' writes are ordered against this one at slice boundaries).
    pub yield_after_write: bool,
    /// With several Ps: check map accesses against other Ps' writes (Go's
    /// `hashWriting` flag), and the P the current goroutine runs on.
    pub map_checks: bool,
    pub cur_p: u32,
    /// Counts synchronising operations (`sync`, `sync/atomic`, and every
    /// request the process serves: channels, timers...). The sim runs a
    /// P's slice at once, so virtual times alone cannot tell whether two
    /// map accesses were ordered; a burst of writes with no
    /// synchronisation since is what another P can meet.
    pub sync_epoch: u64,
    /// The budget of the slice `run` executes, to tell the virtual time
    /// of the current instruction.
    slice: u32,
}

/// Output from one line of the program: the bytes of fd `fd` from offset
/// `at` up to the next mark of that fd were written by the instruction at
/// `span` (a `fmt.Println` call, a `println`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutMark {
    pub fd: u8,
    pub at: usize,
    pub span: Span,
    line: u32,
}

impl Vm {
    pub fn new(prog: Rc<Bytecode>, cfg: VmConfig) -> Result<Vm, Fatal> {
        let mut vm = Vm {
            heap: Heap::new(cfg.heap_budget),
            globals: vec![Value::Nil; prog.nglobals as usize],
            consts: Vec::with_capacity(prog.consts.len()),
            stdout: Vec::new(),
            stderr: Vec::new(),
            chooser: Chooser::new(cfg.seed),
            instructions: 0,
            cfg,
            gs: Vec::new(),
            free_gs: Vec::new(),
            spare: Vec::new(),
            stand_in: None,
            clock: (0, 0),
            log_std: None,
            out_marks: Vec::new(),
            written: 0,
            stacks_reserved: 0,
            output_full: None,
            made_chans: Vec::new(),
            wrote: false,
            yield_after_write: false,
            map_checks: false,
            cur_p: 0,
            sync_epoch: 0,
            slice: 0,
            inner_panic: None,
            prog,
        };
        for c in vm.prog.clone().consts.iter() {
            let v = match c {
                Const::Int(i) => Value::Int(*i),
                Const::Float(f) => Value::Float(*f),
                Const::Str(s) => match vm.heap.alloc_str(s) {
                    Ok(v) => v,
                    Err(e) => {
                        let Flow::Stop(Stop::Fatal(f)) = Flow::from(e) else { unreachable!() };
                        return Err(f);
                    }
                },
            };
            vm.consts.push(v);
        }
        Ok(vm)
    }

    /// The virtual time now (one ns per instruction within a slice).
    pub fn now_ns(&self) -> u64 {
        self.clock.0.saturating_add(self.instructions.saturating_sub(self.clock.1))
    }

    pub fn program(&self) -> &Rc<Bytecode> {
        &self.prog
    }

    /// Makes a goroutine that will call `func(args...)`; returns its index
    /// in `gs`. Its first `execute` enters the function. It takes a dead
    /// goroutine's stacks when some are pooled, as Go's `gfget` reuses a
    /// dead G with its stack.
    pub fn spawn(&mut self, func: Value, args: &[Value]) -> Result<usize, Fatal> {
        if matches!(func, Value::Nil) {
            return Err(Fatal { kind: FatalKind::Internal, message: "fatal error: cannot spawn a nil func\n".into(), trace: vec![] });
        }
        // No stacks yet: see `GState::entry`.
        let entry = Some(Entry { func, args: args.to_vec() });
        if let Some(i) = self.free_gs.pop() {
            let s = &mut self.gs[i];
            if s.is_blank() {
                // Released (`GState::reset`): only what `GState::new` and
                // the entry set differs, no need to write the whole state.
                s.stack_size = INITIAL_STACK;
                s.entry = entry;
            } else {
                **s = GState { entry, ..GState::new() };
            }
            Ok(i)
        } else {
            let g = GState { entry, ..GState::new() };
            self.gs.push(Box::new(g));
            Ok(self.gs.len() - 1)
        }
    }

    /// A goroutine's first run: its stacks (a dead goroutine's, if the pool
    /// has one) and its entry frame.
    fn start(&mut self, g: &mut GState) -> Result<(), Stop> {
        let Some(e) = g.entry.take() else { return Ok(()) };
        if let Some(spare) = self.spare.pop() {
            (g.stack, g.frames, g.defers) = (spare.stack, spare.frames, spare.defers);
        }
        g.stack.push(e.func);
        g.stack.extend_from_slice(&e.args);
        let prog = self.prog.clone();
        match self.call_value(g, &prog, 0, e.args.len(), FrameKind::Entry, 0) {
            Ok(_) => Ok(()),
            Err(Flow::Stop(s)) => Err(s),
            Err(_) => Err(Stop::Fatal(Fatal { kind: FatalKind::Internal, message: "fatal error: cannot start the goroutine\n".into(), trace: vec![] })),
        }
    }

    /// Where goroutine `g` starts, if it has not run yet: its function.
    pub fn entry_func(&self, g: &GState) -> Option<u32> {
        match g.entry.as_ref()?.func {
            Value::Func(i) if i & NATIVE_FUNC_BIT == 0 => Some(i),
            Value::Closure(h) => match self.heap.get(h) {
                Obj::Closure { func, .. } => Some(*func),
                _ => None,
            },
            _ => None,
        }
    }

    /// Releases a finished goroutine's slot for reuse (Go's gfree list);
    /// its stacks go to the pool `spawn` takes from.
    pub fn release(&mut self, g: usize) {
        if let Some(s) = self.gs.get_mut(g) {
            self.stacks_reserved = self.stacks_reserved.saturating_sub(s.host_reserved);
            let stacks = s.reset();
            self.free_gs.push(g);
            self.pool(stacks);
        }
    }

    /// Keeps a dead goroutine's stacks for the next `spawn`, up to
    /// [`SPARE_STATES`] of them (Go keeps 64 dead Gs per P before moving
    /// them to the global list); the rest are freed.
    fn pool(&mut self, stacks: Stacks) {
        if self.spare.len() < SPARE_STATES {
            self.spare.push(stacks.recycled());
        }
    }

    /// Makes goroutine `g` panic with Go's run-time `msg` (a
    /// `runtime.plainError`, as `send on closed channel` is) when it next
    /// runs: deferred calls run and `recover` can stop it, as for a panic
    /// raised by its own code. For the runtime's panics in operations the
    /// process serves (channel operations).
    pub fn raise_panic(&mut self, g: usize, msg: &str) -> Result<(), HeapError> {
        let s = self.heap.alloc_str(msg.as_bytes())?;
        let h = self.heap.alloc(Obj::Cell(s), 16)?;
        if let Some(st) = self.gs.get_mut(g) {
            st.pending_panic = Some(Value::Iface { tid: rtype::T_RT_PLAIN, obj: h });
        }
        Ok(())
    }

    /// Pushes the results of a served syscall before resuming.
    pub fn push_results(&mut self, g: usize, vals: &[Value]) {
        if let Some(g) = self.gs.get_mut(g) {
            g.stack.extend_from_slice(vals);
        }
    }

    /// Collects garbage now, with every goroutine and global as roots.
    pub fn collect(&mut self) -> usize {
        self.collect_with(None)
    }

    fn collect_with(&mut self, current: Option<&GState>) -> usize {
        // Plain loops rather than one chained iterator: with 100,000
        // goroutines the roots are most of a collection's work.
        let mut work = Vec::with_capacity(self.globals.len() + self.consts.len() + 2 * self.gs.len());
        work.extend(self.globals.iter().chain(&self.consts).filter_map(|v| v.handle()));
        for g in self.gs.iter().map(|g| &**g).chain(current) {
            g.push_root_handles(&mut work);
        }
        self.heap.collect_from(work)
    }

    /// What goroutine `g` keeps alive (its stack, defers, panics), not
    /// counting globals: "this leaked goroutine pins N bytes".
    pub fn reachable_from(&self, g: usize) -> Reachable {
        match self.gs.get(g) {
            Some(g) => self.heap.reachable(&mut g.roots()),
            None => Reachable::default(),
        }
    }

    /// The values goroutine state `g` keeps alive as Go's stack maps see
    /// them: [`GState::roots`] less the locals its frames no longer read
    /// (see [`Liveness`]; `cache` keeps each function's across calls).
    pub fn live_roots(&self, g: &GState, cache: &mut rustc_hash::FxHashMap<u32, Liveness>) -> Vec<Value> {
        let mut dead = vec![false; g.stack.len()];
        for fr in &g.frames {
            let Some(f) = self.prog.funcs.get(fr.func as usize) else { continue };
            let l = cache.entry(fr.func).or_insert_with(|| Liveness::of(f));
            // A frame running its deferred calls after `return` reads
            // nothing but its results again (its deferred calls hold what
            // they need themselves), as Go's stack map at deferreturn says.
            let live = |local: usize| {
                if fr.returning { f.result_slots.iter().any(|r| r.local as usize == local) } else { l.is_live(fr.ip as usize, local) }
            };
            for local in 0..f.nlocals as usize {
                if !live(local)
                    && let Some(d) = dead.get_mut(fr.base as usize + local)
                {
                    *d = true;
                }
            }
        }
        let mut out: Vec<Value> = g.stack.iter().zip(&dead).filter(|(_, d)| !**d).map(|(v, _)| *v).collect();
        out.extend(g.roots_off_stack());
        out
    }

    /// The goroutine's stack as a traceback, innermost frame first.
    pub fn traceback(&self, g: &GState) -> Vec<TraceFrame> {
        if let Some(f) = self.entry_func(g) {
            // Not started: the function it will run, at its first line.
            return vec![self.trace_frame(f, 0)];
        }
        g.frames
            .iter()
            .rev()
            .filter(|f| !matches!(f.kind, FrameKind::PanicPrint(_)))
            .map(|f| self.trace_frame(f.func, f.ip))
            .collect()
    }

    /// The traceback frame of function `func` stopped before instruction
    /// `ip` (its line is the instruction just executed).
    pub fn trace_frame(&self, func: u32, ip: u32) -> TraceFrame {
        let fd = self.prog.funcs.get(func as usize);
        TraceFrame {
            func: fd.map_or("?".into(), |x| x.name.clone()),
            line: self.prog.line_of(func, ip.saturating_sub(1)),
            has_args: fd.is_some_and(|x| x.nparams > 0),
            file: self.prog.path_of(func, ip.saturating_sub(1)),
        }
    }

    /// Runs goroutine `g` for at most `budget` instructions.
    pub fn execute(&mut self, g: usize, budget: u32) -> Stop {
        let Some(slot) = self.gs.get_mut(g) else {
            return Stop::Fatal(Fatal { kind: FatalKind::Internal, message: "fatal error: no such goroutine\n".into(), trace: vec![] });
        };
        // An empty state stands in the slot while the goroutine runs (it
        // is a root through `execute_state`'s argument meanwhile).
        let stand_in = self.stand_in.take().unwrap_or_default();
        let mut state = std::mem::replace(slot, stand_in);
        let stop = self.execute_state(&mut state, budget);
        let mut stand_in = std::mem::replace(&mut self.gs[g], state);
        if !stand_in.is_blank() {
            // Written to while it stood in: whatever was written is dropped,
            // as when the slot held a temporary.
            *stand_in = GState::default();
        }
        self.stand_in = Some(stand_in);
        stop
    }

    /// Runs a goroutine state that the caller holds (it is then a root
    /// only while this call runs).
    pub fn execute_state(&mut self, g: &mut GState, budget: u32) -> Stop {
        if g.entry.is_some()
            && let Err(stop) = self.start(g)
        {
            return stop;
        }
        let remaining = self.cfg.instr_limit.saturating_sub(self.instructions);
        let limited = (budget as u64) > remaining;
        let slice = if limited { remaining as u32 } else { budget };
        let mut left = slice;
        self.slice = slice;
        let stop = self.run(g, &mut left);
        self.instructions += (slice - left) as u64;
        match stop {
            Stop::Budget if limited => Stop::Fatal(Fatal {
                kind: FatalKind::InstructionBudget,
                message: format!(
                    "fatal error: instruction budget exceeded: the program ran {} instructions (an infinite loop?)\n",
                    self.cfg.instr_limit
                ),
                trace: self.traceback(g),
            }),
            Stop::Fatal(mut f) => {
                if f.trace.is_empty() && f.kind != FatalKind::Internal {
                    f.trace = self.traceback(g);
                }
                Stop::Fatal(f)
            }
            s => s,
        }
    }

    // ---- maps between Ps ---------------------------------------------------

    /// Whether an access to map `m` by the running goroutine, now, meets a
    /// write to it from another P (Go's `hashWriting` check): the access
    /// falls inside that P's burst of writes (`heap::MapWriting`), and the
    /// chooser decides whether it sees the flag. A write that goes ahead
    /// extends this P's burst. `left` is the slice's budget left.
    fn map_race(&mut self, m: Value, left: u32, access: MapAccess) -> bool {
        use crate::sched::time::{MAP_BURST_GAP_NS, MAP_RACE_ONE_IN};
        let now = self.clock.0 + self.instructions.saturating_sub(self.clock.1) + (self.slice - left) as u64;
        let p = self.cur_p;
        let Some(bursts) = self.heap.map_writing(m) else { return false };
        // Inside the span from its first write to its last, with no
        // synchronisation since (see `sync_epoch`).
        let epoch = self.sync_epoch;
        let inside = |w: &crate::heap::MapWriting| w.count > 0 && w.p != p && w.epoch == epoch && now >= w.start && now <= w.end;
        let race = bursts.iter().any(inside) && self.chooser.map_race(MAP_RACE_ONE_IN);
        if access == MapAccess::Write && !race {
            // Extend this P's burst, or start one in place of the older.
            let mine = bursts.iter().position(|w| w.count > 0 && w.p == p);
            match mine {
                Some(i) if bursts[i].epoch == epoch && now >= bursts[i].end && now - bursts[i].end < MAP_BURST_GAP_NS => {
                    bursts[i].end = now;
                    bursts[i].count = bursts[i].count.saturating_add(1);
                }
                _ => {
                    let i = mine.unwrap_or(if bursts[0].end <= bursts[1].end { 0 } else { 1 });
                    bursts[i] = crate::heap::MapWriting { p, epoch, start: now, end: now, count: 1 };
                }
            }
        }
        race
    }

    // ---- runtime errors ---------------------------------------------------

    #[cold]
    #[inline(never)]
    fn rt_error(&mut self, tid: u32, msg: &str) -> Flow {
        let s = match self.heap.alloc_str(msg.as_bytes()) {
            Ok(s) => s,
            Err(e) => return e.into(),
        };
        match self.heap.alloc(Obj::Cell(s), 16) {
            Ok(h) => Flow::Panic(Value::Iface { tid, obj: h }, false),
            Err(e) => e.into(),
        }
    }

    #[cold]
    #[inline(never)]
    fn bounds(&mut self, kind: Bounds, x: i64, y: i64) -> Flow {
        self.rt_error(rtype::T_RT_BOUNDS, &bounds_message(kind, x, y))
    }

    #[cold]
    #[inline(never)]
    fn nil_deref(&mut self) -> Flow {
        match self.rt_error(rtype::T_RT_ERRORSTRING, panic::NIL_DEREF) {
            Flow::Panic(v, _) => Flow::Panic(v, true),
            f => f,
        }
    }

    #[cold]
    #[inline(never)]
    fn uncomparable(&mut self, u: Uncomparable, hashing: bool) -> Flow {
        let name = self.prog.type_name(u.0).to_string();
        let msg = if hashing { panic::unhashable(&name) } else { panic::uncomparable(&name) };
        self.rt_error(rtype::T_RT_ERRORSTRING, &msg)
    }

    // ---- calls ------------------------------------------------------------

    /// Pushes a frame for bytecode function `fi` whose arguments start at
    /// stack index `base`.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn push_frame(&mut self, g: &mut GState, prog: &Bytecode, fi: u32, base: usize, ret_to: usize, env: Value, kind: FrameKind, deferrer: u32) -> Result<(), Flow> {
        let Some(f) = prog.funcs.get(fi as usize) else { return Err(internal("call of an unknown function")) };
        let size = f.frame_size();
        g.stack_used += size as u64;
        if g.stack_used > g.stack_size {
            self.grow_stack(g)?;
        }
        let need = base + f.nlocals as usize;
        if g.stack.len() < need {
            g.stack.resize(need, Value::Nil);
        }
        let defer_base = g.defers.len() as u32;
        g.frames.push(Frame { func: fi, ip: 0, base: base as u32, ret_to: ret_to as u32, env, defer_base, deferrer, kind, returning: false, size });
        Ok(())
    }

    #[cold]
    fn grow_stack(&mut self, g: &mut GState) -> Result<(), Flow> {
        while g.stack_size < g.stack_used {
            g.stack_size *= 2;
            g.stack_copies += 1;
            g.stack_grew = true;
        }
        let host = g.frames.len() as u64 * std::mem::size_of::<Frame>() as u64 + g.stack.len() as u64 * std::mem::size_of::<Value>() as u64;
        if g.stack_size > MAX_STACK || host > self.cfg.max_host_stack {
            return Err(Flow::Stop(Stop::Fatal(Fatal {
                kind: FatalKind::StackOverflow,
                message: format!("runtime: goroutine stack exceeds {MAX_STACK}-byte limit\nfatal error: stack overflow\n"),
                trace: Vec::new(),
            })));
        }
        // All goroutines' stacks together stay within the heap budget's
        // size (Go's memory holds both): a hundred deep recursions would
        // otherwise take the host's memory, each below its own limit. The
        // charge covers the stack until it doubles again.
        let want = host.saturating_mul(2);
        if want > g.host_reserved {
            let extra = want - g.host_reserved;
            if self.stacks_reserved.saturating_add(extra) > self.cfg.heap_budget {
                return Err(Flow::Stop(Stop::Fatal(Fatal {
                    kind: FatalKind::OutOfMemory,
                    message: format!(
                        "fatal error: runtime: out of memory\n(the playground's budget of {} MiB for goroutine stacks is exhausted)\n",
                        self.cfg.heap_budget >> 20
                    ),
                    trace: Vec::new(),
                })));
            }
            self.stacks_reserved += extra;
            g.host_reserved = want;
        }
        Ok(())
    }

    /// Calls the function value at stack index `fpos` with the `argc`
    /// arguments above it; results replace the function value. Returns
    /// true if a frame was pushed (false: a native already ran).
    fn call_value(&mut self, g: &mut GState, prog: &Bytecode, fpos: usize, argc: usize, kind: FrameKind, deferrer: u32) -> Result<bool, Flow> {
        let fv = g.stack.get(fpos).copied().unwrap_or_default();
        match fv {
            Value::Func(f) if f & NATIVE_FUNC_BIT != 0 => {
                g.stack.remove(fpos);
                self.call_native(g, prog, f & !NATIVE_FUNC_BIT, argc)?;
                Ok(false)
            }
            Value::Func(f) => self.push_frame(g, prog, f, fpos + 1, fpos, Value::Nil, kind, deferrer).map(|_| true),
            Value::Closure(h) => {
                let Obj::Closure { func, .. } = self.heap.get(h) else { return Err(internal("bad closure")) };
                let func = *func;
                self.push_frame(g, prog, func, fpos + 1, fpos, fv, kind, deferrer).map(|_| true)
            }
            _ => Err(self.nil_deref()),
        }
    }

    fn call_native(&mut self, g: &mut GState, prog: &Bytecode, id: u32, argc: usize) -> Result<(), Flow> {
        let Some(n) = prog.natives.get(id as usize) else { return Err(internal("unknown native")) };
        self.sync_epoch += n.syncs as u64;
        match (n.func)(self, g, argc) {
            Ok(()) => Ok(()),
            Err(Throw::Panic(v)) => Err(Flow::Panic(v, false)),
            Err(Throw::Stop(s)) => Err(Flow::Stop(s)),
        }
    }

    /// `CallIface`: replaces the interface receiver by its dynamic value
    /// and calls the dynamic type's method. True if a frame was pushed.
    fn call_iface(&mut self, g: &mut GState, prog: &Bytecode, method: u32, argc: usize, kind: FrameKind) -> Result<bool, Flow> {
        let rpos = g.stack.len().saturating_sub(argc + 1);
        let Some(Value::Iface { tid, obj }) = g.stack.get(rpos).copied() else { return Err(self.nil_deref()) };
        let Some(callee) = prog.types.get(tid as usize).and_then(|t| t.method(method)) else {
            return Err(internal("missing method in dynamic type"));
        };
        // The box is immutable, so the receiver is shared with it, not
        // copied (see the compiler obligations in the module doc).
        g.stack[rpos] = self.heap.cell(obj);
        match callee {
            Callee::Func(f) => self.push_frame(g, prog, f, rpos, rpos, Value::Nil, kind, 0).map(|_| true),
            Callee::Native(n) => self.call_native(g, prog, n, argc + 1).map(|_| false),
        }
    }

    /// Pops the current frame; its `n` results are on top of the stack.
    fn finish_frame(&mut self, g: &mut GState, prog: &Bytecode, n: usize) -> Result<(), Flow> {
        let Some(fr) = g.frames.pop() else { return Err(internal("return without frame")) };
        g.stack_used = g.stack_used.saturating_sub(fr.size as u64);
        let src = g.stack.len().saturating_sub(n);
        let to = fr.ret_to as usize;
        match fr.kind {
            FrameKind::Normal => {
                if src < to {
                    return Err(internal("return: missing results"));
                }
                if src != to {
                    g.stack.copy_within(src.., to);
                    g.stack.truncate(to + n);
                }
                Ok(())
            }
            FrameKind::Entry => {
                g.stack.clear();
                Err(Flow::Stop(Stop::Returned))
            }
            FrameKind::Deferred => {
                g.stack.truncate(to);
                self.continue_return(g, prog)
            }
            FrameKind::DeferredByPanic => {
                g.stack.truncate(to);
                self.after_panic_defer(g, prog, fr)
            }
            FrameKind::PanicPrint(p) => {
                let v = g.stack.get(src).copied().unwrap_or_default();
                let text = self.heap.str_lossy(v);
                if let Some(p) = g.panics.get_mut(p as usize) {
                    p.text = Some(text);
                }
                g.stack.truncate(to);
                self.continue_panicking(g, prog)
            }
        }
    }

    /// `Ret(n)`: run the frame's pending defers, then return.
    fn do_return(&mut self, g: &mut GState, prog: &Bytecode, n: usize) -> Result<(), Flow> {
        let Some(&fr) = g.frames.last() else { return Err(internal("return without frame")) };
        if g.defers.len() <= fr.defer_base as usize {
            return self.finish_frame(g, prog, n);
        }
        let func = &prog.funcs[fr.func as usize];
        let locals_end = fr.base as usize + func.nlocals as usize;
        let res = g.stack.len().saturating_sub(n);
        if func.result_slots.len() == n {
            for (i, rs) in func.result_slots.iter().enumerate() {
                let v = g.stack[res + i];
                self.store_result(g, fr.base as usize, *rs, v)?;
            }
            g.stack.truncate(locals_end);
        } else {
            // No declared slots: keep the results just above the locals.
            if res < locals_end {
                return Err(internal("return: missing results"));
            }
            g.stack.copy_within(res.., locals_end);
            g.stack.truncate(locals_end + n);
        }
        if let Some(f) = g.frames.last_mut() {
            f.returning = true;
        }
        self.continue_return(g, prog)
    }

    fn store_result(&mut self, g: &mut GState, base: usize, rs: ResultSlot, v: Value) -> Result<(), Flow> {
        let slot = base + rs.local as usize;
        if rs.boxed {
            if let Some(Value::Ptr { obj, slot }) = g.stack.get(slot).copied() {
                self.store_ptr(obj, slot, v)?;
            }
        } else if let Some(s) = g.stack.get_mut(slot) {
            *s = v;
        }
        Ok(())
    }

    /// Runs the returning top frame's next deferred call, or, when none
    /// is left, returns its results.
    fn continue_return(&mut self, g: &mut GState, prog: &Bytecode) -> Result<(), Flow> {
        loop {
            let Some(&fr) = g.frames.last() else { return Err(internal("no returning frame")) };
            if g.defers.len() > fr.defer_base as usize {
                let d = g.defers.pop().unwrap_or_else(|| unreachable!());
                if self.call_deferred(g, prog, d, FrameKind::Deferred)? {
                    return Ok(());
                }
                continue;
            }
            let func = &prog.funcs[fr.func as usize];
            let n = func.nresults as usize;
            if func.result_slots.len() == n {
                g.stack.truncate(fr.base as usize + func.nlocals as usize);
                for rs in func.result_slots.iter().copied() {
                    let slot = fr.base as usize + rs.local as usize;
                    let mut v = g.stack.get(slot).copied().unwrap_or_default();
                    if rs.boxed
                        && let Value::Ptr { obj, slot } = v {
                            v = self.load_ptr(obj, slot);
                        }
                    g.stack.push(v);
                }
            }
            return self.finish_frame(g, prog, n);
        }
    }

    /// Invokes a deferred call on top of the stack. True if a frame was
    /// pushed; false if it was a native that already ran.
    fn call_deferred(&mut self, g: &mut GState, prog: &Bytecode, d: DeferRec, kind: FrameKind) -> Result<bool, Flow> {
        let fpos = g.stack.len();
        let called = match d.func {
            // A deferred native (`defer wg.Done()`, `defer mu.Unlock()`):
            // its arguments go on the stack without the function value
            // `call_value` would remove again.
            Value::Func(f) if f & NATIVE_FUNC_BIT != 0 => {
                g.stack.extend_from_slice(&d.args);
                self.call_native(g, prog, f & !NATIVE_FUNC_BIT, d.args.len()).map(|()| false)
            }
            _ => {
                g.stack.push(d.func);
                g.stack.extend_from_slice(&d.args);
                self.call_value(g, prog, fpos, d.args.len(), kind, d.frame)
            }
        };
        let pushed = match called {
            Err(Flow::Stop(Stop::Syscall(sc))) => {
                // A native that blocks or wakes (served by the process):
                // carry on with the remaining defers when resumed.
                g.stack.truncate(fpos);
                g.resume_defers = Some(matches!(kind, FrameKind::DeferredByPanic));
                return Err(Flow::Stop(Stop::Syscall(sc)));
            }
            r => r?,
        };
        if !pushed {
            g.stack.truncate(fpos);
        }
        Ok(pushed)
    }

    // ---- panics -------------------------------------------------------------

    fn begin_panic(&mut self, g: &mut GState, prog: &Bytecode, value: Value, sigsegv: bool, goexit: bool) -> Result<(), Flow> {
        let mut p = PanicRec::new(value);
        p.sigsegv = sigsegv;
        p.goexit = goexit;
        if let Some(top) = g.panics.last()
            && top.recovered && !goexit && top.value == value {
                // `panic(recover())`: Go prints one `[recovered, repanicked]`.
                p.repanicked = true;
                p.sigsegv = top.sigsegv;
                g.panics.pop();
            }
        g.panics.push(p);
        self.continue_panicking(g, prog)
    }

    /// Runs the next deferred call for the newest panic, or ends the
    /// goroutine when none is left.
    fn continue_panicking(&mut self, g: &mut GState, prog: &Bytecode) -> Result<(), Flow> {
        loop {
            let Some(pi) = g.panics.len().checked_sub(1) else { return Err(internal("not panicking")) };
            if let Some(d) = g.defers.pop() {
                g.panics[pi].defer_frame = Some(g.frames.len() as u32);
                if self.call_deferred(g, prog, d, FrameKind::DeferredByPanic)? {
                    return Ok(());
                }
                g.panics[pi].defer_frame = None;
                continue;
            }
            if g.panics[pi].goexit {
                g.frames.clear();
                g.stack.clear();
                g.panics.clear();
                return Err(Flow::Stop(Stop::Goexit));
            }
            // Go's preprintpanics: Error/String methods run before printing.
            for i in 0..g.panics.len() {
                if g.panics[i].text.is_some() || g.panics[i].goexit {
                    continue;
                }
                match self.panic_text(prog, g.panics[i].value) {
                    Ok(t) => g.panics[i].text = Some(t),
                    Err((callee, recv)) => {
                        if g.panics[i].print_attempted {
                            g.panics[i].text = Some(self.custom_text(prog, g.panics[i].value));
                            continue;
                        }
                        g.panics[i].print_attempted = true;
                        let rpos = g.stack.len();
                        g.stack.push(recv);
                        match callee {
                            Callee::Func(f) => {
                                self.push_frame(g, prog, f, rpos, rpos, Value::Nil, FrameKind::PanicPrint(i as u32), 0)?;
                                return Ok(());
                            }
                            Callee::Native(n) => {
                                self.call_native(g, prog, n, 1)?;
                                let v = g.stack.get(rpos).copied().unwrap_or_default();
                                g.panics[i].text = Some(self.heap.str_lossy(v));
                                g.stack.truncate(rpos);
                            }
                        }
                    }
                }
            }
            let chain: Vec<panic::ChainEntry> = g
                .panics
                .iter()
                .map(|p| panic::ChainEntry { text: p.text.as_deref().unwrap_or(""), recovered: p.recovered, repanicked: p.repanicked, goexit: p.goexit })
                .collect();
            let mut message = panic::format_chain(&chain);
            if g.panics.iter().any(|p| p.sigsegv) {
                message.push_str(panic::SIGSEGV_LINE);
                message.push('\n');
            }
            let value = g.panics.last().map_or(Value::Nil, |p| p.value);
            let mut trace = match self.inner_panic.take() {
                Some((v, inner)) if v == value => inner,
                _ => Vec::new(),
            };
            trace.extend(self.traceback(g));
            return Err(Flow::Stop(Stop::Panicked(PanicReport { message, trace, value })));
        }
    }

    /// A deferred call run by a panic returned: recover, or keep panicking.
    fn after_panic_defer(&mut self, g: &mut GState, prog: &Bytecode, fr: Frame) -> Result<(), Flow> {
        let idx = g.frames.len() as u32;
        let p = g.panics.iter().rposition(|p| p.defer_frame == Some(idx));
        let Some(p) = p else { return self.continue_panicking(g, prog) };
        if !g.panics[p].recovered {
            g.panics[p].defer_frame = None;
            return self.continue_panicking(g, prog);
        }
        // Recovery: unwind to the frame that deferred the call; it returns
        // normally with its current results.
        let d = fr.deferrer;
        g.panics.truncate(p);
        g.panics.retain(|x| x.defer_frame.is_none_or(|f| f <= d));
        g.frames.truncate(d as usize + 1);
        g.stack_used = g.frames.iter().map(|f| f.size as u64).sum();
        let Some(top) = g.frames.last_mut() else { return Err(internal("recovered past the goroutine")) };
        top.returning = true;
        let top = *top;
        let func = &prog.funcs[top.func as usize];
        g.stack.truncate(top.base as usize + func.nlocals as usize);
        if func.result_slots.len() != func.nresults as usize {
            for _ in 0..func.nresults {
                g.stack.push(Value::Nil);
            }
        }
        self.continue_return(g, prog)
    }

    /// The printed form of a panic value, or the method to call for it.
    fn panic_text(&self, prog: &Bytecode, v: Value) -> Result<String, (Callee, Value)> {
        let Value::Iface { tid, obj } = v else { return Ok("nil".into()) };
        let inner = self.heap.cell(obj);
        let Some(t) = prog.types.get(tid as usize) else { return Ok("?".into()) };
        for m in [rtype::M_ERROR, rtype::M_STRING] {
            if let Some(c) = t.method(m) {
                if c == Callee::Native(rtype::N_RUNTIME_ERROR) {
                    return Ok(self.heap.str_lossy(inner));
                }
                return Err((c, inner));
            }
        }
        Ok(self.custom_text(prog, v))
    }

    /// `printpanicval` for values without Error/String methods.
    fn custom_text(&self, prog: &Bytecode, v: Value) -> String {
        let Value::Iface { tid, obj } = v else { return "nil".into() };
        let inner = self.heap.cell(obj);
        let Some(t) = prog.types.get(tid as usize) else { return "?".into() };
        let predeclared = tid < rtype::FIRST_USER_TYPE;
        let body = match (&t.kind, inner) {
            (Kind::Bool, Value::Bool(b)) => b.to_string(),
            (Kind::Int(k), Value::Int(i)) => {
                if k.is_unsigned() {
                    (i as u64).to_string()
                } else {
                    i.to_string()
                }
            }
            (Kind::Float32 | Kind::Float64, Value::Float(f)) => panic::format_float_v(f),
            (Kind::String, s) => {
                let s = self.heap.str_lossy(s);
                if predeclared {
                    return s;
                }
                return format!("{}(\"{}\")", t.name, s);
            }
            _ => return format!("({}) 0xc000012120", t.name),
        };
        if predeclared { body } else { format!("{}({})", t.name, body) }
    }

    // ---- memory access --------------------------------------------------------

    #[inline]
    fn load_ptr(&self, obj: Handle, slot: u32) -> Value {
        if slot == WHOLE {
            Value::Agg(obj)
        } else {
            self.heap.elem(obj, slot as usize)
        }
    }

    #[inline]
    fn store_ptr(&mut self, obj: Handle, slot: u32, v: Value) -> Result<(), HeapError> {
        if slot == WHOLE {
            match v {
                Value::Agg(src) => self.heap.copy_into(obj, src),
                _ => Ok(()),
            }
        } else {
            self.heap.store_slot(obj, slot as usize, v)
        }
    }

    /// The object holding a struct's fields (a struct value or a pointer
    /// to one).
    #[inline]
    fn agg_of(&mut self, v: Value) -> Result<Handle, Flow> {
        match v {
            Value::Agg(h) | Value::Ptr { obj: h, slot: WHOLE } => Ok(h),
            Value::Ptr { obj, slot } => match self.load_ptr(obj, slot) {
                Value::Agg(h) => Ok(h),
                _ => Err(self.nil_deref()),
            },
            _ => Err(self.nil_deref()),
        }
    }

    /// (object, offset, length) of an indexable sequence of slots.
    #[inline]
    fn seq_of(&self, v: Value) -> Option<(Handle, usize, usize)> {
        match v {
            Value::Slice { obj, off, len, .. } => Some((obj, off as usize, len as usize)),
            Value::Agg(h) | Value::Ptr { obj: h, slot: WHOLE } => Some((h, 0, self.heap.slots(h).len())),
            Value::Nil => Some((0, 0, 0)),
            _ => None,
        }
    }

    fn elem_size(prog: &Bytecode, elem: u32) -> u64 {
        prog.types.get(elem as usize).map_or(8, |t| t.size)
    }

    /// A backing store of `cap` slots: `vals` then zero values.
    fn new_backing(&mut self, prog: &Bytecode, elem: u32, vals: &[Value], cap: usize) -> Result<Handle, Flow> {
        self.new_backing_from(prog, elem, &[vals], cap)
    }

    /// A backing store of `cap` slots: the concatenated `parts` (copied
    /// with value semantics), then zero values.
    fn new_backing_from(&mut self, prog: &Bytecode, elem: u32, parts: &[&[Value]], cap: usize) -> Result<Handle, Flow> {
        if let Some(kind) = ByteKind::of(&prog.types, elem) {
            self.heap.reserve(cap as u64)?;
            let mut data = Vec::with_capacity(cap);
            for part in parts {
                data.extend(part.iter().map(|&v| ByteKind::store(v)));
            }
            data.resize(cap, 0);
            return Ok(self.heap.alloc_byte_arr(kind, data, cap as u64)?);
        }
        self.heap.reserve(cap as u64 * std::mem::size_of::<Value>() as u64)?;
        let mut slots = Vec::with_capacity(cap);
        let aggregate = Heap::zero_is_aggregate(&prog.types, elem);
        for part in parts {
            if aggregate {
                for &v in *part {
                    slots.push(self.heap.clone_value(v)?);
                }
            } else {
                slots.extend_from_slice(part);
            }
        }
        if aggregate {
            while slots.len() < cap {
                slots.push(self.heap.zero(&prog.types, elem)?);
            }
        } else {
            let z = self.heap.zero(&prog.types, elem)?;
            slots.resize(cap, z);
        }
        Ok(self.heap.alloc_slots(slots, cap as u64 * Self::elem_size(prog, elem))?)
    }

    /// `append(s, vals...)` with Go's growth policy (`growslice`).
    fn append(&mut self, prog: &Bytecode, elem: u32, s: Value, vals: &[Value]) -> Result<Value, Flow> {
        let (obj, off, len, cap) = match s {
            Value::Slice { obj, off, len, cap } => (obj, off as usize, len as usize, cap as usize),
            _ => (0, 0, 0, 0),
        };
        if vals.is_empty() {
            return Ok(s);
        }
        let new_len = len + vals.len();
        if new_len > u32::MAX as usize {
            return Err(Flow::from(HeapError::OutOfMemory { requested: u64::MAX, budget: self.heap.budget() }));
        }
        if new_len <= cap {
            for (i, &v) in vals.iter().enumerate() {
                self.heap.store_slot(obj, off + len + i, v)?;
            }
            return Ok(Value::Slice { obj, off: off as u32, len: new_len as u32, cap: cap as u32 });
        }
        let new_cap = grow_cap(cap, new_len, Self::elem_size(prog, elem));
        // Take the old array out while the new one is built from it (no
        // collection can run inside an instruction), then put it back.
        if let (Some(kind), Some(old)) = (ByteKind::of(&prog.types, elem), self.heap.byte_arr(obj)) {
            // Byte buffers grow byte-wise, without going through values.
            self.heap.reserve(new_cap as u64)?;
            let mut data = Vec::with_capacity(new_cap);
            data.extend_from_slice(old.get(off..off + len).unwrap_or(&[]));
            data.extend(vals.iter().map(|&v| ByteKind::store(v)));
            data.resize(new_cap, 0);
            let h = self.heap.alloc_byte_arr(kind, data, new_cap as u64)?;
            return Ok(Value::Slice { obj: h, off: 0, len: new_len as u32, cap: new_cap as u32 });
        }
        let old = self.heap.take_slots(obj);
        let r = self.new_backing_from(prog, elem, &[old.get(off..off + len).unwrap_or(&[]), vals], new_cap);
        self.heap.put_slots(obj, old);
        let h = r?;
        Ok(Value::Slice { obj: h, off: 0, len: new_len as u32, cap: new_cap as u32 })
    }

    /// The bytes of a string, or of a slice stored as a byte array.
    fn raw_bytes(&self, v: Value) -> Option<&[u8]> {
        match v {
            Value::Str { .. } => Some(self.heap.str_bytes(v)),
            Value::Slice { obj, off, len, .. } => self.heap.byte_arr(obj)?.get(off as usize..(off + len) as usize),
            _ => None,
        }
    }

    /// `append(s, bytes...)` for a slice of a byte kind, the bytes raw;
    /// None when `s` is not stored as bytes (the caller goes through values).
    fn append_raw(&mut self, prog: &Bytecode, elem: u32, s: Value, bytes: &[u8]) -> Option<Result<Value, Flow>> {
        let kind = ByteKind::of(&prog.types, elem)?;
        let (obj, off, len, cap) = match s {
            Value::Slice { obj, off, len, cap } => (obj, off as usize, len as usize, cap as usize),
            Value::Nil => (0, 0, 0, 0),
            _ => return None,
        };
        if bytes.is_empty() {
            return Some(Ok(s));
        }
        let old: &[u8] = if len == 0 && cap == 0 { &[] } else { self.heap.byte_arr(obj)?.get(off..off + len)? };
        let new_len = len + bytes.len();
        if new_len > u32::MAX as usize {
            return Some(Err(Flow::from(HeapError::OutOfMemory { requested: u64::MAX, budget: self.heap.budget() })));
        }
        if new_len <= cap {
            let Some(Obj::ByteArr(_, d)) = self.heap.get_mut(obj) else { return None };
            d.get_mut(off + len..off + new_len)?.copy_from_slice(bytes);
            return Some(Ok(Value::Slice { obj, off: off as u32, len: new_len as u32, cap: cap as u32 }));
        }
        let new_cap = grow_cap(cap, new_len, Self::elem_size(prog, elem));
        if let Err(e) = self.heap.reserve(new_cap as u64) {
            return Some(Err(e.into()));
        }
        let mut data = Vec::with_capacity(new_cap);
        data.extend_from_slice(old);
        data.extend_from_slice(bytes);
        data.resize(new_cap, 0);
        Some(match self.heap.alloc_byte_arr(kind, data, new_cap as u64) {
            Ok(h) => Ok(Value::Slice { obj: h, off: 0, len: new_len as u32, cap: new_cap as u32 }),
            Err(e) => Err(e.into()),
        })
    }

    /// The elements of a slice or the bytes of a string, as values.
    fn elems(&self, v: Value) -> Vec<Value> {
        match v {
            Value::Str { .. } => self.heap.str_bytes(v).iter().map(|&b| Value::Int(b as i64)).collect(),
            _ => match self.seq_of(v) {
                Some((obj, off, len)) => self.heap.elems(obj, off, len),
                None => Vec::new(),
            },
        }
    }

    fn slice_expr(&mut self, x: Value, lo: Option<i64>, hi: Option<i64>, max: Option<i64>) -> Result<Value, Flow> {
        let (obj, off, len, cap, is_str, is_slice) = match x {
            Value::Str { obj, off, len } => (obj, off as i64, len as i64, len as i64, true, false),
            Value::Slice { obj, off, len, cap } => (obj, off as i64, len as i64, cap as i64, false, true),
            Value::Nil => (0, 0, 0, 0, false, true),
            Value::Agg(h) | Value::Ptr { obj: h, slot: WHOLE } => {
                let n = self.heap.slots(h).len() as i64;
                (h, 0, n, n, false, false)
            }
            _ => return Err(self.nil_deref()),
        };
        let lo_v = lo.unwrap_or(0);
        let hi_v = hi.unwrap_or(len);
        if let Some(m) = max {
            if m < 0 || m > cap {
                return Err(self.bounds(if is_slice { Bounds::Slice3Acap } else { Bounds::Slice3Alen }, m, cap));
            }
            if hi_v < 0 || hi_v > m {
                return Err(self.bounds(Bounds::Slice3B, hi_v, m));
            }
            if lo_v < 0 || lo_v > hi_v {
                return Err(self.bounds(Bounds::Slice3C, lo_v, hi_v));
            }
        } else {
            if hi_v < 0 || hi_v > cap {
                return Err(self.bounds(if is_slice { Bounds::SliceAcap } else { Bounds::SliceAlen }, hi_v, cap));
            }
            if lo_v < 0 || lo_v > hi_v {
                return Err(self.bounds(Bounds::SliceB, lo_v, hi_v));
            }
        }
        let new_cap = max.unwrap_or(cap) - lo_v;
        Ok(if is_str {
            Value::Str { obj: if hi_v == lo_v { 0 } else { obj }, off: if hi_v == lo_v { 0 } else { (off + lo_v) as u32 }, len: (hi_v - lo_v) as u32 }
        } else if matches!(x, Value::Nil) {
            Value::Nil
        } else {
            Value::Slice { obj, off: (off + lo_v) as u32, len: (hi_v - lo_v) as u32, cap: new_cap as u32 }
        })
    }

    fn type_assert(&mut self, prog: &Bytecode, site: u32, x: Value) -> Result<Value, String> {
        let Some(site) = prog.asserts.get(site as usize).copied() else { return Err("bad assertion site".into()) };
        let Some(target) = prog.types.get(site.target as usize) else { return Err("bad assertion type".into()) };
        if let Kind::Interface(methods) = &target.kind {
            let Value::Iface { tid, .. } = x else {
                return Err(panic::type_assertion(None, None, &target.name, None));
            };
            let Some(dynt) = prog.types.get(tid as usize) else { return Err("bad dynamic type".into()) };
            let mut missing: Vec<&str> =
                methods.iter().filter(|&&m| dynt.method(m).is_none()).map(|&m| prog.method_names.get(m as usize).map_or("?", |s| s.as_str())).collect();
            missing.sort();
            if let Some(m) = missing.first() {
                return Err(panic::type_assertion(None, Some(&dynt.name), &target.name, Some(m)));
            }
            return Ok(x);
        }
        let iface_name = prog.type_name(site.iface);
        match x {
            Value::Iface { tid, obj } if tid == site.target => Ok(self.heap.cell(obj)),
            Value::Iface { tid, .. } => Err(panic::type_assertion(Some(iface_name), Some(prog.type_name(tid)), &target.name, None)),
            _ => Err(panic::type_assertion(Some(iface_name), None, &target.name, None)),
        }
    }

    /// Goroutine `g` writes `bytes` to fd 1 or 2 (`os.Stdout`, `os.Stderr`).
    pub fn write_fd(&mut self, g: &GState, fd: u8, bytes: &[u8]) {
        self.wrote = true;
        self.mark_output(g, fd);
        self.emit(fd, bytes);
    }

    /// Bytes the program may write in all ([`VmConfig::output_budget`]).
    pub fn output_budget(&self) -> u64 {
        self.cfg.output_budget
    }

    /// Appends `bytes` to fd 1 or 2's buffer, as far as the output budget
    /// allows.
    fn emit(&mut self, fd: u8, bytes: &[u8]) {
        let left = self.cfg.output_budget.saturating_sub(self.written);
        let n = (bytes.len() as u64).min(left) as usize;
        if n < bytes.len() && self.output_full.is_none() {
            self.output_full = Some(self.out_marks.last().map(|m| m.span));
        }
        self.written += n as u64;
        if fd == 2 { &mut self.stderr } else { &mut self.stdout }.extend_from_slice(&bytes[..n]);
    }

    /// Notes that what `g` writes next to `fd` comes from the instruction
    /// it executes (its frame's saved `ip` is just past it); consecutive
    /// writes from one line share a mark.
    fn mark_output(&mut self, g: &GState, fd: u8) {
        let Some(f) = g.frames.last() else { return };
        let Some(func) = self.prog.funcs.get(f.func as usize) else { return };
        let span = func.chunk.span_at(f.ip.saturating_sub(1) as usize);
        let line = self.prog.file.line_col(span.start).line;
        let at = if fd == 2 { self.stderr.len() } else { self.stdout.len() };
        if self.out_marks.last().is_some_and(|m| m.fd == fd && m.line == line) {
            return;
        }
        self.out_marks.push(OutMark { fd, at, span, line });
    }

    fn print_value(&mut self, kind: PrintKind, v: Value) {
        let s = match kind {
            PrintKind::Int => v.int().to_string(),
            PrintKind::Uint => (v.int() as u64).to_string(),
            PrintKind::Float => panic::print_float(v.float()),
            PrintKind::Bool => v.bool().to_string(),
            PrintKind::String => {
                let b = self.heap.str_bytes(v).to_vec();
                self.emit(2, &b);
                return;
            }
            PrintKind::Pointer => match v.handle() {
                Some(h) => format!("{:#x}", fake_addr(h)),
                None => "0x0".into(),
            },
            PrintKind::Iface => match v {
                Value::Iface { tid, obj } => format!("({:#x},{:#x})", 0x4a0000 + tid as u64 * 0x20, fake_addr(obj)),
                _ => "(0x0,0x0)".into(),
            },
            PrintKind::Space => " ".into(),
            PrintKind::Newline => "\n".into(),
        };
        self.emit(2, s.as_bytes());
    }

    // ---- the dispatch loop ------------------------------------------------------

    fn run(&mut self, g: &mut GState, left: &mut u32) -> Stop {
        let prog = self.prog.clone();
        let prog: &Bytecode = &prog;
        let types = &prog.types[..];
        'reload: loop {
            let Some(fr) = g.frames.last() else { return Stop::Returned };
            // The running frame, cached; the call and return fast paths
            // switch these without going through 'reload.
            let mut fidx = g.frames.len() - 1;
            let Some(func) = prog.funcs.get(fr.func as usize) else { return flow_stop(internal("bad frame")) };
            let mut code = &func.chunk.code[..];
            let mut base = fr.base as usize;
            let mut env = fr.env;
            let mut ip = fr.ip as usize;

            macro_rules! save {
                () => {
                    if let Some(f) = g.frames.get_mut(fidx) {
                        f.ip = ip as u32
                    }
                };
            }
            macro_rules! pop {
                () => {
                    g.stack.pop().unwrap_or_default()
                };
            }
            macro_rules! push {
                ($v:expr) => {
                    g.stack.push($v)
                };
            }
            // Leaves the instruction through a non-local path.
            macro_rules! flow {
                ($f:expr) => {{
                    let f: Flow = $f;
                    save!();
                    handle!(f)
                }};
            }
            // The same, when the frames may already have changed.
            macro_rules! handle {
                ($f:expr) => {{
                    let mut f: Flow = $f;
                    // Each round consumes a defer record, so this ends.
                    loop {
                        match f {
                            Flow::Stop(s) => return s,
                            Flow::Panic(v, sig) => match self.begin_panic(g, prog, v, sig, false) {
                                Ok(()) => continue 'reload,
                                Err(nf) => f = nf,
                            },
                        }
                    }
                }};
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => flow!(Flow::from(e)),
                    }
                };
            }
            macro_rules! int_bin {
                ($f:expr) => {{
                    let b = pop!().int();
                    if let Some(t) = g.stack.last_mut() {
                        let a = t.int();
                        *t = Value::Int($f(a, b));
                    }
                }};
            }
            macro_rules! float_bin {
                ($f:expr) => {{
                    let b = pop!().float();
                    if let Some(t) = g.stack.last_mut() {
                        let a = t.float();
                        *t = Value::Float($f(a, b));
                    }
                }};
            }
            macro_rules! cmp {
                ($get:ident, $f:expr) => {{
                    let b = pop!().$get();
                    if let Some(t) = g.stack.last_mut() {
                        let a = t.$get();
                        *t = Value::Bool($f(a, b));
                    }
                }};
            }
            macro_rules! str_cmp {
                ($f:expr) => {{
                    let b = pop!();
                    let a = pop!();
                    let r = $f(self.heap.str_bytes(a).cmp(self.heap.str_bytes(b)));
                    push!(Value::Bool(r));
                }};
            }

            // A panic the runtime raised into this goroutine while it was
            // parked (send on closed channel...): unwind from here.
            if let Some(v) = g.pending_panic.take() {
                handle!(Flow::Panic(v, false))
            }
            if let Some(panicking) = g.resume_defers.take() {
                let r = if panicking {
                    if let Some(p) = g.panics.last_mut() {
                        p.defer_frame = None;
                    }
                    self.continue_panicking(g, prog)
                } else {
                    self.continue_return(g, prog)
                };
                match r {
                    Ok(()) => continue 'reload,
                    Err(f) => handle!(f),
                }
            }
            loop {
                if *left == 0 {
                    save!();
                    return Stop::Budget;
                }
                *left -= 1;
                let Some(&op) = code.get(ip) else {
                    save!();
                    return flow_stop(internal("ran off the end of a function"));
                };
                ip += 1;
                match op {
                    Op::Const(i) => push!(self.consts.get(i as usize).copied().unwrap_or_default()),
                    Op::PushInt(n) => push!(Value::Int(n as i64)),
                    Op::PushBool(b) => push!(Value::Bool(b)),
                    Op::PushNil => push!(Value::Nil),
                    Op::Zero(t) => {
                        let v = tri!(self.heap.zero(types, t));
                        push!(v)
                    }
                    Op::Pop => {
                        g.stack.pop();
                    }
                    Op::PopN(n) => {
                        let l = g.stack.len().saturating_sub(n as usize);
                        g.stack.truncate(l)
                    }
                    Op::Dup => {
                        let v = g.stack.last().copied().unwrap_or_default();
                        push!(v)
                    }
                    Op::Dup2 => {
                        let l = g.stack.len();
                        if l >= 2 {
                            g.stack.extend_from_within(l - 2..);
                        }
                    }
                    Op::Swap => {
                        let l = g.stack.len();
                        if l >= 2 {
                            g.stack.swap(l - 1, l - 2)
                        }
                    }

                    Op::GetLocal(i) => {
                        let v = g.stack.get(base + i as usize).copied().unwrap_or_default();
                        push!(v)
                    }
                    Op::SetLocal(i) => {
                        let v = pop!();
                        if let Some(s) = g.stack.get_mut(base + i as usize) {
                            *s = v
                        }
                    }
                    Op::GetGlobal(i) => push!(self.globals.get(i as usize).copied().unwrap_or_default()),
                    Op::SetGlobal(i) => {
                        let v = pop!();
                        if let Some(s) = self.globals.get_mut(i as usize) {
                            *s = v
                        }
                    }
                    Op::GetCapture(i) => push!(self.capture(env, i)),
                    Op::LoadCapture(i) => match self.capture(env, i) {
                        Value::Ptr { obj, slot } => push!(self.load_ptr(obj, slot)),
                        _ => flow!(self.nil_deref()),
                    },
                    Op::StoreCapture(i) => {
                        let v = pop!();
                        match self.capture(env, i) {
                            Value::Ptr { obj, slot } => tri!(self.store_ptr(obj, slot, v)),
                            _ => flow!(self.nil_deref()),
                        }
                    }
                    Op::NewCell => {
                        let v = pop!();
                        let h = tri!(self.heap.alloc(Obj::Cell(v), 8));
                        push!(Value::Ptr { obj: h, slot: 0 })
                    }
                    Op::Load => match pop!() {
                        Value::Ptr { obj, slot } => push!(self.load_ptr(obj, slot)),
                        _ => flow!(self.nil_deref()),
                    },
                    Op::Store => {
                        let v = pop!();
                        match pop!() {
                            Value::Ptr { obj, slot } => tri!(self.store_ptr(obj, slot, v)),
                            _ => flow!(self.nil_deref()),
                        }
                    }

                    Op::Clone => {
                        let v = pop!();
                        let c = tri!(self.heap.clone_value(v));
                        push!(c)
                    }
                    Op::Addr => match pop!() {
                        Value::Agg(h) => push!(Value::Ptr { obj: h, slot: WHOLE }),
                        _ => flow!(internal("address of a non-aggregate")),
                    },
                    Op::Field(i) => {
                        let x = pop!();
                        let h = match self.agg_of(x) {
                            Ok(h) => h,
                            Err(f) => flow!(f),
                        };
                        push!(self.heap.slots(h).get(i as usize).copied().unwrap_or_default())
                    }
                    Op::SetField(i) => {
                        let v = pop!();
                        let x = pop!();
                        let h = match self.agg_of(x) {
                            Ok(h) => h,
                            Err(f) => flow!(f),
                        };
                        tri!(self.heap.store_slot(h, i as usize, v))
                    }
                    Op::FieldAddr(i) => {
                        let x = pop!();
                        let h = match self.agg_of(x) {
                            Ok(h) => h,
                            Err(f) => flow!(f),
                        };
                        match self.heap.slots(h).get(i as usize) {
                            Some(Value::Agg(c)) => push!(Value::Ptr { obj: *c, slot: WHOLE }),
                            _ => push!(Value::Ptr { obj: h, slot: i as u32 }),
                        }
                    }
                    Op::Index => {
                        let i = pop!().int();
                        let x = pop!();
                        if let Value::Str { .. } = x {
                            let b = self.heap.str_bytes(x);
                            match usize::try_from(i).ok().and_then(|i| b.get(i)) {
                                Some(&c) => push!(Value::Int(c as i64)),
                                None => {
                                    let n = b.len() as i64;
                                    flow!(self.bounds(Bounds::Index, i, n))
                                }
                            }
                        } else {
                            let Some((obj, off, len)) = self.seq_of(x) else { flow!(self.nil_deref()) };
                            if i < 0 || i as usize >= len {
                                flow!(self.bounds(Bounds::Index, i, len as i64))
                            }
                            push!(self.heap.elem(obj, off + i as usize))
                        }
                    }
                    Op::SetIndex => {
                        let v = pop!();
                        let i = pop!().int();
                        let x = pop!();
                        let Some((obj, off, len)) = self.seq_of(x) else { flow!(self.nil_deref()) };
                        if i < 0 || i as usize >= len {
                            flow!(self.bounds(Bounds::Index, i, len as i64))
                        }
                        tri!(self.heap.store_slot(obj, off + i as usize, v))
                    }
                    Op::IndexAddr => {
                        let i = pop!().int();
                        let x = pop!();
                        let Some((obj, off, len)) = self.seq_of(x) else { flow!(self.nil_deref()) };
                        if i < 0 || i as usize >= len {
                            flow!(self.bounds(Bounds::Index, i, len as i64))
                        }
                        let at = off + i as usize;
                        match self.heap.slots(obj).get(at) {
                            Some(Value::Agg(c)) => push!(Value::Ptr { obj: *c, slot: WHOLE }),
                            _ => push!(Value::Ptr { obj, slot: at as u32 }),
                        }
                    }
                    Op::SliceExpr(flags) => {
                        let max = if flags & SLICE_MAX != 0 { Some(pop!().int()) } else { None };
                        let hi = if flags & SLICE_HI != 0 { Some(pop!().int()) } else { None };
                        let lo = if flags & SLICE_LO != 0 { Some(pop!().int()) } else { None };
                        let x = pop!();
                        match self.slice_expr(x, lo, hi, max) {
                            Ok(v) => push!(v),
                            Err(f) => flow!(f),
                        }
                    }
                    Op::Len => {
                        let x = pop!();
                        let n = match x {
                            Value::Str { len, .. } | Value::Slice { len, .. } => len as usize,
                            Value::Agg(h) => self.heap.slots(h).len(),
                            Value::Map(_) => self.heap.map_len(x),
                            Value::Chan(h) => match self.heap.get(h) {
                                Obj::Chan(c) => c.buf.len(),
                                _ => 0,
                            },
                            _ => 0,
                        };
                        push!(Value::Int(n as i64))
                    }
                    Op::Cap => {
                        let n = match pop!() {
                            Value::Slice { cap, .. } => cap as usize,
                            Value::Agg(h) => self.heap.slots(h).len(),
                            Value::Chan(h) => match self.heap.get(h) {
                                Obj::Chan(c) => c.cap as usize,
                                _ => 0,
                            },
                            _ => 0,
                        };
                        push!(Value::Int(n as i64))
                    }
                    Op::MakeSlice(elem) => {
                        let cap = pop!().int();
                        let len = pop!().int();
                        if let Some(msg) = makeslice_error(Self::elem_size(prog, elem), len, cap) {
                            flow!(self.rt_error(rtype::T_RT_ERRORSTRING, msg))
                        }
                        // Within Go's limits but past the heap budget (or
                        // the engine's 2^32 elements): out of memory.
                        if cap > u32::MAX as i64 {
                            flow!(Flow::from(HeapError::OutOfMemory { requested: u64::MAX, budget: self.heap.budget() }))
                        }
                        let h = match self.new_backing(prog, elem, &[], cap as usize) {
                            Ok(h) => h,
                            Err(f) => flow!(f),
                        };
                        push!(Value::Slice { obj: h, off: 0, len: len as u32, cap: cap as u32 })
                    }
                    Op::Append { elem, n: 1 } => {
                        // The common case, without collecting the values.
                        let v = pop!();
                        let s = pop!();
                        match s {
                            Value::Slice { obj, off, len, cap } if len < cap => {
                                tri!(self.heap.store_slot(obj, (off + len) as usize, v));
                                push!(Value::Slice { obj, off, len: len + 1, cap })
                            }
                            _ => match self.append(prog, elem, s, &[v]) {
                                Ok(v) => push!(v),
                                Err(f) => flow!(f),
                            },
                        }
                    }
                    Op::Append { elem, n } => {
                        // `append(s, x)` and its few-values kin need no Vec.
                        let vals = crate::value::InlineValues::<4>::pop_from(&mut g.stack, n as usize);
                        let s = pop!();
                        match self.append(prog, elem, s, &vals) {
                            Ok(v) => push!(v),
                            Err(f) => flow!(f),
                        }
                    }
                    Op::AppendSlice(elem) => {
                        let t = pop!();
                        let s = pop!();
                        // Bytes stay bytes: as values they take 16 times
                        // the memory (a 200 MB append took gigabytes).
                        if ByteKind::of(types, elem).is_some()
                            && let Some(bytes) = self.raw_bytes(t).map(<[u8]>::to_vec)
                            && let Some(r) = self.append_raw(prog, elem, s, &bytes)
                        {
                            match r {
                                Ok(v) => push!(v),
                                Err(f) => flow!(f),
                            }
                            continue;
                        }
                        let vals = self.elems(t);
                        match self.append(prog, elem, s, &vals) {
                            Ok(v) => push!(v),
                            Err(f) => flow!(f),
                        }
                    }
                    Op::Copy => {
                        let src = pop!();
                        let dst = pop!();
                        let (obj, off, len) = self.seq_of(dst).unwrap_or((0, 0, 0));
                        if self.heap.byte_arr(obj).is_some()
                            && let Some(bytes) = self.raw_bytes(src).map(|b| b[..b.len().min(len)].to_vec())
                        {
                            // Byte to byte, as Go's memmove (the bytes are
                            // read before any is written).
                            let n = bytes.len();
                            if let Some(Obj::ByteArr(_, d)) = self.heap.get_mut(obj)
                                && let Some(to) = d.get_mut(off..off + n)
                            {
                                to.copy_from_slice(&bytes);
                            }
                            push!(Value::Int(n as i64));
                            continue;
                        }
                        let mut vals = self.elems(src);
                        vals.truncate(len);
                        let n = vals.len().min(len);
                        for (i, &v) in vals[..n].iter().enumerate() {
                            tri!(self.heap.store_slot(obj, off + i, v));
                        }
                        push!(Value::Int(n as i64))
                    }

                    Op::MakeMap(ty) => {
                        let mut hint = pop!().int();
                        if hint < 0 {
                            flow!(self.rt_error(rtype::T_RT_ERRORSTRING, panic::MAKEMAP_HINT))
                        }
                        if map_hint_too_large(prog, ty, hint) {
                            hint = 0;
                        }
                        let seed = self.chooser.map_hash_seed();
                        let m = tri!(self.heap.alloc_map(seed, hint.min(1 << 24) as usize));
                        push!(m)
                    }
                    Op::MapGet(vt) | Op::MapGetOk(vt) => {
                        let k = pop!();
                        let m = pop!();
                        if self.map_checks && self.map_race(m, *left, MapAccess::Read) {
                            flow!(map_fatal(MapAccess::Read))
                        }
                        let found = match self.heap.map_get(types, m, k) {
                            Ok(f) => f,
                            Err(u) => flow!(self.uncomparable(u, true)),
                        };
                        let ok = found.is_some();
                        let v = match found {
                            Some(v) => v,
                            None => tri!(self.heap.zero(types, vt)),
                        };
                        push!(v);
                        if matches!(op, Op::MapGetOk(_)) {
                            push!(Value::Bool(ok))
                        }
                    }
                    Op::MapSet => {
                        let v = pop!();
                        let k = pop!();
                        let Value::Map(h) = pop!() else { flow!(self.rt_error(rtype::T_RT_PLAIN, panic::NIL_MAP)) };
                        if self.map_checks && self.map_race(Value::Map(h), *left, MapAccess::Write) {
                            flow!(map_fatal(MapAccess::Write))
                        }
                        match self.heap.map_set(types, h, k, v) {
                            Ok(()) => {}
                            Err(MapError::Uncomparable(u)) => flow!(self.uncomparable(u, true)),
                            Err(MapError::Heap(e)) => flow!(e.into()),
                        }
                    }
                    Op::MapDelete => {
                        let k = pop!();
                        let m = pop!();
                        if self.map_checks && self.map_race(m, *left, MapAccess::Write) {
                            flow!(map_fatal(MapAccess::Write))
                        }
                        if let Err(u) = self.heap.map_delete(types, m, k) {
                            flow!(self.uncomparable(u, true))
                        }
                    }
                    Op::MapIter => {
                        let m = pop!();
                        let start = self.chooser.map_iter_start();
                        let it = tri!(self.heap.map_iter(m, start));
                        push!(it)
                    }
                    Op::MapNext(t) => {
                        let it = g.stack.last().copied().unwrap_or_default();
                        if self.map_checks
                            && let Some(m) = self.heap.iter_map(it)
                            && self.map_race(m, *left, MapAccess::Iterate)
                        {
                            flow!(map_fatal(MapAccess::Iterate))
                        }
                        match self.heap.map_next(types, it) {
                            Ok(Some((k, v))) => {
                                push!(k);
                                push!(v)
                            }
                            Ok(None) => ip = t as usize,
                            Err(u) => flow!(self.uncomparable(u, true)),
                        }
                    }
                    Op::Clear => {
                        let x = pop!();
                        if let Value::Map(_) = x {
                            if self.map_checks && self.map_race(x, *left, MapAccess::Write) {
                                flow!(map_fatal(MapAccess::Write))
                            }
                            self.heap.map_clear(x)
                        } else if let Some((obj, off, len)) = self.seq_of(x)
                            && !self.heap.zero_bytes(obj, off, len)
                        {
                            for i in off..off + len {
                                let v = self.heap.slots(obj).get(i).copied().unwrap_or_default();
                                self.zero_in_place(obj, i, v);
                            }
                        }
                    }

                    Op::AddIConst(c) => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(t.int().wrapping_add(c as i64))
                        }
                    }
                    Op::IncLocal { local, by } => {
                        if let Some(s) = g.stack.get_mut(base + local as usize) {
                            *s = Value::Int(s.int().wrapping_add(by as i64))
                        }
                    }
                    Op::AddLocal { dst, src } => {
                        let b = g.stack.get(base + src as usize).map_or(0, |v| v.int());
                        if let Some(s) = g.stack.get_mut(base + dst as usize) {
                            *s = Value::Int(s.int().wrapping_add(b))
                        }
                    }
                    Op::AddI => int_bin!(|a: i64, b: i64| a.wrapping_add(b)),
                    Op::SubI => int_bin!(|a: i64, b: i64| a.wrapping_sub(b)),
                    Op::MulI => int_bin!(|a: i64, b: i64| a.wrapping_mul(b)),
                    Op::DivI | Op::DivU | Op::RemI | Op::RemU => {
                        let b = pop!().int();
                        if b == 0 {
                            flow!(self.rt_error(rtype::T_RT_ERRORSTRING, panic::DIVIDE))
                        }
                        let a = pop!().int();
                        push!(Value::Int(match op {
                            Op::DivI => a.wrapping_div(b),
                            Op::RemI => a.wrapping_rem(b),
                            Op::DivU => ((a as u64) / (b as u64)) as i64,
                            _ => ((a as u64) % (b as u64)) as i64,
                        }))
                    }
                    Op::NegI => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(t.int().wrapping_neg())
                        }
                    }
                    Op::And => int_bin!(|a: i64, b: i64| a & b),
                    Op::Or => int_bin!(|a: i64, b: i64| a | b),
                    Op::Xor => int_bin!(|a: i64, b: i64| a ^ b),
                    Op::AndNot => int_bin!(|a: i64, b: i64| a & !b),
                    Op::Not => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(!t.int())
                        }
                    }
                    Op::Shl | Op::ShrI | Op::ShrU => {
                        let b = pop!().int();
                        if b < 0 {
                            flow!(self.rt_error(rtype::T_RT_ERRORSTRING, panic::NEG_SHIFT))
                        }
                        let a = pop!().int();
                        push!(Value::Int(match op {
                            Op::Shl => {
                                if b >= 64 {
                                    0
                                } else {
                                    a << b
                                }
                            }
                            Op::ShrI => a >> b.min(63),
                            _ => {
                                if b >= 64 {
                                    0
                                } else {
                                    ((a as u64) >> b) as i64
                                }
                            }
                        }))
                    }
                    Op::Trunc(k) => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(k.wrap(t.int()))
                        }
                    }
                    Op::EqI => cmp!(int, |a, b| a == b),
                    Op::NeI => cmp!(int, |a, b| a != b),
                    Op::LtI => cmp!(int, |a, b| a < b),
                    Op::LeI => cmp!(int, |a, b| a <= b),
                    Op::GtI => cmp!(int, |a, b| a > b),
                    Op::GeI => cmp!(int, |a, b| a >= b),
                    Op::LtU => cmp!(int, |a: i64, b: i64| (a as u64) < (b as u64)),
                    Op::LeU => cmp!(int, |a: i64, b: i64| (a as u64) <= (b as u64)),
                    Op::GtU => cmp!(int, |a: i64, b: i64| (a as u64) > (b as u64)),
                    Op::GeU => cmp!(int, |a: i64, b: i64| (a as u64) >= (b as u64)),

                    Op::AddF => float_bin!(|a: f64, b: f64| a + b),
                    Op::SubF => float_bin!(|a: f64, b: f64| a - b),
                    Op::MulF => float_bin!(|a: f64, b: f64| a * b),
                    Op::DivF => float_bin!(|a: f64, b: f64| a / b),
                    Op::NegF => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Float(-t.float())
                        }
                    }
                    Op::RoundF32 => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Float(t.float() as f32 as f64)
                        }
                    }
                    Op::EqF => cmp!(float, |a, b| a == b),
                    Op::NeF => cmp!(float, |a, b| a != b),
                    Op::LtF => cmp!(float, |a, b| a < b),
                    Op::LeF => cmp!(float, |a, b| a <= b),
                    Op::GtF => cmp!(float, |a, b| a > b),
                    Op::GeF => cmp!(float, |a, b| a >= b),

                    Op::Concat => {
                        let b = pop!();
                        let a = pop!();
                        let s = tri!(self.heap.concat(a, b));
                        push!(s)
                    }
                    Op::EqS => str_cmp!(|o| o == std::cmp::Ordering::Equal),
                    Op::NeS => str_cmp!(|o| o != std::cmp::Ordering::Equal),
                    Op::LtS => str_cmp!(|o| o == std::cmp::Ordering::Less),
                    Op::LeS => str_cmp!(|o| o != std::cmp::Ordering::Greater),
                    Op::GtS => str_cmp!(|o| o == std::cmp::Ordering::Greater),
                    Op::GeS => str_cmp!(|o| o != std::cmp::Ordering::Less),
                    Op::DecodeRune => {
                        let i = pop!().int();
                        let s = pop!();
                        let b = self.heap.str_bytes(s);
                        let (r, w) = decode_rune(b.get(i.max(0) as usize..).unwrap_or(&[]));
                        push!(Value::Int(r as i64));
                        push!(Value::Int(w as i64))
                    }

                    Op::Eq | Op::Ne => {
                        let b = pop!();
                        let a = pop!();
                        match self.heap.equal(types, a, b) {
                            Ok(e) => push!(Value::Bool(e == matches!(op, Op::Eq))),
                            Err(u) => flow!(self.uncomparable(u, false)),
                        }
                    }
                    Op::LNot => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Bool(!t.bool())
                        }
                    }

                    Op::IntToFloat => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Float(t.int() as f64)
                        }
                    }
                    Op::UintToFloat => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Float(t.int() as u64 as f64)
                        }
                    }
                    Op::FloatToInt(k) => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(float_to_int(t.float(), k))
                        }
                    }
                    Op::RuneToStr => {
                        let r = pop!().int();
                        let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                        let mut buf = [0u8; 4];
                        let s = tri!(self.heap.alloc_str(c.encode_utf8(&mut buf).as_bytes()));
                        push!(s)
                    }
                    Op::BytesToStr => {
                        let x = pop!();
                        let bytes: Vec<u8> = match x {
                            Value::Slice { obj, off, len, .. } if self.heap.byte_arr(obj).is_some() => {
                                self.heap.byte_arr(obj).and_then(|d| d.get(off as usize..(off + len) as usize)).unwrap_or(&[]).to_vec()
                            }
                            _ => self.elems(x).iter().map(|v| v.int() as u8).collect(),
                        };
                        let s = tri!(self.heap.alloc_str(&bytes));
                        push!(s)
                    }
                    Op::RunesToStr => {
                        let x = pop!();
                        let mut out = String::new();
                        for v in self.elems(x) {
                            out.push(u32::try_from(v.int()).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'));
                        }
                        let s = tri!(self.heap.alloc_str(out.as_bytes()));
                        push!(s)
                    }
                    Op::StrToBytes | Op::StrToRunes => {
                        let x = pop!();
                        let b = self.heap.str_bytes(x);
                        if matches!(op, Op::StrToBytes) {
                            // A compact byte array, even when empty: []byte("") is
                            // an empty, non-nil slice.
                            let data = b.to_vec();
                            let n = data.len() as u32;
                            let h = tri!(self.heap.alloc_byte_arr(ByteKind::U8, data, n as u64));
                            push!(Value::Slice { obj: h, off: 0, len: n, cap: n });
                            continue;
                        }
                        let vals: Vec<Value> = if matches!(op, Op::StrToBytes) {
                            b.iter().map(|&c| Value::Int(c as i64)).collect()
                        } else {
                            // The runes counted first: their slots are
                            // checked against the heap budget before they
                            // take the host's memory.
                            let (mut n, mut i) = (0u64, 0);
                            while i < b.len() {
                                i += decode_rune(&b[i..]).1.max(1);
                                n += 1;
                            }
                            tri!(self.heap.reserve(n.saturating_mul(std::mem::size_of::<Value>() as u64)));
                            let mut v = Vec::with_capacity(n as usize);
                            let mut i = 0;
                            while i < b.len() {
                                let (r, w) = decode_rune(&b[i..]);
                                v.push(Value::Int(r as i64));
                                i += w;
                            }
                            v
                        };
                        if vals.is_empty() {
                            // []byte("") is an empty, non-nil slice.
                            let h = tri!(self.heap.alloc_slots(Vec::new(), 0));
                            push!(Value::Slice { obj: h, off: 0, len: 0, cap: 0 })
                        } else {
                            let n = vals.len() as u32;
                            let size = if matches!(op, Op::StrToBytes) { n as u64 } else { 4 * n as u64 };
                            let h = tri!(self.heap.alloc_slots(vals, size));
                            push!(Value::Slice { obj: h, off: 0, len: n, cap: n })
                        }
                    }

                    Op::Jump(t) => {
                        if (t as usize) < ip {
                            // A backward jump is a safe point.
                            if self.heap.gc_due() {
                                save!();
                                self.collect_with(Some(g));
                            }
                        }
                        ip = t as usize
                    }
                    Op::JumpIfFalse(t) => {
                        if !pop!().bool() {
                            ip = t as usize
                        }
                    }
                    Op::JumpUnlessI { cmp, target } => {
                        let b = pop!().int();
                        let a = pop!().int();
                        if !cmp.holds(a, b) {
                            if (target as usize) < ip && self.heap.gc_due() {
                                save!();
                                self.collect_with(Some(g));
                            }
                            ip = target as usize
                        }
                    }
                    Op::JumpIfTrue(t) => {
                        if pop!().bool() {
                            ip = t as usize
                        }
                    }

                    Op::Call(f) => {
                        let Some(callee) = prog.funcs.get(f as usize) else { flow!(internal("call of an unknown function")) };
                        let at = g.stack.len().saturating_sub(callee.nparams as usize);
                        save!();
                        if let Err(e) = self.push_frame(g, prog, f, at, at, Value::Nil, FrameKind::Normal, 0) {
                            handle!(e)
                        }
                        if self.heap.gc_due() {
                            self.collect_with(Some(g));
                        }
                        fidx += 1;
                        code = &callee.chunk.code[..];
                        base = at;
                        env = Value::Nil;
                        ip = 0;
                    }
                    Op::CallValue(argc) => {
                        let fpos = g.stack.len().saturating_sub(argc as usize + 1);
                        save!();
                        match self.call_value(g, prog, fpos, argc as usize, FrameKind::Normal, 0) {
                            Ok(true) => {
                                if self.heap.gc_due() {
                                    self.collect_with(Some(g));
                                }
                                continue 'reload;
                            }
                            Ok(false) => {}
                            Err(f) => handle!(f),
                        }
                    }
                    Op::CallIface { method, argc } => {
                        save!();
                        match self.call_iface(g, prog, method, argc as usize, FrameKind::Normal) {
                            Ok(true) => continue 'reload,
                            Ok(false) => {}
                            Err(f) => handle!(f),
                        }
                    }
                    Op::CallNative { id, argc } => {
                        save!();
                        if let Err(f) = self.call_native(g, prog, id, argc as usize) {
                            handle!(f)
                        }
                        // A write with several Ps ends the slice; so does
                        // the output budget, spent: the process ends the run.
                        if (self.wrote && self.yield_after_write) || self.output_full.is_some() {
                            return Stop::Budget;
                        }
                    }
                    Op::Ret(n) => {
                        let fr = g.frames[fidx];
                        if fr.kind == FrameKind::Normal && g.defers.len() <= fr.defer_base as usize && fidx > 0 {
                            // Fast path: no defers, back to a bytecode caller.
                            let to = fr.ret_to as usize;
                            if n == 1 {
                                let v = pop!();
                                g.stack.truncate(to);
                                push!(v);
                            } else {
                                let src = g.stack.len().saturating_sub(n as usize);
                                if src < to {
                                    flow!(internal("return: missing results"))
                                }
                                g.stack.copy_within(src.., to);
                                g.stack.truncate(to + n as usize);
                            }
                            g.frames.pop();
                            g.stack_used -= fr.size as u64;
                            fidx -= 1;
                            let caller = g.frames[fidx];
                            let Some(cf) = prog.funcs.get(caller.func as usize) else { flow!(internal("bad frame")) };
                            code = &cf.chunk.code[..];
                            base = caller.base as usize;
                            env = caller.env;
                            ip = caller.ip as usize;
                            continue;
                        }
                        save!();
                        match self.do_return(g, prog, n as usize) {
                            Ok(()) => continue 'reload,
                            Err(f) => handle!(f),
                        }
                    }
                    Op::FuncValue(f) => push!(Value::Func(f)),
                    Op::MakeClosure { func: f, ncap } => {
                        let at = g.stack.len().saturating_sub(ncap as usize);
                        let caps: Box<[Value]> = g.stack[at..].into();
                        let h = tri!(self.heap.alloc(Obj::Closure { func: f, captures: caps }, 8 + 8 * ncap as u64));
                        g.stack.truncate(at);
                        push!(Value::Closure(h))
                    }

                    Op::Defer(argc) => {
                        let args = DeferArgs::pop_from(&mut g.stack, argc as usize);
                        let func = pop!();
                        g.push_defer(DeferRec { frame: fidx as u32, func, args });
                    }
                    Op::Panic => {
                        let mut v = pop!();
                        if v == Value::Nil {
                            v = match self.rt_error(rtype::T_RT_PANICNIL, panic::PANIC_NIL_ERROR) {
                                Flow::Panic(v, _) => v,
                                f => flow!(f),
                            };
                        }
                        flow!(Flow::Panic(v, false))
                    }
                    Op::Recover => {
                        let r = match g.panics.last_mut() {
                            Some(p) if !p.recovered && !p.goexit && p.defer_frame == Some(fidx as u32) => {
                                p.recovered = true;
                                self.inner_panic = None;
                                p.value
                            }
                            _ => Value::Nil,
                        };
                        push!(r)
                    }
                    Op::Goexit => {
                        save!();
                        match self.begin_panic(g, prog, Value::Nil, false, true) {
                            Ok(()) => continue 'reload,
                            Err(f) => handle!(f),
                        }
                    }

                    Op::ToIface(tid) => {
                        let v = pop!();
                        let v = tri!(self.heap.clone_value(v));
                        let size = types.get(tid as usize).map_or(8, |t| t.size);
                        let h = tri!(self.heap.alloc(Obj::Cell(v), size));
                        push!(Value::Iface { tid, obj: h })
                    }
                    Op::TypeAssert(site) | Op::TypeAssertOk(site) => {
                        let x = pop!();
                        match self.type_assert(prog, site, x) {
                            Ok(v) => {
                                push!(v);
                                if matches!(op, Op::TypeAssertOk(_)) {
                                    push!(Value::Bool(true))
                                }
                            }
                            Err(msg) => {
                                if matches!(op, Op::TypeAssertOk(_)) {
                                    let t = prog.asserts.get(site as usize).map_or(0, |s| s.target);
                                    let z = tri!(self.heap.zero(types, t));
                                    push!(z);
                                    push!(Value::Bool(false))
                                } else {
                                    flow!(self.rt_error(rtype::T_RT_TYPEASSERT, &msg))
                                }
                            }
                        }
                    }

                    Op::Go(argc) => {
                        let at = g.stack.len().saturating_sub(argc as usize);
                        // `go f()` (no arguments) is the common form.
                        let args = if at == g.stack.len() { Vec::new() } else { g.stack.split_off(at) };
                        let func = pop!();
                        save!();
                        return Stop::Syscall(Syscall::Go { func, args });
                    }
                    Op::Sys { id, argc } => {
                        let at = g.stack.len().saturating_sub(argc as usize);
                        let args: Vec<Value> = g.stack.drain(at..).collect();
                        save!();
                        return Stop::Syscall(Syscall::Sys { id, args });
                    }
                    Op::Print(kind) => {
                        let v = if matches!(kind, PrintKind::Space | PrintKind::Newline) { Value::Nil } else { pop!() };
                        save!();
                        self.mark_output(g, 2);
                        self.print_value(kind, v);
                        if self.output_full.is_some() {
                            return Stop::Budget;
                        }
                    }
                }
            }
        }
    }

    #[inline]
    fn capture(&self, env: Value, i: u16) -> Value {
        match env {
            Value::Closure(h) => match self.heap.get(h) {
                Obj::Closure { captures, .. } => captures.get(i as usize).copied().unwrap_or_default(),
                _ => Value::Nil,
            },
            _ => Value::Nil,
        }
    }

    /// `clear(s)`: each element becomes the zero value of its kind.
    fn zero_in_place(&mut self, obj: Handle, i: usize, v: Value) {
        let z = match v {
            Value::Int(_) => Value::Int(0),
            Value::Float(_) => Value::Float(0.0),
            Value::Bool(_) => Value::Bool(false),
            Value::Str { .. } => Value::EMPTY_STRING,
            Value::Agg(h) => {
                let n = self.heap.slots(h).len();
                for j in 0..n {
                    let c = self.heap.slots(h)[j];
                    self.zero_in_place(h, j, c);
                }
                return;
            }
            _ => Value::Nil,
        };
        if let Some(s) = self.heap.slots_mut(obj).get_mut(i) {
            *s = z;
        }
    }
}

fn flow_stop(f: Flow) -> Stop {
    match f {
        Flow::Stop(s) => s,
        Flow::Panic(..) => Stop::Fatal(Fatal { kind: FatalKind::Internal, message: "fatal error: panic during panic handling\n".into(), trace: vec![] }),
    }
}

/// A stable, Go-looking heap address for `print` of pointers.
fn fake_addr(h: Handle) -> u64 {
    0xc000010000 + h as u64 * 0x10
}

/// Go's conversion of a float to an integer type, as amd64 performs it
/// (out-of-range and NaN give the "integer indefinite" value).
fn float_to_int(f: f64, k: IntKind) -> i64 {
    fn cvtt(f: f64) -> i64 {
        if f.is_nan() || !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) { i64::MIN } else { f as i64 }
    }
    match k {
        IntKind::U64 => {
            if f < 9.223_372_036_854_776e18 {
                cvtt(f)
            } else {
                cvtt(f - 9.223_372_036_854_776e18) ^ i64::MIN
            }
        }
        _ => k.wrap(cvtt(f)),
    }
}

/// Decodes one UTF-8 rune as Go does: an invalid byte is U+FFFD, width 1.
pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&c0) = b.first() else { return (0xFFFD, 0) };
    if c0 < 0x80 {
        return (c0 as u32, 1);
    }
    let (n, min) = match c0 {
        0xC2..=0xDF => (2, 0x80),
        0xE0..=0xEF => (3, 0x800),
        0xF0..=0xF4 => (4, 0x10000),
        _ => return (0xFFFD, 1),
    };
    if b.len() < n {
        return (0xFFFD, 1);
    }
    match std::str::from_utf8(&b[..n]) {
        Ok(s) => {
            let r = s.chars().next().map_or(0xFFFD, |c| c as u32);
            if r < min { (0xFFFD, 1) } else { (r, n) }
        }
        Err(_) => (0xFFFD, 1),
    }
}

/// Go's `growslice` capacity policy, rounded up to malloc size classes so
/// `cap()` after `append` matches real Go.
pub fn grow_cap(old_cap: usize, new_len: usize, elem_size: u64) -> usize {
    let mut new_cap = old_cap;
    let double = old_cap + old_cap;
    if new_len > double {
        new_cap = new_len;
    } else {
        const THRESHOLD: usize = 256;
        if old_cap < THRESHOLD {
            new_cap = double;
        } else {
            while new_cap < new_len {
                new_cap += (new_cap + 3 * THRESHOLD) >> 2;
            }
        }
    }
    if elem_size == 0 {
        return new_cap;
    }
    let bytes = (new_cap as u64).saturating_mul(elem_size);
    (round_up_size(bytes) / elem_size) as usize
}

/// Go's malloc size classes (`runtime/sizeclasses.go`); large sizes round
/// to whole 8 KB pages.
fn round_up_size(n: u64) -> u64 {
    const CLASSES: [u64; 68] = [
        0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768,
        896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240,
        10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
    ];
    if n <= 32768 {
        return CLASSES.iter().copied().find(|&c| c >= n).unwrap_or(32768);
    }
    n.div_ceil(8192).saturating_mul(8192)
}
