//! Panics and their unwinding: `gopanic`'s walk of the deferred calls,
//! `recover`, nested panics and `Goexit`, as state transitions of the
//! goroutine (never host unwinding), and the text an unrecovered panic
//! prints.

use super::*;

impl Vm {
    pub(super) fn begin_panic(&mut self, g: &mut GState, prog: &Bytecode, value: Value, sigsegv: bool, goexit: bool) -> Result<(), Flow> {
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
    pub(super) fn continue_panicking(&mut self, g: &mut GState, prog: &Bytecode) -> Result<(), Flow> {
        loop {
            let Some(pi) = g.panics.len().checked_sub(1) else { return Err(internal("not panicking")) };
            if let Some(d) = g.defers.pop() {
                let deferrer = d.frame;
                g.panics[pi].defer_frame = Some(g.frames.len() as u32);
                if self.call_deferred(g, prog, d, FrameKind::DeferredByPanic)? {
                    return Ok(());
                }
                g.panics[pi].defer_frame = None;
                if g.panics.get(pi).is_some_and(|p| p.recovered) {
                    // Only a marker frame's native recovers (`reenter.rs`).
                    return self.resume_marker(g, pi, deferrer);
                }
                continue;
            }
            if g.panics[pi].goexit {
                g.natives.clear();
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
                                self.call_native_unparked(g, prog, n, 1)?;
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
    pub(super) fn after_panic_defer(&mut self, g: &mut GState, prog: &Bytecode, fr: Frame) -> Result<(), Flow> {
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
        g.natives.retain(|n| n.frame <= d);
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
    pub(super) fn panic_text(&self, prog: &Bytecode, v: Value) -> Result<String, (Callee, Value)> {
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
    pub(super) fn custom_text(&self, prog: &Bytecode, v: Value) -> String {
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
            (Kind::Float32, Value::Float(f)) => crate::format::shortest(f, 32),
            (Kind::Float64, Value::Float(f)) => crate::format::shortest(f, 64),
            // printanycustomtype: `main.C(1+2i)` has no parentheses of its own.
            (Kind::Complex64 | Kind::Complex128, c @ Value::Complex(..)) => {
                let (re, im) = c.complex();
                let bits = if matches!(t.kind, Kind::Complex64) { 64 } else { 128 };
                let s = String::from_utf8_lossy(&crate::format::format_complex(re, im, b'g', -1, bits)).into_owned();
                // complex64 and complex128 are not among the predeclared ids.
                let unnamed = matches!(t.name.as_str(), "complex64" | "complex128");
                return if unnamed { s } else { format!("{}{}", t.name, s) };
            }
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
}
