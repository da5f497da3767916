//! `os`: `Exit`, `Getenv`, and the standard files (`*os.File` objects
//! holding their descriptor), written through the process's output. The
//! process calls that send signals (`Getpid`, `FindProcess`,
//! `(*Process).Signal`) are with `os/signal`'s natives.

pub(crate) mod signal;

use super::{args, bytes_of, oom};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Stop, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    natives(name).or_else(|| signal::lookup(name))
}

fn natives(name: &str) -> Option<NativeFn> {
    Some(match name {
        "os.Exit" => os_exit,
        "os.Stdout" => os_stdout,
        "os.Stderr" => os_stderr,
        "os.Getenv" => |vm, g, n| {
            args(g, n);
            let _ = vm;
            g.stack.push(Value::EMPTY_STRING);
            Ok(())
        },
        "os.(*File).Write" | "os.(*File).WriteString" => |vm, g, n| {
            let a = args(g, n);
            let fd = match a.first() {
                Some(Value::Ptr { obj, .. }) => vm.heap.slots(*obj).first().map_or(1, |v| v.int()),
                _ => 1,
            };
            let b = bytes_of(vm, a.get(1).copied().unwrap_or_default());
            vm.write_fd(g, if fd == 2 { 2 } else { 1 }, &b);
            g.stack.push(Value::Int(b.len() as i64));
            g.stack.push(Value::Nil);
            Ok(())
        },
        _ => return None,
    })
}

fn os_exit(_vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    Err(Throw::Stop(Stop::Exit(a.first().map_or(0, |v| v.int()) as i32)))
}

/// `*os.File` objects: one slot holding the descriptor.
fn os_file(vm: &mut Vm, g: &mut GState, fd: i64) -> Result<(), Throw> {
    let h = vm.heap.alloc_slots(vec![Value::Int(fd)], 8).map_err(oom)?;
    g.stack.push(Value::Ptr { obj: h, slot: WHOLE });
    Ok(())
}

fn os_stdout(vm: &mut Vm, g: &mut GState, _argc: usize) -> Result<(), Throw> {
    os_file(vm, g, 1)
}

fn os_stderr(vm: &mut Vm, g: &mut GState, _argc: usize) -> Result<(), Throw> {
    os_file(vm, g, 2)
}
