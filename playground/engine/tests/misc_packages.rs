//! Issue 4's smaller packages run end to end through `run_source`: `log`,
//! finalizers, `os/signal`, errgroup and the simulator-only `gmp/sim`.
//! Expected texts were recorded from Go 1.27 (the virtual clock replaces
//! the wall clock: 2009/11/10 23:00:00 UTC).

use gmp_engine::golden::normalize_stderr;
use gmp_engine::{RunConfig, run_source};

fn run(src: &str) -> (String, String, i32) {
    let o = run_source("prog.go", src, &RunConfig::default());
    (o.stdout, o.stderr, o.exit_code)
}

#[test]
fn log_flags_prefixes_and_fatal() {
    let (out, err, code) = run(r#"package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	log.Println("default flags")
	log.SetFlags(log.Lshortfile | log.Lmsgprefix)
	log.SetPrefix("pfx: ")
	log.Print("short")
	l := log.New(os.Stdout, "[out] ", 0)
	l.Println("to stdout", 1, 2)
	l.SetPrefix("")
	l.Printf("%d%%", 5)
	fmt.Println(log.Flags(), log.Prefix(), l.Flags())
	defer fmt.Println("not run")
	log.Fatalf("bye %v", true)
}
"#);
    assert_eq!(out, "[out] to stdout 1 2\n5%\n80 pfx:  0\n");
    assert_eq!(err, "2009/11/10 23:00:00 default flags\nprog.go:13: pfx: short\nprog.go:20: pfx: bye true\n");
    assert_eq!(code, 1);
}

#[test]
fn log_microseconds_follow_the_virtual_clock() {
    let (_, err, code) = run(r#"package main

import "log"

func main() {
	log.SetFlags(log.Ltime | log.Lmicroseconds)
	log.Print("a")
}
"#);
    assert_eq!(code, 0);
    assert!(err.starts_with("23:00:00.0000") && err.ends_with(" a\n") && err.len() == "23:00:00.000000 a\n".len(), "{err:?}");
}

#[test]
fn log_panic_to_a_writer_is_recoverable() {
    let (out, err, code) = run(r#"package main

import (
	"bytes"
	"fmt"
	"log"
)

func main() {
	var buf bytes.Buffer
	l := log.New(&buf, "w: ", log.Lmsgprefix|log.Lshortfile)
	l.Printf("item %d", 1)
	l.Print("two\n")
	fmt.Print(buf.String())
	func() {
		defer func() {
			r := recover()
			fmt.Printf("recovered %q\n", r)
		}()
		l.Panicln("bad", 42)
	}()
	fmt.Print(buf.String())
	log.SetFlags(0)
	log.Panicf("final %d", 7)
}
"#);
    assert_eq!(out, "prog.go:12: w: item 1\nprog.go:13: w: two\nrecovered \"bad 42\\n\"\nprog.go:12: w: item 1\nprog.go:13: w: two\nprog.go:20: w: bad 42\n");
    assert_eq!(normalize_stderr(&err), normalize_stderr("final 7\npanic: final 7\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x/prog.go:24 +0x29e\n"));
    assert_eq!(code, 2);
}

#[test]
fn finalizer_runs_on_the_finalizer_goroutine_after_gc() {
    // Recorded from Go 1.27: runtime.GC() sweeps with Gosched, so the
    // finalizer has run when GC returns; a nil finalizer removes one.
    let (out, err, code) = run(r#"package main

import (
	"fmt"
	"runtime"
)

type Resource struct {
	name string
	buf  []byte
}

func main() {
	done := make(chan string, 2)
	func() {
		r := &Resource{name: "file-1", buf: make([]byte, 1024)}
		runtime.SetFinalizer(r, func(r *Resource) {
			done <- "finalized " + r.name
		})
		q := &Resource{name: "file-2"}
		runtime.SetFinalizer(q, func(r *Resource) {
			done <- "finalized " + r.name
		})
		runtime.SetFinalizer(q, nil)
	}()
	fmt.Println("before GC:", len(done))
	runtime.GC()
	fmt.Println("after GC:", len(done))
	runtime.Gosched()
	fmt.Println("after Gosched:", len(done))
	fmt.Println(<-done)
	runtime.GC()
	runtime.Gosched()
	fmt.Println("again:", len(done))
}
"#);
    assert_eq!((out.as_str(), err.as_str(), code), ("before GC: 0\nafter GC: 1\nafter Gosched: 1\nfinalized file-1\nagain: 0\n", "", 0));
}

#[test]
fn finalizer_resurrects_and_reachable_objects_wait() {
    // The finalizer stores its object in a global: it survives (Go
    // resurrects it), and a finalized object's referents are kept.
    let (out, _, code) = run(r#"package main

import (
	"fmt"
	"runtime"
)

type Node struct {
	name string
	next *Node
}

var saved *Node
var log []string

func main() {
	func() {
		a := &Node{name: "a"}
		b := &Node{name: "b"}
		a.next = b
		runtime.SetFinalizer(a, func(n *Node) { log = append(log, "fin "+n.name); saved = n })
		runtime.SetFinalizer(b, func(n *Node) { log = append(log, "fin "+n.name) })
	}()
	runtime.GC()
	fmt.Println(log)
	runtime.GC()
	fmt.Println(log, saved.name, saved.next.name)
	saved = nil
	runtime.GC()
	fmt.Println(log)
}
"#);
    assert_eq!(out, "[fin a]\n[fin a] a b\n[fin a fin b]\n");
    assert_eq!(code, 0);
}

#[test]
fn keepalive_object_is_not_finalized_while_in_use() {
    let (out, _, code) = run(r#"package main

import (
	"fmt"
	"runtime"
)

type handle struct{ id int }

var finalized bool

func main() {
	h := &handle{id: 7}
	runtime.SetFinalizer(h, func(*handle) { finalized = true })
	id := h.id
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	fmt.Println("using handle", id, "finalized early:", finalized)
	runtime.KeepAlive(h)
}
"#);
    assert_eq!((out.as_str(), code), ("using handle 7 finalized early: false\n", 0));
}

#[test]
fn set_finalizer_misuse_is_fatal_as_in_go() {
    for (call, msg) in [
        ("runtime.SetFinalizer(5, func(int) {})", "runtime.SetFinalizer: first argument is int, not pointer"),
        ("runtime.SetFinalizer(&T{}, 3)", "runtime.SetFinalizer: second argument is int, not a function"),
        ("runtime.SetFinalizer(nil, 3)", "runtime.SetFinalizer: first argument is nil"),
        ("t := &T{}\n\truntime.SetFinalizer(t, func(*T) {})\n\truntime.SetFinalizer(t, func(*T) {})", "runtime.SetFinalizer: finalizer already set"),
    ] {
        let src = format!("package main\n\nimport \"runtime\"\n\ntype T struct{{ a, b int }}\n\nfunc main() {{\n\t{call}\n}}\n");
        let (out, err, code) = run(&src);
        assert_eq!((out.as_str(), code), ("", 2), "{call}: {err}");
        assert!(err.starts_with(&format!("fatal error: {msg}\n\ngoroutine 1 [running]:\nmain.main")), "{call}: {err}");
    }
}

#[test]
fn sim_syscall_hands_the_p_to_another_goroutine() {
    let o = run_source(
        "prog.go",
        r#"package main

import (
	"fmt"
	"gmp/sim"
	"time"
)

func main() {
	done := make(chan bool)
	go func() {
		sim.Syscall(time.Second)
		done <- true
	}()
	go func() {
		sim.Cgo(time.Millisecond)
		sim.Work(time.Millisecond)
		done <- false
	}()
	fmt.Println(<-done, <-done)
}
"#,
        &RunConfig::default(),
    );
    assert_eq!((o.stdout.as_str(), o.stderr.as_str(), o.exit_code), ("false true\n", "", 0));
    let enters = o.events.iter().filter(|e| matches!(e.kind, gmp_engine::event::EventKind::EnterSyscall { .. })).count();
    assert_eq!(enters, 2, "two blocking calls: Syscall and Cgo");
    // The second goroutine ran while the first was in its syscall: the run
    // lasts about the syscall's second, not the sum.
    let end = o.events.last().map_or(0, |e| e.time_ns);
    assert!((1_000_000_000..1_100_000_000).contains(&end), "{end}");
}

#[test]
fn signals_notify_ignore_reset_and_default_action() {
    // Recorded from Go 1.27 (exit 143: killed by SIGTERM, 128+15).
    let (out, err, code) = run(r#"package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	signal.Ignore(syscall.SIGUSR1)
	fmt.Println("ignored:", signal.Ignored(syscall.SIGUSR1), signal.Ignored(syscall.SIGUSR2))
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR2, syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	fmt.Println("received:", <-c)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	n := len(c)
	fmt.Println("buffered:", n, <-c)
	fmt.Printf("%T %v %d %s\n", os.Interrupt, syscall.SIGTERM, syscall.SIGTERM, syscall.Signal(40))
	signal.Reset(syscall.SIGUSR2)
	fmt.Println("reset; now SIGTERM with nobody listening")
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {}
}
"#);
    assert_eq!(
        out,
        "ignored: true false\nreceived: user defined signal 2\nbuffered: 1 hangup\nsyscall.Signal terminated 15 signal 40\nreset; now SIGTERM with nobody listening\n"
    );
    assert_eq!((err.as_str(), code), ("", 143));
}

#[test]
fn signal_to_self_wakes_a_waiting_receiver() {
    let (out, err, code) = run(r#"package main

import (
	"fmt"
	"os"
	"os/signal"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	done := make(chan bool)
	go func() {
		s := <-sigs
		fmt.Println("got", s, s == os.Interrupt)
		done <- true
	}()
	p, _ := os.FindProcess(os.Getpid())
	if err := p.Signal(os.Interrupt); err != nil {
		fmt.Println(err)
	}
	<-done
	signal.Stop(sigs)
	fmt.Println("stopped")
}
"#);
    assert_eq!((out.as_str(), err.as_str(), code), ("got interrupt true\nstopped\n", "", 0));
}

#[test]
fn errgroup_first_error_limit_and_trygo() {
    // With one P the last `go` runs first (runnext): task 4's error is the
    // first recorded, as under Go with GOMAXPROCS=1.
    let (out, err, code) = run(r#"package main

import (
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	results := make([]int, 5)
	for i := range 5 {
		g.Go(func() error {
			results[i] = i * i
			if i == 3 {
				return errors.New("task 3 failed")
			}
			if i == 4 {
				return errors.New("task 4 failed")
			}
			return nil
		})
	}
	err := g.Wait()
	fmt.Println(results, err)

	var lim errgroup.Group
	lim.SetLimit(2)
	order := make(chan int, 10)
	for i := range 4 {
		lim.Go(func() error {
			order <- i
			return nil
		})
	}
	fmt.Println("TryGo while full:", lim.TryGo(func() error { return nil }))
	fmt.Println(lim.Wait(), len(order))
	fmt.Println("TryGo after Wait:", lim.TryGo(func() error { return nil }))
	fmt.Println(lim.Wait())
}
"#);
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        ("[0 1 4 9 16] task 4 failed\nTryGo while full: false\n<nil> 4\nTryGo after Wait: true\n<nil>\n", "", 0)
    );
}

#[test]
fn errgroup_blocked_go_waits_on_the_semaphore() {
    let (out, _, code) = run(r#"package main

import (
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(1)
	release := make(chan bool)
	g.Go(func() error { <-release; return nil })
	go func() {
		runtime.Gosched()
		fmt.Println("goroutines while main is blocked in Go:", runtime.NumGoroutine())
		release <- true
	}()
	g.Go(func() error { fmt.Println("second task"); return nil })
	fmt.Println("wait:", g.Wait())
}
"#);
    assert_eq!((out.as_str(), code), ("goroutines while main is blocked in Go: 3\nsecond task\nwait: <nil>\n", 0));
}

/// Runs with signals sent from outside at virtual times.
fn run_with_signals(src: &str, signals: Vec<(u64, i32)>) -> gmp_engine::Outcome {
    let program = gmp_engine::compile("prog.go", src).expect("compiles");
    gmp_engine::run(&program, &RunConfig { signals, check_invariants: true, ..RunConfig::default() })
}

#[test]
fn configured_signal_arrives_at_its_virtual_time() {
    let src = r#"package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	fmt.Println("waiting")
	s := <-sigs
	fmt.Println("got", s)
}
"#;
    let o = run_with_signals(src, vec![(3_000_000_000, 15)]);
    assert_eq!((o.stdout.as_str(), o.stderr.as_str(), o.exit_code), ("waiting\ngot terminated\n", "", 0));
    assert!(o.virtual_ns >= 3_000_000_000, "{}", o.virtual_ns);
}

/// Without `signal.Notify`, SIGINT's default action kills a running
/// process (128+2); a process that blocks before the signal comes is
/// Go's deadlock, since Go knows nothing of a signal still to come; after
/// `signal.Notify`, Go never reports a deadlock and the process hangs.
#[test]
fn a_signal_to_come_neither_hides_nor_causes_a_deadlock() {
    let busy = "package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n";
    let o = run_with_signals(busy, vec![(50_000_000, 2)]);
    assert_eq!((o.stdout.as_str(), o.stderr.as_str(), o.exit_code), ("", "", 130));
    assert!((50_000_000..51_000_000).contains(&o.virtual_ns), "{}", o.virtual_ns);

    let blocked = "package main\n\nfunc main() {\n\tc := make(chan int)\n\t<-c\n}\n";
    let o = run_with_signals(blocked, vec![(1_000_000_000, 2)]);
    assert_eq!(o.exit_code, 2);
    assert!(o.stderr.starts_with("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n"), "{}", o.stderr);
    assert!(o.virtual_ns < 1_000_000, "{}", o.virtual_ns);

    let watching = "package main\n\nimport (\n\t\"os\"\n\t\"os/signal\"\n)\n\nfunc main() {\n\tsigs := make(chan os.Signal, 1)\n\tsignal.Notify(sigs, os.Interrupt)\n\tc := make(chan int)\n\t<-c\n}\n";
    // signal.Stop does not end Go's signal-watching thread.
    let stopped = watching.replace("\tc := make", "\tsignal.Stop(sigs)\n\tc := make");
    for (src, signals) in [(watching, vec![]), (watching, vec![(1_000_000_000, 2)]), (stopped.as_str(), vec![])] {
        let o = run_with_signals(src, signals.clone());
        assert_eq!(o.exit_code, 2);
        assert!(o.stderr.starts_with("gmp: the run was stopped: every goroutine is blocked"), "{}", o.stderr);
        assert!(o.stderr.contains("Real Go would hang here"), "{}", o.stderr);
        // With a signal configured, the run waits for it (it could wake someone).
        assert_eq!(o.virtual_ns >= 1_000_000_000, !signals.is_empty(), "{}", o.virtual_ns);
    }
}

#[test]
fn add_cleanup_is_reported_unsupported() {
    let (out, err, code) = run("package main\n\nimport \"runtime\"\n\nfunc main() {\n\tx := new(int)\n\truntime.AddCleanup(x, func(n int) {}, 1)\n}\n");
    assert_eq!((out.as_str(), code), ("", 1));
    assert_eq!(
        err,
        "# command-line-arguments\n./prog.go:7:10: unsupported: runtime.AddCleanup (a generic function; use runtime.SetFinalizer) is not supported by this playground\n"
    );
}

#[test]
fn bytes_count_for_log_buffers() {
    let (out, _, _) = run("package main\n\nimport (\n\t\"bytes\"\n\t\"fmt\"\n)\n\nfunc main() {\n\tfmt.Println(bytes.Count([]byte(\"a\\nb\\nc\\n\"), []byte(\"\\n\")), bytes.Count([]byte(\"héllo\"), nil))\n}\n");
    assert_eq!(out, "3 6\n");
}

/// Go code a native calls may wait (`concurrent/255`-`262`), except where
/// the goroutine cannot wait for it: a panic's value whose `Error` is a
/// native (`errors.Join`'s) calling a method that blocks, while the panic
/// is printed. The run stops with a message saying so, rather than serving
/// the request for the caller (real Go prints `panic: late`).
#[test]
fn a_method_that_blocks_while_a_panic_is_printed_stops_the_run_clearly() {
    let (out, err, code) = run(r#"package main

import (
	"errors"
	"fmt"
)

type slow struct{ ch chan string }

func (s slow) Error() string { return <-s.ch }

func main() {
	s := slow{make(chan string)}
	go func() { s.ch <- "late" }()
	fmt.Println("before")
	panic(errors.Join(s))
}
"#);
    assert_eq!(out, "before\n");
    assert!(err.starts_with("fatal error: unsupported: a method called from inside a library function"), "{err}");
    assert_eq!(code, 2);
}

/// A goroutine parked inside a `String` method fmt called shows fmt's
/// frames under the method, as Go's traceback does, two levels deep here
/// (`Outer.String` formatting an `*Inner` whose `String` waits forever).
/// The frames are real Go 1.27's for this program, arguments aside
/// (`GOTRACEBACK=all`, with the Go Playground's GOROOT).
#[test]
fn a_method_fmt_called_waits_under_fmts_frames() {
    let (out, err, code) = run(r#"package main

import "fmt"

type Inner struct{ ch chan string }

func (i *Inner) String() string { return <-i.ch }

type Outer struct{ in *Inner }

func (o Outer) String() string { return fmt.Sprintf("outer(%v)", o.in) }

func main() {
	fmt.Printf("%s\n", Outer{&Inner{make(chan string)}})
}
"#);
    let go = "fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan receive]:
main.(*Inner).String(...)
	/tmp/sandbox/prog.go:7
fmt.(*pp).handleMethods(...)
	/usr/local/go-faketime/src/fmt/print.go:666
fmt.(*pp).printArg(...)
	/usr/local/go-faketime/src/fmt/print.go:746
fmt.(*pp).doPrintf(...)
	/usr/local/go-faketime/src/fmt/print.go:1062
fmt.Sprintf(...)
	/usr/local/go-faketime/src/fmt/print.go:231
main.Outer.String(...)
	/tmp/sandbox/prog.go:11
fmt.(*pp).handleMethods(...)
	/usr/local/go-faketime/src/fmt/print.go:666
fmt.(*pp).printArg(...)
	/usr/local/go-faketime/src/fmt/print.go:746
fmt.(*pp).doPrintf(...)
	/usr/local/go-faketime/src/fmt/print.go:1062
fmt.Fprintf(...)
	/usr/local/go-faketime/src/fmt/print.go:216
fmt.Printf(...)
	/usr/local/go-faketime/src/fmt/print.go:225
main.main()
	/tmp/sandbox/prog.go:14
";
    assert_eq!((out.as_str(), err.as_str(), code), ("", go, 2));
}

/// The go command's rule for `internal` packages: the library's own
/// (`internal/byteorder`, which `hash/fnv` imports) are not the program's
/// to import; `go build` says `use of internal package ... not allowed`.
#[test]
fn internal_packages_are_the_librarys_own() {
    let (out, err, code) = run("package main\n\nimport \"internal/byteorder\"\n\nfunc main() { println(byteorder.BEUint16([]byte{1, 2})) }\n");
    assert_eq!((out.as_str(), code), ("", 1));
    assert!(err.contains("prog.go:3:8: use of internal package internal/byteorder not allowed"), "{err}");
    // While a package that imports it runs.
    let (out, err, code) = run("package main\n\nimport (\n\t\"fmt\"\n\t\"hash/fnv\"\n)\n\nfunc main() {\n\th := fnv.New32a()\n\th.Write([]byte(\"hello\"))\n\tfmt.Println(h.Sum32())\n}\n");
    assert_eq!((out.as_str(), err.as_str(), code), ("1335831723\n", "", 0));
}
