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
