//! The timeline, in the manner of `go tool trace`: one lane per goroutine
//! over virtual time, coloured by Go's state for it (running, runnable,
//! waiting with its wait reason, in a syscall, dead), and one lane per P
//! showing which goroutine it ran. The current position is a vertical
//! line; a click seeks to the event at the time clicked.
//!
//! [`Timeline`] folds the event stream into segments as the run goes
//! (each event once, as they come), merging runs of one state; [`view`]
//! draws them as SVG, merging segments narrower than a column, and shows
//! at most [`MAX_LANES`] goroutine lanes. It is built from the events
//! alone, like the board.

use crate::runner::{Run, virtual_time};
use gmp_engine::event::{GStatus, GoId, WaitReason};
use gmp_engine::{Event, EventKind, Span};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Goroutine lanes drawn; the rest is a count.
pub const MAX_LANES: usize = 24;
/// Width of a lane in SVG units (it is stretched to the page's width).
const WIDTH: f64 = 1000.0;
/// The narrowest segment drawn on its own, in SVG units: narrower ones
/// merge into their neighbour, so a lane holds at most WIDTH / MIN_WIDTH
/// rectangles however long the run.
const MIN_WIDTH: f64 = 2.0;

/// A goroutine's state on the timeline: Go's statuses, the wait reason
/// kept with `_Gwaiting`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GState {
    Runnable,
    Running,
    Syscall,
    Waiting(WaitReason),
    Dead,
}

impl GState {
    fn class(self) -> &'static str {
        match self {
            GState::Runnable => "gmp-tl-runnable",
            GState::Running => "gmp-tl-running",
            GState::Syscall => "gmp-tl-syscall",
            GState::Waiting(_) => "gmp-tl-waiting",
            GState::Dead => "gmp-tl-dead",
        }
    }

    fn text(self) -> String {
        match self {
            GState::Runnable => "runnable".to_string(),
            GState::Running => "running".to_string(),
            GState::Syscall => "syscall".to_string(),
            GState::Waiting(r) if r.as_str().is_empty() => "waiting".to_string(),
            GState::Waiting(r) => format!("waiting [{r}]"),
            GState::Dead => "dead".to_string(),
        }
    }
}

/// A stretch of virtual time in one state; the last of a lane is open
/// (it lasts until the next change or the run's end).
#[derive(Clone, Debug, PartialEq)]
pub struct Seg {
    pub from: u64,
    pub to: u64,
    pub state: GState,
    /// Where it went into this state: where it parked, resumed...
    pub pos: Option<Span>,
}

/// One goroutine's lane.
pub struct GLane {
    pub func: Rc<str>,
    pub segs: Vec<Seg>,
}

/// A stretch of time a P ran a goroutine.
#[derive(Clone, Debug, PartialEq)]
pub struct PSeg {
    pub from: u64,
    pub to: u64,
    pub g: GoId,
}

#[derive(Default)]
pub struct PLane {
    pub segs: Vec<PSeg>,
    /// The goroutine it runs now, and since when.
    running: Option<(GoId, u64)>,
}

/// The run's events folded into lanes.
pub struct Timeline {
    /// How many events are folded in.
    folded: usize,
    pub gs: BTreeMap<GoId, GLane>,
    pub ps: Vec<PLane>,
}

impl Timeline {
    pub fn new(procs: u32) -> Timeline {
        Timeline { folded: 0, gs: BTreeMap::new(), ps: (0..procs.max(1)).map(|_| PLane::default()).collect() }
    }

    /// Folds in the events not yet seen (the run's events so far).
    pub fn extend(&mut self, events: &[Event]) {
        for ev in events.get(self.folded..).unwrap_or(&[]) {
            self.apply(ev);
        }
        self.folded = self.folded.max(events.len());
    }

    fn apply(&mut self, ev: &Event) {
        use EventKind::*;
        let t = ev.time_ns;
        match &ev.kind {
            GoCreate { child, func, .. } => {
                let lane = self.gs.entry(*child).or_insert_with(|| GLane { func: func.clone(), segs: Vec::new() });
                lane.func = func.clone();
                self.set(*child, t, GState::Runnable, None);
            }
            RunqPut { g, .. } | RunqPutSlow { g, .. } => self.set(*g, t, GState::Runnable, None),
            Execute { g, p, .. } => {
                self.set(*g, t, GState::Running, ev.pos);
                self.p_runs(*p, *g, t);
            }
            ExitSyscall { g, p, .. } => {
                self.set(*g, t, GState::Running, ev.pos);
                self.p_runs(*p, *g, t);
            }
            GoPark { g, reason, .. } => self.set(*g, t, GState::Waiting(*reason), ev.pos),
            GoExit { g, .. } => self.set(*g, t, GState::Dead, None),
            EnterSyscall { g, .. } => self.set(*g, t, GState::Syscall, ev.pos),
            GoStatus { g, to, .. } => {
                let state = match to {
                    GStatus::Runnable => GState::Runnable,
                    GStatus::Running | GStatus::Copystack => GState::Running,
                    GStatus::Syscall => GState::Syscall,
                    GStatus::Dead => GState::Dead,
                    _ => {
                        let reason = self.current(*g).and_then(|s| match s {
                            GState::Waiting(r) => Some(r),
                            _ => None,
                        });
                        GState::Waiting(reason.unwrap_or_default())
                    }
                };
                self.set(*g, t, state, ev.pos);
            }
            ProcResize { new, .. } => {
                let new = (*new).max(1) as usize;
                for p in self.ps.iter_mut().skip(new) {
                    p.close(t);
                }
                self.ps.resize_with(new.max(self.ps.len()), PLane::default);
            }
            _ => {}
        }
    }

    fn current(&self, g: GoId) -> Option<GState> {
        self.gs.get(&g)?.segs.last().map(|s| s.state)
    }

    /// Goroutine `g` is in `state` from time `t`.
    fn set(&mut self, g: GoId, t: u64, state: GState, pos: Option<Span>) {
        let Some(lane) = self.gs.get_mut(&g) else {
            return;
        };
        let was_running = matches!(lane.segs.last(), Some(s) if s.state == GState::Running);
        match lane.segs.last_mut() {
            Some(last) if last.state == state => return,
            Some(last) => last.to = t,
            None => {}
        }
        // A state that lasted no time is not drawn; its neighbours may join.
        if lane.segs.last().is_some_and(|s| s.to <= s.from) {
            lane.segs.pop();
        }
        match lane.segs.last_mut() {
            Some(last) if last.state == state => last.to = t,
            _ => lane.segs.push(Seg { from: t, to: t, state, pos }),
        }
        if was_running && state != GState::Running {
            for p in &mut self.ps {
                if p.running.is_some_and(|(rg, _)| rg == g) {
                    p.close(t);
                }
            }
        }
    }

    fn p_runs(&mut self, p: u32, g: GoId, t: u64) {
        if let Some(lane) = self.ps.get_mut(p as usize) {
            lane.close(t);
            lane.running = Some((g, t));
        }
    }
}

impl PLane {
    fn close(&mut self, t: u64) {
        if let Some((g, from)) = self.running.take()
            && t > from
        {
            self.segs.push(PSeg { from, to: t, g });
        }
    }
}

/// Merges segments into columns at least MIN_WIDTH wide: a column that
/// would be narrower joins the next segment, and takes the state that
/// lasted longest in it; a gap between segments ends a column.
fn columns<T: Copy + PartialEq>(segs: impl Iterator<Item = (u64, u64, T)>, scale: f64) -> Vec<(f64, f64, T)> {
    let mut out: Vec<(f64, f64, T)> = Vec::new();
    // The column being gathered: its start, end, and longest piece.
    let mut open: Option<(f64, f64, T, f64)> = None;
    for (from, to, v) in segs {
        let (x0, x1) = (from as f64 * scale, to as f64 * scale);
        let width = x1 - x0;
        // A gap (an idle P) ends the column: nothing is drawn across it.
        if let Some((c0, c1, cv, _)) = open
            && x0 > c1 + 0.01
        {
            push(&mut out, c0, c1.max(c0 + MIN_WIDTH / 2.0), cv);
            open = None;
        }
        open = match open {
            Some((c0, _, cv, best)) => {
                let (cv, best) = if width > best { (v, width) } else { (cv, best) };
                Some((c0, x1, cv, best))
            }
            None => Some((x0, x1, v, width)),
        };
        if let Some((c0, c1, cv, _)) = open
            && c1 - c0 >= MIN_WIDTH
        {
            push(&mut out, c0, c1, cv);
            open = None;
        }
    }
    if let Some((c0, c1, cv, _)) = open {
        push(&mut out, c0, c1.max(c0 + MIN_WIDTH / 2.0), cv);
    }
    out
}

/// Adds a column, joining it to the one before when they touch and agree.
fn push<T: PartialEq>(out: &mut Vec<(f64, f64, T)>, x0: f64, x1: f64, v: T) {
    match out.last_mut() {
        Some(last) if last.2 == v && (x0 - last.1).abs() < 0.01 => last.1 = x1,
        _ => out.push((x0, x1, v)),
    }
}

/// The timeline of `run` with the position at virtual time `now_ns`.
/// `on_seek` gets the fraction of the run's time the reader clicked at.
pub fn view(tl: &Timeline, run: &Run, now_ns: u64, on_seek: Callback<f64>) -> Html {
    let end = run.virtual_ns().max(1);
    let scale = WIDTH / end as f64;
    let onclick = Callback::from(move |e: MouseEvent| {
        let svg = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("svg").ok().flatten());
        if let Some(svg) = svg {
            let r = svg.get_bounding_client_rect();
            if r.width() > 0.0 {
                on_seek.emit(((e.client_x() as f64 - r.left()) / r.width()).clamp(0.0, 1.0));
            }
        }
    });
    let g_lanes = tl.gs.iter().take(MAX_LANES).map(|(&g, lane)| {
        let label = format!("G{g} {}", lane.func);
        let segs = lane.segs.iter().enumerate().map(|(i, s)| {
            let to = if i + 1 == lane.segs.len() { end } else { s.to };
            (s.from, to.max(s.from), i)
        });
        let rects = columns(segs, scale).into_iter().map(|(x0, x1, i)| {
            let s = &lane.segs[i];
            let to = if i + 1 == lane.segs.len() { end } else { s.to };
            let mut title = format!("{label}: {}", s.state.text());
            if let Some(at) = s.pos {
                title.push_str(&format!(" at {}", run.line_of(at)));
            }
            title.push_str(&format!(", {} to {}", virtual_time(s.from), virtual_time(to)));
            let (y, h) = if s.state == GState::Dead { ("5", "2") } else { ("1", "10") };
            html! {
                <rect class={s.state.class()} x={fmt(x0)} width={fmt(x1 - x0)} y={y} height={h}>
                    <title>{ title }</title>
                </rect>
            }
        }).collect::<Html>();
        lane_row(label, "gmp-tl-g", rects, onclick.clone())
    });
    let hidden = tl.gs.len().saturating_sub(MAX_LANES);
    let p_lanes = tl.ps.iter().enumerate().map(|(i, lane)| {
        let open = lane.running.map(|(g, from)| PSeg { from, to: end, g });
        let segs = lane.segs.iter().chain(open.as_ref()).map(|s| (s.from, s.to.max(s.from), s.g));
        let rects = columns(segs, scale).into_iter().map(|(x0, x1, g)| {
            let func = tl.gs.get(&g).map(|l| l.func.to_string()).unwrap_or_default();
            html! {
                <rect class="gmp-tl-prun" style={format!("fill: hsl({}, 55%, 45%)", (g * 67) % 360)}
                    x={fmt(x0)} width={fmt(x1 - x0)} y="1" height="10">
                    <title>{ format!("P{i} runs G{g} {func}") }</title>
                </rect>
            }
        }).collect::<Html>();
        lane_row(format!("P{i}"), "gmp-tl-p", rects, onclick.clone())
    });
    let now = (now_ns as f64 / end as f64).clamp(0.0, 1.0);
    let legend = [GState::Running, GState::Runnable, GState::Waiting(WaitReason::Zero), GState::Syscall, GState::Dead]
        .map(|s| html! { <span class="gmp-tl-key"><span class={classes!("gmp-tl-swatch", s.class())}></span>{ s.text() }</span> });
    html! {
        <section class="gmp-timeline" role="region" aria-label="Timeline">
            <div class="gmp-tl-head">
                <span class="gmp-k">{ "timeline" }</span>
                { for legend }
                <span class="gmp-dim">{ format!("0 to {} of virtual time", virtual_time(end)) }</span>
            </div>
            <div class="gmp-tl-rows">
                { for g_lanes }
                if hidden > 0 {
                    <div class="gmp-tl-more">{ format!("+{hidden} more goroutines") }</div>
                }
                { for p_lanes }
                <div class="gmp-tl-now" data-time-ns={now_ns.to_string()}
                    style={format!("left: calc(var(--gmp-tl-label) + (100% - var(--gmp-tl-label)) * {now:.5})")}></div>
            </div>
        </section>
    }
}

fn lane_row(label: String, class: &'static str, rects: Html, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <div class={classes!("gmp-tl-lane", class)}>
            <span class="gmp-tl-label" title={label.clone()}>{ label }</span>
            <svg viewBox={format!("0 0 {WIDTH} 12")} preserveAspectRatio="none" {onclick}>{ rects }</svg>
        </div>
    }
}

fn fmt(x: f64) -> String {
    format!("{x:.2}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use gmp_engine::{RunConfig, run_source};

    const THREE: &str = "package main\n\nimport \"time\"\n\nfunc worker(d chan int) {\n\ttime.Sleep(time.Millisecond)\n\td <- 1\n}\n\nfunc main() {\n\td := make(chan int)\n\tgo worker(d)\n\tgo worker(d)\n\t<-d\n\t<-d\n}\n";

    #[test]
    fn lanes_cover_each_goroutine_from_birth_without_gaps() {
        let out = run_source("prog.go", THREE, &RunConfig::default());
        let mut tl = Timeline::new(1);
        // Folding in two halves is folding at once.
        let half = out.events.len() / 2;
        tl.extend(&out.events[..half]);
        tl.extend(&out.events);
        let workers: Vec<_> = tl.gs.values().filter(|l| &*l.func == "main.worker").collect();
        assert_eq!(workers.len(), 2);
        for lane in tl.gs.values() {
            for w in lane.segs.windows(2) {
                assert_eq!(w[0].to, w[1].from, "{lane:?}", lane = lane.segs);
                assert_ne!(w[0].state, w[1].state);
            }
        }
        for w in &workers {
            assert!(w.segs.iter().any(|s| s.state == GState::Waiting(WaitReason::Sleep)));
        }
        // The first to wake returns; the other may still be runnable when
        // main returns.
        assert!(workers.iter().any(|w| w.segs.last().map(|s| s.state) == Some(GState::Dead)));
        assert!(!tl.ps[0].segs.is_empty());
    }

    #[test]
    fn columns_are_wide_enough_and_never_span_a_gap() {
        // Ten 1-unit pieces, then a gap, then one wide piece.
        let mut segs: Vec<(u64, u64, u8)> = (0..10).map(|i| (i, i + 1, (i % 2) as u8)).collect();
        segs.push((500, 900, 7));
        let cols = columns(segs.into_iter(), 0.5);
        assert!(cols.iter().all(|c| c.1 - c.0 >= MIN_WIDTH / 2.0), "{cols:?}");
        assert!(cols.iter().all(|c| c.1 <= 5.0 || c.0 >= 250.0), "{cols:?}");
        assert_eq!(cols.last(), Some(&(250.0, 450.0, 7)));
    }
}
