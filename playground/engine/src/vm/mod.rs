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

mod call;
pub(crate) mod complex;
mod dispatch;
mod frame;
mod liveness;
mod memory;
mod output;
pub mod race;
pub(crate) mod reenter;
mod unwind;
pub(crate) mod panic;
mod program;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod testutil;

pub use frame::{DeferArgs, DeferRec, Entry, Frame, FrameKind, GState, INITIAL_STACK, Stacks, MAX_STACK, PanicRec};
pub use liveness::Liveness;
pub use output::bytes_string;
pub use panic::{Bounds, bounds_message};
/// UTF-8 decoding as Go's `utf8.DecodeRune` (one home: `format`).
pub use crate::format::decode_rune;
pub use program::{Bytecode, Const, Function, GOROOT_SRC, NATIVE_FUNC_BIT, NativeFn, ResultSlot, SendElem, Throw};

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
    /// Bytes the files of the run's in-memory file system may hold
    /// together (package `os`); past it the run ends.
    pub fs_budget: u64,
    /// The command line's arguments after the program's name (`os.Args[1:]`).
    pub args: Vec<String>,
    /// What the program reads from `os.Stdin`; empty, it reads EOF.
    pub stdin: Vec<u8>,
}

impl Default for VmConfig {
    fn default() -> VmConfig {
        VmConfig {
            seed: 1,
            instr_limit: 2_000_000_000,
            heap_budget: 512 << 20,
            max_host_stack: 256 << 20,
            output_budget: 64 << 20,
            fs_budget: 32 << 20,
            args: Vec::new(),
            stdin: Vec::new(),
        }
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
    /// A budget of the playground's own that Go does not have (the file
    /// system's bytes): the message names it, without `fatal error:`, and
    /// the process reports it as its other budgets (`crash::budget`).
    Budget,
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
    /// The index in `gs` of the goroutine `execute` runs (`usize::MAX`
    /// outside it): a range-over-func `#defers` token names it.
    running: usize,
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
    /// The standard logger's writer once the program called
    /// `log.SetOutput`: a holder slot (see [`Vm::hold`]) whose stack is
    /// the writer, so the collector sees it; stderr until then.
    pub log_std_out: Option<usize>,
    /// Go's `maxstacksize`: a goroutine's stack may not grow past it
    /// (`runtime/debug.SetMaxStack` changes it).
    pub max_stack: u64,
    /// How much of `VmConfig::stdin` the program has read: fd 0's
    /// position, which `os.Stdin` and `fmt.Scan` share.
    pub stdin_read: usize,
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
    /// The running native's calls of Go code, while it may call some
    /// (`Native::reenters`; see `reenter.rs`). Boxed: it moves in and out
    /// around every such call.
    pub reentry: Option<Box<reenter::Reentry>>,
    /// The logs of natives whose calls of Go code are running (innermost
    /// last): collector roots meanwhile.
    pub reentry_outer: Vec<Box<reenter::Reentry>>,
    /// Finished natives' logs, kept for their memory (natives call each
    /// other through Go: `String` calling `Sprintf` inside `Println`).
    spare_reentry: Vec<Box<reenter::Reentry>>,
    /// A native wrote to fd 1 or 2 (`write_fd`) since the process last
    /// looked: with several Ps the write is a system call that takes time.
    pub wrote: bool,
    /// Several Ps: end the slice right after a native that wrote, and
    /// right before a `sync` or `sync/atomic` operation once the slice has
    /// done other work. What other Ps can see is ordered at slice
    /// boundaries, so each such operation then happens at its own virtual
    /// time (a Lock's fast path, a CompareAndSwap), not at its slice's start.
    pub yield_at_shared_ops: bool,
    /// The value of `instructions` at which another P's clock lies
    /// ([`crate::sched::Sched::others_earliest`]): a shared operation
    /// before it cannot be seen out of order, so the slice goes on. A
    /// count of all instructions, not of the current `execute`'s, so a
    /// slice the host cut and resumed reads it as one call would.
    pub shared_horizon: u64,
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
    /// Set by `run` when it stops because its budget ran out (not to
    /// yield early, after a write or before a shared operation, which
    /// returns `Stop::Budget` too): the caller may execute on from there
    /// as if it had never stopped.
    budget_spent: bool,
    /// An `execute_state` is running: another one is a native's nested
    /// call (`stdlib::call_go`).
    executing: bool,
    /// What the last [`Vm::execute`] did itself (a nested call's
    /// instructions excluded): instructions run, and whether it stopped
    /// because its budget ran out.
    pub last_execute: (u32, bool),
    /// The race detector, when the run has `-race` (`race.rs`).
    pub race: Option<Box<race::RaceState>>,
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
    /// The run's configuration (budgets, arguments, input).
    pub fn config(&self) -> &VmConfig {
        &self.cfg
    }

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
            running: usize::MAX,
            spare: Vec::new(),
            stand_in: None,
            clock: (0, 0),
            log_std: None,
            log_std_out: None,
            max_stack: MAX_STACK,
            stdin_read: 0,
            out_marks: Vec::new(),
            written: 0,
            stacks_reserved: 0,
            output_full: None,
            made_chans: Vec::new(),
            wrote: false,
            yield_at_shared_ops: false,
            shared_horizon: u64::MAX,
            map_checks: false,
            cur_p: 0,
            sync_epoch: 0,
            slice: 0,
            budget_spent: false,
            executing: false,
            last_execute: (0, false),
            race: None,
            inner_panic: None,
            reentry: None,
            reentry_outer: Vec::new(),
            spare_reentry: Vec::new(),
            prog,
        };
        for c in vm.prog.clone().consts.iter() {
            let v = match c {
                Const::Int(i) => Value::Int(*i),
                Const::Float(f) => Value::Float(*f),
                Const::Complex(re, im) => Value::from_complex(*re, *im),
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

    /// Keeps `vals` reachable for the collector on a holder: a goroutine
    /// slot that never runs (`slot`, made on first use when `None`).
    /// Returns the slot, for the next call.
    pub fn hold(&mut self, slot: Option<usize>, vals: Vec<Value>) -> usize {
        let i = slot.unwrap_or_else(|| {
            self.gs.push(Box::default());
            self.gs.len() - 1
        });
        if let Some(s) = self.gs.get_mut(i) {
            s.stack = vals;
        }
        i
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
        for r in self.reentry_outer.iter().chain(&self.reentry) {
            work.extend(r.values().filter_map(|v| v.handle()));
        }
        let freed = self.heap.collect_from(work);
        if self.race.is_some() {
            self.racefree();
        }
        freed
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
        let mut trace = Vec::with_capacity(g.frames.len());
        let marker = self.prog.reenter.map(|r| r.marker);
        for (i, f) in g.frames.iter().enumerate().rev() {
            if Some(f.func) == marker {
                self.marker_frames(g, i, &mut trace);
                continue;
            }
            match f.kind {
                FrameKind::PanicPrint(_) => {}
                // A deferred call the panic runs sits above Go's gopanic
                // frame, at its call of the deferred function.
                FrameKind::DeferredByPanic => {
                    trace.push(self.trace_frame(f.func, f.ip));
                    trace.push(TraceFrame { func: "panic".into(), line: 859, has_args: true, file: Some(format!("{GOROOT_SRC}/runtime/panic.go")) });
                }
                _ => trace.push(self.trace_frame(f.func, f.ip)),
            }
        }
        trace
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
            self.last_execute = (0, false);
            return Stop::Fatal(Fatal { kind: FatalKind::Internal, message: "fatal error: no such goroutine\n".into(), trace: vec![] });
        };
        // An empty state stands in the slot while the goroutine runs (it
        // is a root through `execute_state`'s argument meanwhile).
        let stand_in = self.stand_in.take().unwrap_or_default();
        let mut state = std::mem::replace(slot, stand_in);
        self.running = g;
        let stop = self.execute_state(&mut state, budget);
        self.running = usize::MAX;
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
            self.last_execute = (0, false);
            return stop;
        }
        let remaining = self.cfg.instr_limit.saturating_sub(self.instructions);
        let limited = (budget as u64) > remaining;
        let slice = if limited { remaining as u32 } else { budget };
        let mut left = slice;
        // A native's nested call (`stdlib::call_go`) runs inside this one
        // and leaves the caller's slice and exit flag as they were. It
        // runs outside the scheduler, to its end: yielding there would
        // only run it again from the same instruction.
        let nested = std::mem::replace(&mut self.executing, true);
        let yields = self.yield_at_shared_ops;
        self.yield_at_shared_ops &= !nested;
        let outer = (std::mem::replace(&mut self.slice, slice), std::mem::take(&mut self.budget_spent));
        // The loop instrumented for `-race` is a copy of its own, so
        // that a run without it pays nothing.
        let stop = if self.race.is_some() { self.run::<true>(g, &mut left) } else { self.run::<false>(g, &mut left) };
        self.instructions += (slice - left) as u64;
        let spent = std::mem::replace(&mut self.budget_spent, outer.1);
        self.slice = outer.0;
        self.yield_at_shared_ops = yields;
        self.executing = nested;
        self.last_execute = (slice - left, spent && !limited);
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
pub fn round_up_size(n: u64) -> u64 {
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
