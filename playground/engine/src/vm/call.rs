//! Calls and returns: frames pushed and popped, closures, natives and
//! interface methods, results stored, deferred calls started (Go's
//! `deferreturn`), the simulated stack grown by copying.

use super::*;

impl Vm {
    /// Pushes a frame for bytecode function `fi` whose arguments start at
    /// stack index `base`.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push_frame(&mut self, g: &mut GState, prog: &Bytecode, fi: u32, base: usize, ret_to: usize, env: Value, kind: FrameKind, deferrer: u32) -> Result<(), Flow> {
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
    pub(super) fn grow_stack(&mut self, g: &mut GState) -> Result<(), Flow> {
        while g.stack_size < g.stack_used {
            g.stack_size *= 2;
            g.stack_copies += 1;
            g.stack_grew = true;
        }
        let host = g.frames.len() as u64 * std::mem::size_of::<Frame>() as u64 + g.stack.len() as u64 * std::mem::size_of::<Value>() as u64;
        if g.stack_size > self.max_stack || host > self.cfg.max_host_stack {
            return Err(Flow::Stop(Stop::Fatal(Fatal {
                kind: FatalKind::StackOverflow,
                message: format!("runtime: goroutine stack exceeds {}-byte limit\nfatal error: stack overflow\n", self.max_stack),
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
    pub(super) fn call_value(&mut self, g: &mut GState, prog: &Bytecode, fpos: usize, argc: usize, kind: FrameKind, deferrer: u32) -> Result<bool, Flow> {
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

    // Inlined into the dispatch loop, as it was before it grew the
    // `reenters` branch (out of line it cost strbuild 3.7% instructions;
    // `#[inline]` alone, 0.8%).
    #[inline(always)]
    pub(super) fn call_native(&mut self, g: &mut GState, prog: &Bytecode, id: u32, argc: usize) -> Result<(), Flow> {
        let Some(n) = prog.natives.get(id as usize) else { return Err(internal("unknown native")) };
        self.sync_epoch += n.syncs as u64;
        if n.reenters {
            return self.call_reentrant(g, prog, id, argc, None);
        }
        match (n.func)(self, g, argc) {
            Ok(()) => Ok(()),
            Err(t) => Err(Self::native_flow(t)),
        }
    }

    /// A native called where the goroutine cannot wait for Go code it
    /// calls (printing a panic's value): such a call stops the run.
    pub(super) fn call_native_unparked(&mut self, g: &mut GState, prog: &Bytecode, id: u32, argc: usize) -> Result<(), Flow> {
        let Some(n) = prog.natives.get(id as usize) else { return Err(internal("unknown native")) };
        (n.func)(self, g, argc).map_err(Self::native_flow)
    }

    /// A native's panic or stop as the dispatch loop's flow (out of the
    /// loop's way: natives nearly always return).
    #[cold]
    #[inline(never)]
    fn native_flow(t: Throw) -> Flow {
        match t {
            Throw::Panic(v) => Flow::Panic(v, false),
            Throw::Stop(s) => Flow::Stop(s),
            Throw::Park(_) => internal("a native parked without its log"),
        }
    }

    /// `CallIface`: replaces the interface receiver by its dynamic value
    /// and calls the dynamic type's method. True if a frame was pushed.
    pub(super) fn call_iface(&mut self, g: &mut GState, prog: &Bytecode, method: u32, argc: usize, kind: FrameKind) -> Result<bool, Flow> {
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
    pub(super) fn finish_frame(&mut self, g: &mut GState, prog: &Bytecode, n: usize) -> Result<(), Flow> {
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
    pub(super) fn do_return(&mut self, g: &mut GState, prog: &Bytecode, n: usize) -> Result<(), Flow> {
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

    pub(super) fn store_result(&mut self, g: &mut GState, base: usize, rs: ResultSlot, v: Value) -> Result<(), Flow> {
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
    pub(super) fn continue_return(&mut self, g: &mut GState, prog: &Bytecode) -> Result<(), Flow> {
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
    pub(super) fn call_deferred(&mut self, g: &mut GState, prog: &Bytecode, d: DeferRec, kind: FrameKind) -> Result<bool, Flow> {
        let fpos = g.stack.len();
        let nframes = g.frames.len();
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
            Err(Flow::Stop(Stop::Syscall(sc))) if g.frames.len() > nframes => {
                // A native waiting for Go code it called: its marker frame
                // carries on with the remaining defers when it is done.
                super::reenter::mark_deferred(g, nframes, matches!(kind, FrameKind::DeferredByPanic));
                return Err(Flow::Stop(Stop::Syscall(sc)));
            }
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

    /// `DeferAt`: a defer in a range-over-func loop body joins the frame
    /// whose `DeferRangeFunc` made `token` (Go's `deferprocat`), at the end
    /// of that frame's defers, below those of the frames above it. The
    /// frame may be on another goroutine (an iterator calling yield from
    /// one); one that is gone panics.
    pub(super) fn defer_at(&mut self, g: &mut GState, running_frame: usize, token: Value, func: Value, args: DeferArgs) -> Result<(), Flow> {
        let field = |vm: &Vm, i: usize| match token {
            Value::Agg(h) => vm.heap.slots(h).get(i).map_or(-1, |v| v.int()),
            _ => -1,
        };
        let (gi, of, base) = (field(self, 0), field(self, 1), field(self, 2));
        let here = gi == self.running as i64;
        let target: &mut GState = if here {
            g
        } else {
            match usize::try_from(gi).ok().and_then(|i| self.gs.get_mut(i)) {
                Some(other) => other,
                None => return Err(self.rt_error(rtype::T_RT_ERRORSTRING, panic::DEFER_AFTER_RANGE)),
            }
        };
        let of = usize::try_from(of).unwrap_or(usize::MAX);
        let limit = if here { running_frame } else { target.frames.len() };
        if of >= limit || target.frames.get(of).is_none_or(|f| f.base as i64 != base) {
            return Err(self.rt_error(rtype::T_RT_ERRORSTRING, panic::DEFER_AFTER_RANGE));
        }
        let at = target.frames.get(of + 1).map_or(target.defers.len(), |f| f.defer_base as usize).min(target.defers.len());
        target.defers.insert(at, DeferRec { frame: of as u32, func, args });
        for f in target.frames.iter_mut().skip(of + 1) {
            f.defer_base += 1;
        }
        Ok(())
    }
}
