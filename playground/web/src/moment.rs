//! One moment of a run: what the page shows is the fold of the run's
//! events up to a position, never a model of its own.
//!
//! The scheduler's and the channels' state come from the engine's
//! [`Snapshot::apply`]; this module adds only what a learner reads beside
//! it and the events carry: where each goroutine last was in the source,
//! and the output written so far.

use crate::runner::Run;
use gmp_engine::event::{GoId, PutCause};
use gmp_engine::replay::Snapshot;
use gmp_engine::{Event, EventKind, Span};
use std::collections::BTreeMap;

/// The state of a run after its first `pos` events.
pub struct Moment {
    /// How many events are folded in: 0 is before the first event.
    pub pos: usize,
    pub snap: Snapshot,
    /// Where each goroutine last did something: where it parked, resumed,
    /// sent, created a goroutine... (`Event::pos` of the events it caused).
    pub at: BTreeMap<GoId, Span>,
    /// What the program wrote so far, in order, as (fd, text).
    pub output: Vec<(u8, String)>,
    /// The same, one piece per write with where in the program it was
    /// made (`None`: the runtime's own, a crash report).
    pub pieces: Vec<(u8, String, Option<Span>)>,
    /// The first event the fold could not apply: a bug in the engine's
    /// stream, shown rather than hidden.
    pub error: Option<String>,
}

impl Moment {
    pub fn start(procs: u32) -> Moment {
        Moment { pos: 0, snap: Snapshot::initial(procs), at: BTreeMap::new(), output: Vec::new(), pieces: Vec::new(), error: None }
    }

    /// Moves to position `target` (clamped to the run's length): forward
    /// by folding the events in between, back by folding again from the
    /// start.
    pub fn seek(&mut self, run: &Run, target: usize) {
        let target = target.min(run.len());
        if target < self.pos {
            *self = Moment::start(run.procs);
        }
        while self.pos < target {
            let ev = &run.events()[self.pos];
            self.apply(ev);
            self.pos += 1;
        }
    }

    fn apply(&mut self, ev: &Event) {
        if let Err(e) = self.snap.apply(ev)
            && self.error.is_none()
        {
            self.error = Some(format!("event {}: {e}", self.pos));
        }
        if let EventKind::Output { fd, text } = &ev.kind {
            self.pieces.push((*fd, text.clone(), ev.pos));
            match self.output.last_mut() {
                Some((last, buf)) if last == fd => buf.push_str(text),
                _ => self.output.push((*fd, text.clone())),
            }
        }
        if let (Some(g), Some(pos)) = (actor(&ev.kind), ev.pos) {
            self.at.insert(g, pos);
        }
        if let EventKind::GoExit { g, .. } = ev.kind {
            self.at.remove(&g);
        }
    }

    /// What the program wrote to `fd` so far.
    pub fn written(&self, fd: u8) -> String {
        self.output.iter().filter(|(f, _)| *f == fd).map(|(_, t)| t.as_str()).collect()
    }
}

/// The goroutine whose own code an event's position is in, when the event
/// names it. (A `goready` is positioned in the waker's code, a `newproc` in
/// the creator's: those name the other goroutine, so they do not count.)
fn actor(kind: &EventKind) -> Option<GoId> {
    use EventKind::*;
    match kind {
        GoCreate { parent, .. } => Some(*parent),
        RunqPut { g, cause: PutCause::Gosched | PutCause::Preempt, .. } => Some(*g),
        Execute { g, .. } | GoPark { g, .. } | EnterSyscall { g, .. } | ExitSyscall { g, .. } => Some(*g),
        ChanMake { g, .. } | ChanSend { g, .. } | ChanRecv { g, .. } | ChanClose { g, .. } => Some(*g),
        Gc { g, .. } | StackCopy { g, .. } | LockOSThread { g, .. } | UnlockOSThread { g, .. } => Some(*g),
        _ => None,
    }
}
