//! Compiler and run tests beyond the fidelity corpus: seed-driven map
//! order, Go 1.22 loop variables, defer and named results, interface
//! dispatch through wrappers, goroutines, channels and select on the
//! scheduler (GC of channel contents, recoverable channel panics, channel
//! events), unsupported constructs, and that no corpus
//! program makes the engine panic under other seeds.

use crate::{RunConfig, run_source};

fn run(src: &str) -> crate::Outcome {
    run_source("prog.go", src, &RunConfig::default())
}

#[test]
fn map_iteration_order_follows_the_seed() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tm := map[int]bool{}\n\tfor i := 0; i < 8; i++ {\n\t\tm[i] = true\n\t}\n\tfor k := range m {\n\t\tfmt.Print(k)\n\t}\n}\n";
    let mut orders = std::collections::BTreeSet::new();
    for seed in 1..12 {
        let o = run_source("prog.go", src, &RunConfig { seed, procs: 1, ..RunConfig::default() });
        assert_eq!(o.exit_code, 0, "{}", o.stderr);
        let mut digits: Vec<char> = o.stdout.chars().collect();
        orders.insert(o.stdout.clone());
        digits.sort();
        assert_eq!(digits.iter().collect::<String>(), "01234567");
    }
    assert!(orders.len() > 1, "map order never changed with the seed");
    // The same seed gives the same order.
    let a = run_source("prog.go", src, &RunConfig { seed: 7, procs: 1, ..RunConfig::default() });
    let b = run_source("prog.go", src, &RunConfig { seed: 7, procs: 1, ..RunConfig::default() });
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn loop_variables_are_per_iteration() {
    let o = run("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar fs []func() int\n\tfor i := 0; i < 3; i++ {\n\t\tfs = append(fs, func() int { return i })\n\t}\n\tfor _, v := range []int{7, 8} {\n\t\tfs = append(fs, func() int { return v })\n\t}\n\tfor _, f := range fs {\n\t\tfmt.Print(f(), \" \")\n\t}\n}\n");
    assert_eq!(o.stdout, "0 1 2 7 8 ");
}

#[test]
fn deferred_closures_change_named_results_after_recover() {
    let o = run("package main\n\nimport \"fmt\"\n\nfunc f() (n int, err error) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tn = -1\n\t\t\terr = fmt.Errorf(\"recovered: %v\", r)\n\t\t}\n\t}()\n\tvar m map[string]int\n\tm[\"x\"] = 1\n\treturn 1, nil\n}\n\nfunc main() {\n\tfmt.Println(f())\n}\n");
    assert_eq!(o.stdout, "-1 recovered: assignment to entry in nil map\n");
    assert_eq!(o.exit_code, 0);
}

#[test]
fn value_methods_dispatch_through_pointers_and_embedding() {
    let o = run("package main\n\nimport \"fmt\"\n\ntype Namer interface{ Name() string }\n\ntype Base struct{ n string }\n\nfunc (b Base) Name() string { return b.n }\n\ntype Outer struct {\n\t*Base\n\tx int\n}\n\nfunc main() {\n\tvar a Namer = &Base{\"p\"}\n\tvar b Namer = Outer{&Base{\"e\"}, 1}\n\tfmt.Println(a.Name(), b.Name())\n}\n");
    assert_eq!(o.stdout, "p e\n", "{}", o.stderr);
}

#[test]
fn unrecovered_panic_prints_go_trace_and_exits_2() {
    let o = run("package main\n\nfunc f(xs []int) int {\n\treturn xs[5]\n}\n\nfunc main() {\n\tf([]int{1})\n}\n");
    assert_eq!(o.exit_code, 2);
    assert!(o.stderr.starts_with("panic: runtime error: index out of range [5] with length 1\n\ngoroutine 1 [running]:\nmain.f("), "{}", o.stderr);
    assert!(o.stderr.contains("prog.go:4\n"), "{}", o.stderr);
    assert!(o.stderr.contains("prog.go:8\n"), "{}", o.stderr);
}

#[test]
fn os_exit_skips_defers() {
    let o = run("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tdefer fmt.Println(\"never\")\n\tfmt.Println(\"bye\")\n\tos.Exit(3)\n}\n");
    assert_eq!((o.stdout.as_str(), o.exit_code), ("bye\n", 3));
}

#[test]
fn go_statement_evaluates_arguments_at_the_statement() {
    // `i` is read when the go statement runs, not when the goroutine does.
    let o = run("package main\n\nimport \"fmt\"\n\nfunc show(n int, done chan bool) {\n\tfmt.Println(n)\n\tdone <- true\n}\n\nfunc main() {\n\tdone := make(chan bool)\n\ti := 1\n\tgo show(i, done)\n\ti = 2\n\t<-done\n\tfmt.Println(i)\n}\n");
    assert_eq!((o.stdout.as_str(), o.exit_code), ("1\n2\n", 0), "{}", o.stderr);
}

#[test]
fn unbuffered_channels_hand_values_between_goroutines() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tc := make(chan int)\n\tgo func() {\n\t\tfor i := 0; i < 3; i++ {\n\t\t\tc <- i * i\n\t\t}\n\t\tclose(c)\n\t}()\n\tfor v := range c {\n\t\tfmt.Println(v)\n\t}\n\tv, ok := <-c\n\tfmt.Println(v, ok, len(c), cap(c))\n}\n";
    let o = run(src);
    assert_eq!((o.stdout.as_str(), o.exit_code), ("0\n1\n4\n0 false 0 0\n", 0), "{}", o.stderr);
}

#[test]
fn select_waits_on_several_channels_and_takes_default() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta, b := make(chan string), make(chan string)\n\tselect {\n\tcase <-a:\n\tdefault:\n\t\tfmt.Println(\"none\")\n\t}\n\tgo func() { b <- \"from b\" }()\n\tselect {\n\tcase s := <-a:\n\t\tfmt.Println(s)\n\tcase s := <-b:\n\t\tfmt.Println(s)\n\t}\n}\n";
    let o = run(src);
    assert_eq!((o.stdout.as_str(), o.exit_code), ("none\nfrom b\n", 0), "{}", o.stderr);
}

#[test]
fn values_held_only_by_channels_survive_gc() {
    // One value sits in a buffer, one with a parked sender of an unbuffered
    // channel; the collector runs and then other allocations reuse memory.
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tbuf := make(chan []string, 1)\n\tun := make(chan []string)\n\tfunc() {\n\t\tbuf <- []string{\"in\", \"the\", \"buffer\"}\n\t\tgo func() { un <- []string{\"with\", \"a\", \"sender\"} }()\n\t}()\n\truntime.Gosched()\n\truntime.GC()\n\tjunk := make([][]string, 0)\n\tfor i := 0; i < 100; i++ {\n\t\tjunk = append(junk, []string{\"x\", \"y\", \"z\"})\n\t}\n\tfmt.Println(<-buf, <-un, len(junk))\n}\n";
    let o = run(src);
    assert_eq!((o.stdout.as_str(), o.exit_code), ("[in the buffer] [with a sender] 100\n", 0), "{}", o.stderr);
}

#[test]
fn channel_panics_are_recoverable_and_run_defers() {
    // A sender parked on a channel that another goroutine closes panics
    // as it wakes; its deferred recover sees Go's message.
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tc := make(chan int)\n\tdone := make(chan string)\n\tgo func() {\n\t\tdefer func() { done <- fmt.Sprint(recover()) }()\n\t\tc <- 1\n\t}()\n\truntime.Gosched()\n\tclose(c)\n\tfmt.Println(<-done)\n\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n\tclose(c)\n}\n";
    let o = run(src);
    assert_eq!((o.stdout.as_str(), o.exit_code), ("send on closed channel\nrecovered: close of closed channel\n", 0), "{}", o.stderr);
}

#[test]
fn blocking_channel_operation_is_a_deadlock() {
    let o = run("package main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}\n");
    assert_eq!(o.exit_code, 2);
    assert!(o.stderr.starts_with("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\nmain.main"), "{}", o.stderr);
}

/// Every corpus program under several seeds: the engine never panics.
#[test]
fn corpus_runs_without_engine_panics_under_other_seeds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let rd = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<_> = rd.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
    files.sort();
    assert!(files.len() > 100, "only {} programs in {}", files.len(), dir.display());
    for p in files {
        let src = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        for seed in [2, 3] {
            let r = std::panic::catch_unwind(|| run_source("prog.go", &src, &RunConfig { seed, procs: 1, ..RunConfig::default() }));
            assert!(r.is_ok(), "{} panicked with seed {seed}", p.display());
        }
    }
}

#[test]
fn recursive_string_method_is_a_stack_overflow_not_a_crash() {
    let o = run("package main\n\nimport \"fmt\"\n\ntype T struct{ n int }\n\nfunc (t T) String() string { return fmt.Sprint(t) }\n\nfunc main() {\n\tfmt.Println(T{1})\n}\n");
    assert_eq!(o.exit_code, 2);
    assert!(o.stderr.contains("fatal error: stack overflow"), "{}", o.stderr);
}

#[test]
fn value_receivers_called_through_interfaces_do_not_change_the_box() {
    let o = run("package main\n\nimport \"fmt\"\n\ntype C struct{ n [2]int }\n\nfunc (c C) Inc() int { c.n[0]++; return c.n[0] }\n\nfunc (c C) Get() int { return c.n[0] }\n\ntype I interface {\n\tInc() int\n\tGet() int\n}\n\nfunc main() {\n\tvar i I = C{}\n\tfmt.Println(i.Inc(), i.Inc(), i.Get(), i)\n}\n");
    assert_eq!(o.stdout, "1 1 0 {[0 0]}\n", "{}", o.stderr);
}

#[test]
fn channel_operations_are_in_the_event_stream() {
    use crate::EventKind::{ChanClose, ChanMake, ChanRecv, ChanSend};
    let src = "package main\n\nfunc main() {\n\tc := make(chan int, 1)\n\tgo func() {\n\t\tc <- 42\n\t\tclose(c)\n\t}()\n\tprintln(<-c)\n\t<-c\n}\n";
    let o = run(src);
    assert_eq!((o.stderr.as_str(), o.exit_code), ("42\n", 0));
    let chan: Vec<&crate::EventKind> = o.events.iter().map(|e| &e.kind).filter(|k| matches!(k, ChanMake { .. } | ChanSend { .. } | ChanRecv { .. } | ChanClose { .. })).collect();
    let Some(ChanMake { g: 1, chan: c, elem, cap: 1 }) = chan.first() else { panic!("{chan:?}") };
    assert_eq!(elem, "int");
    // main parks on the empty channel; the sender hands 42 straight to
    // it (as Go's chansend does even when there is buffer room), closes;
    // main then gets the closed channel's zero value.
    let want = vec![
        ChanSend { g: 6, chan: *c, value: "42".into() },
        ChanRecv { g: 1, chan: *c, value: "42".into(), ok: true },
        ChanClose { g: 6, chan: *c },
        ChanRecv { g: 1, chan: *c, value: "0".into(), ok: false },
    ];
    assert_eq!(chan[1..].iter().map(|k| (*k).clone()).collect::<Vec<_>>(), want);
}

#[test]
fn a_channel_with_parked_goroutines_outlives_its_other_references() {
    // Only the parked receiver knows its channel (not even as a local):
    // the collector must keep it, or a new channel could take its place
    // and meet the old receiver.
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc leak() {\n\tgo func() { <-make(chan int) }()\n}\n\nfunc main() {\n\tleak()\n\truntime.Gosched()\n\truntime.GC()\n\td := make(chan int, 1)\n\td <- 5\n\tfmt.Println(<-d, runtime.NumGoroutine())\n}\n";
    let o = run(src);
    assert_eq!((o.stdout.as_str(), o.exit_code), ("5 2\n", 0), "{}", o.stderr);
}

#[test]
fn a_go_statement_calling_a_native_runs_it_in_the_new_goroutine() {
    // With one P the printing goroutine never runs before main exits (it
    // is pushed out of runnext), as in Go: the native must not run at the
    // go statement.
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo fmt.Println(\"never\")\n\tgo func() { done <- true }()\n\t<-done\n\tfmt.Println(\"end\")\n}\n";
    let o = run(src);
    assert_eq!((o.stdout.as_str(), o.exit_code), ("end\n", 0), "{}", o.stderr);
}
