//! `log`: the standard logger and `*log.Logger`, as Go's `log/log.go`
//! writes them: `[prefix][date time][file:line: ][msgprefix]message\n`.
//!
//! A `Logger` is the stub's struct `{prefix string; flag int; out
//! io.Writer}` in the heap; the standard logger's prefix and flags live in
//! the VM (`Vm::log_std`), its writer is stderr. Times come from the
//! virtual clock (`Vm::now_ns`), which starts at 2009-11-10 23:00:00 UTC.

use super::{args, new_iface, new_str, oom, pinned_args, str_of};
use crate::value::{Value, WHOLE};
use crate::vm::{GState, NativeFn, Stop, Throw, Vm};

const LDATE: i64 = 1;
const LTIME: i64 = 2;
const LMICROSECONDS: i64 = 4;
const LLONGFILE: i64 = 8;
const LSHORTFILE: i64 = 16;
const LMSGPREFIX: i64 = 64;
/// `log.LstdFlags`: the standard logger's flags until `SetFlags`.
pub const LSTDFLAGS: i64 = LDATE | LTIME;

use crate::sched::time::EPOCH_UNIX_NS;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "log.Print" => |vm, g, n| std_out(vm, g, n, Kind::Print, End::Return),
        "log.Println" => |vm, g, n| std_out(vm, g, n, Kind::Println, End::Return),
        "log.Printf" => |vm, g, n| std_out(vm, g, n, Kind::Printf, End::Return),
        "log.Fatal" => |vm, g, n| std_out(vm, g, n, Kind::Print, End::Exit),
        "log.Fatalln" => |vm, g, n| std_out(vm, g, n, Kind::Println, End::Exit),
        "log.Fatalf" => |vm, g, n| std_out(vm, g, n, Kind::Printf, End::Exit),
        "log.Panic" => |vm, g, n| std_out(vm, g, n, Kind::Print, End::Panic),
        "log.Panicln" => |vm, g, n| std_out(vm, g, n, Kind::Println, End::Panic),
        "log.Panicf" => |vm, g, n| std_out(vm, g, n, Kind::Printf, End::Panic),
        "log.(*Logger).Print" => |vm, g, n| logger_out(vm, g, n, Kind::Print, End::Return),
        "log.(*Logger).Println" => |vm, g, n| logger_out(vm, g, n, Kind::Println, End::Return),
        "log.(*Logger).Printf" => |vm, g, n| logger_out(vm, g, n, Kind::Printf, End::Return),
        "log.(*Logger).Fatal" => |vm, g, n| logger_out(vm, g, n, Kind::Print, End::Exit),
        "log.(*Logger).Fatalln" => |vm, g, n| logger_out(vm, g, n, Kind::Println, End::Exit),
        "log.(*Logger).Fatalf" => |vm, g, n| logger_out(vm, g, n, Kind::Printf, End::Exit),
        "log.(*Logger).Panic" => |vm, g, n| logger_out(vm, g, n, Kind::Print, End::Panic),
        "log.(*Logger).Panicln" => |vm, g, n| logger_out(vm, g, n, Kind::Println, End::Panic),
        "log.(*Logger).Panicf" => |vm, g, n| logger_out(vm, g, n, Kind::Printf, End::Panic),
        "log.SetFlags" => |vm, g, n| {
            let a = args(g, n);
            let (p, _) = std_state(vm);
            vm.log_std = Some((p, a.first().map_or(0, |v| v.int())));
            Ok(())
        },
        "log.SetPrefix" => |vm, g, n| {
            let a = args(g, n);
            let p = str_of(vm, a.first().copied().unwrap_or(Value::EMPTY_STRING));
            let (_, f) = std_state(vm);
            vm.log_std = Some((p, f));
            Ok(())
        },
        "log.Flags" => |vm, g, n| {
            args(g, n);
            g.stack.push(Value::Int(std_state(vm).1));
            Ok(())
        },
        "log.SetOutput" => |vm, g, n| {
            let w = args(g, n).first().copied().unwrap_or_default();
            vm.log_std_out = Some(vm.hold(vm.log_std_out, vec![w]));
            Ok(())
        },
        "log.Prefix" => |vm, g, n| {
            args(g, n);
            let p = std_state(vm).0;
            let v = new_str(vm, &p)?;
            g.stack.push(v);
            Ok(())
        },
        "log.New" => |vm, g, n| {
            let a = args(g, n);
            let (w, p, f) = (a.first().copied().unwrap_or_default(), a.get(1).copied().unwrap_or(Value::EMPTY_STRING), a.get(2).copied().unwrap_or_default());
            let h = vm.heap.alloc_slots(vec![p, f, w], 40).map_err(oom)?;
            g.stack.push(Value::Ptr { obj: h, slot: WHOLE });
            Ok(())
        },
        "log.(*Logger).SetFlags" => |vm, g, n| set_field(vm, g, n, 1),
        "log.(*Logger).SetPrefix" => |vm, g, n| set_field(vm, g, n, 0),
        "log.(*Logger).SetOutput" => |vm, g, n| set_field(vm, g, n, 2),
        "log.(*Logger).Flags" => |vm, g, n| get_field(vm, g, n, 1),
        "log.(*Logger).Prefix" => |vm, g, n| get_field(vm, g, n, 0),
        "log.(*Logger).Writer" => |vm, g, n| get_field(vm, g, n, 2),
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Kind {
    Print,
    Println,
    Printf,
}

/// What follows the output: nothing, `os.Exit(1)`, or `panic(s)`.
#[derive(Clone, Copy)]
enum End {
    Return,
    Exit,
    Panic,
}

fn std_state(vm: &Vm) -> (Vec<u8>, i64) {
    vm.log_std.clone().unwrap_or((Vec::new(), LSTDFLAGS))
}

/// The `*Logger`'s object (a nil logger: Go's nil dereference panic).
fn logger_obj(v: Value) -> Result<crate::value::Handle, Throw> {
    match v {
        Value::Ptr { obj, slot: WHOLE } => Ok(obj),
        _ => Err(super::fatal_nil_deref()),
    }
}

fn set_field(vm: &mut Vm, g: &mut GState, argc: usize, i: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let h = logger_obj(a.first().copied().unwrap_or_default())?;
    vm.heap.store_slot(h, i, a.get(1).copied().unwrap_or_default()).map_err(oom)
}

fn get_field(vm: &mut Vm, g: &mut GState, argc: usize, i: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let h = logger_obj(a.first().copied().unwrap_or_default())?;
    let v = vm.heap.slots(h).get(i).copied().unwrap_or_default();
    g.stack.push(v);
    Ok(())
}

/// The message text (`fmt.Sprint`, `Sprintln` or `Sprintf` of the args).
fn message(vm: &mut Vm, g: &mut GState, kind: Kind, a: &[Value]) -> Result<Vec<u8>, Throw> {
    let vals = |vm: &Vm, v: Option<&Value>| super::slice_elems(vm, v.copied().unwrap_or_default());
    match kind {
        Kind::Print => {
            let v = vals(vm, a.first());
            super::fmt::sprint_impl(vm, g, &v, false)
        }
        Kind::Println => {
            let v = vals(vm, a.first());
            super::fmt::sprint_impl(vm, g, &v, true)
        }
        Kind::Printf => {
            let f = str_of(vm, a.first().copied().unwrap_or(Value::EMPTY_STRING));
            let v = vals(vm, a.get(1));
            super::fmt::sprintf_impl(vm, g, &f, &v)
        }
    }
}

/// `log.Print` and friends on the standard logger (stderr unless
/// `log.SetOutput` gave it a writer).
fn std_out(vm: &mut Vm, g: &mut GState, argc: usize, kind: Kind, end: End) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let msg = message(vm, g, kind, &a)?;
    let (prefix, flags) = std_state(vm);
    let line = format_line(vm, g, &prefix, flags, &msg);
    let writer = vm.log_std_out.and_then(|slot| vm.gs.get(slot)).and_then(|h| h.stack.first().copied());
    match writer {
        Some(w) => super::fmt::write_to(vm, g, w, &line)?,
        None => vm.write_fd(g, 2, &line),
    }
    finish(vm, end, msg)
}

/// `(*Logger).Print` and friends: the receiver first.
fn logger_out(vm: &mut Vm, g: &mut GState, argc: usize, kind: Kind, end: End) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let h = logger_obj(a.first().copied().unwrap_or_default())?;
    let msg = message(vm, g, kind, a.get(1..).unwrap_or(&[]))?;
    let slots = vm.heap.slots(h).to_vec();
    let prefix = str_of(vm, slots.first().copied().unwrap_or(Value::EMPTY_STRING));
    let flags = slots.get(1).map_or(0, |v| v.int());
    let w = slots.get(2).copied().unwrap_or_default();
    let line = format_line(vm, g, &prefix, flags, &msg);
    super::fmt::write_to(vm, g, w, &line)?;
    finish(vm, end, msg)
}

fn finish(vm: &mut Vm, end: End, msg: Vec<u8>) -> Result<(), Throw> {
    match end {
        End::Return => Ok(()),
        End::Exit => Err(Throw::Stop(Stop::Exit(1))),
        End::Panic => {
            let s = new_str(vm, &msg)?;
            let v = new_iface(vm, crate::rtype::T_STRING, s)?;
            Err(Throw::Panic(v))
        }
    }
}

/// Go's `formatHeader` + message + a newline unless it ends with one.
fn format_line(vm: &Vm, g: &GState, prefix: &[u8], flags: i64, msg: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(prefix.len() + msg.len() + 32);
    if flags & LMSGPREFIX == 0 {
        out.extend_from_slice(prefix);
    }
    if flags & (LDATE | LTIME | LMICROSECONDS) != 0 {
        let unix = EPOCH_UNIX_NS.saturating_add(vm.now_ns().min(i64::MAX as u64) as i64);
        let (secs, nanos) = (unix.div_euclid(1_000_000_000), unix.rem_euclid(1_000_000_000));
        let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        if flags & LDATE != 0 {
            let (y, m, d) = crate::format::time::civil_from_days(days);
            out.extend_from_slice(format!("{y:04}/{m:02}/{d:02} ").as_bytes());
        }
        if flags & (LTIME | LMICROSECONDS) != 0 {
            out.extend_from_slice(format!("{:02}:{:02}:{:02}", sod / 3600, sod / 60 % 60, sod % 60).as_bytes());
            if flags & LMICROSECONDS != 0 {
                out.extend_from_slice(format!(".{:06}", nanos / 1000).as_bytes());
            }
            out.push(b' ');
        }
    }
    if flags & (LSHORTFILE | LLONGFILE) != 0 {
        let line = vm.traceback(g).first().map_or(0, |f| f.line);
        let path = vm.program().file.name.clone();
        let file = if flags & LSHORTFILE != 0 { path.rsplit('/').next().unwrap_or(&path).to_string() } else { path.to_string() };
        out.extend_from_slice(format!("{file}:{line}: ").as_bytes());
    }
    if flags & LMSGPREFIX != 0 {
        out.extend_from_slice(prefix);
    }
    out.extend_from_slice(msg);
    if msg.last() != Some(&b'\n') {
        out.push(b'\n');
    }
    out
}


#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(crate::format::time::civil_from_days(0), (1970, 1, 1));
        assert_eq!(crate::format::time::civil_from_days(1_257_894_000 / 86_400), (2009, 11, 10));
    }
}
