//! Runs a compiled program on one goroutine to completion: package
//! initialisation (`main.init`: variables in the checker's order, then the
//! `init` functions), then `main.main`. Captures stdout/stderr and turns
//! the way the run ended into Go's exit code and stderr text (panic
//! chains with `goroutine 1 [running]:` traces, fatal errors, `os.Exit`).
//! The scheduler (issue 4) replaces the single-goroutine loop.

use crate::compile::EntryPoints;
use crate::vm::{Bytecode, Fatal, Stop, Vm, VmConfig};
use crate::{Event, EventKind, Outcome, RunConfig};
use std::rc::Rc;

pub fn run(code: &Bytecode, entry: &EntryPoints, config: &RunConfig) -> Outcome {
    let prog = Rc::new(code.clone());
    let cfg = VmConfig {
        seed: config.seed,
        instr_limit: config.instr_limit,
        heap_budget: config.heap_budget,
        ..VmConfig::default()
    };
    let mut vm = match Vm::new(prog, cfg) {
        Ok(vm) => vm,
        Err(f) => return finish(Vec::new(), f.message.into_bytes(), 2),
    };
    let mut steps = vec![entry.init];
    steps.extend(entry.inits.iter().copied());
    steps.extend(entry.main);
    let mut code = 0;
    for f in steps {
        match run_func(&mut vm, f) {
            Ok(()) => {}
            Err(c) => {
                code = c;
                break;
            }
        }
    }
    let stdout = std::mem::take(&mut vm.stdout);
    let stderr = std::mem::take(&mut vm.stderr);
    finish(stdout, stderr, code)
}

/// Runs function `f` on a fresh goroutine; `Err(exit code)` ends the run.
fn run_func(vm: &mut Vm, f: u32) -> Result<(), i32> {
    let g = match vm.spawn(crate::value::Value::Func(f), &[]) {
        Ok(g) => g,
        Err(fatal) => return Err(report_fatal(vm, &fatal)),
    };
    loop {
        match vm.execute(g, 100_000) {
            Stop::Budget => continue,
            Stop::Returned => {
                vm.release(g);
                return Ok(());
            }
            Stop::Exit(c) => return Err(c),
            Stop::Goexit => {
                vm.stderr.extend_from_slice(b"fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
                return Err(2);
            }
            Stop::Panicked(r) => {
                let mut s = r.message.clone();
                s.push('\n');
                s.push_str(&vm.format_trace(1, "running", &r.trace));
                vm.stderr.extend_from_slice(s.as_bytes());
                return Err(2);
            }
            Stop::Fatal(f) => return Err(report_fatal(vm, &f)),
            Stop::Syscall(_) => {
                vm.stderr.extend_from_slice(b"fatal error: goroutines are not supported yet\n");
                return Err(2);
            }
        }
    }
}

fn report_fatal(vm: &mut Vm, f: &Fatal) -> i32 {
    let mut s = f.message.clone();
    if !f.trace.is_empty() {
        s.push('\n');
        s.push_str(&vm.format_trace(1, "running", &f.trace));
    }
    vm.stderr.extend_from_slice(s.as_bytes());
    2
}

fn finish(stdout: Vec<u8>, stderr: Vec<u8>, code: i32) -> Outcome {
    let stdout = String::from_utf8_lossy(&stdout).into_owned();
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    let mut events = Vec::new();
    if !stdout.is_empty() {
        events.push(Event { time_ns: 0, kind: EventKind::Output { fd: 1, text: stdout.clone() } });
    }
    if !stderr.is_empty() {
        events.push(Event { time_ns: 0, kind: EventKind::Output { fd: 2, text: stderr.clone() } });
    }
    events.push(Event { time_ns: 0, kind: EventKind::Exit { code } });
    Outcome { stdout, stderr, exit_code: code, events }
}
