//! Goroutine dumps in Go's format: the blocks `runtime.Stack`,
//! `debug.Stack`, fatal errors and pprof's `goroutine` profile print.
//!
//! A block, as Go 1.27 prints it (checked with real Go):
//!
//! ```text
//! goroutine 7 [chan receive (leaked), 2 minutes]:
//! main.worker(...)
//!         /tmp/sandbox/prog.go:11
//! created by main.main in goroutine 1
//!         /tmp/sandbox/prog.go:17
//! ```
//!
//! The header comes from the scheduler ([`Sched::goroutine_header`]). Frames
//! are the VM's traceback, printed as the VM prints its own panic traces:
//! `name()` for a function without arguments, `name(...)` (Go's form for an
//! inlined call) in place of Go's argument words, and `\tpath:line` without
//! the `+0x..` offset, which an interpreter does not have;
//! `golden::normalize_stderr` drops arguments and offsets from real Go's
//! output too, since Go prints `(...)` for any inlined call. The path is the program's
//! `Bytecode::path`. Runtime goroutines (finalizer, GOMAXPROCS updater) are
//! not shown, as Go hides them below `GOTRACEBACK=system`. Frames of Go's
//! own functions that the engine runs as stand-ins (os/signal's
//! goroutines, pprof's writers) and the `created by` lines of goroutines
//! Go's packages start point at the Go Playground's GOROOT with Go 1.27's
//! line numbers, as a real dump does.
//!
//! pprof's debug=1 form groups goroutines with the same stack: `N @ pc...`
//! then `#\tpc\tfunc+off\tfile:line` lines aligned by a `text/tabwriter`
//! (minwidth 1, tabwidth 8, padding 1, tab padding) as `runtime/pprof`
//! does, records sorted by count, then by their `@` key. Program counters
//! are simulated: a function's entry is `0x401000 + 0x1000 * index` and an
//! instruction's pc its entry plus its index, so they are stable per
//! program (not Go's addresses).

use super::machine::VmMachine;
use crate::sched::{GStatus, GoId, Sched, WaitReason};
use crate::runtime::Creator;
use crate::vm::{Bytecode, FrameKind, GOROOT_SRC, TraceFrame};

/// The goroutines a dump shows: not dead, not the runtime's own, in
/// allgs order.
pub fn user_goroutines(sched: &Sched) -> Vec<GoId> {
    sched.gs.iter().filter(|g| !g.system && g.status != GStatus::Dead).map(|g| g.goid).collect()
}

/// The header line, `goroutine 7 [chan receive]:`. A goroutine the leak
/// detector just found is marked `(leaked)` even before the scheduler
/// applied the verdict.
pub fn header(m: &VmMachine, sched: &Sched, goid: GoId) -> String {
    let mut h = sched.goroutine_header(goid).unwrap_or_else(|| format!("goroutine {goid} [dead]:"));
    if in_signal_recv(m, goid) {
        // Go's signal loop sleeps in a blocking syscall (signal_recv's
        // notetsleepg), so its status shows; the engine parks it instead.
        h = h.replacen("[IO wait", "[syscall", 1);
    }
    let waiting = sched.g_by_id(goid).is_some_and(|g| g.status == GStatus::Waiting);
    if waiting
        && m.leaked.contains(&goid)
        && let Some(g) = sched.g_by_id(goid)
    {
        // As for a `_Gleaked` G: the mark, and no `, N minutes`.
        let reason = g.waitreason.as_str();
        let at = format!("goroutine {goid} [{reason}");
        if h.starts_with(&at) {
            let rest = &h[at.len()..];
            let rest = match (rest.find(", "), rest.find(" minutes")) {
                (Some(0), Some(j)) => rest[j + " minutes".len()..].to_string(),
                _ => rest.to_string(),
            };
            h = format!("{at} (leaked){rest}");
        }
    }
    h
}

/// Go's own functions the engine runs as bytecode stand-ins (see
/// `stdlib::os::signal::runtime_goroutines`): where Go's source has them, and
/// whether Go prints them with arguments. Their frames point there, not
/// into the program.
fn runtime_frame(func: &str) -> Option<(&'static str, u32, bool)> {
    Some(match func {
        // watchSignalLoop's goroutine, always in signal_recv (see `frames`).
        "os/signal.loop" => ("os/signal/signal_unix.go", 23, false),
        "runtime/pprof.(*Profile).WriteTo" => ("runtime/pprof/pprof.go", 405, true),
        _ => return None,
    })
}

/// The `go` statements inside Go's own packages that start goroutines a
/// program sees (`created by ...`), as in Go 1.27's sources.
fn runtime_creator(func: &str) -> Option<(&'static str, u32)> {
    Some(match func {
        "os/signal.Notify.func2.1" => ("os/signal/signal.go", 164),
        "time.goFunc" => ("time/sleep.go", 182),
        _ => return None,
    })
}

/// Whether `goid` is os/signal's loop goroutine, waiting for signals.
fn in_signal_recv(m: &VmMachine, goid: GoId) -> bool {
    let prog = m.vm.program();
    m.vm_of(goid)
        .and_then(|i| m.vm.gs.get(i))
        .and_then(|s| s.frames.first())
        .and_then(|f| prog.funcs.get(f.func as usize))
        .is_some_and(|f| f.name == crate::stdlib::os::signal::runtime_goroutines::LOOP_FUNC)
}

/// Go's `tracebackInnerFrames` and `tracebackOuterFrames`: a deeper stack
/// prints its innermost 50 frames, `...N frames elided...`, and its
/// outermost 50 (runtime/traceback.go's `traceback1`).
const TRACEBACK_INNER_FRAMES: usize = 50;
const TRACEBACK_OUTER_FRAMES: usize = 50;

/// Frame lines: `main.worker(...)` / `\t/tmp/sandbox/prog.go:12`.
pub fn frames(m: &VmMachine, trace: &[TraceFrame]) -> String {
    let path = &m.vm.program().path;
    let mut s = String::new();
    let elide = trace.len().saturating_sub(TRACEBACK_INNER_FRAMES + TRACEBACK_OUTER_FRAMES);
    for (i, f) in trace.iter().enumerate() {
        if elide > 0 && (TRACEBACK_INNER_FRAMES..TRACEBACK_INNER_FRAMES + elide).contains(&i) {
            if i == TRACEBACK_INNER_FRAMES {
                s.push_str(&format!("...{elide} frames elided...\n"));
            }
            continue;
        }
        match runtime_frame(&f.func) {
            Some((file, line, args)) => {
                if i == 0 && f.func == crate::stdlib::os::signal::runtime_goroutines::LOOP_FUNC {
                    // Go's loop waits for signals inside signal_recv.
                    s.push_str(&format!("os/signal.signal_recv()\n\t{GOROOT_SRC}/runtime/sigqueue.go:152\n"));
                }
                s.push_str(&format!("{}{}\n\t{GOROOT_SRC}/{file}:{line}\n", f.func, if args { "(...)" } else { "()" }));
            }
            None => s.push_str(&f.render(path)),
        }
    }
    s
}

/// `created by main.main in goroutine 1` and its location; nothing for main.
pub fn created_by(m: &VmMachine, goid: GoId) -> String {
    let Some(c) = m.gs.get(&goid).and_then(|g| g.creator.as_ref()) else { return String::new() };
    render_creator(m.vm.program(), c)
}

/// A [`Creator`]'s two lines: the function (and goroutine) whose `go`
/// statement made a goroutine, and where it is — in the program, in
/// library Go (at its file in Go's tree), or in a package the engine
/// serves natively.
pub fn render_creator(prog: &Bytecode, c: &Creator) -> String {
    let at = match runtime_creator(&c.func) {
        Some((file, line)) => format!("{GOROOT_SRC}/{file}:{line}"),
        None => format!("{}:{}", prog.path_of_func(&c.func).unwrap_or_else(|| prog.path.clone()), c.line),
    };
    match c.goid {
        // Goroutine 0 is the runtime (a timer's `time.goFunc`): no "in".
        0 => format!("created by {}\n\t{at}\n", c.func),
        g => format!("created by {} in goroutine {g}\n\t{at}\n", c.func),
    }
}

/// The frames of a goroutine for a dump. One that has not started yet
/// shows, as in Go, the function it will run at its entry, `name()` at
/// its declaration line, or the `gowrapN` closure at the `go` statement
/// (see [`super::machine::Creator::wrap`]).
pub fn dump_frames(m: &VmMachine, goid: GoId) -> String {
    let prog = m.vm.program();
    let path = &prog.path;
    let state = m.vm_of(goid).and_then(|i| m.vm.gs.get(i));
    // Not started: still holding its entry call (see `GState::entry`).
    if let Some(entry) = state.and_then(|s| m.vm.entry_func(s)) {
        let creator = m.gs.get(&goid).and_then(|g| g.creator.as_ref());
        if let Some(c) = creator
            && let Some(k) = c.wrap
        {
            return format!("{}.gowrap{k}()\n\t{path}:{}\n", c.func, c.line);
        }
        if let Some(fd) = prog.funcs.get(entry as usize) {
            let line = if fd.span == crate::span::Span::default() { prog.line_of(entry, 0) } else { prog.file.line_col(fd.span.start).line };
            return format!("{}()\n\t{path}:{line}\n", fd.name);
        }
    }
    frames(m, &m.trace_of(goid))
}

/// One goroutine's block: header, frames, creator.
pub fn goroutine(m: &VmMachine, sched: &Sched, goid: GoId) -> String {
    goroutine_under(m, sched, goid, "")
}

/// Every user goroutine's block, a blank line between, as Go's traceback
/// with `GOTRACEBACK=all` (and a `debug=2` goroutine profile, without the
/// writer's own frames) prints them: the state of the run between two
/// scheduler steps.
pub fn all_goroutines(m: &VmMachine, sched: &Sched) -> String {
    let blocks: Vec<String> = user_goroutines(sched).into_iter().map(|g| goroutine(m, sched, g)).collect();
    blocks.join("\n")
}

/// A frame of Go's `sync` a goroutine parked on a sync object stands in:
/// (function, file under `GOROOT_SRC`, line, inlined into the frame below).
type SyncFrame = (&'static str, &'static str, u32, bool);

/// `sync.Mutex.Lock`'s slow path, as Go 1.27.3 prints it.
const MUTEX_LOCK: [SyncFrame; 4] = [
    ("internal/sync.runtime_SemacquireMutex", "runtime/sema.go", 95, false),
    ("internal/sync.(*Mutex).lockSlow", "internal/sync/mutex.go", 149, false),
    ("internal/sync.(*Mutex).Lock", "internal/sync/mutex.go", 70, true),
    ("sync.(*Mutex).Lock", "sync/mutex.go", 46, true),
];
/// `sync.RWMutex.Lock` waiting for another writer (on its Mutex `w`).
const RW_LOCK_ON_WRITER: [SyncFrame; 5] = [
    MUTEX_LOCK[0],
    MUTEX_LOCK[1],
    MUTEX_LOCK[2],
    MUTEX_LOCK[3],
    ("sync.(*RWMutex).Lock", "sync/rwmutex.go", 150, false),
];
const RW_LOCK_ON_READERS: [SyncFrame; 2] =
    [("sync.runtime_SemacquireRWMutex", "runtime/sema.go", 105, false), ("sync.(*RWMutex).Lock", "sync/rwmutex.go", 155, false)];
const RW_RLOCK: [SyncFrame; 2] =
    [("sync.runtime_SemacquireRWMutexR", "runtime/sema.go", 100, false), ("sync.(*RWMutex).RLock", "sync/rwmutex.go", 74, true)];
const WG_WAIT: [SyncFrame; 2] =
    [("sync.runtime_SemacquireWaitGroup", "runtime/sema.go", 114, false), ("sync.(*WaitGroup).Wait", "sync/waitgroup.go", 206, false)];
const COND_WAIT: [SyncFrame; 2] =
    [("sync.runtime_notifyListWait", "runtime/sema.go", 617, false), ("sync.(*Cond).Wait", "sync/cond.go", 71, false)];

/// The frames of Go's `sync` above the program's for a goroutine parked in
/// a sync operation (its wait reason, and the request that resumes it,
/// tell which), innermost first. A Cond waiter re-locking its Locker gets
/// none: its frames depend on the Locker's type.
fn sync_frames(m: &VmMachine, sched: &Sched, goid: GoId) -> &'static [SyncFrame] {
    use crate::stdlib::sync::serve::id;
    let Some(g) = sched.g_by_id(goid).filter(|g| matches!(g.status, GStatus::Waiting | GStatus::Leaked)) else { return &[] };
    let Some(crate::vm::Syscall::Sys { id: pending, .. }) = m.gs.get(&goid).and_then(|x| x.pending.as_ref()) else { return &[] };
    match (g.waitreason, *pending) {
        (WaitReason::SyncMutexLock, id::RESUME_MUTEX) => &MUTEX_LOCK,
        (WaitReason::SyncMutexLock, id::RESUME_RW) => &RW_LOCK_ON_WRITER,
        (WaitReason::SyncRWMutexLock, id::RESUME_RW) => &RW_LOCK_ON_READERS,
        (WaitReason::SyncRWMutexRLock, id::RESUME_RW) => &RW_RLOCK,
        (WaitReason::SyncWaitGroupWait, id::RESUME_WG) => &WG_WAIT,
        (WaitReason::SyncCondWait, id::RESUME_COND) => &COND_WAIT,
        _ => &[],
    }
}

/// [`goroutine`], its frames topped by `above`: the frames of Go's own
/// functions that print the dump (pprof's writers).
fn goroutine_under(m: &VmMachine, sched: &Sched, goid: GoId, above: &str) -> String {
    let mut s = header(m, sched, goid);
    s.push('\n');
    s.push_str(above);
    for (func, file, line, _) in sync_frames(m, sched, goid) {
        s.push_str(&format!("{func}(...)\n\t{GOROOT_SRC}/{file}:{line}\n"));
    }
    s.push_str(&dump_frames(m, goid));
    s.push_str(&created_by(m, goid));
    s
}

/// `runtime.Stack(buf, all)` called by `goid`: its own block (`running`)
/// first, then with `all` every other goroutine after a blank line.
pub fn stack(m: &VmMachine, sched: &Sched, goid: GoId, all: bool) -> String {
    stack_under(m, sched, goid, all, "")
}

/// [`stack`], the caller's block topped by `above` (see [`goroutine_under`]).
fn stack_under(m: &VmMachine, sched: &Sched, goid: GoId, all: bool, above: &str) -> String {
    let mut s = goroutine_under(m, sched, goid, above);
    if all {
        for other in user_goroutines(sched).into_iter().filter(|&g| g != goid) {
            s.push('\n');
            s.push_str(&goroutine(m, sched, other));
        }
    }
    s
}

/// `debug.Stack()`: the caller's block, with the `runtime/debug.Stack`
/// frame Go shows on top (at the Go Playground's GOROOT).
pub fn debug_stack(m: &VmMachine, sched: &Sched, goid: GoId) -> String {
    let mut s = header(m, sched, goid);
    s.push_str(&format!("\nruntime/debug.Stack()\n\t{GOROOT_SRC}/runtime/debug/stack.go:26\n"));
    s.push_str(&frames(m, &m.trace_of(goid)));
    s.push_str(&created_by(m, goid));
    s
}

/// One frame of a profile record: (return pc, entry, name, location).
struct PcFrame {
    pc: u64,
    entry: u64,
    name: String,
    /// `file:line`.
    at: String,
}

const TEXT_BASE: u64 = 0x401000;

fn pc_frames(m: &VmMachine, sched: &Sched, goid: GoId) -> Vec<PcFrame> {
    let prog = m.vm.program();
    let Some(state) = m.vm_of(goid).and_then(|i| m.vm.gs.get(i)) else { return Vec::new() };
    let frame = |func: u32, ip: u32| {
        let entry = TEXT_BASE + 0x1000 * func as u64;
        let name = prog.funcs.get(func as usize).map_or("?".into(), |x| x.name.clone());
        let at = match runtime_frame(&name) {
            Some((file, line, _)) => format!("{GOROOT_SRC}/{file}:{line}"),
            None => format!("{}:{}", prog.path_of(func, ip.saturating_sub(1)).unwrap_or_else(|| prog.path.clone()), prog.line_of(func, ip.saturating_sub(1))),
        };
        PcFrame { pc: entry + ip.max(1) as u64, entry, name, at }
    };
    if let Some(f) = m.vm.entry_func(state) {
        // Not started yet: at its function's entry.
        return vec![frame(f, 0)];
    }
    let mut frames: Vec<PcFrame> = state.frames.iter().rev().filter(|f| !matches!(f.kind, FrameKind::PanicPrint(_))).map(|f| frame(f.func, f.ip)).collect();
    if goid == 1 && frames.last().is_some_and(|f| f.name == "main.main") {
        frames.push(PcFrame { pc: 0x400300 + 0x427, entry: 0x400300, name: "runtime.main".into(), at: format!("{GOROOT_SRC}/runtime/proc.go:302") });
    }
    if in_signal_recv(m, goid) {
        // Go's loop waits inside signal_recv (see `frames`); its pc is
        // below every simulated function's.
        frames.insert(0, PcFrame { pc: TEXT_BASE - 0x800 + 0x98, entry: TEXT_BASE - 0x800, name: "os/signal.signal_recv".into(), at: format!("{GOROOT_SRC}/runtime/sigqueue.go:152") });
    }
    // Go's `sync` frames, below the program's as Go's packages sit below
    // main in the binary, in the order of Go's own text. An inlined frame
    // is a pc of the frame it is inlined into (pprof lists it as a pc of
    // its own, its offset from that function's entry).
    let sync = sync_frames(m, sched, goid);
    let mut below: Option<(u64, u64)> = frames.first().map(|f| (f.pc, f.entry));
    for (k, &(name, file, line, inlined)) in sync.iter().enumerate().rev() {
        let at = format!("{GOROOT_SRC}/{file}:{line}");
        let f = match (inlined, below) {
            (true, Some((pc, entry))) => PcFrame { pc: pc + 0x10, entry, name: name.into(), at },
            _ => {
                let entry = TEXT_BASE - 0x2000 + 0x100 * sync_text_order(name);
                PcFrame { pc: entry + 0x20 + 0x4 * k as u64, entry, name: name.into(), at }
            }
        };
        below = Some((f.pc, f.entry));
        frames.insert(0, f);
    }
    frames
}

/// Where a function of [`sync_frames`] sits in Go's text, in order.
fn sync_text_order(name: &str) -> u64 {
    const ORDER: [&str; 9] = [
        "internal/sync.runtime_SemacquireMutex",
        "sync.runtime_SemacquireRWMutexR",
        "sync.runtime_SemacquireRWMutex",
        "sync.runtime_SemacquireWaitGroup",
        "sync.runtime_notifyListWait",
        "internal/sync.(*Mutex).lockSlow",
        "sync.(*Cond).Wait",
        "sync.(*RWMutex).Lock",
        "sync.(*WaitGroup).Wait",
    ];
    ORDER.iter().position(|n| *n == name).unwrap_or(ORDER.len()) as u64
}

/// `text/tabwriter` with pprof's settings over one block of lines whose
/// cells are tab-terminated (the last cell of a line is not aligned).
fn tabwrite(lines: &[Vec<String>]) -> String {
    let ncols = lines.iter().map(|l| l.len().saturating_sub(1)).max().unwrap_or(0);
    let mut widths = vec![0usize; ncols];
    for l in lines {
        for (c, cell) in l.iter().take(l.len().saturating_sub(1)).enumerate() {
            // Column width: the widest cell plus padding 1, at least minwidth 1.
            widths[c] = widths[c].max(cell.len() + 1);
        }
    }
    let mut out = String::new();
    for l in lines {
        let last = l.len().saturating_sub(1);
        for (c, cell) in l.iter().enumerate() {
            out.push_str(cell);
            if c < last {
                // Tab padding: the cell width rounded up to a multiple of
                // the tab width, filled with as many tabs as it takes.
                let w = widths[c].div_ceil(8) * 8;
                let n = (w - cell.len()).div_ceil(8);
                out.push_str(&"\t".repeat(n.max(1)));
            }
        }
        out.push('\n');
    }
    out
}

/// pprof's `goroutine` (or, with `leaks`, `goroutineleak`) profile as
/// `WriteTo(w, debug)` writes it, asked for by goroutine `goid`.
pub fn pprof_goroutine(m: &VmMachine, sched: &Sched, goid: GoId, debug: i64, leaks: bool) -> String {
    if debug >= 2 {
        // The full dump (leaked goroutines marked), printed from inside
        // pprof's writers, whose frames top the caller's.
        let writer = if leaks { ("writeGoroutineLeak", 803) } else { ("writeGoroutine", 779) };
        let above = format!(
            "runtime/pprof.writeGoroutineStacks(...)\n\t{GOROOT_SRC}/runtime/pprof/pprof.go:816\nruntime/pprof.{}(...)\n\t{GOROOT_SRC}/runtime/pprof/pprof.go:{}\n",
            writer.0, writer.1
        );
        return stack_under(m, sched, goid, true, &above);
    }
    let mut gs = vec![goid];
    gs.extend(user_goroutines(sched).into_iter().filter(|&g| g != goid));
    if leaks {
        gs.retain(|g| m.leaked.contains(g) && sched.g_by_id(*g).is_some_and(|x| matches!(x.status, GStatus::Waiting | GStatus::Leaked)));
    }
    let name = if leaks { "goroutineleak" } else { "goroutine" };
    let mut records: Vec<(String, usize, Vec<PcFrame>)> = Vec::new();
    for g in &gs {
        let mut fr = pc_frames(m, sched, *g);
        if *g == goid && !leaks {
            // The caller stands in pprof's writers (simulated pcs below
            // the program's, as Go's runtime code sits below main's).
            let at = |line: u32| format!("{GOROOT_SRC}/runtime/pprof/pprof.go:{line}");
            fr.splice(
                0..0,
                [
                    PcFrame { pc: 0x400100 + 0xb1, entry: 0x400100, name: "runtime/pprof.writeRuntimeProfile".into(), at: at(848) },
                    PcFrame { pc: 0x400200 + 0x45, entry: 0x400200, name: "runtime/pprof.writeGoroutine".into(), at: at(781) },
                ],
            );
        }
        let key = std::iter::once("@".to_string()).chain(fr.iter().map(|f| format!("{:#x}", f.pc))).collect::<Vec<_>>().join(" ");
        match records.iter_mut().find(|r| r.0 == key) {
            Some(r) => r.1 += 1,
            None => records.push((key, 1, fr)),
        }
    }
    records.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = format!("{name} profile: total {}\n", gs.len());
    for (key, count, fr) in &records {
        out.push_str(&format!("{count} {key}\n"));
        let lines: Vec<Vec<String>> = fr
            .iter()
            .map(|f| {
                vec![
                    "#".to_string(),
                    format!("{:#x}", f.pc - 1),
                    format!("{}+{:#x}", f.name, f.pc - 1 - f.entry),
                    f.at.clone(),
                ]
            })
            .collect();
        out.push_str(&tabwrite(&lines));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tabwrite;

    fn cells(s: &str) -> Vec<String> {
        s.split('\t').map(String::from).collect()
    }

    #[test]
    fn tabwriter_aligns_like_pprof() {
        // Real Go 1.27 output of a goroutine profile record (debug=1).
        let lines = [
            "#\t0x4cc7d0\truntime/pprof.writeRuntimeProfile+0xb0\t/go/src/runtime/pprof/pprof.go:848",
            "#\t0x4c9408\truntime/pprof.(*Profile).WriteTo+0x148\t/go/src/runtime/pprof/pprof.go:405",
            "#\t0x4de8e5\tmain.main+0x185\t/tmp/pgo/leak/prog.go:24",
            "#\t0x44aa26\truntime.main+0x426\t/go/src/runtime/proc.go:302",
        ];
        let want = "#\t0x4cc7d0\truntime/pprof.writeRuntimeProfile+0xb0\t/go/src/runtime/pprof/pprof.go:848\n\
#\t0x4c9408\truntime/pprof.(*Profile).WriteTo+0x148\t/go/src/runtime/pprof/pprof.go:405\n\
#\t0x4de8e5\tmain.main+0x185\t\t\t\t/tmp/pgo/leak/prog.go:24\n\
#\t0x44aa26\truntime.main+0x426\t\t\t/go/src/runtime/proc.go:302\n";
        let v: Vec<Vec<String>> = lines.iter().map(|l| cells(l)).collect();
        assert_eq!(tabwrite(&v), want);
    }
}
