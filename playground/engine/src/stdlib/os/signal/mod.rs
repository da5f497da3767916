//! `os/signal`, `syscall` signals and the `os` process calls that send
//! them. Registration and delivery are requests to the process
//! (`process/sys_misc.rs`), which owns the table of channels and sends
//! with Go's non-blocking send; here only the values and names.

pub(crate) mod runtime_goroutines;

use crate::stdlib::{args, new_str, oom};
use crate::runtime::request::signal as id;
use crate::value::{Value, WHOLE};
use crate::vm::{NativeFn, Stop, Syscall, Throw};

/// What `os.Getpid` answers (there is one simulated process).
const PID: i64 = 1;

pub fn lookup(name: &str) -> Option<NativeFn> {
    natives(name)
}

fn natives(name: &str) -> Option<NativeFn> {
    Some(match name {
        "syscall.Signal.String" => |vm, g, n| {
            let a = args(g, n);
            let text = signal_name(a.first().map_or(0, |v| v.int()));
            let s = new_str(vm, text.as_bytes())?;
            g.stack.push(s);
            Ok(())
        },
        "syscall.Signal.Signal" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        "syscall.Getpid" | "os.Getpid" => |_vm, g, n| {
            args(g, n);
            g.stack.push(Value::Int(PID));
            Ok(())
        },
        "os.FindProcess" => |vm, g, n| {
            let a = args(g, n);
            let pid = a.first().copied().unwrap_or(Value::Int(PID));
            let h = vm.heap.alloc_slots(vec![pid], 8).map_err(oom)?;
            g.stack.push(Value::Ptr { obj: h, slot: WHOLE });
            g.stack.push(Value::Nil);
            Ok(())
        },
        // Every pid is this process: the signal is delivered to it now.
        "syscall.Kill" | "os.(*Process).Signal" => |_vm, g, n| {
            let a = args(g, n);
            request(id::SIGNAL_RAISE, vec![a.get(1).copied().unwrap_or_default()])
        },
        "os.(*Process).Kill" => |_vm, g, n| {
            args(g, n);
            request(id::SIGNAL_RAISE, vec![Value::Int(9)])
        },
        "os/signal.Notify" => |_vm, g, n| {
            let a = args(g, n);
            request(id::SIGNAL_NOTIFY, a)
        },
        "os/signal.Stop" => |_vm, g, n| request(id::SIGNAL_STOP, args(g, n)),
        "os/signal.Ignore" => |_vm, g, n| request(id::SIGNAL_IGNORE, args(g, n)),
        "os/signal.Reset" => |_vm, g, n| request(id::SIGNAL_RESET, args(g, n)),
        "os/signal.Ignored" => |_vm, g, n| request(id::SIGNAL_IGNORED, args(g, n)),
        _ => return None,
    })
}

fn request(id: u32, args: impl Into<Vec<Value>>) -> Result<(), Throw> {
    Err(Throw::Stop(Stop::Syscall(Syscall::Sys { id, args: args.into() })))
}

/// `syscall.Signal.String` on Linux (`zerrors_linux_amd64.go`'s table);
/// other numbers print as `signal N`.
pub fn signal_name(n: i64) -> String {
    let s = match n {
        1 => "hangup",
        2 => "interrupt",
        3 => "quit",
        4 => "illegal instruction",
        5 => "trace/breakpoint trap",
        6 => "aborted",
        7 => "bus error",
        8 => "floating point exception",
        9 => "killed",
        10 => "user defined signal 1",
        11 => "segmentation fault",
        12 => "user defined signal 2",
        13 => "broken pipe",
        14 => "alarm clock",
        15 => "terminated",
        17 => "child exited",
        23 => "urgent I/O condition",
        28 => "window changed",
        _ => return format!("signal {n}"),
    };
    s.to_string()
}
