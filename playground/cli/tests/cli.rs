//! `gmp` as a learner meets it: exit codes and messages, not Rust panics.

use std::path::PathBuf;
use std::process::{Command, Output};

fn gmp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gmp")).args(args).output().expect("gmp runs")
}

fn temp_go(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gmp-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn compile_errors_print_like_the_go_tool_and_exit_1() {
    let path = temp_go("broken.go", "package main\n\nfunc main() {\n\tx := \n}\n");
    let out = gmp(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.starts_with("# command-line-arguments\n"), "{err}");
    assert!(err.contains("broken.go:5:1: syntax error: unexpected }, expected expression\n"), "{err}");
}

#[test]
fn a_missing_file_is_named_in_the_error() {
    let out = gmp(&["run", "/no/such/dir/prog.go"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("gmp: /no/such/dir/prog.go: "), "{}", text(&out.stderr));
}

#[test]
fn bad_flags_are_explained() {
    for (args, expect) in [
        (&["run", "x.go", "--seed"][..], "--seed needs a value"),
        (&["run", "x.go", "--procs", "zero"][..], "--procs: not a number: \"zero\""),
        (&["run", "x.go", "--procs", "0"][..], "--procs must be at least 1"),
        (&["run", "x.go", "--fast"][..], "unknown flag --fast"),
        (&["frobnicate"][..], "unknown command \"frobnicate\""),
        (&["run", "x.go", "--signal", "interrupt"][..], "expected NAME@DURATION"),
        (&["run", "x.go", "--signal", "SIGFOO@1s"][..], "unknown signal \"SIGFOO\""),
        (&["run", "x.go", "--signal", "int@soon"][..], "bad duration \"soon\""),
        (&[][..], "usage: gmp run FILE.go"),
        (&["run", "x.go", "--schedule"][..], "--schedule needs a token"),
        (&["run", "x.go", "--procs", "1000"][..], "--procs: at most 256"),
        (&["explore", "x.go", "--procs", "1,0"][..], "--procs: expected numbers from 1 to 256"),
        (&["explore", "x.go", "--schedules", "0"][..], "--schedules must be at least 1"),
        (&["explore", "x.go", "--strategies", "random,fifo"][..], "unknown strategy \"fifo\""),
        (&["explore", "x.go", "--strategies", "pct0"][..], "PCT's depth must be 1 to 32"),
        (&["explore", "x.go", "--strategies", "pctä"][..], "PCT's depth must be 1 to 32"),
        (&["explore", "x.go", "--strategies"][..], "--strategies needs a list"),
        (&["run", "x.go", "--schedule", "1.Ag=A"][..], "invalid schedule token: the data is not base64url"),
        (&["run", "x.go", "--schedule", "1.AgEAAA", "--procs", "2"][..], "--schedule fixes GOMAXPROCS and the seed: drop --procs"),
    ] {
        let out = gmp(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(expect), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_signal_from_outside_reaches_a_program_that_waits_for_it() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"os/signal\"\n\t\"syscall\"\n)\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, syscall.SIGTERM)\n\tfmt.Println(\"got\", <-c)\n}\n";
    let path = temp_go("waits.go", src);
    let out = gmp(&["run", path.to_str().unwrap(), "--signal", "SIGTERM@2s"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "got terminated\n");
}

#[test]
fn leaks_names_the_goroutine_its_wait_and_the_line_that_created_it() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc worker(jobs <-chan int) {\n\tfor j := range jobs {\n\t\tfmt.Println(\"job\", j)\n\t}\n}\n\nfunc main() {\n\tjobs := make(chan int)\n\tgo worker(jobs)\n\tjobs <- 1\n\tfmt.Println(\"done\")\n}\n";
    let path = temp_go("leaky.go", src);
    let plain = gmp(&["run", path.to_str().unwrap()]);
    assert_eq!(text(&plain.stdout), "job 1\ndone\n");
    assert!(plain.stderr.is_empty(), "Go says nothing about leaks: {}", text(&plain.stderr));
    let out = gmp(&["run", path.to_str().unwrap(), "--leaks"]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(err.contains("1 goroutine still running"), "{err}");
    assert!(err.contains("goroutine 7 [chan receive"), "{err}");
    assert!(err.contains("main.worker(...)\n"), "{err}");
    assert!(err.contains("created by main.main in goroutine 1\n\t") && err.contains("leaky.go:13\n"), "{err}");
}

/// A schedule that lost an update (found by `gmp explore`) replayed with
/// `--lost-updates`: both goroutines and the lines; a run on one P loses
/// none.
#[test]
fn lost_updates_names_both_goroutines_and_the_lines() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar counter int\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tfor range 2 {\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tn := counter\n\t\t\tfmt.Println(\"read\", n)\n\t\t\tcounter = n + 1\n\t\t}()\n\t}\n\twg.Wait()\n}\n";
    let path = temp_go("lost.go", src);
    let p = path.to_str().unwrap();
    let one = gmp(&["run", p, "--lost-updates"]);
    assert_eq!((text(&one.stdout).as_str(), text(&one.stderr).as_str()), ("read 0\nread 1\n", "[gmp] no update lost\n"));
    let explored = text(&gmp(&["explore", p, "--procs", "2", "--schedules", "100"]).stdout);
    let block = explored.split("\n\n").find(|b| b.contains("| read 0\n  | read 0\n")).unwrap_or_else(|| panic!("{explored}"));
    let token = block.rsplit("--schedule ").next().unwrap().trim();
    let out = gmp(&["run", p, "--schedule", token, "--lost-updates"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "read 0\nread 0\n");
    let err = text(&out.stderr);
    let want = |g: &str, o: &str| format!("[gmp] lost update: goroutine {g} read at {p}:16, goroutine {o} wrote at {p}:18, then goroutine {g} wrote back at {p}:18: goroutine {o}'s update is lost\n");
    assert!(err == want("7", "8") || err == want("8", "7"), "{err}");
}

#[test]
fn trace_prints_the_event_stream_with_lines() {
    let path = temp_go(
        "handoff.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() {\n\t\tch <- 7\n\t}()\n\tfmt.Println(<-ch)\n}\n",
    );
    let out = gmp(&["trace", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let trace = text(&out.stdout);
    let lines: Vec<&str> = trace.lines().collect();
    let find = |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("no {needle:?} in\n{trace}"));
    // In order: the go statement, main parking, the send waking main, main's print.
    let go = find("newproc: G1 creates G7 on P0 to run main.main.func1");
    let park = find("gopark: G1 waits [chan receive]");
    let send = find("G7 sends 7 on chan#");
    let ready = find("runqput: G1 -> P0 runnext (goready)");
    let print = find("write fd 1: \"7\\n\"");
    assert!(go < park && park < send && send < ready && ready < print, "{trace}");
    assert!(lines[go].contains(" handoff.go:7 "), "{}", lines[go]);
    assert!(lines[park].contains(" handoff.go:10 "), "{}", lines[park]);
    assert!(lines[send].contains(" handoff.go:8 "), "{}", lines[send]);
    assert!(lines[print].contains(" handoff.go:10 "), "{}", lines[print]);
    assert!(lines.last().is_some_and(|l| l.ends_with("exit 0")), "{trace}");
}

#[test]
fn a_printed_schedule_replays_the_run() {
    let path = temp_go(
        "race.go",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor _, s := range []string{\"a\", \"b\", \"c\"} {\n\t\twg.Go(func() { fmt.Print(s, \" \") })\n\t}\n\twg.Wait()\n\tfmt.Println()\n}\n",
    );
    let file = path.to_str().unwrap();
    let first = gmp(&["trace", file, "--procs", "4", "--seed", "11", "--print-schedule"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let err = text(&first.stderr);
    let token = err.lines().find_map(|l| l.strip_prefix("schedule: ")).unwrap_or_else(|| panic!("no token in {err:?}"));
    let again = gmp(&["trace", file, "--schedule", token]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert!(!first.stdout.is_empty());
    assert_eq!(text(&again.stdout), text(&first.stdout), "the replayed event stream differs");
}

#[test]
fn explore_lists_each_outcome_with_a_schedule_that_replays_it() {
    let path = temp_go(
        "select.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta := make(chan string, 1)\n\tb := make(chan string, 1)\n\ta <- \"a\"\n\tb <- \"b\"\n\tselect {\n\tcase s := <-a:\n\t\tfmt.Println(s)\n\tcase s := <-b:\n\t\tfmt.Println(s)\n\t}\n}\n",
    );
    let file = path.to_str().unwrap();
    let out = gmp(&["explore", file, "--procs", "1,2", "--schedules", "20", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(json["schedules_run"], 40);
    let outcomes = json["outcomes"].as_array().expect("outcomes");
    let mut printed: Vec<&str> = outcomes.iter().map(|o| o["stdout"].as_str().unwrap()).collect();
    printed.sort();
    assert_eq!(printed, ["a\n", "b\n"], "select takes either ready case");
    assert_eq!(outcomes.iter().map(|o| o["count"].as_u64().unwrap()).sum::<u64>(), 40);
    for o in outcomes {
        assert_eq!(o["exit_code"], 0);
        assert_eq!(o["ending"], "exited 0");
        let replay = gmp(&["run", file, "--schedule", o["schedule"].as_str().unwrap()]);
        assert_eq!(text(&replay.stdout), o["stdout"].as_str().unwrap());
    }
    // Each strategy alone, the systematic ones included: both cases.
    for strategies in ["random", "extremes", "stalls", "pct1", "pct", "bounded"] {
        let out = gmp(&["explore", file, "--procs", "2", "--schedules", "12", "--strategies", strategies, "--json"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert_eq!(json["schedules_run"], 12, "{strategies}");
        let outcomes = json["outcomes"].as_array().expect("outcomes");
        assert_eq!(outcomes.len(), 2, "{strategies}: {outcomes:?}");
    }
    let human = gmp(&["explore", file, "--schedules", "5"]);
    let human = text(&human.stdout);
    assert!(human.starts_with("15 schedules (5 per GOMAXPROCS 1, 2, 4): 2 distinct outcome(s)\n"), "{human}");
    assert!(human.contains("  replay: gmp run "), "{human}");
    // Where the strategy decides the timing (which P prints first), each
    // outcome's token replays it: the token carries the strategy too.
    let path = temp_go(
        "words.go",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor _, s := range []string{\"a\", \"b\"} {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfmt.Print(s, \" \")\n\t\t}()\n\t}\n\tfmt.Print(\"main \")\n\twg.Wait()\n\tfmt.Println(\"end\")\n}\n",
    );
    let file = path.to_str().unwrap();
    let out = gmp(&["explore", file, "--procs", "2", "--schedules", "300", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let outcomes = json["outcomes"].as_array().expect("outcomes");
    assert!(outcomes.len() >= 4, "{outcomes:?}");
    for o in outcomes {
        let token = o["schedule"].as_str().unwrap();
        let replay = gmp(&["run", file, "--schedule", token]);
        assert_eq!(text(&replay.stdout), o["stdout"].as_str().unwrap(), "{token}");
    }
}

#[test]
fn explore_from_an_event_keeps_the_runs_past() {
    let path = temp_go(
        "fork.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta := make(chan string, 1)\n\tb := make(chan string, 1)\n\ta <- \"a\"\n\tb <- \"b\"\n\tselect {\n\tcase s := <-a:\n\t\tfmt.Println(s)\n\tcase s := <-b:\n\t\tfmt.Println(s)\n\t}\n}\n",
    );
    let file = path.to_str().unwrap();
    let outcomes = |args: &[&str]| {
        let out = gmp(args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        let mut printed: Vec<String> = json["outcomes"].as_array().unwrap().iter().map(|o| o["stdout"].as_str().unwrap().to_string()).collect();
        printed.sort();
        printed
    };
    // From the start, the select may take either case...
    assert_eq!(outcomes(&["explore", file, "--procs", "1", "--from-event", "0", "--schedules", "30", "--json"]), ["a\n", "b\n"]);
    // ...but once the run has printed, its past stays: one future.
    let run = gmp(&["run", file, "--procs", "1", "--seed", "3", "--print-schedule"]);
    let token = text(&run.stderr).trim().strip_prefix("schedule: ").expect("a token").to_string();
    let trace = gmp(&["trace", file, "--schedule", &token]);
    let events = text(&trace.stdout).lines().count();
    assert_eq!(outcomes(&["explore", file, "--schedule", &token, "--from-event", &events.to_string(), "--schedules", "30", "--json"]), [text(&run.stdout)]);
    let lone = gmp(&["explore", file, "--schedule", &token]);
    assert!(text(&lone.stderr).contains("--schedule goes with --from-event"), "{}", text(&lone.stderr));
}

#[test]
fn race_reports_go_to_stderr_and_the_exit_is_66_in_run_and_trace() {
    let path = temp_go(
        "racy.go",
        "package main\n\nimport \"fmt\"\n\nvar n int\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() { n++; done <- true }()\n\tn++\n\t<-done\n\tfmt.Println(n)\n}\n",
    );
    let file = path.to_str().unwrap();
    let run = gmp(&["run", file, "--race"]);
    assert_eq!(run.status.code(), Some(66), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), "2\n");
    let err = text(&run.stderr);
    assert!(err.starts_with("==================\nWARNING: DATA RACE\n") && err.ends_with("==================\nFound 1 data race(s)\n"), "{err}");
    // `trace` runs the same run: the report is in the event stream's output.
    let trace = gmp(&["trace", file, "--race"]);
    assert_eq!(trace.status.code(), Some(66));
    assert!(text(&trace.stdout).contains("WARNING: DATA RACE"), "{}", text(&trace.stdout));
    // Without the flag: no report, Go's exit 0.
    let plain = gmp(&["run", file]);
    assert_eq!((plain.status.code(), text(&plain.stderr)), (Some(0), String::new()));
}

#[test]
fn os_exit_codes_keep_their_low_8_bits_as_the_os_does() {
    for (code, status) in [(3, 3), (-1, 255), (1000, 232)] {
        let path = temp_go(&format!("exit{status}.go"), &format!("package main\n\nimport \"os\"\n\nfunc main() {{\n\tos.Exit({code})\n}}\n"));
        let out = gmp(&["run", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(status), "os.Exit({code})");
    }
}

#[test]
fn a_goroutine_bomb_ends_at_the_goroutine_budget() {
    let path = temp_go("bomb.go", "package main\n\nfunc main() {\n\tfor {\n\t\tgo func() { select {} }()\n\t}\n}\n");
    let out = gmp(&["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("gmp: the run was stopped: goroutine budget exceeded: more than 1000000 goroutines alive at once (bomb.go:5)\n"), "{err}");
}

#[test]
fn words_after_a_double_dash_are_the_programs_arguments() {
    let path = temp_go(
        "args.go",
        "package main\n\nimport (\n\t\"flag\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tn := flag.Int(\"n\", 1, \"count\")\n\tflag.Parse()\n\tfmt.Println(os.Args[0], len(os.Args), *n, flag.Args())\n}\n",
    );
    let out = gmp(&["run", path.to_str().unwrap(), "--", "-n=3", "a", "b"]);
    assert_eq!(text(&out.stdout), "/tmpfs/play 4 3 [a b]\n");
    let out = gmp(&["run", path.to_str().unwrap(), "--", "-x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("flag provided but not defined: -x\nUsage of /tmpfs/play:\n"), "{}", text(&out.stderr));
}

#[test]
fn piped_input_is_the_programs_stdin() {
    use std::io::Write;
    let path = temp_go(
        "stdin.go",
        "package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tsc := bufio.NewScanner(os.Stdin)\n\tfor sc.Scan() {\n\t\tfmt.Printf(\"%q\\n\", sc.Text())\n\t}\n}\n",
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_gmp"))
        .args(["run", path.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gmp runs");
    child.stdin.take().unwrap().write_all(b"one\ntwo\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(text(&out.stdout), "\"one\"\n\"two\"\n");
    // Without input it reads EOF at once.
    assert_eq!(text(&gmp(&["run", path.to_str().unwrap()]).stdout), "");
}
