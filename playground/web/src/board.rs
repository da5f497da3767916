//! What a learner watches at one moment of a run: the G/M/P board, its
//! text twins (the regions "Goroutines" and "Processors", which screen
//! readers and the browser tests read), the console and the verdict.
//! Pure functions of a [`Run`], a [`Moment`] and the goroutine the reader
//! picked, if any: its token is outlined and its line pressed. Dead Gs
//! wait on their P's free list, named by the goroutine they last ran, until
//! a `go` reuses one (a new goroutine's tooltip names the one before). A goroutine's
//! token and line carry `data-g`, which the playground's click handler
//! reads to pick it.

use crate::messages::{self, Messages};
use crate::moment::Moment;
use crate::runner::{Run, RunState, Stopped, virtual_time};
use gmp_engine::event::{GStatus, GoId, TimerTarget};
use gmp_engine::replay::{ChanSnap, GMeta, Snapshot};
use gmp_engine::{EndReason, LeakedGoroutine, Outcome};
use std::collections::BTreeMap;
use yew::prelude::*;

/// Tokens drawn per queue or waiting group; the rest is a count.
const TOKENS_PER_ROW: usize = 24;
/// Lines of the Goroutines list; the rest is a count.
const LISTED_GOROUTINES: usize = 300;
/// Channels drawn; the rest is a count.
const DRAWN_CHANNELS: usize = 24;
/// Buffer slots drawn per channel.
const DRAWN_SLOTS: usize = 16;

/// The state word of a goroutine, as Go's dump header prints it: the wait
/// reason when waiting (`chan receive`), else `runnable`, `running`...
pub fn state_text(snap: &Snapshot, g: GoId) -> String {
    match snap.gs.get(&g) {
        Some(s) if matches!(s.status, GStatus::Waiting | GStatus::Leaked) => s.reason.to_string(),
        Some(s) => s.status.header_word().to_string(),
        None => "dead".to_string(),
    }
}

fn state_class(snap: &Snapshot, g: GoId) -> &'static str {
    match snap.gs.get(&g).map(|s| s.status) {
        Some(GStatus::Running) => "gmp-g-running",
        Some(GStatus::Runnable) => "gmp-g-runnable",
        Some(GStatus::Waiting | GStatus::Leaked) => "gmp-g-waiting",
        Some(GStatus::Syscall) => "gmp-g-syscall",
        _ => "gmp-g-other",
    }
}

/// `main.worker` → `worker`; `runtime.runFinalizers` → `runFinalizers`.
fn short_func(func: &str) -> &str {
    func.rsplit('.').next().unwrap_or(func)
}

pub fn group_digits(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn more(n: usize) -> Html {
    if n == 0 {
        html! {}
    } else {
        html! { <span class="gmp-more">{ format!("and {} more", group_digits(n)) }</span> }
    }
}

/// One goroutine token: coloured by state, labelled with id and start function.
fn token(run: &Run, snap: &Snapshot, g: GoId, picked: Option<GoId>) -> Html {
    let func = snap.meta.get(&g).map(|m| m.func.to_string()).unwrap_or_default();
    let runtime = func.starts_with("runtime.");
    let mut title = format!("goroutine {g} [{}] {func}", state_text(snap, g));
    if let Some(m) = snap.meta.get(&g).filter(|m| !by_runtime(m)) {
        title.push_str(&format!(", created at {}", run.line_of(m.pos)));
    }
    if let Some(dead) = snap.meta.get(&g).and_then(|m| m.reuses) {
        title.push_str(&format!(", in the G that goroutine {dead} ran in"));
    }
    html! {
        <span class={classes!("gmp-g", state_class(snap, g), runtime.then_some("gmp-g-runtime"), (picked == Some(g)).then_some("gmp-g-picked"))}
            title={title} data-g={g.to_string()}>
            <b>{ format!("G{g}") }</b>
            if !func.is_empty() { <span class="gmp-g-func">{ short_func(&func) }</span> }
        </span>
    }
}

/// A dead G on a free list, named by the goroutine it last ran: the next
/// `go` on its P takes the last one (`gfget`) for a new goroutine.
fn dead_token(g: GoId) -> Html {
    html! {
        <span class="gmp-g gmp-g-dead" title={format!("goroutine {g} is dead; its G waits here for a new goroutine")}>
            <b>{ format!("G{g}") }</b>
        </span>
    }
}

/// A free list, last (the next one taken) first.
fn free_list(gs: &[GoId]) -> Html {
    if gs.is_empty() {
        return html! { <span class="gmp-empty">{ "empty" }</span> };
    }
    html! {
        <>
            { for gs.iter().rev().take(TOKENS_PER_ROW).map(|&g| dead_token(g)) }
            { more(gs.len().saturating_sub(TOKENS_PER_ROW)) }
        </>
    }
}

fn tokens(run: &Run, snap: &Snapshot, gs: impl ExactSizeIterator<Item = GoId>, picked: Option<GoId>) -> Html {
    let n = gs.len();
    if n == 0 {
        return html! { <span class="gmp-empty">{ "empty" }</span> };
    }
    html! {
        <>
            { for gs.take(TOKENS_PER_ROW).map(|g| token(run, snap, g, picked)) }
            { more(n.saturating_sub(TOKENS_PER_ROW)) }
        </>
    }
}

/// The goroutine each P is running: its M's current G.
fn running_on(snap: &Snapshot, p: usize) -> Option<GoId> {
    let m = snap.ps.get(p)?.m?;
    snap.ms.get(m as usize)?.curg
}

/// The G/M/P board: Ps with their running G, runnext and local queue; the
/// global queue; the Ms; the waiting goroutines grouped by what they wait
/// on; the channels with their buffers; the latest messages. The text
/// twins say the same.
pub fn board(run: &Run, m: &Moment, msgs: &Messages, picked: Option<GoId>) -> Html {
    let snap = &m.snap;
    let ps = snap.ps.iter().enumerate().map(|(i, p)| {
        let status = p.status.go_name();
        let running = running_on(snap, i);
        html! {
            <div class={classes!("gmp-p", (status == "_Prunning").then_some("gmp-p-busy"))}>
                <div class="gmp-p-head">
                    <b>{ format!("P{i}") }</b>
                    <span class="gmp-dim">{ match p.m { Some(m) => format!("M{m}"), None => status.to_string() } }</span>
                </div>
                <div class="gmp-p-row"><span class="gmp-k">{ "runs" }</span>
                    { running.map_or_else(|| html! { <span class="gmp-empty">{ "—" }</span> }, |g| token(run, snap, g, picked)) }</div>
                <div class="gmp-p-row"><span class="gmp-k">{ "runnext" }</span>
                    { p.runnext.map_or_else(|| html! { <span class="gmp-empty">{ "—" }</span> }, |g| token(run, snap, g, picked)) }</div>
                <div class="gmp-p-row gmp-runq"><span class="gmp-k">{ "runq" }</span>
                    { tokens(run, snap, p.runq.iter().copied(), picked) }</div>
                if !p.gfree.is_empty() {
                    <div class="gmp-p-row gmp-gfree"><span class="gmp-k">{ "free Gs" }</span>{ free_list(&p.gfree) }</div>
                }
            </div>
        }
    });
    let ms = snap.ms.iter().enumerate().map(|(i, ms)| {
        let what = if ms.dead {
            "exited".to_string()
        } else if ms.idle {
            "idle".to_string()
        } else {
            let mut s = match (ms.p, ms.curg) {
                (Some(p), Some(g)) => format!("P{p}, G{g}"),
                (Some(p), None) => format!("P{p}"),
                (None, Some(g)) => format!("G{g}, no P"),
                (None, None) => "no P".to_string(),
            };
            if ms.spinning {
                s.push_str(", spinning");
            }
            s
        };
        html! { <span class={classes!("gmp-m", ms.idle.then_some("gmp-m-idle"))}><b>{ format!("M{i}") }</b>{ " " }{ what }</span> }
    });
    html! {
        <div class="gmp-board" aria-hidden="true">
            <div class="gmp-ps">{ for ps }</div>
            <div class="gmp-row"><span class="gmp-k">{ "global runq" }</span>{ tokens(run, snap, snap.global.iter().copied(), picked) }</div>
            if !snap.gfree_global.is_empty() {
                <div class="gmp-row gmp-gfree"><span class="gmp-k">{ "global free Gs" }</span>{ free_list(&snap.gfree_global) }</div>
            }
            <div class="gmp-row"><span class="gmp-k">{ "threads" }</span>
                if snap.ms.is_empty() { <span class="gmp-empty">{ "none yet" }</span> }
                { for ms }
            </div>
            { waiting(run, snap, picked) }
            { channels(snap) }
            { messages::board_row(run, msgs, m.pos) }
        </div>
    }
}

/// Waiting goroutines grouped by what they wait on: the wait reason and,
/// for channels, locks and WaitGroups, the object.
fn waiting(run: &Run, snap: &Snapshot, picked: Option<GoId>) -> Html {
    let mut groups: BTreeMap<(String, Vec<u32>), Vec<GoId>> = BTreeMap::new();
    for (&g, s) in &snap.gs {
        if matches!(s.status, GStatus::Waiting | GStatus::Leaked) {
            let on = snap.waiting_on.get(&g).cloned().unwrap_or_default();
            groups.entry((s.reason.to_string(), on)).or_default().push(g);
        }
    }
    if groups.is_empty() {
        return html! { <div class="gmp-row"><span class="gmp-k">{ "waiting" }</span><span class="gmp-empty">{ "nobody" }</span></div> };
    }
    let rows = groups.into_iter().map(|((reason, on), gs)| {
        let objects = on.iter().map(|h| match snap.chans.get(h) {
            Some(c) => html! { <span class="gmp-on">{ "on " }{ chan(*h, c) }</span> },
            None => html! { <span class="gmp-on gmp-dim">{ format!("on obj#{h}") }</span> },
        });
        // A sleeper's token says when its timer wakes it.
        let wakes: BTreeMap<GoId, u64> = snap
            .ps
            .iter()
            .flat_map(|p| &p.timers)
            .filter_map(|&(when, t)| match t {
                TimerTarget::Sleep(g) => Some((g, when)),
                TimerTarget::Func(_) => None,
            })
            .collect();
        let sleepers = gs.iter().any(|g| wakes.contains_key(g));
        html! {
            <div class="gmp-wait-group">
                <span class="gmp-reason">{ reason }</span>
                { for objects }
                if sleepers {
                    { for gs.iter().take(TOKENS_PER_ROW).map(|&g| html! {
                        <span class="gmp-sleeper">{ token(run, snap, g, picked) }
                            if let Some(&when) = wakes.get(&g) { <span class="gmp-wake">{ format!("until {}", virtual_time(when)) }</span> }
                        </span>
                    }) }
                    { more(gs.len().saturating_sub(TOKENS_PER_ROW)) }
                } else {
                    { tokens(run, snap, gs.into_iter(), picked) }
                }
            </div>
        }
    });
    html! { <div class="gmp-row gmp-waiting"><span class="gmp-k">{ "waiting" }</span><div>{ for rows }</div></div> }
}

/// A channel with its buffer slots and the values in them.
fn chan(h: u32, c: &ChanSnap) -> Html {
    let slots = (0..(c.cap as usize).min(DRAWN_SLOTS)).map(|i| match c.buf.get(i) {
        Some(v) => html! { <span class="gmp-slot gmp-slot-full">{ v.clone() }</span> },
        None => html! { <span class="gmp-slot"></span> },
    });
    let hidden = (c.cap as usize).saturating_sub(DRAWN_SLOTS);
    html! {
        <span class={classes!("gmp-chan", c.closed.then_some("gmp-chan-closed"))}>
            <span class="gmp-chan-name">{ format!("chan#{h}") }</span>
            <span class="gmp-dim">{ format!(" chan {}", c.elem) }</span>
            if c.cap > 0 {
                <span class="gmp-slots">{ for slots }{ more(hidden) }</span>
                <span class="gmp-dim">{ format!(" {}/{}", c.buf.len(), c.cap) }</span>
            } else {
                <span class="gmp-dim">{ " unbuffered" }</span>
            }
            if c.closed { <span class="gmp-dim">{ " closed" }</span> }
        </span>
    }
}

fn channels(snap: &Snapshot) -> Html {
    if snap.chans.is_empty() {
        return html! {};
    }
    let n = snap.chans.len();
    html! {
        <div class="gmp-row"><span class="gmp-k">{ "channels" }</span>
            <div class="gmp-chans">
                { for snap.chans.iter().take(DRAWN_CHANNELS).map(|(h, c)| chan(*h, c)) }
                { more(n.saturating_sub(DRAWN_CHANNELS)) }
            </div>
        </div>
    }
}

/// `goroutine 7 [chan receive] prog.go:14 — created at prog.go:9 to run main.worker`.
/// The line is where it last did something the events show (parked,
/// resumed, sent...); a running goroutine may have moved on since.
pub fn goroutine_line(run: &Run, m: &Moment, g: GoId) -> String {
    let snap = &m.snap;
    let mut s = format!("goroutine {g} [{}]", state_text(snap, g));
    if let Some(at) = m.at.get(&g) {
        s.push_str(&format!(" {}", run.line_of(*at)));
    }
    match snap.meta.get(&g) {
        Some(meta) if by_runtime(meta) => s.push_str(&format!(" — started by the runtime to run {}", meta.func)),
        Some(meta) => s.push_str(&format!(" — created at {} to run {}", run.line_of(meta.pos), meta.func)),
        None => {}
    }
    s
}

/// Goroutine 1 and the runtime's own goroutines (the finalizer goroutine,
/// the GOMAXPROCS updater) come from no `go` statement of the program.
pub fn by_runtime(meta: &GMeta) -> bool {
    meta.parent == 0 || meta.func.starts_with("runtime.")
}

/// The region "Goroutines": every goroutine alive at this moment, each line
/// a toggle button that picks the goroutine.
pub fn goroutines(run: &Run, m: &Moment, picked: Option<GoId>) -> Html {
    let n = m.snap.gs.len();
    html! {
        <section class="gmp-goroutines" role="region" aria-label="Goroutines">
            <h4>{ format!("Goroutines ({n})") }</h4>
            <ul>
                { for m.snap.gs.keys().take(LISTED_GOROUTINES).map(|&g| html! {
                    <li class={state_class(&m.snap, g).replace("gmp-g-", "gmp-li-")}>
                        <button type="button" class="gmp-pick" data-g={g.to_string()}
                            aria-pressed={(picked == Some(g)).to_string()}>{ goroutine_line(run, m, g) }</button>
                    </li>
                }) }
                if n == 0 { <li class="gmp-empty">{ "none yet" }</li> }
                if n > LISTED_GOROUTINES { <li>{ more(n - LISTED_GOROUTINES) }</li> }
            </ul>
        </section>
    }
}

fn g_list(gs: impl ExactSizeIterator<Item = GoId>) -> String {
    let n = gs.len();
    if n == 0 {
        return "empty".to_string();
    }
    let mut s: Vec<String> = gs.take(TOKENS_PER_ROW).map(|g| format!("G{g}")).collect();
    if n > TOKENS_PER_ROW {
        s.push(format!("and {} more", group_digits(n - TOKENS_PER_ROW)));
    }
    s.join(" ")
}

/// The region "Processors": each P with its M, running G, runnext and
/// local run queue, then the global queue.
pub fn processors(m: &Moment) -> Html {
    let snap = &m.snap;
    let lines = snap.ps.iter().enumerate().map(|(i, p)| {
        let mut s = format!("P{i} [{}]", p.status.go_name());
        if let Some(m) = p.m {
            s.push_str(&format!(" on M{m}"));
        }
        match running_on(snap, i) {
            Some(g) => s.push_str(&format!(", running G{g}")),
            None => s.push_str(", running nothing"),
        }
        match p.runnext {
            Some(g) => s.push_str(&format!(", runnext G{g}")),
            None => s.push_str(", runnext empty"),
        }
        s.push_str(&format!(", run queue {}", g_list(p.runq.iter().copied())));
        if !p.gfree.is_empty() {
            s.push_str(&format!(", free Gs of dead goroutines {}", g_list(p.gfree.iter().rev().copied())));
        }
        html! { <li>{ s }</li> }
    });
    html! {
        <section class="gmp-processors gmp-sr-only" role="region" aria-label="Processors">
            <ul>{ for lines }</ul>
            <p>{ format!("global run queue {}", g_list(snap.global.iter().copied())) }</p>
            if !snap.gfree_global.is_empty() {
                <p>{ format!("global free Gs of dead goroutines {}", g_list(snap.gfree_global.iter().rev().copied())) }</p>
            }
        </section>
    }
}

/// The console: what the program wrote up to this moment, stderr apart.
/// At the end it is the run's whole output, which also holds what the
/// engine reports outside the event stream (a compile error).
pub fn console(run: &Run, m: &Moment) -> Html {
    let (stdout, stderr) = match run.outcome() {
        Some(o) if m.pos == run.len() => (o.stdout.clone(), o.stderr.clone()),
        _ => (m.written(1), m.written(2)),
    };
    // Each write links to the line that made it (a click highlights that
    // line in the editor), when the pieces are the whole text.
    let linked = |fd: u8, whole: &str| -> Html {
        if m.written(fd) != whole {
            return html! { { whole.to_string() } };
        }
        let pieces = m.pieces.iter().filter(|p| p.0 == fd).map(|(_, text, pos)| match pos {
            Some(at) => {
                let line = run.file.line_col(at.start).line;
                html! { <span class="gmp-out-line" data-line={line.to_string()} title={format!("written at {}", run.line_of(*at))}>{ text.clone() }</span> }
            }
            None => html! { { text.clone() } },
        });
        html! { { for pieces } }
    };
    html! {
        <div class="gmp-output" role="log" aria-label="Output">
            <pre class="gmp-stdout">{ linked(1, &stdout) }</pre>
            if !stderr.is_empty() {
                <pre class="gmp-stderr">{ linked(2, &stderr) }</pre>
            }
        </div>
    }
}

fn ending(o: &Outcome) -> String {
    match &o.end {
        EndReason::MainReturned => "main returned.".to_string(),
        EndReason::Exit(code) => format!("os.Exit({code})."),
        EndReason::Panic(g) => format!("goroutine {g} panicked."),
        EndReason::Fatal => {
            let line = o.stderr.lines().find(|l| l.starts_with("fatal error:")).unwrap_or("fatal error");
            if line.contains("deadlock") { format!("deadlocked: {line}") } else { line.to_string() }
        }
        EndReason::Limit(msg) => format!("stopped at a budget: {msg}"),
        EndReason::Internal(msg) => format!("the engine failed: {msg}"),
        EndReason::CompileError => "the program did not compile.".to_string(),
    }
}

/// `goroutine 7 [chan receive] made by the go statement at prog.go:15,
/// stuck at prog.go:9`.
fn leak_line(run: &Run, l: &LeakedGoroutine) -> Html {
    let state = l.wait_reason.unwrap_or(match l.status {
        "_Grunnable" => "runnable",
        "_Grunning" => "running",
        "_Gsyscall" => "syscall",
        other => other,
    });
    // A place in the program links to its line (a click highlights it in
    // the editor); a place in Go's library is named by its file.
    let at = |line: u32| crate::gpanel::link(run, line);
    let made = l.creator.as_ref().map(|c| html! { <>{ " made by the go statement at " }{ at(c.line) }</> });
    let stuck = l.stack.first().map(|top| {
        let verb = if l.wait_reason.is_some() { "stuck at" } else { "not yet run, at" };
        let place = match &top.file {
            Some(path) => html! { { format!("{}:{}", path.rsplit('/').next().unwrap_or(path), top.line) } },
            None => at(top.line),
        };
        html! { <>{ format!(", {verb} ") }{ place }{ format!(" in {}", top.func) }</> }
    });
    html! {
        <>
            { format!("goroutine {} [{state}]", l.goid) }
            { for made }
            { for stuck }
            if l.blocked_forever {
                { " (blocked forever)" }
            }
        </>
    }
}

/// The region "Verdict": how the run ended and the goroutines it leaked;
/// while it runs, that it runs; when the reader stopped it, that.
pub fn verdict(run: &Run, m: &Moment) -> Html {
    let Some(o) = run.outcome() else {
        let n = group_digits(run.len());
        let text = match run.state() {
            RunState::Stopped(Stopped::ByReader) => format!("Stopped by you after {n} events."),
            RunState::Stopped(Stopped::Edited) => format!("Stopped after {n} events: the program was edited."),
            _ => format!("Still running… {n} events."),
        };
        return html! {
            <section class="gmp-verdict" role="region" aria-label="Verdict">
                <div class="gmp-ending gmp-stopped">{ text }</div>
            </section>
        };
    };
    let n = o.leaks.len();
    html! {
        <section class="gmp-verdict" role="region" aria-label="Verdict">
            if m.pos < run.len() {
                <div class="gmp-dim">{ format!("At the end of the run (event {}):", run.len()) }</div>
            }
            <div class="gmp-exit">{ format!("Program exited with code {}.", o.exit_code) }</div>
            <div class="gmp-ending">{ ending(o) }</div>
            if n > 0 {
                <div class="gmp-leaks">
                    <div>{ format!("{n} goroutine{} leaked:", if n == 1 { "" } else { "s" }) }</div>
                    <ul>{ for o.leaks.iter().take(LISTED_GOROUTINES).map(|l| html! { <li>{ leak_line(run, l) }</li> }) }
                        if n > LISTED_GOROUTINES { <li>{ more(n - LISTED_GOROUTINES) }</li> }
                    </ul>
                </div>
            } else if matches!(o.end, EndReason::MainReturned | EndReason::Exit(_)) {
                <div>{ "No goroutine leaked." }</div>
            }
        </section>
    }
}

/// What the live region announces of a run: "running…", "finished: exit
/// 0, 1 goroutine leaked", "stopped after 1,234 events".
pub fn announcement(run: &Run) -> String {
    match (run.state(), run.outcome()) {
        (RunState::Running, _) => "running…".to_string(),
        (RunState::Stopped(_), _) => format!("stopped after {} events", group_digits(run.len())),
        (RunState::Ended, Some(o)) if matches!(o.end, EndReason::CompileError) => "finished: the program did not compile".to_string(),
        (RunState::Ended, Some(o)) => {
            let leaks = match o.leaks.len() {
                0 => "no goroutine leaked".to_string(),
                1 => "1 goroutine leaked".to_string(),
                n => format!("{} goroutines leaked", group_digits(n)),
            };
            format!("finished: exit {}, {leaks}", o.exit_code)
        }
        (RunState::Ended, None) => "finished".to_string(),
    }
}
