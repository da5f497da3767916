//! `os`: library Go (`os.go`: the standard files, `Args`, an in-memory
//! file system) over the natives Go's own `os` gets from the OS and the
//! runtime: writing to the output, the run's arguments and input, the
//! file system's byte budget, `Exit`, `Getenv`. The process calls that
//! send signals (`Getpid`, `FindProcess`, `(*Process).Signal`) are with
//! `os/signal`'s natives.

pub(crate) mod signal;

use super::{args, bytes_of, new_slice, new_str};
use crate::value::Value;
use crate::vm::{Fatal, FatalKind, GState, NativeFn, Stop, Throw, Vm};

pub fn lookup(name: &str) -> Option<NativeFn> {
    natives(name).or_else(|| signal::lookup(name))
}

fn natives(name: &str) -> Option<NativeFn> {
    Some(match name {
        "os.Exit" => os_exit,
        "os.Getenv" => |_vm, g, n| {
            args(g, n);
            g.stack.push(Value::EMPTY_STRING);
            Ok(())
        },
        // The Go Playground's binary path, then the run's arguments.
        "os.runtime_args" => |vm, g, n| {
            args(g, n);
            let given = vm.config().args.clone();
            let mut vals = vec![new_str(vm, b"/tmpfs/play")?];
            for a in &given {
                vals.push(new_str(vm, a.as_bytes())?);
            }
            let s = new_slice(vm, vals, 16)?;
            g.stack.push(s);
            Ok(())
        },
        "os.runtime_readStdin" => read_stdin,
        // write(2) to fd 1 or 2.
        "os.runtime_write" => |vm, g, n| {
            let a = args(g, n);
            let fd = a.first().map_or(1, |v| v.int());
            let b = bytes_of(vm, a.get(1).copied().unwrap_or_default());
            vm.write_fd(g, if fd == 2 { 2 } else { 1 }, &b);
            Ok(())
        },
        "os.runtime_fsBudget" => |vm, g, n| {
            args(g, n);
            g.stack.push(Value::Int(vm.config().fs_budget.min(i64::MAX as u64) as i64));
            Ok(())
        },
        "os.runtime_fsFull" => |vm, g, n| {
            args(g, n);
            let message = format!(
                "file system budget exceeded: the program's files hold more than {}",
                crate::vm::bytes_string(vm.config().fs_budget)
            );
            Err(Throw::Stop(Stop::Fatal(Fatal { kind: FatalKind::Budget, message, trace: Vec::new() })))
        },
        _ => return None,
    })
}

/// `runtime_readStdin(b []byte) int`: copies the run's input from where
/// the last read stopped (`Vm::stdin_read`) into b; 0 at its end. Both
/// `os.Stdin` and `fmt.Scan` read through it, as both read fd 0 in Go.
pub(crate) fn read_stdin(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let b = a.first().copied().unwrap_or_default();
    let want = match b {
        Value::Slice { len, .. } => len as usize,
        _ => 0,
    };
    let input = &vm.config().stdin;
    let from = vm.stdin_read.min(input.len());
    let rest = input[from..input.len().min(from.saturating_add(want))].to_vec();
    let n = super::copy_to_bytes(vm, b, &rest)?;
    vm.stdin_read += n;
    g.stack.push(Value::Int(n as i64));
    Ok(())
}

fn os_exit(_vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    Err(Throw::Stop(Stop::Exit(a.first().map_or(0, |v| v.int()) as i32)))
}

#[cfg(test)]
mod tests {
    use crate::{RunConfig, run_source};

    /// The run's arguments follow the Go Playground's binary path, and
    /// its input is os.Stdin's, read to EOF; without input, EOF at once.
    #[test]
    fn args_and_stdin_come_from_the_run() {
        let src = "package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Printf(\"%q\\n\", os.Args)\n\tsc := bufio.NewScanner(os.Stdin)\n\tfor sc.Scan() {\n\t\tfmt.Println(len(sc.Text()), sc.Text())\n\t}\n}\n";
        let config = RunConfig { args: vec!["-v".into(), "two words".into()], stdin: b"first\nsecond line\n".to_vec(), ..RunConfig::default() };
        let out = run_source("prog.go", src, &config);
        assert_eq!(out.stdout, "[\"/tmpfs/play\" \"-v\" \"two words\"]\n5 first\n11 second line\n");
        let out = run_source("prog.go", src, &RunConfig::default());
        assert_eq!(out.stdout, "[\"/tmpfs/play\"]\n");
    }

    /// Each run starts with an empty file system: what one run wrote is
    /// gone in the next.
    #[test]
    fn files_live_and_die_with_the_run() {
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\t_, err := os.ReadFile(\"keep.txt\")\n\tfmt.Println(err)\n\tos.WriteFile(\"keep.txt\", []byte(\"x\"), 0644)\n}\n";
        let program = crate::compile("prog.go", src).expect("compiles");
        for _ in 0..2 {
            let out = crate::run(&program, &RunConfig::default());
            assert_eq!(out.stdout, "open keep.txt: no such file or directory\n");
        }
    }
}
