//! The selected goroutine: the one the reader picked (on the board, in
//! "Goroutines", in "Where goroutines are" or by its timeline lane), at
//! the current position — its id and function, its state as a dump heads
//! it (`goroutine 7 [chan receive]`), its stack with each frame's line,
//! the `go` statement that made it and its creator, the bytes its stack
//! keeps reachable (what a leak of it pins), and every change of its
//! state up to the position.
//!
//! The state and the history come from the events (the history reads them
//! with the timeline's own [`timeline::transition`], so the two never
//! disagree); the stack from Go's traceback of the run rebuilt at the
//! position ([`Run::goroutine_dump`]), or at the run's end from the
//! engine's leak report, which keeps the stacks of the goroutines left.

use crate::board;
use crate::moment::Moment;
use crate::runner::{Run, virtual_time};
use crate::timeline::{self, GState};
use gmp_engine::event::GoId;
use gmp_engine::{Event, EventKind, Span};
use yew::prelude::*;

/// One change of a goroutine's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The index of the event that made it.
    pub event: usize,
    pub time: u64,
    pub state: GState,
    /// Where in the program: where it parked, resumed...
    pub pos: Option<Span>,
}

/// Every change of `g`'s state in `events`, in order.
pub fn history(events: &[Event], g: GoId) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for (i, ev) in events.iter().enumerate() {
        let now = out.last().map(|c| c.state);
        // `now` is g's state: only a transition of g is kept.
        if let Some(t) = timeline::transition(&ev.kind, ev.pos, |_| now)
            && t.g == g
            && Some(t.state) != now
        {
            out.push(Change { event: i, time: ev.time_ns, state: t.state, pos: t.pos });
        }
    }
    out
}

/// How `g` was made: the event's index, its creator and its `go`
/// statement, and the function it runs.
pub struct Creation {
    pub event: usize,
    pub parent: GoId,
    pub pos: Span,
    pub func: String,
}

/// `g`'s `newproc` in the run, wherever the position is.
pub fn creation(events: &[Event], g: GoId) -> Option<Creation> {
    events.iter().enumerate().find_map(|(i, ev)| match &ev.kind {
        EventKind::GoCreate { parent, child, pos, func, .. } if *child == g => {
            Some(Creation { event: i, parent: *parent, pos: *pos, func: func.to_string() })
        }
        _ => None,
    })
}

/// One frame of a stack: `main.worker(...)` at a file and line.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub func: String,
    pub path: String,
    pub line: u32,
}

/// `g`'s frames in a Go traceback of every goroutine (its block, from
/// the `goroutine N [...]:` header to `created by`), innermost first;
/// `None` when the dump has no block for it (the runtime's own
/// goroutines are left out, as Go leaves them out).
pub fn stack_in_dump(dump: &str, g: GoId) -> Option<Vec<Frame>> {
    let header = format!("goroutine {g} [");
    let mut lines = dump.lines().skip_while(|l| !l.starts_with(&header));
    lines.next()?;
    let mut frames = Vec::new();
    let mut func: Option<&str> = None;
    for line in lines {
        if line.is_empty() || line.starts_with("created by ") {
            break;
        }
        match line.strip_prefix('\t') {
            Some(at) => {
                // `\t/tmp/sandbox/prog.go:12`, perhaps with ` +0x1d` after.
                let at = at.split_whitespace().next().unwrap_or_default();
                if let (Some(f), Some((path, n))) = (func.take(), at.rsplit_once(':')) {
                    frames.push(Frame { func: f.to_string(), path: path.to_string(), line: n.parse().unwrap_or(0) });
                }
            }
            // A function, or `...N frames elided...`, which has no place.
            None => func = Some(line).filter(|l| !l.starts_with("...")),
        }
    }
    Some(frames)
}

/// `g`'s stack at position `pos`: from the traceback rebuilt there, or
/// at the run's end from the leak report (the goroutines still alive
/// when main returned). `Err` says why there is none.
fn stack(run: &Run, pos: usize, g: GoId) -> Result<Vec<Frame>, String> {
    if pos >= run.len()
        && let Some(out) = run.outcome()
    {
        let leaked = out.leaks.iter().find(|l| l.goid == g).ok_or("The run has ended: it has no stack.")?;
        return Ok(leaked
            .stack
            .iter()
            .map(|f| Frame {
                func: format!("{}{}", f.func, if f.has_args { "(...)" } else { "()" }),
                path: f.file.clone().unwrap_or_else(|| run.file.name.clone()),
                line: f.line,
            })
            .collect());
    }
    let dump = run.goroutine_dump(pos)?;
    stack_in_dump(&dump, g).ok_or_else(|| "Go's traceback leaves it out: it is the runtime's own.".to_string())
}

/// Whether a frame's file is the program's (not library Go's, at its
/// place in Go's tree).
fn in_program(run: &Run, f: &Frame) -> bool {
    f.path == run.file.name || (f.path.ends_with(&format!("/{}", run.short_name())) && !f.path.contains("/go"))
}

/// The line the editor highlights for `g`: once it has run, its innermost
/// frame in the program (else where it last did something); before, the
/// `go` statement that made it.
pub fn current_line(run: &Run, m: &Moment, g: GoId) -> Option<u32> {
    if !m.snap.gs.contains_key(&g) {
        return None;
    }
    let line = |at: Span| run.file.line_col(at.start).line;
    match m.at.get(&g) {
        Some(&at) => {
            let framed = stack(run, m.pos, g).ok().and_then(|s| s.into_iter().find(|f| in_program(run, f)));
            Some(framed.map_or_else(|| line(at), |f| f.line))
        }
        None => m.snap.meta.get(&g).filter(|meta| !board::by_runtime(meta)).map(|meta| line(meta.pos)),
    }
}

/// A link into the editor: `prog.go:9`, highlighting line 9 when clicked
/// (the playground's click handler reads `data-line`).
pub(crate) fn link(run: &Run, line: u32) -> Html {
    html! { <span class="gmp-src-link" data-line={line.to_string()}>{ format!("{}:{line}", run.short_name()) }</span> }
}

fn link_at(run: &Run, at: Span) -> Html {
    link(run, run.file.line_col(at.start).line)
}

/// The region "Selected goroutine" for `g` at the moment `m`.
pub fn view(run: &Run, m: &Moment, g: GoId) -> Html {
    let events = run.events();
    let made = creation(events, g);
    let func = made.as_ref().map(|c| c.func.clone()).or_else(|| m.snap.meta.get(&g).map(|meta| meta.func.to_string()));
    let past = history(&events[..m.pos.min(events.len())], g);
    let title = match &func {
        Some(f) => format!("goroutine {g} · {f}"),
        None => format!("goroutine {g}"),
    };
    let close = html! {
        <button type="button" class="gmp-selected-close" data-g={g.to_string()} title="Stop following this goroutine">{ "Close" }</button>
    };
    let state = match (past.last(), &made) {
        (None, Some(c)) => html! {
            <p class="gmp-selected-state">{ format!("goroutine {g} does not exist yet at event {}: it is created at event {} by the go statement at ", m.pos, c.event + 1) }
                { link_at(run, c.pos) }{ "." }</p>
        },
        (None, None) => html! { <p class="gmp-selected-state">{ format!("goroutine {g} does not exist in this run.") }</p> },
        (Some(last), _) if last.state == GState::Dead => html! {
            <p class="gmp-selected-state">{ format!("goroutine {g} has exited: dead since event {} ({}).", last.event + 1, virtual_time(last.time)) }</p>
        },
        (Some(last), _) => {
            // The fold's word for it, as a dump heads it; between `newproc`
            // and its `runqput` the fold has it not yet, the events do.
            let word = if m.snap.gs.contains_key(&g) {
                board::state_text(&m.snap, g)
            } else {
                last.state.text()
            };
            html! { <p class="gmp-selected-state"><code>{ format!("goroutine {g} [{word}]") }</code></p> }
        }
    };
    let alive = past.last().is_some_and(|c| c.state != GState::Dead);
    let frames = if alive {
        let body = match stack(run, m.pos, g) {
            Ok(frames) => {
                let items = frames.iter().map(|f| {
                    let at = if in_program(run, f) {
                        link(run, f.line)
                    } else {
                        html! { { format!("{}:{}", f.path.rsplit('/').next().unwrap_or(&f.path), f.line) } }
                    };
                    html! { <li><code>{ f.func.clone() }</code>{ " at " }{ at }</li> }
                });
                html! { <ol class="gmp-selected-stack">{ for items }</ol> }
            }
            Err(why) => html! { <p class="gmp-dim">{ why }</p> },
        };
        // What a leak of it would pin: the heap its stack reaches.
        let pinned = match run.pinned_bytes(m.pos, g) {
            Ok(bytes) => html! { <p class="gmp-selected-pinned">{ format!("Its stack keeps {} bytes reachable.", board::group_digits(bytes as usize)) }</p> },
            Err(_) => html! {},
        };
        html! { <div><div>{ format!("Stack at event {}:", m.pos) }</div>{ body }{ pinned }</div> }
    } else {
        html! {}
    };
    let creator = match &made {
        // Before its creation the state line says where it will come from.
        _ if past.is_empty() => html! {},
        Some(c) if c.parent == 0 => html! { <p>{ "Created by the runtime, before main runs." }</p> },
        Some(c) => html! { <p class="gmp-selected-creator">{ format!("Created by goroutine {} with the go statement at ", c.parent) }{ link_at(run, c.pos) }</p> },
        None => html! {},
    };
    // Go keeps dead Gs on a P's free list and a `go` takes one from there.
    let reuse = match m.snap.meta.get(&g).and_then(|meta| meta.reuses) {
        Some(dead) if !past.is_empty() => html! {
            <p class="gmp-selected-reuse">{ format!("It runs in the G that goroutine {dead} ran in: the go statement took it from its P's free list of dead Gs.") }</p>
        },
        _ => html! {},
    };
    let changes = past.iter().map(|c| {
        let at = c.pos.map(|p| html! { <>{ " at " }{ link_at(run, p) }</> }).unwrap_or_default();
        html! { <li>{ format!("{} · event {} · {}", virtual_time(c.time), c.event + 1, c.state.text()) }{ at }</li> }
    });
    html! {
        <section class="gmp-selected" role="region" aria-label="Selected goroutine">
            <div class="gmp-selected-head"><strong>{ title }</strong>{ close }</div>
            <div aria-live="polite">{ state }</div>
            { frames }
            { creator }
            { reuse }
            if !past.is_empty() {
                <details class="gmp-selected-history" open=true>
                    <summary>{ format!("State history up to event {} ({} changes)", m.pos, past.len()) }</summary>
                    <ol>{ for changes }</ol>
                </details>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gmp_engine::{RunConfig, run_source};

    const DUMP: &str = "goroutine 1 [sleep]:\nmain.main()\n\t/tmp/sandbox/prog.go:16\n\n\
        goroutine 7 [chan receive]:\nmain.worker(...)\n\t/tmp/sandbox/prog.go:9 +0x1d\nmain.run()\n\t/tmp/sandbox/prog.go:20\n\
        created by main.main in goroutine 1\n\t/tmp/sandbox/prog.go:15\n";

    #[test]
    fn a_goroutines_frames_are_read_from_its_block_of_the_dump() {
        let frames = stack_in_dump(DUMP, 7).unwrap();
        assert_eq!(
            frames,
            vec![
                Frame { func: "main.worker(...)".into(), path: "/tmp/sandbox/prog.go".into(), line: 9 },
                Frame { func: "main.run()".into(), path: "/tmp/sandbox/prog.go".into(), line: 20 },
            ]
        );
        assert_eq!(stack_in_dump(DUMP, 1).unwrap().len(), 1);
        // Goroutine 17 is not goroutine 1; 5 is not in the dump.
        assert_eq!(stack_in_dump(DUMP, 5), None);
        assert_eq!(stack_in_dump("goroutine 17 [running]:\nmain.f()\n\t/p.go:3\n", 1), None);
    }

    const LEAKY: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc worker(ch chan int) {\n\tv := <-ch\n\tfmt.Println(\"got\", v)\n}\n\nfunc main() {\n\tch := make(chan int, 2)\n\tgo worker(ch)\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(\"main is done\")\n}\n";

    #[test]
    fn the_history_is_each_change_of_state_the_timeline_draws() {
        let out = run_source("prog.go", LEAKY, &RunConfig::default());
        let made = creation(&out.events, 7).expect("goroutine 7 is made");
        assert_eq!(made.parent, 1);
        assert_eq!(made.func, "main.worker");
        let h = history(&out.events, 7);
        let states: Vec<GState> = h.iter().map(|c| c.state).collect();
        assert_eq!(states.first(), Some(&GState::Runnable));
        assert_eq!(h[0].event, made.event);
        assert!(states.contains(&GState::Running));
        assert!(matches!(states.last(), Some(GState::Waiting(r)) if r.as_str() == "chan receive"), "{states:?}");
        // No change repeats the state before it.
        assert!(states.windows(2).all(|w| w[0] != w[1]));
        // Before its creation it has no history.
        assert!(history(&out.events[..made.event], 7).is_empty());
    }
}
