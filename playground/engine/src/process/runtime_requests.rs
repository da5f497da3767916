//! The runtime's own requests ([`Server::Runtime`]): `runtime`
//! (`Gosched`, `NumGoroutine`, `GOMAXPROCS`, `GC`, `Stack`...),
//! `runtime/debug`, `runtime/pprof`'s profiles, `time.Sleep`, runtime
//! fatal errors and the simulator package, served by the machine.
//!
//! [`Server::Runtime`]: crate::runtime::request::Server::Runtime

use super::crash;
use super::dump;
use super::machine::VmMachine;
use crate::heap::{ByteKind, Obj};
use crate::runtime::request::sys as id;
use crate::sched::{GoId, Sched, Stop};
use crate::value::Value;

impl VmMachine {
    /// Serves a request of `runtime`, `runtime/debug`, `runtime/pprof`,
    /// `time.Sleep` or the simulator package ([`Server::Runtime`]).
    pub(super) fn runtime_request(&mut self, sched: &Sched, goid: GoId, sid: u32, args: &[Value]) -> Option<Stop> {
        let a0 = Self::arg(args, 0);
        match sid {
            id::GOSCHED => return Some(Stop::Gosched),
            id::SLEEP => {
                let d = a0.int();
                if d > 0 {
                    return Some(Stop::Sleep { duration_ns: d as u64 });
                }
            }
            id::NUM_GOROUTINE => self.push(goid, &[Value::Int(sched.num_goroutine() as i64)]),
            id::NUM_CPU => self.push(goid, &[Value::Int(sched.config.procs.max(1) as i64)]),
            id::GOMAXPROCS => {
                self.push(goid, &[Value::Int(sched.gomaxprocs() as i64)]);
                let n = a0.int();
                if n >= 1 && n != sched.gomaxprocs() as i64 {
                    return Some(Stop::SetGomaxprocs(n.min(256) as u32));
                }
            }
            id::GC => {
                self.forced_gc(goid);
                super::sys_misc::after_gc(self, goid);
                return Some(Stop::Gc { leaked: Vec::new() });
            }
            id::STACK => {
                let text = dump::stack(self, sched, goid, Self::arg(args, 1).bool());
                let n = self.copy_into(a0, text.as_bytes());
                self.push(goid, &[Value::Int(n as i64)]);
            }
            id::DEBUG_STACK => {
                let text = dump::debug_stack(self, sched, goid);
                let v = self.bytes_value(text.as_bytes());
                self.push(goid, &[v]);
            }
            id::PPROF_GOROUTINE => {
                let text = dump::pprof_goroutine(self, sched, goid, a0.int(), false);
                let v = self.string_value(&text);
                self.push(goid, &[v]);
            }
            id::PPROF_GOROUTINE_LEAK => {
                let found = self.leak_cycle(sched, goid);
                let text = dump::pprof_goroutine(self, sched, goid, a0.int(), true);
                let v = self.string_value(&text);
                self.push(goid, &[v]);
                return Some(Stop::Gc { leaked: found });
            }
            id::PPROF_COUNT => {
                let name = self.profile_name(a0);
                let n = match name.as_str() {
                    "goroutine" => sched.num_goroutine() as i64,
                    "goroutineleak" => self.leaked.iter().filter(|g| sched.g_by_id(**g).is_some_and(|x| x.goid == **g)).count() as i64,
                    "threadcreate" => sched.ms.len() as i64,
                    "allocs" | "block" | "heap" | "mutex" => 0,
                    _ => match a0 {
                        Value::Ptr { obj, .. } => self.vm.heap.slots(obj).get(1).map_or(0, |v| v.int()),
                        _ => 0,
                    },
                };
                self.push(goid, &[Value::Int(n)]);
            }
            id::PPROF_TEXT => {
                let name = self.profile_name(a0);
                let debug = Self::arg(args, 1).int();
                let mut stop = None;
                let text = match name.as_str() {
                    "goroutine" => dump::pprof_goroutine(self, sched, goid, debug, false),
                    "goroutineleak" => {
                        let found = self.leak_cycle(sched, goid);
                        stop = Some(Stop::Gc { leaked: found });
                        dump::pprof_goroutine(self, sched, goid, debug, true)
                    }
                    "threadcreate" => format!("threadcreate profile: total {}\n", sched.ms.len()),
                    other => format!("{other} profile: total 0\n"),
                };
                let v = self.string_value(&text);
                self.push(goid, &[v]);
                if stop.is_some() {
                    return stop;
                }
            }
            id::GOROUTINE_LEAK_COUNT => {
                let n = self.leaked.iter().filter(|g| sched.g_by_id(**g).is_some_and(|x| x.goid == **g)).count();
                self.push(goid, &[Value::Int(n as i64)]);
            }
            id::SIM_SYSCALL => {
                if a0.int() > 0 {
                    return Some(Stop::Syscall { duration_ns: a0.int() as u64 });
                }
            }
            id::SIM_WORK => {
                if let Some(g) = self.gs.get_mut(&goid)
                    && a0.int() > 0
                {
                    g.work_left = a0.int() as u64;
                    // The work is done in the following calls.
                    return Some(Stop::Continue);
                }
            }
            id::LOCK_OS_THREAD => return Some(Stop::LockOSThread),
            id::UNLOCK_OS_THREAD => return Some(Stop::UnlockOSThread),
            id::FATAL => {
                let msg = String::from_utf8_lossy(self.vm.heap.str_bytes(a0)).into_owned();
                let c = crash::fatal_in(self, sched, goid, &msg);
                return Some(self.die(c));
            }
            _ => return Some(self.unknown_request(sid)),
        }
        None
    }

    /// The name of a `*pprof.Profile` (its first field).
    pub(super) fn profile_name(&self, p: Value) -> String {
        match p {
            Value::Ptr { obj, .. } => {
                let s = self.vm.heap.slots(obj).first().copied().unwrap_or(Value::EMPTY_STRING);
                String::from_utf8_lossy(self.vm.heap.str_bytes(s)).into_owned()
            }
            _ => String::new(),
        }
    }

    /// `copy(buf, text)` into a `[]byte` value; the count copied.
    pub(super) fn copy_into(&mut self, buf: Value, text: &[u8]) -> usize {
        let Value::Slice { obj, off, len, .. } = buf else { return 0 };
        let n = (len as usize).min(text.len());
        match self.vm.heap.get_mut(obj) {
            Some(Obj::ByteArr(_, data)) => {
                let off = off as usize;
                match data.get_mut(off..off + n) {
                    Some(dst) => {
                        dst.copy_from_slice(&text[..n]);
                        n
                    }
                    None => 0,
                }
            }
            _ => 0,
        }
    }

    pub(super) fn bytes_value(&mut self, b: &[u8]) -> Value {
        let n = b.len() as u32;
        match self.vm.heap.alloc_byte_arr(ByteKind::U8, b.to_vec(), n as u64) {
            Ok(obj) => Value::Slice { obj, off: 0, len: n, cap: n },
            Err(_) => Value::Nil,
        }
    }

    pub(super) fn string_value(&mut self, s: &str) -> Value {
        self.vm.heap.alloc_str(s.as_bytes()).unwrap_or(Value::EMPTY_STRING)
    }
}
