//! A native that waits for Go code it called.
//!
//! Natives (Rust: `fmt.Println`, `sort.Slice`) call the program's Go (a
//! `String` method, a `less` function) through `stdlib::call_go`, which runs
//! the call to its end on a nested goroutine, outside the scheduler. Nearly
//! every such call returns without needing the scheduler, and that path is
//! unchanged. When one does need it (a `String` locking a mutex another
//! goroutine holds, receiving from a channel, sleeping), Go parks the
//! goroutine inside the method; so do we:
//!
//! 1. `call_go` hands the nested goroutine's state up (`Throw::Park`) and
//!    the native gives up. (It does so too when the Go code runs past a
//!    slice: a `String` that loops is preempted as in Go, and other
//!    goroutines run meanwhile.) [`Vm::call_reentrant`] moves that state onto the
//!    native's goroutine above a *marker frame* (`take_over`), which then
//!    stops with the nested code's request, as if the method had been called
//!    from Go. Other goroutines run meanwhile.
//! 2. When the method returns into the marker frame, the marker's one
//!    instruction calls [`resume`], which runs the native again from the
//!    start with the same arguments. A native is deterministic given its
//!    arguments and its calls' results, so each call it made before is
//!    answered from the log those calls left ([`Reentry`]), in order, and no
//!    Go code runs twice; effects of the native's own between calls (a
//!    sort's swaps) are skipped while it replays (`stdlib::replaying`), and
//!    output is written only once formatting is done. A later call that
//!    blocks parks again the same way.
//! 3. A panic in the method unwinds through the marker frame's deferred
//!    [`recover`]: for a native that takes a panicking call as its result
//!    (fmt's `catchPanic`), the panic is recovered there and logged, and the
//!    marker resumes; otherwise the panic goes on through the native's
//!    caller, with the method's frames on top as in Go.
//!
//! In a traceback the marker frame shows as the library functions the
//! native stands for, as Go prints them (`fmt.(*pp).handleMethods`,
//! `fmt.(*pp).printArg`, `fmt.(*pp).doPrintln`, `fmt.Fprintln`,
//! `fmt.Println`), when the native said what it was doing
//! (`stdlib::calling_as`); the library fills them in when a call blocks.
//! Which natives call Go code is the library's knowledge too
//! (`stdlib::reenters`, as `Native::reenters`).

use super::*;

/// The marker function (whose one instruction calls [`resume`]) and the
/// marker's deferred native, added with the
/// trampolines (`stdlib::add_trampolines`).
#[derive(Clone, Copy, Debug)]
pub struct Ids {
    pub marker: u32,
    pub recover: u32,
}

/// Calls of Go code one native call may log (about 40 host bytes each):
/// past them a call that blocks cannot wait (the run stops with
/// `stdlib::NESTED_LOG_FULL`). A sort of 60,000 elements makes about a
/// million `less` calls.
pub const MAX_LOGGED_CALLS: usize = 1 << 20;

/// Finished logs kept for reuse.
const SPARE_LOGS: usize = 16;

/// One completed call of Go code, as `call_go` returned it.
#[derive(Clone, Debug)]
enum Logged {
    /// Results `vals[at..at + n]`.
    Ok { at: u32, n: u32 },
    /// A panic passed on to the native, with the frames it came from.
    Panic(Box<(Value, Option<(Value, Vec<TraceFrame>)>)>),
    /// A panic that ended the call (`Stop::Panicked`), which fmt shows.
    Stop(Box<Stop>),
}

/// A native call's calls of Go code so far: kept while it runs, and while
/// it waits below a marker frame.
#[derive(Clone, Debug, Default)]
pub struct Reentry {
    pub native: u32,
    pub args: Vec<Value>,
    log: Vec<Logged>,
    vals: Vec<Value>,
    /// Entries answered in this run of the native.
    pos: usize,
    /// The log outgrew [`MAX_LOGGED_CALLS`].
    pub overflow: bool,
    /// The native takes a panic in its next call as that call's result
    /// (Go's fmt recovers it in `catchPanic`).
    pub catches: bool,
    /// What the native is doing at its next call (a package's code, 0:
    /// nothing to show), for the library frames a traceback shows.
    pub doing: u8,
    /// Those frames, innermost first, once a call blocked
    /// (`stdlib::library_frames`).
    pub frames: Vec<TraceFrame>,
}

impl Reentry {
    /// A log for a new call of `native`, in `spare`'s memory if there is
    /// one (the common call logs one or two results: no allocation).
    fn new(spare: Option<Box<Reentry>>, native: u32, args: &[Value]) -> Box<Reentry> {
        let mut r = spare.unwrap_or_default();
        r.native = native;
        r.args.extend_from_slice(args);
        r
    }

    /// Emptied for reuse, unless it grew large (a sort's).
    fn recycled(mut self: Box<Reentry>) -> Option<Box<Reentry>> {
        const KEEP: usize = 64;
        if self.log.capacity() > KEEP || self.vals.capacity() > KEEP || self.args.capacity() > KEEP {
            return None;
        }
        self.args.clear();
        if !self.log.is_empty() {
            self.log.clear();
            self.vals.clear();
            self.frames.clear();
        }
        (self.pos, self.overflow, self.catches, self.doing) = (0, false, false, 0);
        Some(self)
    }

    /// The native is running again through calls it made before.
    pub fn replaying(&self) -> bool {
        self.pos < self.log.len()
    }

    /// The next logged call's outcome, and the frames a logged panic came
    /// from (for `Vm::inner_panic`).
    #[allow(clippy::type_complexity)]
    pub fn next(&mut self) -> Option<(Result<Vec<Value>, Throw>, Option<(Value, Vec<TraceFrame>)>)> {
        let e = self.log.get(self.pos)?.clone();
        self.pos += 1;
        Some(match e {
            Logged::Ok { at, n } => (Ok(self.vals.get(at as usize..(at + n) as usize).unwrap_or_default().to_vec()), None),
            Logged::Panic(p) => (Err(Throw::Panic(p.0)), p.1),
            Logged::Stop(s) => (Err(Throw::Stop(*s)), None),
        })
    }

    /// Logs a completed call (other endings end the native).
    pub fn record(&mut self, r: &Result<Vec<Value>, Throw>, inner: &Option<(Value, Vec<TraceFrame>)>) {
        if self.log.len() >= MAX_LOGGED_CALLS {
            self.overflow = true;
            return;
        }
        let e = match r {
            Ok(vals) => self.ok(vals),
            Err(Throw::Panic(v)) => Logged::Panic(Box::new((*v, inner.clone()))),
            Err(Throw::Stop(s @ Stop::Panicked(_))) => Logged::Stop(Box::new(s.clone())),
            Err(_) => return,
        };
        self.log.push(e);
        self.pos = self.log.len();
    }

    fn ok(&mut self, vals: &[Value]) -> Logged {
        let at = self.vals.len() as u32;
        self.vals.extend_from_slice(vals);
        Logged::Ok { at, n: vals.len() as u32 }
    }

    /// Logs values the native read that Go code it calls may change (a
    /// snapshot it walks), so that it walks the same ones when it runs
    /// again; returns them, or the logged ones while replaying.
    pub fn remember(&mut self, read: Vec<Value>) -> Vec<Value> {
        if let Some((Ok(vals), _)) = self.next() {
            return vals;
        }
        self.record(&Ok(read.clone()), &None);
        read
    }

    /// Every value it keeps (collector roots while it waits).
    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        let logged = self.log.iter().flat_map(|e| match e {
            Logged::Ok { .. } => [None, None],
            Logged::Panic(p) => [Some(p.0), p.1.as_ref().map(|i| i.0)],
            Logged::Stop(s) => match &**s {
                Stop::Panicked(r) => [Some(r.value), None],
                _ => [None, None],
            },
        });
        self.args.iter().copied().chain(self.vals.iter().copied()).chain(logged.flatten())
    }
}

/// A native waiting below its marker frame (in `GState::natives`).
#[derive(Debug)]
pub struct ParkedNative {
    /// The marker frame's index.
    pub frame: u32,
    calls: Box<Reentry>,
    /// The blocked call's result count, until its results are logged.
    awaiting: Option<u32>,
    /// The native was a deferred call run by a return (`Some(false)`) or a
    /// panic (`Some(true)`), which goes on once it is done.
    deferred: Option<bool>,
}

impl ParkedNative {
    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.calls.values()
    }
}

/// The nested goroutine of a call that needs the scheduler, handed up
/// from `call_go` through the native.
#[derive(Debug)]
pub struct Parked {
    pub state: Box<GState>,
    /// Why the nested code stopped: a request for the scheduler, or its
    /// slice spent (`Stop::Budget`), so that it is preempted as Go
    /// preempts a long method and other goroutines run.
    pub stop: Stop,
    /// The call's result count.
    pub nres: usize,
}

impl Vm {
    /// Runs native `id` (its `argc` arguments on the stack) with a log of
    /// its calls of Go code, replaying `calls` first when it runs again. A
    /// call that needs the scheduler moves onto the goroutine (see the
    /// module comment).
    // Out of line: `call_native`, on every native call's path, stays small.
    #[inline(never)]
    pub(super) fn call_reentrant(&mut self, g: &mut GState, prog: &Bytecode, id: u32, argc: usize, calls: Option<Box<Reentry>>) -> Result<(), Flow> {
        let Some(n) = prog.natives.get(id as usize) else { return Err(internal("unknown native")) };
        let sp = g.stack.len().saturating_sub(argc);
        let calls = match calls {
            Some(c) => c,
            None => Reentry::new(self.spare_reentry.pop(), id, g.stack.get(sp..).unwrap_or_default()),
        };
        let outer = self.reentry.replace(calls);
        let r = (n.func)(self, g, argc);
        let mut calls = std::mem::replace(&mut self.reentry, outer);
        if !matches!(r, Err(Throw::Park(_)))
            && self.spare_reentry.len() < SPARE_LOGS
            && let Some(c) = calls.take().and_then(Reentry::recycled)
        {
            self.spare_reentry.push(c);
        }
        match r {
            Ok(()) => Ok(()),
            Err(Throw::Panic(v)) => Err(Flow::Panic(v, false)),
            // `runtime.Goexit` in the Go code, which ran its own deferred
            // calls: the goroutine's go on, as in Go (then it exits). The
            // frames change under the dispatch loop: end the slice.
            Err(Throw::Stop(Stop::Goexit)) => {
                g.stack.truncate(sp);
                self.begin_panic(g, prog, Value::Nil, false, true)?;
                Err(Flow::Stop(Stop::Budget))
            }
            Err(Throw::Stop(s)) => Err(Flow::Stop(s)),
            Err(Throw::Park(p)) => match calls {
                Some(calls) => self.take_over(g, prog, sp, calls, *p),
                None => Err(internal("a native parked without its log")),
            },
        }
    }

    /// Takes the nested goroutine's frames over above a marker frame (its
    /// trampoline's), and stops with its request.
    fn take_over(&mut self, g: &mut GState, prog: &Bytecode, sp: usize, mut calls: Box<Reentry>, p: Parked) -> Result<(), Flow> {
        let Some(ids) = prog.reenter else { return Err(internal("no marker function")) };
        let Parked { state: mut h, stop, nres } = p;
        let Some(tr) = h.frames.first().copied() else { return Err(internal("a parked call without frames")) };
        g.stack.truncate(sp);
        let off = g.stack.len() as u32;
        let fbase = g.frames.len() as u32;
        let dbase = g.defers.len() as u32;
        calls.pos = 0;
        g.frames.push(Frame { func: ids.marker, ip: 0, base: tr.base + off, ret_to: off, env: Value::Nil, defer_base: dbase, deferrer: 0, kind: FrameKind::Normal, returning: false, size: tr.size });
        g.push_defer(DeferRec { frame: fbase, func: Value::Func(ids.recover | NATIVE_FUNC_BIT), args: DeferArgs::from_slice(&[Value::Int(fbase as i64)]) });
        g.natives.push(ParkedNative { frame: fbase, calls, awaiting: Some(nres as u32), deferred: None });
        for f in h.frames.iter().skip(1) {
            let mut f = *f;
            f.base += off;
            f.ret_to += off;
            f.defer_base += dbase + 1;
            f.deferrer += fbase;
            g.frames.push(f);
        }
        for mut d in h.defers.drain(..) {
            d.frame += fbase;
            g.defers.push(d);
        }
        for mut p in h.panics.drain(..) {
            p.defer_frame = p.defer_frame.map(|f| f + fbase);
            g.panics.push(p);
        }
        for mut n in h.natives.drain(..) {
            n.frame += fbase;
            g.natives.push(n);
        }
        g.stack.extend_from_slice(&h.stack);
        g.stack_used += h.stack_used;
        if g.stack_used > g.stack_size {
            self.grow_stack(g)?;
        }
        if h.resume_defers.is_some() {
            g.resume_defers = h.resume_defers;
        }
        Err(Flow::Stop(stop))
    }

    /// Takes goroutine `gi`'s state out of its slot, which is released.
    pub fn take_state(&mut self, gi: usize) -> Box<GState> {
        let Some(slot) = self.gs.get_mut(gi) else { return Box::default() };
        let mut s = std::mem::take(slot);
        self.stacks_reserved = self.stacks_reserved.saturating_sub(s.host_reserved);
        s.host_reserved = 0;
        self.release(gi);
        s
    }

    /// A native deferred call recovered the panic (only [`recover`] does):
    /// the marker frame `frame` resumes its native.
    pub(super) fn resume_marker(&mut self, g: &mut GState, pi: usize, frame: u32) -> Result<(), Flow> {
        g.panics.truncate(pi);
        g.panics.retain(|x| x.defer_frame.is_none_or(|f| f <= frame));
        g.frames.truncate(frame as usize + 1);
        g.natives.retain(|n| n.frame <= frame);
        g.stack_used = g.frames.iter().map(|f| f.size as u64).sum();
        self.inner_panic = None;
        let Some(top) = g.frames.last_mut() else { return Err(internal("recovered past the goroutine")) };
        top.ip = 0;
        top.returning = false;
        let base = top.base as usize;
        g.stack.truncate(base);
        Ok(())
    }

    /// The marker frame's lines in a traceback: the library frames its
    /// native stands for.
    pub(super) fn marker_frames(&self, g: &GState, frame: usize, out: &mut Vec<TraceFrame>) {
        if let Some(n) = g.natives.iter().rfind(|n| n.frame as usize == frame) {
            out.extend(n.calls.frames.iter().cloned());
        }
    }
}

/// The marker frame's instruction: the call the native waited for has
/// returned (or panicked into the log); run the native again.
pub(crate) fn resume(vm: &mut Vm, g: &mut GState, _argc: usize) -> Result<(), Throw> {
    let prog = vm.prog.clone();
    let top = g.frames.len().saturating_sub(1) as u32;
    let Some(mut rec) = g.natives.pop().filter(|n| n.frame == top) else { return Err(Throw::Stop(flow_stop(internal("a marker frame without its native")))) };
    let Some(fr) = g.frames.pop() else { return Err(Throw::Stop(flow_stop(internal("no marker frame")))) };
    if let Some(n) = rec.awaiting.take() {
        let at = g.stack.len().saturating_sub(n as usize);
        let vals: Vec<Value> = g.stack[at..].to_vec();
        let e = rec.calls.ok(&vals);
        rec.calls.log.push(e);
    }
    g.stack_used = g.stack_used.saturating_sub(fr.size as u64);
    g.defers.truncate(fr.defer_base as usize);
    g.stack.truncate(fr.ret_to as usize);
    let argc = rec.calls.args.len();
    g.stack.extend_from_slice(&rec.calls.args);
    let (id, nframes) = (rec.calls.native, g.frames.len());
    rec.calls.pos = 0;
    match vm.call_reentrant(g, &prog, id, argc, Some(rec.calls)) {
        Ok(()) => {
            if let Some(by_panic) = rec.deferred {
                g.stack.truncate(fr.ret_to as usize);
                g.resume_defers = Some(by_panic);
            }
            // The frames changed under the dispatch loop: end the slice
            // here so that it reloads them.
            Err(Throw::Stop(Stop::Budget))
        }
        Err(Flow::Stop(Stop::Syscall(sc))) => {
            if let Some(n) = g.natives.iter_mut().find(|n| n.frame as usize == nframes) {
                n.deferred = rec.deferred;
            }
            Err(Throw::Stop(Stop::Syscall(sc)))
        }
        Err(Flow::Panic(v, _)) => Err(Throw::Panic(v)),
        Err(Flow::Stop(s)) => Err(Throw::Stop(s)),
    }
}

/// The marker frame's deferred call: a panic in the method reaches the
/// native. One that the native takes as the call's result (fmt's
/// `catchPanic`; and only where `call_go` would have handed it so: the
/// goroutine has no deferred calls left that might recover it) is
/// recovered and logged; any other goes on.
pub(crate) fn recover(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let at = g.stack.len().saturating_sub(argc);
    let frame = g.stack.get(at).map_or(u32::MAX, |v| v.int() as u32);
    g.stack.truncate(at);
    let Some(p) = g.panics.last() else { return Ok(()) };
    if p.goexit || p.recovered || !g.defers.is_empty() {
        return Ok(());
    }
    let value = p.value;
    let Some(rec) = g.natives.iter_mut().rfind(|n| n.frame == frame) else { return Ok(()) };
    if !rec.calls.catches {
        return Ok(());
    }
    let prog = vm.prog.clone();
    let text = vm.panic_text(&prog, value).unwrap_or_else(|_| vm.custom_text(&prog, value));
    let report = PanicReport { message: format!("panic: {text}\n"), trace: Vec::new(), value };
    rec.calls.log.push(Logged::Stop(Box::new(Stop::Panicked(report))));
    rec.awaiting = None;
    if let Some(p) = g.panics.last_mut() {
        p.recovered = true;
    }
    Ok(())
}

/// Marks the marker frame `frame` as a deferred native's: when it is
/// done, the return or panic that ran it goes on.
pub(super) fn mark_deferred(g: &mut GState, frame: usize, by_panic: bool) {
    if let Some(n) = g.natives.iter_mut().find(|n| n.frame as usize == frame) {
        n.deferred = Some(by_panic);
    }
}
