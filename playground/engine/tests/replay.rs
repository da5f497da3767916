//! The event stream is complete: folding it (`sched::replay`) rebuilds the
//! scheduler's state and every channel's buffer. (Every program of the
//! concurrent corpus is folded by `tests/corpus.rs`'s `trace/` tests.)

use gmp_engine::event::EventKind;
use gmp_engine::replay::{self, Snapshot};
use gmp_engine::{RunConfig, run_source};

/// Stepping to any event shows each channel's buffer as it was then.
#[test]
fn the_fold_shows_channel_buffers_at_every_step() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tjobs := make(chan string, 3)\n\tjobs <- \"a\"\n\tjobs <- \"b\"\n\tfmt.Println(<-jobs)\n\tjobs <- \"c\"\n\tclose(jobs)\n\tt := time.NewTimer(time.Second)\n\ttime.Sleep(2 * time.Second)\n\tt.Stop()\n\tfor j := range jobs {\n\t\tfmt.Println(j)\n\t}\n}\n";
    let out = run_source("prog.go", src, &RunConfig::default());
    assert_eq!(out.stdout, "a\nb\nc\n", "{}", out.stderr);
    let mut snap = Snapshot::initial(1);
    let mut seen = Vec::new();
    for e in &out.events {
        snap.apply(e).unwrap_or_else(|err| panic!("{err}"));
        if matches!(e.kind, EventKind::ChanSend { .. } | EventKind::ChanRecv { .. } | EventKind::ChanClose { .. } | EventKind::ChanDrain { .. }) {
            let jobs = snap.chans.values().find(|c| c.elem == "string").expect("jobs");
            let timer = snap.chans.values().find(|c| c.elem == "time.Time").map(|c| c.buf.len());
            seen.push((jobs.buf.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","), jobs.closed, timer));
        }
    }
    let want: Vec<(String, bool, Option<usize>)> = [
        ("a", false, None),
        ("a,b", false, None),
        ("b", false, None),
        ("b,c", false, None),
        ("b,c", true, None),
        // The timer fires during the sleep; Stop drops its stale value.
        ("b,c", true, Some(1)),
        ("b,c", true, Some(0)),
        ("c", true, Some(0)),
        ("", true, Some(0)),
        // The range's last receive: closed and drained.
        ("", true, Some(0)),
    ]
    .iter()
    .map(|(b, c, t)| (b.to_string(), *c, *t))
    .collect();
    assert_eq!(seen, want);
}

/// A parked goroutine's event names what it waits on.
#[test]
fn parked_goroutines_name_their_channel_or_lock() {
    let src = "package main\n\nimport (\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tch := make(chan int)\n\tmu.Lock()\n\tgo func() { mu.Lock() }()\n\tgo func() { <-ch }()\n\ttime.Sleep(time.Millisecond)\n\tch <- 1\n\tmu.Unlock()\n\ttime.Sleep(time.Millisecond)\n}\n";
    let out = run_source("prog.go", src, &RunConfig::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let chan = out.events.iter().find_map(|e| match e.kind {
        EventKind::ChanMake { chan, .. } => Some(chan),
        _ => None,
    });
    let mut snap = Snapshot::initial(1);
    for e in &out.events {
        snap.apply(e).unwrap();
        if matches!(e.kind, EventKind::ClockJump { .. }) {
            break;
        }
    }
    // While main sleeps: one waits on the mutex, one on the channel.
    let waits: Vec<(String, Vec<u32>)> = snap.waiting_on.iter().map(|(g, on)| (snap.gs[g].reason.to_string(), on.clone())).collect();
    let on_chan = waits.iter().find(|(r, _)| r == "chan receive").expect("a receiver");
    assert_eq!(on_chan.1, vec![chan.unwrap()]);
    let on_lock = waits.iter().find(|(r, _)| r == "sync.Mutex.Lock").expect("a locker");
    assert_eq!(on_lock.1.len(), 1);
    assert!(snap.waiting_on.get(&1).is_some_and(|on| on.is_empty()), "main sleeps on nothing: {waits:?}");
    // At the end none of the program's goroutines waits (the runtime's,
    // goroutines 2 to 6, may).
    let end = replay::replay(1, &out.events).unwrap();
    assert!(end.waiting_on.keys().all(|&g| (2..7).contains(&g)), "{:?}", end.waiting_on);
}

/// Dead goroutines wait on their P's free list (`gfput`) and the next `go`
/// takes the last one (`gfget`); from 64 on a P, half go to the global
/// list, which refills an empty P's list.
#[test]
fn the_fold_keeps_dead_goroutines_on_the_free_lists_and_names_the_reused() {
    let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 70; i++ {\n\t\twg.Add(1)\n\t\tgo func() { wg.Done() }()\n\t}\n\twg.Wait()\n\tfor i := 0; i < 40; i++ {\n\t\twg.Add(1)\n\t\tgo func() { wg.Done() }()\n\t}\n\twg.Wait()\n}\n";
    let out = run_source("prog.go", src, &RunConfig::default());
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let mut snap = Snapshot::initial(1);
    let (mut most_local, mut most_global, mut reused) = (0, 0, Vec::new());
    for e in &out.events {
        let before = snap.ps[0].gfree.last().copied();
        snap.apply(e).unwrap_or_else(|err| panic!("{err}"));
        most_local = most_local.max(snap.ps[0].gfree.len());
        most_global = most_global.max(snap.gfree_global.len());
        if let EventKind::GoCreate { child, reused: true, .. } = e.kind {
            let from = snap.meta[&child].reuses.expect("a reused G names the dead one");
            assert!(!snap.ps[0].gfree.contains(&from) && !snap.gfree_global.contains(&from));
            assert!(before.is_none() || before == Some(from), "the last on the list is taken first");
            reused.push(from);
        }
        if let EventKind::GoExit { g, .. } = e.kind {
            assert!(snap.ps[0].gfree.contains(&g) || snap.gfree_global.contains(&g), "G{g} is on a free list");
        }
    }
    // 70 exits: the list reaches 63, the 64th sends 33 to the global list
    // (37 left). The next 40 take those 37, then 32 refilled from the
    // global list (1 left); their 40 exits overflow again: 1 + 33.
    assert_eq!((most_local, most_global), (63, 34));
    assert_eq!(reused.len(), 40, "every later goroutine reuses a dead G");
    let mut distinct = reused.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 40);
}
