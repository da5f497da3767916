//! The timeline, in the manner of `go tool trace`: one lane per goroutine
//! over virtual time, coloured by Go's state for it (running, runnable,
//! waiting with its wait reason, in a syscall, dead), a NumGoroutine lane
//! (how many goroutines are alive), and one lane per P showing which
//! goroutine it ran. The current position is a vertical line; a click
//! seeks to the event at the time clicked, a drag on the time axis scrubs
//! through the run, a drag on the lanes pans, and the zoom buttons or
//! Ctrl+wheel zoom in on a stretch of virtual time ([`Viewport`]).
//!
//! [`Timeline`] folds the event stream into segments as the run goes
//! (each event once, as they come), merging runs of one state; [`view`]
//! draws the stretch of time the [`Viewport`] shows as SVG, merging
//! segments narrower than a column, and shows at most [`MAX_LANES`]
//! goroutine lanes. It is built from the events alone, like the board.

use crate::messages::{Flow, Messages};
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

    pub fn text(self) -> String {
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

/// How many goroutines are alive from an event on: the program's
/// (what `runtime.NumGoroutine` counts) and the runtime's own (the
/// finalizer goroutine, the GOMAXPROCS updater), which Go leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count {
    /// The index of the event that changed the count.
    pub event: usize,
    pub time: u64,
    pub user: u32,
    pub runtime: u32,
}

/// The run's events folded into lanes.
pub struct Timeline {
    /// How many events are folded in.
    folded: usize,
    pub gs: BTreeMap<GoId, GLane>,
    pub ps: Vec<PLane>,
    /// Every change of the number of live goroutines, in order.
    pub counts: Vec<Count>,
    /// The live goroutines, and whether each is the runtime's own (so its
    /// exit lowers the right count).
    live: BTreeMap<GoId, bool>,
    /// Goroutines created but not yet put in a run queue, the same way.
    unborn: BTreeMap<GoId, bool>,
}

impl Timeline {
    pub fn new(procs: u32) -> Timeline {
        Timeline {
            folded: 0,
            gs: BTreeMap::new(),
            ps: (0..procs.max(1)).map(|_| PLane::default()).collect(),
            counts: Vec::new(),
            live: BTreeMap::new(),
            unborn: BTreeMap::new(),
        }
    }

    /// NumGoroutine after the first `pos` events: (the program's, the
    /// runtime's own).
    pub fn count_at(&self, pos: usize) -> (u32, u32) {
        match self.counts.partition_point(|c| c.event < pos) {
            0 => (0, 0),
            i => (self.counts[i - 1].user, self.counts[i - 1].runtime),
        }
    }

    /// Folds in the events not yet seen (the run's events so far).
    pub fn extend(&mut self, events: &[Event]) {
        for (i, ev) in events.iter().enumerate().skip(self.folded) {
            self.apply(i, ev);
        }
        self.folded = self.folded.max(events.len());
    }

    fn apply(&mut self, i: usize, ev: &Event) {
        use EventKind::*;
        let t = ev.time_ns;
        // A new goroutine counts from `newproc`'s `runqput`, the event
        // after its creation, as in the fold the board shows.
        if let RunqPut { g, .. } | RunqPutSlow { g, .. } | Execute { g, .. } | GoStatus { g, .. } = &ev.kind
            && let Some(runtime) = self.unborn.remove(g)
        {
            self.live.insert(*g, runtime);
            self.recount(i, t, runtime, 1);
        }
        if let GoCreate { child, func, .. } = &ev.kind {
            // As the board tells them apart: main has no creator, the
            // runtime's goroutines run a `runtime.` function.
            self.unborn.insert(*child, func.starts_with("runtime."));
            let lane = self.gs.entry(*child).or_insert_with(|| GLane { func: func.clone(), segs: Vec::new() });
            lane.func = func.clone();
        }
        if let Some(change) = transition(&ev.kind, ev.pos, |g| self.current(g)) {
            self.set(change.g, t, change.state, change.pos);
        }
        match &ev.kind {
            Execute { g, p, .. } | ExitSyscall { g, p, .. } => self.p_runs(*p, *g, t),
            GoExit { g, .. } => {
                if let Some(runtime) = self.live.remove(g) {
                    self.recount(i, t, runtime, -1);
                }
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

    /// Goroutine `g` (the runtime's own or not) was born (`by` 1) or
    /// died (`by` -1) at event `event`.
    fn recount(&mut self, event: usize, time: u64, runtime: bool, by: i32) {
        let last = self.counts.last().copied().unwrap_or(Count { event, time, user: 0, runtime: 0 });
        let (mut user, mut rt) = (last.user, last.runtime);
        let n = if runtime { &mut rt } else { &mut user };
        *n = n.saturating_add_signed(by);
        self.counts.push(Count { event, time, user, runtime: rt });
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

/// A goroutine going into a state, as an event says.
pub struct Transition {
    pub g: GoId,
    pub state: GState,
    /// Where it went into it (where it parked, resumed...): none for a
    /// goroutine another one made runnable or that exited.
    pub pos: Option<Span>,
}

/// The state an event puts a goroutine in, if it changes one: the one
/// reading of the events the lanes and the selected goroutine's history
/// share. `current` gives a goroutine's state before the event (a status
/// change to `_Gwaiting` keeps the wait reason it had).
pub fn transition(kind: &EventKind, pos: Option<Span>, current: impl Fn(GoId) -> Option<GState>) -> Option<Transition> {
    use EventKind::*;
    let (g, state, pos) = match kind {
        GoCreate { child, .. } => (*child, GState::Runnable, None),
        RunqPut { g, .. } | RunqPutSlow { g, .. } => (*g, GState::Runnable, None),
        Execute { g, .. } | ExitSyscall { g, .. } => (*g, GState::Running, pos),
        GoPark { g, reason, .. } => (*g, GState::Waiting(*reason), pos),
        GoExit { g, .. } => (*g, GState::Dead, None),
        EnterSyscall { g, .. } => (*g, GState::Syscall, pos),
        GoStatus { g, to, .. } => {
            let state = match to {
                GStatus::Runnable => GState::Runnable,
                GStatus::Running | GStatus::Copystack => GState::Running,
                GStatus::Syscall => GState::Syscall,
                GStatus::Dead => GState::Dead,
                _ => {
                    let reason = current(*g).and_then(|s| match s {
                        GState::Waiting(r) => Some(r),
                        _ => None,
                    });
                    GState::Waiting(reason.unwrap_or_default())
                }
            };
            (*g, state, pos)
        }
        _ => return None,
    };
    Some(Transition { g, state, pos })
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
/// would be narrower joins the next segment, and takes the value that
/// `prefer` picks among its pieces (it is given a piece's value and width,
/// then the column's choice so far and its width); a gap between segments
/// ends a column.
fn columns<T: Copy + PartialEq>(segs: impl Iterator<Item = (u64, u64, T)>, scale: f64, prefer: impl Fn(T, f64, T, f64) -> bool) -> Vec<(f64, f64, T)> {
    let mut out: Vec<(f64, f64, T)> = Vec::new();
    // The column being gathered: its start, end, and chosen piece.
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
                let (cv, best) = if prefer(v, width, cv, best) { (v, width) } else { (cv, best) };
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

/// A column shows the state that lasted longest in it.
fn longest<T>(_: T, width: f64, _: T, best: f64) -> bool {
    width > best
}

/// Adds a column, joining it to the one before when they touch and agree.
fn push<T: PartialEq>(out: &mut Vec<(f64, f64, T)>, x0: f64, x1: f64, v: T) {
    match out.last_mut() {
        Some(last) if last.2 == v && (x0 - last.1).abs() < 0.01 => last.1 = x1,
        _ => out.push((x0, x1, v)),
    }
}

/// The narrowest stretch of virtual time the timeline zooms in to (ns).
const MIN_SPAN: u64 = 20;
/// How much a zoom button narrows or widens the view.
const ZOOM_STEP: f64 = 2.0;
/// How much a notch of Ctrl+wheel does.
const WHEEL_STEP: f64 = 1.25;
/// A press that moves less than this (px) before its release is a click.
const CLICK_SLOP: f64 = 3.0;

/// Which stretch of the run's virtual time the timeline shows, and the
/// reader's gesture on it in progress. The playground keeps one per run;
/// it holds no state of the run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Viewport {
    /// From and to, in virtual ns; `None`: the whole run (which grows
    /// while the run runs).
    window: Option<(u64, u64)>,
    drag: Option<Drag>,
    tip: Option<Tip>,
}

/// The description of the segment under the pointer, shown beside it:
/// `x` from the tracks' left edge, `y` from the top of the lanes (px),
/// and how far across the tracks `x` is (0 to 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub across: f64,
}

#[derive(Clone, Debug, PartialEq)]
struct Drag {
    /// Where the press was (px from the tracks' left edge), and their width.
    x0: f64,
    width: f64,
    /// The window when it started.
    from: u64,
    to: u64,
    /// On the time axis, or anywhere when the whole run is shown: the
    /// position follows the pointer. On a lane of a zoomed view: the view
    /// pans, once the pointer has moved more than a click's slop.
    scrub: bool,
    moved: bool,
}

/// What the reader did to the timeline. `x` is in px from the left edge
/// of the lanes' tracks, `width` their width.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    ZoomIn,
    ZoomOut,
    /// Show the whole run again.
    Whole,
    /// Move the view by this fraction of its span (the arrow keys).
    Pan(f64),
    /// Ctrl+wheel (`zoom`) zooms about the pointer, out for a positive
    /// `delta`; a sideways or Shift+wheel pans by `delta` px.
    Wheel {
        x: f64,
        width: f64,
        zoom: bool,
        delta: f64,
    },
    /// A press on the time axis (`scrub`) or on a lane.
    Press {
        x: f64,
        width: f64,
        scrub: bool,
    },
    Move {
        x: f64,
    },
    Release {
        x: f64,
    },
    /// The pointer left the timeline: a drag ends where it is.
    Leave,
    Hover(Option<Tip>),
}

/// What an action asks of the playground: draw again, move the position
/// to the last event at or before a virtual time.
#[derive(Debug, Default, PartialEq)]
pub struct Effect {
    pub redraw: bool,
    pub seek: Option<u64>,
}

impl Viewport {
    /// The stretch shown, of a run that has reached virtual time `end`.
    pub fn window(&self, end: u64) -> (u64, u64) {
        let end = end.max(1);
        match self.window {
            Some((from, to)) => (from.min(end - 1), to.min(end).max(from.min(end - 1) + 1)),
            None => (0, end),
        }
    }

    /// Applies the reader's `action` to a run that reached `end`, whose
    /// position is at virtual time `now`.
    pub fn act(&mut self, action: Action, end: u64, now: u64) -> Effect {
        let end = end.max(1);
        let (from, to) = self.window(end);
        let span = (to - from) as f64;
        let at = |x: f64, width: f64| from + (span * (x / width.max(1.0)).clamp(0.0, 1.0)).round() as u64;
        let before = self.clone();
        let mut seek = None;
        match action {
            Action::ZoomIn | Action::ZoomOut => {
                // About the position when it is in view (the moment the
                // reader is looking at), else about the middle.
                let anchor = if (from..=to).contains(&now) { now } else { from + (to - from) / 2 };
                let factor = if action == Action::ZoomIn { 1.0 / ZOOM_STEP } else { ZOOM_STEP };
                self.zoom(factor, anchor, end);
            }
            Action::Whole => self.window = None,
            Action::Pan(by) => self.set(from as f64 + by * span, span, end),
            Action::Wheel { x, width, zoom: true, delta } if delta != 0.0 => {
                let factor = if delta > 0.0 { WHEEL_STEP } else { 1.0 / WHEEL_STEP };
                self.zoom(factor, at(x, width), end);
            }
            Action::Wheel { width, zoom: false, delta, .. } => {
                self.set(from as f64 + delta / width.max(1.0) * span, span, end);
            }
            Action::Wheel { .. } => {}
            Action::Press { x, width, scrub } => {
                // With the whole run in view there is nothing to pan: a
                // drag on a lane moves the position, as on the axis.
                let scrub = scrub || self.window.is_none();
                self.tip = None;
                self.drag = Some(Drag { x0: x, width, from, to, scrub, moved: false });
                if scrub {
                    seek = Some(at(x, width));
                }
            }
            Action::Move { x } | Action::Release { x } => {
                if let Some(d) = &mut self.drag {
                    d.moved |= (x - d.x0).abs() > CLICK_SLOP;
                    let d = d.clone();
                    if d.scrub {
                        seek = Some(at(x, d.width));
                    } else if d.moved {
                        let span0 = (d.to - d.from) as f64;
                        self.set(d.from as f64 + (d.x0 - x) / d.width.max(1.0) * span0, span0, end);
                    }
                    if matches!(action, Action::Release { .. }) {
                        self.drag = None;
                        // A press released in place is a click.
                        if !d.moved {
                            seek = Some(at(x, d.width));
                        }
                    }
                }
            }
            Action::Leave => {
                self.drag = None;
                self.tip = None;
            }
            Action::Hover(tip) => {
                if self.drag.is_none() {
                    self.tip = tip;
                }
            }
        }
        Effect { redraw: *self != before, seek }
    }

    /// Narrows (`factor` < 1) or widens the view about virtual time
    /// `anchor`, which stays where it is on the screen.
    fn zoom(&mut self, factor: f64, anchor: u64, end: u64) {
        let (from, to) = self.window(end);
        let span = (to - from) as f64;
        let new_span = (span * factor).max(MIN_SPAN.min(end) as f64);
        let a = (anchor.saturating_sub(from)) as f64 / span;
        self.set(anchor as f64 - a * new_span, new_span, end);
    }

    /// Shows `span` ns from `from`, kept inside the run; the whole run
    /// when the span covers it.
    fn set(&mut self, from: f64, span: f64, end: u64) {
        let end = end as f64;
        if span >= end {
            self.window = None;
            return;
        }
        let from = from.clamp(0.0, end - span);
        self.window = Some((from.round() as u64, (from + span).round() as u64));
    }

    /// Whether the view is narrower than the whole run.
    pub fn zoomed(&self) -> bool {
        self.window.is_some()
    }
}

/// Times for the axis's marks: about five, at round values.
fn ticks(from: u64, to: u64) -> Vec<u64> {
    let raw = ((to - from) as f64 / 5.0).max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag).max(1.0) as u64;
    let first = from.div_ceil(step) * step;
    (0..).map(|i| first + i * step).take_while(|&t| t <= to).collect()
}

/// A mark's time, short: `0`, `250ns`, `1.5µs`, `2ms`.
fn short_time(ns: u64) -> String {
    let trim = |v: f64| {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    match ns {
        0 => "0".to_string(),
        n if n >= 1_000_000_000 => format!("{}s", trim(n as f64 / 1e9)),
        n if n >= 1_000_000 => format!("{}ms", trim(n as f64 / 1e6)),
        n if n >= 1_000 => format!("{}µs", trim(n as f64 / 1e3)),
        n => format!("{n}ns"),
    }
}

/// The indices of the segments of a lane that overlap `from..to`: they
/// are in order and each ends where the next starts (the last one runs on
/// to the run's end).
fn overlapping<T>(segs: &[T], span: impl Fn(&T) -> (u64, u64), from: u64, to: u64) -> std::ops::Range<usize> {
    let n = segs.len();
    let lo = segs[..n.saturating_sub(1)].partition_point(|s| span(s).1 <= from);
    let hi = segs.partition_point(|s| span(s).0 < to).max(lo.min(n));
    lo..hi
}

/// A callback that sends the reader's action `f`.
fn act<E>(on_act: &Callback<Action>, f: fn() -> Action) -> Callback<E> {
    let on_act = on_act.clone();
    Callback::from(move |_: E| on_act.emit(f()))
}

/// A callback that makes an action of where the pointer is over the
/// tracks (x, their width) and the element under it.
fn pointer<E: AsRef<MouseEvent>>(on_act: &Callback<Action>, make: fn(f64, f64, &web_sys::Element) -> Option<Action>) -> Callback<E> {
    let on_act = on_act.clone();
    Callback::from(move |e: E| {
        if let Some((x, width, target)) = track_x(e.as_ref())
            && let Some(action) = make(x, width, &target)
        {
            on_act.emit(action);
        }
    })
}

/// Where a pointer event is over the lanes' tracks: (x in px from their
/// left edge, their width), and the element it happened on.
fn track_x(e: &MouseEvent) -> Option<(f64, f64, web_sys::Element)> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let track = target.closest(".gmp-timeline").ok()??.query_selector(".gmp-tl-track").ok()??;
    let r = track.get_bounding_client_rect();
    Some((e.client_x() as f64 - r.left(), r.width(), target))
}

/// The timeline of `run` at position `pos` (virtual time `now_ns`), over
/// the stretch of time `vp` shows, as a region named `label`. What the
/// reader does to it comes back through `on_act`.
#[allow(clippy::too_many_arguments)] // one view's inputs, each used once
pub fn view(label: &str, tl: &Timeline, msgs: &Messages, vp: &Viewport, run: &Run, pos: usize, now_ns: u64, on_act: Callback<Action>) -> Html {
    let end = run.virtual_ns().max(1);
    let (from, to) = vp.window(end);
    let scale = WIDTH / (to - from) as f64;
    // A segment's part inside the view, from the view's start.
    let clip = move |a: u64, b: u64| (a.clamp(from, to) - from, b.clamp(from, to) - from);
    let g_lanes = tl.gs.iter().take(MAX_LANES).map(|(&g, lane)| {
        let label = format!("G{g} {}", lane.func);
        let n = lane.segs.len();
        let seg_end = |i: usize| {
            if i + 1 == n { end } else { lane.segs[i].to.max(lane.segs[i].from) }
        };
        let range = overlapping(&lane.segs, |s| (s.from, s.to), from, to);
        let segs = range.map(|i| {
            let (a, b) = clip(lane.segs[i].from, seg_end(i));
            (a, b, i)
        });
        let rects = columns(segs, scale, longest)
            .into_iter()
            .map(|(x0, x1, i)| {
                let s = &lane.segs[i];
                let mut title = format!("{label}: {}", s.state.text());
                if let Some(at) = s.pos {
                    title.push_str(&format!(" at {}", run.line_of(at)));
                }
                title.push_str(&format!(", {} to {}", virtual_time(s.from), virtual_time(seg_end(i))));
                let (y, h) = if s.state == GState::Dead { ("5", "2") } else { ("1", "10") };
                html! {
                    <rect class={s.state.class()} x={fmt(x0)} width={fmt(x1 - x0)} y={y} height={h}>
                        <title>{ title }</title>
                    </rect>
                }
            })
            .collect::<Html>();
        // The label picks the goroutine, as its token on the board does.
        let pick = html! { <button type="button" class="gmp-tl-pick" data-g={g.to_string()}>{ label.clone() }</button> };
        lane_row(pick, label, "gmp-tl-g", rects)
    });
    let hidden = tl.gs.len().saturating_sub(MAX_LANES);
    let lanes: BTreeMap<GoId, usize> = tl.gs.keys().take(MAX_LANES).enumerate().map(|(i, &g)| (g, i)).collect();
    let flows = flows(msgs, &lanes, pos, from, to, scale);
    let p_lanes = tl.ps.iter().enumerate().map(|(i, lane)| {
        let open = lane.running.map(|(g, from)| PSeg { from, to: end, g }).filter(|s| s.from < to);
        // P segments have gaps (an idle P), so they are found by their ends.
        let lo = lane.segs.partition_point(|s| s.to <= from);
        let hi = lane.segs.partition_point(|s| s.from < to).max(lo);
        let segs = lane.segs[lo..hi].iter().chain(open.as_ref()).map(|s| {
            let (a, b) = clip(s.from, s.to.max(s.from));
            (a, b, s.g)
        });
        let rects = columns(segs, scale, longest)
            .into_iter()
            .map(|(x0, x1, g)| {
                let func = tl.gs.get(&g).map(|l| l.func.to_string()).unwrap_or_default();
                html! {
                    <rect class="gmp-tl-prun" style={format!("fill: hsl({}, 55%, 45%)", (g * 67) % 360)}
                        x={fmt(x0)} width={fmt(x1 - x0)} y="1" height="10">
                        <title>{ format!("P{i} runs G{g} {func}") }</title>
                    </rect>
                }
            })
            .collect::<Html>();
        lane_row(html! { { format!("P{i}") } }, format!("P{i}"), "gmp-tl-p", rects)
    });
    let count_lane = count_lane(tl, pos, end, from, to, scale);
    let now = (now_ns as f64 - from as f64) / (to - from) as f64;
    let ticks = ticks(from, to).into_iter().map(|t| {
        let x = (t - from) as f64 / (to - from) as f64 * 100.0;
        html! { <span class="gmp-tl-tick" style={format!("left: {x:.3}%")}>{ short_time(t) }</span> }
    });
    let legend = [GState::Running, GState::Runnable, GState::Waiting(WaitReason::Zero), GState::Syscall, GState::Dead]
        .map(|s| html! { <span class="gmp-tl-key"><span class={classes!("gmp-tl-swatch", s.class())}></span>{ s.text() }</span> });
    let onpointerdown = {
        let on_act = on_act.clone();
        Callback::from(move |e: PointerEvent| {
            let Some((x, width, target)) = track_x(&e) else {
                return;
            };
            // Only a press on a track (not on a label), with the main button.
            if e.button() != 0 || !target.closest(".gmp-tl-track").is_ok_and(|t| t.is_some()) {
                return;
            }
            // No text selection while dragging; the lanes keep getting the
            // pointer when it leaves them, as they do when the board above
            // changes height under a scrubbing pointer.
            e.prevent_default();
            if let Ok(Some(rows)) = target.closest(".gmp-tl-rows") {
                let _ = rows.set_pointer_capture(e.pointer_id());
            }
            let scrub = target.closest(".gmp-tl-axis").is_ok_and(|a| a.is_some());
            on_act.emit(Action::Press { x, width, scrub });
        })
    };
    let onpointermove: Callback<PointerEvent> = pointer(&on_act, |x, _, _| Some(Action::Move { x }));
    let onpointerup: Callback<PointerEvent> = pointer(&on_act, |x, _, _| Some(Action::Release { x }));
    let onpointercancel: Callback<PointerEvent> = act(&on_act, || Action::Leave);
    let onmouseleave: Callback<MouseEvent> = act(&on_act, || Action::Leave);
    // Ctrl+wheel (or a pinch, which the browser sends as one) zooms; a
    // sideways wheel pans; a plain wheel scrolls the page.
    let onwheel = {
        let on_act = on_act.clone();
        Callback::from(move |e: WheelEvent| {
            let Some((x, width, _)) = track_x(&e) else {
                return;
            };
            let (dx, dy) = (e.delta_x(), e.delta_y());
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                on_act.emit(Action::Wheel { x, width, zoom: true, delta: dy });
            } else if e.shift_key() || dx.abs() > dy.abs() {
                e.prevent_default();
                on_act.emit(Action::Wheel { x, width, zoom: false, delta: if dx.abs() > dy.abs() { dx } else { dy } });
            }
        })
    };
    // By keyboard, once the lanes have the focus: + and - zoom, the
    // arrows pan, 0 shows the whole run.
    let onkeydown = {
        let on_act = on_act.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "+" | "=" => Action::ZoomIn,
                "-" => Action::ZoomOut,
                "0" => Action::Whole,
                "ArrowLeft" => Action::Pan(-0.1),
                "ArrowRight" => Action::Pan(0.1),
                _ => return,
            };
            e.prevent_default();
            on_act.emit(action);
        })
    };
    // The segment under the pointer is described beside it.
    let onmouseover: Callback<MouseEvent> = pointer(&on_act, |x, width, target| {
        let closest = |sel: &str| target.closest(sel).ok().flatten();
        let text = closest("rect, .gmp-tl-flow").and_then(|r| r.query_selector("title").ok().flatten()).and_then(|t| t.text_content());
        // Under the lane (a message's arrow: under the goroutine lanes).
        let under = closest(".gmp-tl-lane").or_else(|| closest(".gmp-tl-glanes"));
        let rows = closest(".gmp-tl-rows");
        Some(Action::Hover(text.zip(under.zip(rows)).map(|(text, (under, rows))| {
            let y = under.get_bounding_client_rect().bottom() - rows.get_bounding_client_rect().top();
            Tip { text, x, y, across: (x / width.max(1.0)).clamp(0.0, 1.0) }
        })))
    });
    let span = format!("{} to {} of {} virtual time", virtual_time(from), virtual_time(to), virtual_time(end));
    html! {
        <section class="gmp-timeline" role="region" aria-label={label.to_string()}>
            <div class="gmp-tl-head">
                <span class="gmp-k">{ "timeline" }</span>
                { for legend }
                <span class="gmp-tl-zoom">
                    <button type="button" onclick={act(&on_act, || Action::ZoomIn)} disabled={to - from <= MIN_SPAN}
                        title="Zoom in on the position (or Ctrl+wheel over the timeline)">{ "Zoom in" }</button>
                    <button type="button" onclick={act(&on_act, || Action::ZoomOut)} disabled={!vp.zoomed()}>{ "Zoom out" }</button>
                    <button type="button" onclick={act(&on_act, || Action::Whole)} disabled={!vp.zoomed()}>{ "Whole run" }</button>
                </span>
                <span class="gmp-dim gmp-tl-span" data-from-ns={from.to_string()} data-to-ns={to.to_string()}>{ span }</span>
            </div>
            <div class={classes!("gmp-tl-rows", vp.drag.as_ref().is_some_and(|d| d.moved && !d.scrub).then_some("gmp-tl-panning"), vp.zoomed().then_some("gmp-tl-zoomed"))}
                {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onmouseleave} {onwheel} {onmouseover} {onkeydown}
                tabindex="0" role="group" aria-label="Lanes: + and - zoom, the arrow keys pan, 0 shows the whole run">
                <div class="gmp-tl-lane gmp-tl-axis" title="Click or drag here to move through the run">
                    <span class="gmp-tl-label">{ "time" }</span>
                    <div class="gmp-tl-track">{ for ticks }</div>
                </div>
                <div class="gmp-tl-glanes">
                    { for g_lanes }
                    { flows }
                </div>
                if hidden > 0 {
                    <div class="gmp-tl-more">{ format!("+{hidden} more goroutines") }</div>
                }
                { count_lane }
                { for p_lanes }
                if (0.0..=1.0).contains(&now) {
                    <div class="gmp-tl-now" data-time-ns={now_ns.to_string()}
                        style={format!("left: calc(var(--gmp-tl-label) + (100% - var(--gmp-tl-label)) * {now:.5})")}></div>
                }
                if let Some(tip) = &vp.tip {
                    <div class="gmp-tl-tip" role="tooltip"
                        style={format!(
                            // Slid left as the pointer goes right, so it stays on the page.
                            "left: calc(var(--gmp-tl-label) + {:.0}px); top: {:.0}px; transform: translateX(-{:.1}%)",
                            tip.x, tip.y, tip.across * 100.0
                        )}>{ tip.text.clone() }</div>
                }
            </div>
        </section>
    }
}

/// Messages drawn on the timeline at most; zooming in shows the rest.
const MAX_FLOWS: usize = 200;
/// A goroutine lane's height in SVG units, and how much taller a unit is
/// on the screen than wide (the lanes are stretched), for arrowheads.
const LANE: f64 = 12.0;
const ASPECT: f64 = 1.6;

/// The messages between goroutines whose lanes are drawn, as arrows over
/// the lanes in the manner of `go tool trace`'s flow events: a handoff
/// straight from the sender's lane to the receiver's at its time, a value
/// through a buffer from its send to its receive. The current event's is
/// marked; those after the position are faint. Found by their receive's
/// time, so a value still in a buffer at the view's end is not drawn.
fn flows(msgs: &Messages, lanes: &BTreeMap<GoId, usize>, pos: usize, from: u64, to: u64, scale: f64) -> Html {
    let all = &msgs.all;
    let lo = all.partition_point(|m| m.time_ns < from);
    let hi = all.partition_point(|m| m.time_ns <= to).max(lo);
    let x = |t: u64| (t as f64 - from as f64) * scale;
    let y = |g: GoId| lanes.get(&g).map(|&i| i as f64 * LANE + LANE / 2.0);
    let arrows = all[lo..hi].iter().filter_map(|m| {
        // Where the value was sent from (a handoff: at once).
        let (sender, sent_at) = match m.flow {
            Flow::Handoff { from, .. } => (from, m.time_ns),
            Flow::Out { .. } => match all.get(m.put_by?)?.flow {
                Flow::Into { from } => (from, all[m.put_by?].time_ns),
                _ => return None,
            },
            _ => return None,
        };
        let receiver = match m.flow {
            Flow::Handoff { to, .. } | Flow::Out { to } => to,
            _ => return None,
        };
        let (x1, y1, x2) = (x(sent_at), y(sender)?, x(m.time_ns));
        let yc = y(receiver)?;
        // The head stops at the edge of the receiver's bar.
        let y2 = if yc > y1 {
            yc - LANE * 0.4
        } else if yc < y1 {
            yc + LANE * 0.4
        } else {
            yc
        };
        // Its send (and for a handoff its receive, the next event) or its
        // receive is the current event; it is to come when its send is.
        let first = m.put_by.map_or(m.first, |p| all[p].first);
        let now = pos > 0 && (m.first..=m.last).contains(&(pos - 1)) || pos == first + 1;
        let class = classes!("gmp-tl-flow", now.then_some("gmp-tl-flow-now"), (first >= pos).then_some("gmp-tl-flow-later"));
        let (sender_s, receiver_s) = (sender.to_string(), receiver.to_string());
        let text = match m.flow {
            Flow::Out { to } => format!("G{sender} sends {} through chan#{}'s buffer to G{to}", m.shown_value(), m.chan),
            _ => m.text(),
        };
        Some(html! {
            <g class={class} data-from={sender_s} data-to={receiver_s} data-time-ns={m.time_ns.to_string()}>
                <title>{ text }</title>
                <line class="gmp-tl-flow-hit" x1={fmt(x1)} y1={fmt(y1)} x2={fmt(x2)} y2={fmt(y2)} />
                <line x1={fmt(x1)} y1={fmt(y1)} x2={fmt(x2)} y2={fmt(y2)} vector-effect="non-scaling-stroke" />
                <path d={head(x1, y1, x2, y2)} />
            </g>
        })
    });
    html! {
        <svg class="gmp-tl-flows" viewBox={format!("0 0 {WIDTH} {}", lanes.len() as f64 * LANE)} preserveAspectRatio="none">
            { for arrows.take(MAX_FLOWS) }
        </svg>
    }
}

/// An arrowhead at the end of the line from (x1, y1) to (x2, y2), shaped
/// on the screen's proportions rather than the stretched units'.
fn head(x1: f64, y1: f64, x2: f64, y2: f64) -> String {
    let (dx, dy) = (x2 - x1, (y2 - y1) * ASPECT);
    let len = (dx * dx + dy * dy).sqrt().max(0.001);
    let (ux, uy) = (dx / len, dy / len);
    let (l, w) = (7.0, 3.5);
    let (bx, by) = (x2 - ux * l, y2 * ASPECT - uy * l);
    let p = |x: f64, y: f64| format!("{} {}", fmt(x), fmt(y / ASPECT));
    format!("M{} L{} L{} Z", p(x2, y2 * ASPECT), p(bx - uy * w, by + ux * w), p(bx + uy * w, by - ux * w))
}

/// The NumGoroutine lane: how many of the program's goroutines are alive
/// over time (a column shows the most in it), labelled with the count at
/// the position.
fn count_lane(tl: &Timeline, pos: usize, end: u64, from: u64, to: u64, scale: f64) -> Html {
    let counts = &tl.counts;
    let most = counts.iter().map(|c| c.user).max().unwrap_or(0).max(1);
    let step_end = |i: usize| counts.get(i + 1).map_or(end, |c| c.time);
    let lo = counts.partition_point(|c| c.time <= from).saturating_sub(1);
    let hi = counts.partition_point(|c| c.time < to).max(lo);
    let steps = (lo..hi).map(|i| (counts[i].time.clamp(from, to) - from, step_end(i).clamp(from, to) - from, i));
    let rects = columns(steps, scale, |i, _, best, _| counts[i].user > counts[best].user)
        .into_iter()
        .map(|(x0, x1, i)| {
            let c = &counts[i];
            let h = if c.user == 0 { 0.0 } else { (10.0 * c.user as f64 / most as f64).max(1.0) };
            let title = format!("NumGoroutine {} (and {} of the runtime's own), {} to {}", c.user, c.runtime, virtual_time(c.time), virtual_time(step_end(i)));
            html! {
                <rect class="gmp-tl-count" x={fmt(x0)} width={fmt(x1 - x0)} y={fmt(11.0 - h)} height={fmt(h.max(0.5))}>
                    <title>{ title }</title>
                </rect>
            }
        })
        .collect::<Html>();
    let (user, runtime) = tl.count_at(pos);
    let label = html! { <>{ "NumGoroutine " }<b class="gmp-tl-count-now">{ user }</b></> };
    let title = format!("runtime.NumGoroutine() at the position: {user} (the runtime's own {runtime} are not counted)");
    lane_row(label, title, "gmp-tl-num", rects)
}

fn lane_row(label: Html, title: String, class: &'static str, rects: Html) -> Html {
    html! {
        <div class={classes!("gmp-tl-lane", class)}>
            <span class="gmp-tl-label" title={title}>{ label }</span>
            <svg class="gmp-tl-track" viewBox={format!("0 0 {WIDTH} 12")} preserveAspectRatio="none">{ rects }</svg>
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
        let cols = columns(segs.into_iter(), 0.5, longest);
        assert!(cols.iter().all(|c| c.1 - c.0 >= MIN_WIDTH / 2.0), "{cols:?}");
        assert!(cols.iter().all(|c| c.1 <= 5.0 || c.0 >= 250.0), "{cols:?}");
        assert_eq!(cols.last(), Some(&(250.0, 450.0, 7)));
    }

    #[test]
    fn the_count_is_the_live_goroutines_at_every_position() {
        let out = run_source("prog.go", THREE, &RunConfig::default());
        let mut tl = Timeline::new(1);
        tl.extend(&out.events);
        let mut snap = gmp_engine::replay::Snapshot::initial(1);
        assert_eq!(tl.count_at(0), (0, 0));
        let mut most = 0;
        for (i, ev) in out.events.iter().enumerate() {
            snap.apply(ev).unwrap();
            let (user, runtime) = tl.count_at(i + 1);
            let by_runtime = snap.gs.keys().filter(|g| snap.meta[g].func.starts_with("runtime.")).count();
            assert_eq!((user as usize, runtime as usize), (snap.gs.len() - by_runtime, by_runtime), "after event {i}: {ev:?}");
            most = most.max(user);
        }
        // main and both workers at once.
        assert_eq!(most, 3);
        assert!(tl.counts.windows(2).all(|w| w[0].event < w[1].event && w[0].time <= w[1].time));
    }

    #[test]
    fn zooming_narrows_the_view_about_the_position_and_zooming_out_returns_to_the_whole_run() {
        let mut vp = Viewport::default();
        assert_eq!(vp.window(1000), (0, 1000));
        let e = vp.act(Action::ZoomIn, 1000, 300);
        assert_eq!(e, Effect { redraw: true, seek: None });
        // Half the span; the position stays where it was on the screen.
        assert_eq!(vp.window(1000), (150, 650));
        vp.act(Action::ZoomIn, 1000, 300);
        assert_eq!(vp.window(1000), (225, 475));
        // Never past the run's start, never narrower than MIN_SPAN.
        vp.act(Action::Whole, 1000, 0);
        for _ in 0..20 {
            vp.act(Action::ZoomIn, 1000, 0);
        }
        assert_eq!(vp.window(1000), (0, MIN_SPAN));
        for _ in 0..20 {
            vp.act(Action::ZoomOut, 1000, 0);
        }
        assert!(!vp.zoomed());
        assert_eq!(vp.window(1000), (0, 1000));
        // Ctrl+wheel keeps the time under the pointer in place: 750 ns at
        // three quarters of 400 px.
        vp.act(Action::Wheel { x: 300.0, width: 400.0, zoom: true, delta: -1.0 }, 1000, 0);
        let (from, to) = vp.window(1000);
        assert_eq!(from + (to - from) * 3 / 4, 750, "{from}..{to}");
        assert!(to - from < 1000);
        vp.act(Action::Whole, 1000, 0);
        assert!(!vp.zoomed());
    }

    #[test]
    fn a_drag_on_a_lane_pans_a_click_seeks_and_a_drag_on_the_axis_scrubs() {
        let mut vp = Viewport::default();
        vp.act(Action::ZoomIn, 1000, 500);
        assert_eq!(vp.window(1000), (250, 750));
        // Dragging 100 px of 500 to the left shows 100 ns later; no seek.
        assert_eq!(vp.act(Action::Press { x: 300.0, width: 500.0, scrub: false }, 1000, 500).seek, None);
        assert_eq!(vp.act(Action::Move { x: 250.0 }, 1000, 500).seek, None);
        assert_eq!(vp.act(Action::Release { x: 200.0 }, 1000, 500).seek, None);
        assert_eq!(vp.window(1000), (350, 850));
        // Panning stops at the run's end.
        vp.act(Action::Press { x: 300.0, width: 500.0, scrub: false }, 1000, 500);
        vp.act(Action::Move { x: 0.0 }, 1000, 500);
        vp.act(Action::Leave, 1000, 500);
        assert_eq!(vp.window(1000), (500, 1000));
        // A press and release in place is a click: the time under it.
        vp.act(Action::Press { x: 100.0, width: 500.0, scrub: false }, 1000, 500);
        assert_eq!(vp.act(Action::Release { x: 101.0 }, 1000, 500).seek, Some(601));
        assert_eq!(vp.window(1000), (500, 1000));
        // On the axis, the position follows the pointer; the view stays.
        assert_eq!(vp.act(Action::Press { x: 0.0, width: 500.0, scrub: true }, 1000, 500).seek, Some(500));
        assert_eq!(vp.act(Action::Move { x: 250.0 }, 1000, 500).seek, Some(750));
        assert_eq!(vp.act(Action::Release { x: 500.0 }, 1000, 500).seek, Some(1000));
        assert_eq!(vp.window(1000), (500, 1000));
        // The arrow keys pan by a tenth of the view.
        vp.act(Action::Pan(-0.1), 1000, 500);
        assert_eq!(vp.window(1000), (450, 950));
        // Without a press, moving the pointer does nothing.
        assert_eq!(vp.act(Action::Move { x: 10.0 }, 1000, 500), Effect::default());
        // With the whole run shown, a drag on a lane moves the position.
        vp.act(Action::Whole, 1000, 500);
        assert_eq!(vp.act(Action::Press { x: 100.0, width: 500.0, scrub: false }, 1000, 500).seek, Some(200));
        assert_eq!(vp.act(Action::Move { x: 300.0 }, 1000, 500).seek, Some(600));
        assert_eq!(vp.act(Action::Release { x: 300.0 }, 1000, 500).seek, Some(600));
        assert!(!vp.zoomed());
    }

    #[test]
    fn axis_marks_are_round_and_inside_the_view() {
        assert_eq!(ticks(0, 1000), vec![0, 200, 400, 600, 800, 1000]);
        assert_eq!(ticks(1_250_000, 2_000_000), vec![1_400_000, 1_600_000, 1_800_000, 2_000_000]);
        assert_eq!(short_time(1_500_000), "1.5ms");
        assert_eq!(short_time(250), "250ns");
        assert_eq!(short_time(2_000), "2µs");
    }

    #[test]
    fn the_lane_counts_what_runtime_num_goroutine_returns() {
        // Each line printed is NumGoroutine at that moment; the lane's
        // count at the print's event must say the same.
        let prog = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.NumGoroutine())\n\tdone := make(chan bool)\n\tfor i := 0; i < 3; i++ {\n\t\tgo func() { <-done }()\n\t\tfmt.Println(runtime.NumGoroutine())\n\t}\n\tclose(done)\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(runtime.NumGoroutine())\n}\n";
        let out = run_source("prog.go", prog, &RunConfig::default());
        assert_eq!(out.stdout, "1\n2\n3\n4\n1\n", "{}", out.stderr);
        let mut tl = Timeline::new(1);
        tl.extend(&out.events);
        let printed: Vec<u32> = out
            .events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.kind {
                EventKind::Output { text, .. } => Some((i, text.trim().parse::<u32>().ok()?)),
                _ => None,
            })
            .map(|(i, n)| {
                assert_eq!(tl.count_at(i + 1).0, n, "at event {i}");
                n
            })
            .collect();
        assert_eq!(printed, [1, 2, 3, 4, 1]);
    }
}
