//! The VM as the scheduler's [`Machine`]: runs a goroutine's bytecode for
//! a slice of virtual time and translates what stopped it into a
//! scheduler [`Stop`].
//!
//! Cost model: every bytecode instruction costs [`NS_PER_INSTR`] virtual
//! nanoseconds (one dispatch of this VM does about what a few machine
//! instructions of compiled Go do, ~1 ns). With the scheduler's 10 µs
//! quantum a slice is 10,000 instructions, and sysmon's 10 ms preemption
//! falls after about ten million: a tight loop is preempted as in Go, and
//! a program that sleeps an hour finishes at once (sleeping costs nothing).
//!
//! Protocol (see [`Machine::run`]): a runtime operation is served at an
//! instant. When the VM stops for one after having executed instructions,
//! the request is kept and `Continue` returned with the time used; the
//! next call, at the P's new time, serves it with `used_ns == 0`. So every
//! effect on other goroutines (a wake-up, a value handed over) happens at
//! the exact time, in the order the scheduler sees it. An operation with
//! no effect on the scheduler (a buffered send, `NumGoroutine`) is served
//! and execution continues in the same call.

use super::crash::{self, Crash};
use super::chan::Chans;
use crate::runtime::request::sys as id;
pub use crate::runtime::Creator;
use super::gtable::GTable;
use super::leak;
use crate::event::EventKind;
use crate::heap::Obj;
use crate::runtime::request::{Server, server_of};
use crate::sched::{Chooser, GoId, Machine, RunResult, Sched, Stop};
use crate::span::Span;
use crate::value::{Handle, Value};
use crate::vm::{self, Syscall, Vm};
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

/// Virtual nanoseconds per bytecode instruction.
pub const NS_PER_INSTR: u64 = 1;

/// A `go` statement's function name, line and position.
type GoSite = (Rc<str>, u32, Span);

/// The process's view of one goroutine.
#[derive(Clone, Debug, Default)]
pub struct GInfo {
    /// Its execution state in `vm.gs` (None once it has exited).
    pub vm: Option<u32>,
    pub creator: Option<Creator>,
    /// A request the VM made that is not served yet (see the module doc).
    pub pending: Option<Syscall>,
    /// The channels (or sync object) it is parked on, for the leak
    /// analysis (several for a `select`).
    pub blocked_on: Vec<Handle>,
    /// Virtual ns of simulated CPU work still to do (`id::SIM_WORK`).
    pub work_left: u64,
    /// When it next runs, it must panic with `send on closed channel` but
    /// the panic value could not be allocated (a sender woken by `close`
    /// with the heap full): the process ends as for an unrecovered panic.
    /// Normally the panic is raised into the goroutine instead
    /// (`Vm::raise_panic`). A flag, not the text: every goroutine has a
    /// `GInfo`, and its size shows in a program of many goroutines.
    pub must_panic: bool,
    /// Virtual ns its last runtime operation still costs (several Ps:
    /// `sched::time`'s costs), paid at the start of its next slice.
    pub op_debt: u32,
}

impl GInfo {
    /// Its state's index in `vm.gs`, if it has one.
    pub fn vm_index(&self) -> Option<usize> {
        self.vm.map(|i| i as usize)
    }
}

/// The [`Machine`] over the VM: owns the VM and the runtime objects.
pub struct VmMachine {
    pub vm: Vm,
    pub gs: GTable,
    pub chans: Chans,
    /// Writes made with several Ps that reach the output when the work
    /// before them is done (`Stop::Write`): per goroutine, the VM's
    /// buffers and marks as the slice left them.
    held_writes: HashMap<GoId, (Vec<u8>, Vec<u8>, Vec<vm::OutMark>)>,
    /// Everything written, in order, per fd (1 and 2).
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The crash that ends the run, once one happened.
    pub crash: Option<Crash>,
    /// Goroutines found leaked by the last goroutineleak detection.
    pub leaked: Vec<GoId>,
    /// Events for the scheduler to record after the current call, with
    /// the position of the instruction that caused each.
    events: Vec<(EventKind, Option<Span>)>,
    /// Whether anyone keeps the event stream (see `ProcessConfig`); if not,
    /// [`VmMachine::note`] builds nothing.
    pub record_events: bool,
    /// A goroutine's final stop, held back while its stack growth is
    /// reported first.
    after_grow: Option<(GoId, Stop)>,
    /// The goroutine whose goroutine-leak profile has had its collection's
    /// time (several Ps: see `sched::time::GC_CYCLE_NS`).
    gc_done_for: Option<GoId>,
    /// Set by the first crash: the exit code every later call returns.
    dying: Option<i32>,
    /// Functions goroutine 1 calls after the current one returns (package
    /// initialisation runs on the main goroutine before `main.main`, as
    /// `runtime.main` does).
    pub main_steps: std::collections::VecDeque<u32>,
    /// Function names by index, shared (creators of many goroutines).
    names: HashMap<u32, Rc<str>>,
    /// The last `go` statement's (function, instruction) and what `site`
    /// found for it: a loop starting goroutines asks again and again.
    last_site: Option<((u32, u32), GoSite)>,
    /// The `go` statement whose G the scheduler is creating.
    pub(crate) spawning: Option<(Value, Vec<Value>, Creator)>,
    /// Finalizer goroutine and signal state (`sys_misc`).
    pub misc: super::sys_misc::MiscState,
    /// The state of the packages that serve requests (sync objects,
    /// timers, contexts): `stdlib::services`.
    pub pkgs: crate::stdlib::services::State,
    /// Instructions the host lets the run execute before it wants the
    /// thread back (`Process::advance_within`; unbounded otherwise). A
    /// slice that reaches it is cut there and resumed by the next step.
    pub host_budget: u64,
    /// The slice cut by `host_budget`, which the next [`Machine::run`]
    /// goes on with.
    cut: Option<SliceRun>,
}

impl VmMachine {
    /// The VM draws from the scheduler's chooser, lent for each call that
    /// may run the program; its own goes, so that nothing can draw from
    /// a second one by mistake.
    pub fn new(mut vm: Vm) -> VmMachine {
        vm.chooser = Chooser::stand_in();
        VmMachine {
            vm,
            gs: GTable::default(),
            chans: Chans::default(),
            held_writes: HashMap::default(),
            stdout: Vec::new(),
            stderr: Vec::new(),
            crash: None,
            leaked: Vec::new(),
            events: Vec::new(),
            record_events: true,
            after_grow: None,
            gc_done_for: None,
            dying: None,
            main_steps: Default::default(),
            names: HashMap::default(),
            last_site: None,
            spawning: None,
            misc: Default::default(),
            pkgs: Default::default(),
            host_budget: u64::MAX,
            cut: None,
        }
    }

    /// Events produced outside a scheduler call (the final crash text).
    pub fn take_pending_events(&mut self) -> Vec<(EventKind, Option<Span>)> {
        std::mem::take(&mut self.events)
    }

    /// Reports the collections since the last call as `Gc` events of
    /// goroutine `goid` (`forced`: it called `runtime.GC`).
    fn note_gc(&mut self, goid: GoId, forced: bool) {
        for c in std::mem::take(&mut self.vm.heap.cycles) {
            let kind = EventKind::Gc { g: goid, forced, freed: c.freed, freed_bytes: c.freed_bytes, live_bytes: c.live_bytes, finalizers: c.finalizers };
            self.note(Some(goid), kind);
        }
    }

    /// A collection goroutine `goid` asked for (`runtime.GC`, the
    /// goroutineleak profile's cycle), reported after any it triggered.
    pub(super) fn forced_gc(&mut self, goid: GoId) {
        self.note_gc(goid, false);
        self.vm.collect();
        self.note_gc(goid, true);
    }

    /// The leak-detecting GC cycle Go's goroutineleak profile runs first:
    /// the goroutines it finds leaked (remembered for later dumps).
    pub(super) fn leak_cycle(&mut self, sched: &Sched, goid: GoId) -> Vec<GoId> {
        self.forced_gc(goid);
        let found = leak::detect(self, sched, leak::Rules::GoProfile);
        for g in &found {
            if !self.leaked.contains(g) {
                self.leaked.push(*g);
            }
        }
        found
    }

    /// Records event `kind`, caused by goroutine `goid` (None: by the
    /// runtime) at the instruction it executed last.
    pub fn note(&mut self, goid: Option<GoId>, kind: EventKind) {
        if self.record_events {
            let pos = goid.and_then(|g| self.position(g));
            self.events.push((kind, pos));
        }
    }

    /// The VM goroutine of `goid`.
    pub fn vm_of(&self, goid: GoId) -> Option<usize> {
        self.gs.get(&goid).and_then(GInfo::vm_index)
    }

    #[cfg(test)]
    /// Host bytes the engine spends on goroutine `goid` beyond the heap:
    /// the process's record, the VM's frames and operand stack, the
    /// scheduler's G (the memory-per-goroutine figure of the benchmark).
    pub fn host_bytes_of(&self, goid: GoId) -> usize {
        // Its row in `gs` and its entry in the table's goid index.
        let mut n = std::mem::size_of::<GInfo>() + std::mem::size_of::<u32>() + Sched::bytes_per_g();
        if let Some(s) = self.vm_of(goid).and_then(|i| self.vm.gs.get(i)) {
            // The slot's pointer and the boxed state (see `Vm::gs`).
            n += std::mem::size_of::<Box<vm::GState>>()
                + std::mem::size_of::<vm::GState>()
                + s.frames.capacity() * std::mem::size_of::<vm::Frame>()
                + s.stack.capacity() * std::mem::size_of::<Value>()
                + s.defers.capacity() * std::mem::size_of::<vm::DeferRec>();
        }
        n
    }

    /// The goroutine's stack, innermost frame first.
    pub fn trace_of(&self, goid: GoId) -> Vec<vm::TraceFrame> {
        match self.vm_of(goid).and_then(|i| self.vm.gs.get(i)) {
            Some(s) => self.vm.traceback(s),
            None => Vec::new(),
        }
    }

    /// Moves what the VM printed into the run's output and the event
    /// stream: an `Output` event per line of the program that wrote (the
    /// VM's `out_marks`); bytes written before any mark (a panic's text)
    /// are the runtime's.
    #[inline]
    fn flush_output(&mut self) {
        // Most slices print nothing: checked inline, at every call.
        if self.vm.stdout.is_empty() && self.vm.stderr.is_empty() {
            self.vm.out_marks.clear();
            return;
        }
        self.move_output();
    }

    #[inline(never)]
    fn move_output(&mut self) {
        let marks = std::mem::take(&mut self.vm.out_marks);
        for fd in [1u8, 2] {
            let buf = if fd == 1 { std::mem::take(&mut self.vm.stdout) } else { std::mem::take(&mut self.vm.stderr) };
            if buf.is_empty() {
                continue;
            }
            if self.record_events {
                // Where this fd's text changes hands; bytes before the
                // first mark are the runtime's (no position).
                let mut cuts: Vec<(usize, Option<Span>)> = vec![(0, None)];
                cuts.extend(marks.iter().filter(|m| m.fd == fd && m.at < buf.len()).map(|m| (m.at, Some(m.span))));
                for (i, &(at, pos)) in cuts.iter().enumerate() {
                    let end = cuts.get(i + 1).map_or(buf.len(), |c| c.0);
                    if end > at {
                        let text = String::from_utf8_lossy(&buf[at..end]).into_owned();
                        self.events.push((EventKind::Output { fd, text }, pos));
                    }
                }
            }
            if fd == 1 { self.stdout.extend_from_slice(&buf) } else { self.stderr.extend_from_slice(&buf) }
        }
    }

    /// Text the process itself writes to stderr (crash reports).
    pub fn write_stderr(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.stderr.extend_from_slice(text.as_bytes());
        self.note(None, EventKind::Output { fd: 2, text: text.to_string() });
    }

    /// Ends the process with `crash`: its text goes to stderr, exit 2.
    /// Only the first crash is printed: once the process is dying, other
    /// Ps that still act before the exit is applied just exit too (Go's
    /// other threads stop when the panicking one exits).
    pub fn die(&mut self, c: Crash) -> Stop {
        if let Some(code) = self.dying {
            return Stop::Exit(code);
        }
        self.dying = Some(c.exit_code);
        self.flush_output();
        self.write_stderr(&c.text);
        let code = c.exit_code;
        self.crash = Some(c);
        Stop::Exit(code)
    }

    /// The name of the function a `go` statement starts.
    pub(super) fn func_name(&mut self, f: Value) -> Rc<str> {
        let prog = self.vm.program().clone();
        let fi = match f {
            Value::Func(i) if i & vm::NATIVE_FUNC_BIT != 0 => {
                return Rc::from(prog.natives.get((i & !vm::NATIVE_FUNC_BIT) as usize).map_or("?", |n| n.name.as_str()));
            }
            Value::Func(i) => i,
            Value::Closure(h) => match self.vm.heap.get(h) {
                Obj::Closure { func, .. } => *func,
                _ => return Rc::from("?"),
            },
            _ => return Rc::from("?"),
        };
        self.names.entry(fi).or_insert_with(|| Rc::from(prog.funcs.get(fi as usize).map_or("?", |x| x.name.as_str()))).clone()
    }

    /// The function and position of the instruction goroutine `goid` last
    /// executed (a `go` statement when it asks for one).
    /// `N` of the `gowrapN` closure Go would make for the `go` statement
    /// goroutine `goid` just executed (see [`Creator::wrap`]).
    fn gowrap_index(&self, goid: GoId) -> u32 {
        let prog = self.vm.program();
        let Some(f) = self.vm_of(goid).and_then(|i| self.vm.gs.get(i)).and_then(|s| s.frames.last()) else { return 1 };
        let Some(code) = prog.funcs.get(f.func as usize).map(|x| &x.chunk.code) else { return 1 };
        let before = code.iter().take(f.ip.saturating_sub(1) as usize);
        1 + before.filter(|op| matches!(op, crate::chunk::Op::Go(n) | crate::chunk::Op::Defer(n) if *n > 0)).count() as u32
    }

    fn site(&mut self, goid: GoId) -> GoSite {
        let prog = self.vm.program().clone();
        let Some(f) = self.vm_of(goid).and_then(|i| self.vm.gs.get(i)).and_then(|s| s.frames.last()) else {
            return (Rc::from("?"), 0, Span::default());
        };
        let (fi, ip) = (f.func, f.ip.saturating_sub(1));
        if let Some((at, site)) = &self.last_site
            && *at == (fi, ip)
        {
            return site.clone();
        }
        let span = prog.funcs.get(fi as usize).map_or(Span::default(), |fd| fd.chunk.span_at(ip as usize));
        let name = self
            .names
            .entry(fi)
            .or_insert_with(|| Rc::from(prog.funcs.get(fi as usize).map_or("?", |fd| fd.name.as_str())))
            .clone();
        let line = prog.line_of(fi, ip);
        self.last_site = Some(((fi, ip), (name.clone(), line, span)));
        (name, line, span)
    }

    /// Pushes `vals` as the results of goroutine `goid`'s pending request
    /// (it must not be running: call from a request's service).
    pub fn push(&mut self, goid: GoId, vals: &[Value]) {
        if let Some(i) = self.vm_of(goid) {
            self.vm.push_results(i, vals);
        }
    }

    /// Serves request `sc` of goroutine `goid` at an instant. `None`: done,
    /// keep executing; `Some(stop)`: tell the scheduler.
    fn serve(&mut self, sched: &Sched, goid: GoId, sc: Syscall) -> Option<Stop> {
        match sc {
            Syscall::Go { func, args } => {
                let (cf, line, pos) = self.site(goid);
                let name = self.func_name(func);
                let wrap = if args.is_empty() { None } else { Some(self.gowrap_index(goid)) };
                self.spawning = Some((func, args, Creator { func: cf, goid, line, wrap }));
                Some(Stop::Newproc { func: name, pos })
            }
            Syscall::Sys { id, args } => {
                let stop = self.sys(sched, goid, id, &args);
                for kind in std::mem::take(&mut self.chans.events) {
                    self.note(Some(goid), kind);
                }
                stop
            }
        }
    }

    pub(super) fn arg(args: &[Value], i: usize) -> Value {
        args.get(i).copied().unwrap_or(Value::Nil)
    }

    /// Serves request `sid` of goroutine `goid`: routes it to the
    /// dispatcher of its server (`runtime::request`'s table), the only
    /// one that knows it. An id no server claims ends the run as an
    /// engine error.
    pub(super) fn sys(&mut self, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
        match server_of(sid) {
            Some(Server::Chan) => self.chan_request(sched, goid, sid, args),
            Some(Server::Runtime) => self.runtime_request(sched, goid, sid, args),
            Some(Server::Sync) => crate::stdlib::sync::serve::dispatch(self, sched, goid, sid, args),
            Some(Server::Time) => crate::stdlib::time::timers::dispatch(self, sched, goid, sid, args),
            Some(Server::Context) => crate::stdlib::context::tree::dispatch(self, sched, goid, sid, args),
            Some(Server::Signal) => super::sys_misc::dispatch(self, sched, goid, sid, args),
            None => Some(self.unknown_request(sid)),
        }
    }

    /// Ends the run on request `sid` that its server's dispatcher does not
    /// know, or that no server claims: the engine asked itself for
    /// something that does not exist (an internal error, exit 2).
    pub(super) fn unknown_request(&mut self, sid: u32) -> Stop {
        let msg = match server_of(sid) {
            Some(s) => format!("unknown runtime request {sid} (in the range of {s:?})"),
            None => format!("unknown runtime request {sid} (no server's)"),
        };
        self.die(crash::internal(&msg))
    }

    /// A run-time panic raised by the runtime (not by bytecode) in the
    /// goroutine whose request is being served: it unwinds as soon as the
    /// goroutine runs again (at once), running its deferred calls;
    /// `recover` can stop it ([`Vm::raise_panic`]).
    pub fn go_panic(&mut self, sched: &Sched, goid: GoId, msg: &str) -> Stop {
        match self.vm_of(goid).map(|i| self.vm.raise_panic(i, msg)) {
            Some(Ok(())) => Stop::Continue,
            _ => {
                let c = crash::runtime_panic(self, sched, goid, msg);
                self.die(c)
            }
        }
    }

    /// Runs `f` with the scheduler's `chooser` in the VM, where the
    /// program's choices are drawn from.
    fn with_chooser<R>(&mut self, chooser: &mut Chooser, f: impl FnOnce(&mut VmMachine) -> R) -> R {
        std::mem::swap(&mut self.vm.chooser, chooser);
        let r = f(self);
        std::mem::swap(&mut self.vm.chooser, chooser);
        r
    }

    /// The goroutine is gone: free its VM state and queue entries.
    fn exited(&mut self, goid: GoId) {
        // A goroutine that exits is not parked, so it sits in no wait queue.
        if let Some(i) = self.gs.discard(&goid) {
            self.vm.release(i);
        }
        self.vm.racegoend(goid);
    }
}

impl Machine for VmMachine {
    fn timer_is_external(&self, id: u64) -> bool {
        id >= super::sys_misc::SIGNAL_TIMER_BASE
    }

    fn waits_for_signals(&self) -> bool {
        self.misc.watching
    }

    fn run(&mut self, sched: &Sched, chooser: &mut Chooser, goid: GoId, now: u64, slice_ns: u64) -> RunResult {
        self.with_chooser(chooser, |m| m.run_slice(sched, goid, now, slice_ns))
    }


    fn runs_system(&self, goid: GoId) -> bool {
        super::sys_misc::runs_system(self, goid)
    }

    fn take_events(&mut self) -> Vec<(EventKind, Option<Span>)> {
        std::mem::take(&mut self.events)
    }

    fn commit_write(&mut self, goid: GoId) {
        if let Some((stdout, stderr, marks)) = self.held_writes.remove(&goid) {
            // Every slice flushes its own output: the buffers are empty.
            self.vm.stdout = stdout;
            self.vm.stderr = stderr;
            self.vm.out_marks = marks;
            self.flush_output();
        }
    }

    fn waiting_on(&self, goid: GoId) -> Vec<u32> {
        self.gs.get(&goid).map_or(Vec::new(), |g| g.blocked_on.clone())
    }

    fn position(&self, goid: GoId) -> Option<Span> {
        let state = self.vm_of(goid).and_then(|i| self.vm.gs.get(i))?;
        let prog = self.vm.program();
        let span_at = |fi: u32, ip: u32| prog.funcs.get(fi as usize).map(|f| f.chunk.span_at(ip as usize));
        let in_program = |span: Span| span.start <= prog.file.end();
        if state.frames.is_empty() {
            // Not started: its function's first line, unless that is
            // library Go (`wg.Go`'s wrapper), which has no program line.
            return span_at(self.vm.entry_func(state)?, 0).filter(|&s| in_program(s));
        }
        // The innermost frame in the program's file: inside library Go
        // (`Once.Do` locking its mutex), the program's line that called it.
        state.frames.iter().rev().find_map(|f| span_at(f.func, f.ip.saturating_sub(1)).filter(|&s| in_program(s)))
    }

    fn timer_fired(&mut self, chooser: &mut Chooser, id: u64, now: u64) -> Vec<crate::sched::TimerAction> {
        self.with_chooser(chooser, |m| {
            // Signal timers (`sys_misc`) first; every other timer is time's.
            let actions = match super::sys_misc::timer_fired(m, id) {
                Some(actions) => actions,
                None => crate::stdlib::time::timers::timer_fired(m, id, now),
            };
            // A timer's channel send, a deadline closing a context's Done: the
            // runtime's doing, reported now rather than with the next request.
            for kind in std::mem::take(&mut m.chans.events) {
                m.note(None, kind);
            }
            actions
        })
    }

    fn newproc(&mut self, parent: GoId, child: GoId) {
        let Some((func, args, creator)) = self.spawning.take().or_else(|| self.pkgs.spawn_queue.pop_front()) else { return };
        debug_assert_eq!(creator.goid, parent);
        if self.vm.race_detects() {
            let created = self.trace_of(parent);
            let wrap = creator.wrap.map(|n| vm::TraceFrame { func: format!("{}.gowrap{n}", creator.func), line: creator.line, has_args: false, file: None });
            self.vm.racegostart(parent, child, created, wrap);
        }
        match self.vm.spawn(func, &args) {
            Ok(i) => {
                self.gs.insert(child, GInfo { vm: Some(i as u32), creator: Some(creator), pending: None, blocked_on: Vec::new(), work_left: 0, must_panic: false, op_debt: 0 });
            }
            Err(f) => {
                // Reported when the child first runs (it has no VM state).
                self.gs.insert(child, GInfo { vm: None, creator: Some(creator), pending: None, blocked_on: Vec::new(), work_left: 0, must_panic: false, op_debt: 0 });
                let text = f.message.clone();
                self.crash = Some(Crash { text, exit_code: 2, goid: child, kind: crash::CrashKind::Fatal });
            }
        }
    }
}

impl VmMachine {
    /// Virtual ns request `sc` costs with several Ps (0 with one: see
    /// `sched::time`'s costs).
    fn op_cost(&mut self, sched: &Sched, sc: &Syscall) -> u64 {
        if !sched.jittery() {
            return 0;
        }
        let range = match sc {
            Syscall::Go { .. } => crate::sched::time::NEWPROC_NS,
            Syscall::Sys { .. } => crate::sched::time::RUNTIME_CALL_NS,
        };
        self.vm.chooser.op_cost(range)
    }

    /// Whether request `sc` runs a garbage collection first (`runtime.GC`,
    /// the goroutine leak profile).
    fn runs_gc(&self, sc: &Syscall) -> bool {
        match sc {
            Syscall::Sys { id: id::GC | id::PPROF_GOROUTINE_LEAK, .. } => true,
            Syscall::Sys { id: id::PPROF_TEXT, args } => {
                self.profile_name(Self::arg(args, 0)) == "goroutineleak"
            }
            _ => false,
        }
    }

    /// [`Machine::run`] with the chooser in the VM: a new slice, or the
    /// one the host's budget cut (the same call again).
    fn run_slice(&mut self, sched: &Sched, goid: GoId, now: u64, slice_ns: u64) -> RunResult {
        // `is_some` first: taking writes the whole `SliceRun` back, and
        // this runs for every slice (0.5% of spawn100k).
        let cut = if self.cut.is_some() { self.cut.take() } else { None };
        let s = match cut {
            Some(s) if s.goid == goid => s,
            Some(s) => {
                let c = crash::internal(&format!("the scheduler ran goroutine {goid} while goroutine {}'s slice was cut", s.goid));
                return RunResult { used_ns: 0, stop: self.die(c) };
            }
            None => {
                if let Some(code) = self.dying {
                    return RunResult { used_ns: 0, stop: Stop::Exit(code) };
                }
                if let Some(stop) = super::sys_misc::before_run(self, sched, goid) {
                    return RunResult { used_ns: 0, stop };
                }
                if let Some((g, stop)) = self.after_grow.take() {
                    if g == goid {
                        return RunResult { used_ns: 0, stop };
                    }
                    self.after_grow = Some((g, stop));
                }
                SliceRun { goid, now, slice_ns, used: 0, exec: None }
            }
        };
        self.go_on(sched, s)
    }

    /// Runs slice `s` on from where it is: the requests it serves at once
    /// and the bytecode between them, until it ends, or until the host's
    /// budget runs out in the middle of an `execute` (then the slice is
    /// kept in `cut` and `Stop::Cut` returned). One function, as the
    /// slice's loop was before it could be cut: split in parts, the
    /// compiler stopped inlining the requests' service into it (+5% on
    /// spawn100k).
    #[inline(always)]
    fn go_on(&mut self, sched: &Sched, s: SliceRun) -> RunResult {
        let SliceRun { goid, now, slice_ns, mut used, exec: mut resumed } = s;
        loop {
            let mut ex = match resumed.take() {
                Some(ex) => ex,
                None => {
                    let Some(info) = self.gs.get_mut(&goid) else {
                        let c = crash::internal(&format!("the scheduler ran goroutine {goid}, which the VM does not know"));
                        return RunResult { used_ns: used, stop: self.die(c) };
                    };
                    if info.op_debt > 0 {
                        used += std::mem::take(&mut info.op_debt) as u64;
                    }
                    if info.work_left > 0 {
                        // Simulated CPU work: time passes, nothing else happens.
                        let w = info.work_left.min(slice_ns.saturating_sub(used)).max(1);
                        info.work_left -= w;
                        return RunResult { used_ns: used + w, stop: Stop::Continue };
                    }
                    if std::mem::take(&mut info.must_panic) {
                        // Raising the panic ran out of memory: end the process.
                        let c = crash::runtime_panic(self, sched, goid, "send on closed channel");
                        return RunResult { used_ns: used, stop: self.die(c) };
                    }
                    if let Some(sc) = info.pending.take() {
                        if used > 0 {
                            info.pending = Some(sc);
                            return RunResult { used_ns: used, stop: Stop::Continue };
                        }
                        if sched.jittery()
                            && self.runs_gc(&sc)
                            && self.gc_done_for.take() != Some(goid)
                        {
                            // The profile runs a collection: its marking takes
                            // time while the other Ps run on, and the verdicts
                            // are taken at its end.
                            self.gc_done_for = Some(goid);
                            let gc = self.vm.chooser.op_cost(crate::sched::time::GC_CYCLE_NS);
                            if let Some(info) = self.gs.get_mut(&goid) {
                                info.pending = Some(sc);
                            }
                            return RunResult { used_ns: gc, stop: Stop::Continue };
                        }
                        // The operation happens now; what it costs delays the
                        // goroutine's next step: the rest of this call, or (when
                        // the scheduler must act first) its next one.
                        let cost = self.op_cost(sched, &sc);
                        self.vm.sync_epoch += 1;
                        if let Some(stop) = self.serve(sched, goid, sc) {
                            if cost > 0
                                && let Some(info) = self.gs.get_mut(&goid)
                            {
                                info.op_debt = cost.min(u32::MAX as u64) as u32;
                            }
                            self.flush_output();
                            return RunResult { used_ns: 0, stop };
                        }
                        used += cost;
                    }
                    let Some(idx) = self.vm_of(goid) else {
                        let c = match self.crash.take() {
                            // Its spawn failed (out of memory): reported as it starts.
                            Some(c) if c.goid == goid => c,
                            _ => crash::internal(&format!("goroutine {goid} has no VM state")),
                        };
                        return RunResult { used_ns: used, stop: self.die(c) };
                    };
                    if used >= slice_ns {
                        return RunResult { used_ns: used, stop: Stop::Continue };
                    }
                    let budget = ((slice_ns - used) / NS_PER_INSTR).clamp(1, u32::MAX as u64) as u32;
                    let before = self.vm.instructions;
                    self.vm.clock = (now + used, before);
                    let jittery = sched.jittery();
                    self.vm.yield_at_shared_ops = jittery;
                    if jittery {
                        let at = now + used;
                        self.vm.shared_horizon = sched
                            .others_earliest(sched.running_p)
                            .map_or(u64::MAX, |t| before.saturating_add(t.saturating_sub(at) / NS_PER_INSTR));
                    }
                    // A lone busy P has no one to race with: the next P to run
                    // starts after a synchronising operation (a wake-up).
                    self.vm.map_checks = jittery && sched.busy_ps() > 1;
                    self.vm.cur_p = sched.running_p;
                    if self.vm.race.is_some() {
                        self.vm.race_begin(goid);
                    }
                    Exec { idx, budget, before, done: 0 }
                }
            };
            let rest = ex.budget - ex.done;
            let cap = rest.min(self.host_budget.min(u32::MAX as u64) as u32);
            let stop = if cap > 0 { self.vm.execute(ex.idx, cap) } else { vm::Stop::Budget };
            let (ran, spent) = if cap > 0 { self.vm.last_execute } else { (0, true) };
            self.host_budget = self.host_budget.saturating_sub(ran as u64);
            ex.done += ran;
            if spent && cap < rest {
                // The VM stopped only because the host's budget ran out:
                // the next call executes on from the same instruction.
                self.cut = Some(SliceRun { goid, now, slice_ns, used, exec: Some(ex) });
                return RunResult { used_ns: 0, stop: Stop::Cut };
            }
            used += (self.vm.instructions - ex.before) * NS_PER_INSTR;
            let jittery = sched.jittery();
            let mut held = false;
            if std::mem::take(&mut self.vm.wrote) && jittery {
                // A write(2): the VM ended the slice after it (see
                // `Vm::yield_at_shared_ops`); the system call takes time,
                // and its bytes reach the output once the work before it
                // is done, at this P's time (`Stop::Write`).
                used += self.vm.chooser.op_cost(crate::sched::time::WRITE_NS);
                if matches!(stop, vm::Stop::Budget) && self.vm.output_full.is_none() {
                    let out = (std::mem::take(&mut self.vm.stdout), std::mem::take(&mut self.vm.stderr), std::mem::take(&mut self.vm.out_marks));
                    self.held_writes.insert(goid, out);
                    held = true;
                }
            }
            self.flush_output();
            if let Some(at) = self.vm.output_full {
                let what = format!("output budget exceeded: the program wrote more than {}", vm::bytes_string(self.vm.output_budget()));
                let mut c = crash::budget(self, sched, goid, &what, at);
                if self.stderr.last().is_some_and(|&b| b != b'\n') {
                    // The report starts a line of its own after the cut.
                    c.text.insert(0, '\n');
                }
                return RunResult { used_ns: used, stop: self.die(c) };
            }
            for (h, elem, cap) in std::mem::take(&mut self.vm.made_chans) {
                self.note(Some(goid), EventKind::ChanMake { g: goid, chan: h, elem: elem.into(), cap });
                if matches!(self.vm.heap.get(h), Obj::Chan(c) if c.closed) {
                    self.note(Some(goid), EventKind::ChanClose { g: goid, chan: h });
                }
            }
            if !self.vm.heap.cycles.is_empty() {
                self.note_gc(goid, false);
            }
            let grew = match self.vm.gs.get_mut(ex.idx) {
                Some(s) if s.stack_grew => {
                    s.stack_grew = false;
                    Some(s.stack_size.min(u32::MAX as u64) as u32)
                }
                _ => None,
            };
            let terminal = match stop {
                vm::Stop::Budget if held => Stop::Write,
                vm::Stop::Budget => Stop::Continue,
                vm::Stop::Syscall(sc) => {
                    if let Some(g) = self.gs.get_mut(&goid) {
                        g.pending = Some(sc);
                    }
                    if grew.is_none() && used == 0 {
                        continue;
                    }
                    Stop::Continue
                }
                vm::Stop::Returned if goid == 1 && !self.main_steps.is_empty() => {
                    // The next step of runtime.main on the same goroutine.
                    let next = self.main_steps.pop_front().unwrap_or_default();
                    self.vm.release(ex.idx);
                    match self.vm.spawn(Value::Func(next), &[]) {
                        Ok(i) => {
                            if let Some(g) = self.gs.get_mut(&1) {
                                g.vm = Some(i as u32);
                            }
                            Stop::Continue
                        }
                        Err(f) => self.die(Crash { text: f.message, exit_code: 2, goid: 1, kind: crash::CrashKind::Fatal }),
                    }
                }
                vm::Stop::Returned if let Some(stop) = super::sys_misc::finalizer_returned(self, goid) => stop,
                vm::Stop::Returned => {
                    self.exited(goid);
                    Stop::Return
                }
                vm::Stop::Goexit => {
                    self.exited(goid);
                    Stop::Goexit
                }
                vm::Stop::Exit(code) => Stop::Exit(code),
                vm::Stop::Panicked(report) => {
                    let c = crash::panicked(self, sched, goid, &report);
                    self.die(c)
                }
                vm::Stop::Fatal(f) if f.kind == vm::FatalKind::Budget => {
                    let c = crash::budget(self, sched, goid, &f.message, None);
                    self.die(c)
                }
                vm::Stop::Fatal(f) => {
                    let c = crash::vm_fatal(self, sched, goid, &f);
                    self.die(c)
                }
            };
            if let Some(needed) = grew {
                // The growth happened during the slice; what ended the
                // goroutine is reported right after it.
                if !matches!(terminal, Stop::Continue) {
                    self.after_grow = Some((goid, terminal));
                }
                return RunResult { used_ns: used.max(1), stop: Stop::GrowStack { needed } };
            }
            if matches!(terminal, Stop::Continue) && used < slice_ns && self.gs.get(&goid).is_some_and(|g| g.pending.is_some()) {
                // Stopped for a request after some work: report the work,
                // serve the request next call (at the exact time).
                return RunResult { used_ns: used, stop: Stop::Continue };
            }
            return RunResult { used_ns: used, stop: terminal };
        }
    }
}

/// Where a slice is ([`VmMachine::go_on`]): kept across a cut.
struct SliceRun {
    goid: GoId,
    /// Virtual ns at the slice's start, its length, and what it used so far.
    now: u64,
    slice_ns: u64,
    used: u64,
    /// The `execute` in progress, if the host's budget cut one.
    exec: Option<Exec>,
}

/// One `Vm::execute` of a slice, maybe in several calls when cut.
#[derive(Clone, Copy)]
struct Exec {
    /// The goroutine's state in `vm.gs`.
    idx: usize,
    /// Instructions it may run, and `vm.instructions` before it started.
    budget: u32,
    before: u64,
    /// Instructions the calls so far ran themselves.
    done: u32,
}
