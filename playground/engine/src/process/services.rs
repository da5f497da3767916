//! The machine lent to the standard library's request servers
//! ([`Services`]): what a package that blocks or wakes goroutines may do
//! to the run, over the VM, the goroutine table and the channels.

use super::crash;
use super::machine::{GInfo, VmMachine};
use crate::event::EventKind;
use crate::heap::Obj;
use crate::runtime::Creator;
use super::chan::{ChanOutcome, Chans};
use crate::sched::{GoId, Sched, Stop};
use crate::stdlib::services::{Services, State};
use crate::value::{Handle, Value};
use crate::vm::{Syscall, Vm};
use std::rc::Rc;

impl Services for VmMachine {
    fn vm(&self) -> &Vm {
        &self.vm
    }

    fn vm_mut(&mut self) -> &mut Vm {
        &mut self.vm
    }

    fn state(&mut self) -> &mut State {
        &mut self.pkgs
    }

    fn push(&mut self, g: GoId, vals: &[Value]) {
        VmMachine::push(self, g, vals);
    }

    fn take_held(&mut self, g: GoId, n: usize) -> Vec<Value> {
        match self.vm_of(g).and_then(|i| self.vm.gs.get_mut(i)) {
            Some(s) => {
                let at = s.stack.len().saturating_sub(n);
                s.stack.split_off(at)
            }
            None => Vec::new(),
        }
    }

    fn set_pending(&mut self, g: GoId, req: Syscall) {
        if let Some(x) = self.gs.get_mut(&g) {
            x.pending = Some(req);
        }
    }

    fn set_blocked_on(&mut self, g: GoId, on: Vec<Handle>) {
        if let Some(x) = self.gs.get_mut(&g) {
            x.blocked_on = on;
        }
    }

    fn go_panic(&mut self, sched: &Sched, g: GoId, msg: &str) -> Stop {
        VmMachine::go_panic(self, sched, g, msg)
    }

    fn fatal(&mut self, sched: &Sched, g: GoId, msg: &str) -> Stop {
        let c = crash::fatal_in(self, sched, g, msg);
        self.die(c)
    }

    fn internal(&mut self, msg: &str) -> Stop {
        self.die(crash::internal(msg))
    }

    fn unknown_request(&mut self, sid: u32) -> Stop {
        VmMachine::unknown_request(self, sid)
    }

    fn close_chan(&mut self, by: GoId, c: Value) -> Vec<GoId> {
        let gs = &self.gs;
        let vm_of = |g: GoId| gs.get(&g).and_then(GInfo::vm_index);
        let ChanOutcome::Closed { ready, .. } = self.chans.close(&mut self.vm, by, c, &vm_of) else { return Vec::new() };
        for g in &ready {
            if let Some(x) = self.gs.get_mut(g) {
                x.blocked_on.clear();
            }
        }
        ready
    }

    fn send_to_receiver(&mut self, by: GoId, c: Value, v: Value) -> Option<GoId> {
        let gs = &self.gs;
        let vm_of = |g: GoId| gs.get(&g).and_then(GInfo::vm_index);
        let ChanOutcome::DoneAndReady(_, r) = self.chans.send(&mut self.vm, by, c, v, &vm_of) else { return None };
        if let Some(x) = self.gs.get_mut(&r) {
            x.blocked_on.clear();
        }
        Some(r)
    }

    fn has_receiver(&self, h: Handle) -> bool {
        self.chans.has_receiver(h)
    }

    fn make_chan(&mut self, g: GoId, elem: u32, elem_name: &str, cap: i64) -> Value {
        let c = Chans::make(&mut self.vm, elem, cap).unwrap_or(Value::Nil);
        if let Value::Chan(h) = c {
            self.chans.events.push(EventKind::ChanMake { g, chan: h, elem: elem_name.into(), cap: cap as u32 });
        }
        c
    }

    fn chan_len(&self, h: Handle) -> Option<usize> {
        match self.vm.heap.get(h) {
            Obj::Chan(c) => Some(c.buf.len()),
            _ => None,
        }
    }

    fn send_to_buffer(&mut self, by: GoId, h: Handle, v: Value) {
        let value = super::chan::value_text(&self.vm, h, v);
        if let Some(Obj::Chan(c)) = self.vm.heap.get_mut(h) {
            c.buf.push_back(v);
            self.chans.events.push(EventKind::ChanSend { g: by, chan: h, value });
        }
    }

    fn drain_chan(&mut self, c: Value) -> bool {
        let Value::Chan(h) = c else { return false };
        match self.vm.heap.get_mut(h) {
            Some(Obj::Chan(ch)) => {
                let had = !ch.buf.is_empty();
                ch.buf.clear();
                if had {
                    self.chans.events.push(EventKind::ChanDrain { chan: h });
                }
                had
            }
            _ => false,
        }
    }

    fn set_spawning(&mut self, func: Value, args: Vec<Value>, creator: Creator) {
        self.spawning = Some((func, args, creator));
    }

    fn func_name(&mut self, f: Value) -> Rc<str> {
        VmMachine::func_name(self, f)
    }
}
