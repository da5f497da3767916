//! Messages: the run's channel sends and receives as a learner reads
//! them — a value handed from a sender to a receiver (an unbuffered
//! channel, or a receiver already waiting), put into a channel's buffer,
//! taken out of it, or a closed channel's zero value. The board draws the
//! last few up to the position as arrows labelled with the value; the
//! region "Messages" says them in words.
//!
//! [`Messages`] folds the event stream as the run goes (each event once),
//! like the timeline. It reads the pairs the engine emits: a `ChanSend`
//! followed at once by a `ChanRecv` on the same channel is one handoff
//! when the buffer was empty (`chan.go`'s `send` to a waiting receiver,
//! or `recv` from a waiting sender on an unbuffered channel); when the
//! buffer was full it is the sender's value going in at the tail and the
//! receiver's coming out of the head (`recv` from a full channel with a
//! waiting sender).

use crate::runner::{Run, virtual_time};
use gmp_engine::event::GoId;
use gmp_engine::{Event, EventKind, Span};
use std::collections::{BTreeMap, VecDeque};
use yew::prelude::*;

/// Messages the board shows: the latest up to the position.
pub const SHOWN: usize = 6;

/// Where a value went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// From a sender straight to a receiver.
    Handoff { from: GoId, to: GoId },
    /// Into the channel's buffer.
    Into { from: GoId },
    /// Out of the channel's buffer.
    Out { to: GoId },
    /// A receive from a closed, drained channel: the zero value.
    Closed { to: GoId },
}

/// One value moved by a channel operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The index of its first event and of its last (a handoff is a send
    /// and a receive).
    pub first: usize,
    pub last: usize,
    pub time_ns: u64,
    pub chan: u32,
    pub value: String,
    pub flow: Flow,
    /// Where in the program it happened.
    pub pos: Option<Span>,
    /// For a value taken out of a buffer: the message that put it in (the
    /// buffer is first in, first out).
    pub put_by: Option<usize>,
}

/// The run's messages, in order.
#[derive(Default)]
pub struct Messages {
    /// How many events are folded in.
    folded: usize,
    pub all: Vec<Message>,
    /// Each channel's buffered values: the messages that put them there.
    queues: BTreeMap<u32, VecDeque<usize>>,
    /// The latest send: its event's index and how many values the buffer
    /// held before it (a receive right after it may be its other half).
    last_send: Option<(usize, usize)>,
}

impl Messages {
    /// Folds in the events not yet seen (the run's events so far).
    pub fn extend(&mut self, events: &[Event]) {
        for (i, ev) in events.iter().enumerate().skip(self.folded) {
            self.apply(i, ev);
        }
        self.folded = self.folded.max(events.len());
    }

    fn apply(&mut self, i: usize, ev: &Event) {
        let send = self.last_send.take();
        let msg =
            |chan: u32, value: &String, flow| Message { first: i, last: i, time_ns: ev.time_ns, chan, value: value.clone(), flow, pos: ev.pos, put_by: None };
        match &ev.kind {
            // A handle the collector freed may name a new channel.
            EventKind::ChanMake { chan, .. } => {
                self.queues.remove(chan);
            }
            EventKind::ChanSend { g, chan, value } => {
                let queue = self.queues.entry(*chan).or_default();
                self.last_send = Some((i, queue.len()));
                queue.push_back(self.all.len());
                self.all.push(msg(*chan, value, Flow::Into { from: *g }));
            }
            EventKind::ChanRecv { g, chan, value, ok: true } => {
                match (send, self.all.last_mut()) {
                    // The other half of a handoff: the send just before, on
                    // this channel, into an empty buffer.
                    (Some((at, 0)), Some(last)) if at + 1 == i && last.first == at && last.chan == *chan => {
                        if let Flow::Into { from } = last.flow {
                            last.flow = Flow::Handoff { from, to: *g };
                            last.last = i;
                        }
                        // It never waited in the buffer.
                        self.queues.entry(*chan).or_default().pop_back();
                    }
                    _ => {
                        let put_by = self.queues.get_mut(chan).and_then(VecDeque::pop_front);
                        self.all.push(Message { put_by, ..msg(*chan, value, Flow::Out { to: *g }) });
                    }
                }
            }
            EventKind::ChanRecv { g, chan, value, ok: false } => self.all.push(msg(*chan, value, Flow::Closed { to: *g })),
            EventKind::ChanDrain { chan } => {
                self.queues.remove(chan);
            }
            _ => {}
        }
    }

    /// The messages of the first `pos` events: a handoff counts from its
    /// send, when the value leaves the sender.
    pub fn before(&self, pos: usize) -> &[Message] {
        &self.all[..self.all.partition_point(|m| m.first < pos)]
    }
}

impl Message {
    /// The value as the board writes it: an empty string as `""`.
    pub fn shown_value(&self) -> &str {
        if self.value.is_empty() { "\"\"" } else { &self.value }
    }

    /// The message in words: `G7 sends 42 to G1 on chan#3`.
    pub fn text(&self) -> String {
        let (c, v) = (self.chan, self.shown_value());
        match self.flow {
            Flow::Handoff { from, to } => format!("G{from} sends {v} to G{to} on chan#{c}"),
            Flow::Into { from } => format!("G{from} sends {v} into chan#{c}'s buffer"),
            Flow::Out { to } => format!("G{to} receives {v} from chan#{c}'s buffer"),
            Flow::Closed { to } => format!("G{to} receives the zero value {v} from closed chan#{c}"),
        }
    }
}

/// One end of an arrow: a goroutine, or a channel's buffer.
fn end_of(g: Option<GoId>, chan: u32, closed: bool) -> Html {
    match g {
        Some(g) => html! { <span class="gmp-msg-g" data-g={g.to_string()}>{ format!("G{g}") }</span> },
        None if closed => html! { <span class="gmp-msg-chan">{ format!("chan#{chan} closed") }</span> },
        None => html! { <span class="gmp-msg-chan">{ format!("chan#{chan} buffer") }</span> },
    }
}

/// The board's row of messages: the latest [`SHOWN`] up to the position,
/// newest first, each an arrow from where the value was to where it went,
/// labelled with the value; the ones the current event made are marked.
pub fn board_row(run: &Run, msgs: &Messages, pos: usize) -> Html {
    let shown = msgs.before(pos);
    let rows = shown.iter().rev().take(SHOWN).map(|m| {
        let (from, to) = match m.flow {
            Flow::Handoff { from, to } => (Some(from), Some(to)),
            Flow::Into { from } => (Some(from), None),
            Flow::Out { to } | Flow::Closed { to } => (None, Some(to)),
        };
        let now = pos > 0 && (m.first..=m.last).contains(&(pos - 1));
        let kind = match m.flow {
            Flow::Handoff { .. } => "gmp-msg-handoff",
            Flow::Into { .. } => "gmp-msg-into",
            Flow::Out { .. } => "gmp-msg-out",
            Flow::Closed { .. } => "gmp-msg-closed",
        };
        let at = m.pos.map(|p| format!(" · {}", run.line_of(p))).unwrap_or_default();
        html! {
            <div class={classes!("gmp-msg", kind, now.then_some("gmp-msg-now"))} title={m.text()}
                data-from={from.map(|g| g.to_string())} data-to={to.map(|g| g.to_string())} data-chan={m.chan.to_string()}>
                { end_of(from, m.chan, false) }
                <span class="gmp-arrow"><span class="gmp-arrow-value">{ m.shown_value().to_string() }</span></span>
                { end_of(to, m.chan, matches!(m.flow, Flow::Closed { .. })) }
                <span class="gmp-dim gmp-msg-where">{ format!("on chan#{}{at} · {}", m.chan, virtual_time(m.time_ns)) }</span>
            </div>
        }
    });
    let hidden = shown.len().saturating_sub(SHOWN);
    html! {
        <div class="gmp-row gmp-messages"><span class="gmp-k">{ "messages" }</span>
            <div class="gmp-msgs">
                if shown.is_empty() { <span class="gmp-empty">{ "none yet" }</span> }
                { for rows }
                if hidden > 0 { <span class="gmp-more">{ format!("and {} before", crate::board::group_digits(hidden)) }</span> }
            </div>
        </div>
    }
}

/// The region "Messages": the same in words, for screen readers (the
/// board draws it).
pub fn region(msgs: &Messages, pos: usize) -> Html {
    let shown = msgs.before(pos);
    html! {
        <section class="gmp-messages-text gmp-sr-only" role="region" aria-label="Messages">
            <ul>
                { for shown.iter().rev().take(SHOWN).map(|m| html! { <li>{ m.text() }</li> }) }
                if shown.is_empty() { <li>{ "no message yet" }</li> }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gmp_engine::{RunConfig, run_source};

    /// An unbuffered handoff each way (the receiver waits, then the
    /// sender waits), a buffered channel filled, one receive from it while
    /// full with a sender waiting, and a receive from it once closed.
    const PROG: &str = "package main

import \"runtime\"

func main() {
	c := make(chan int)
	go func() { c <- 42 }()
	<-c
	go func() { <-c }()
	c <- 7
	b := make(chan string, 1)
	b <- \"x\"
	go func() { b <- \"y\"; close(b) }()
	runtime.Gosched()
	println(<-b, <-b)
	v, ok := <-b
	println(v == \"\", ok)
}
";

    fn texts(m: &[Message]) -> Vec<String> {
        m.iter().map(Message::text).collect()
    }

    #[test]
    fn sends_and_receives_pair_into_handoffs_and_buffer_moves() {
        let out = run_source("prog.go", PROG, &RunConfig::default());
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let mut msgs = Messages::default();
        // Folding in slices, split between a send and its receive, is
        // folding at once.
        for n in 1..=out.events.len() {
            msgs.extend(&out.events[..n]);
        }
        let t = texts(&msgs.all);
        let chan = |m: &Message| m.chan;
        let (c, b) = (chan(&msgs.all[0]), chan(&msgs.all[2]));
        let main = 1;
        let Flow::Handoff { from: g1, to: 1 } = msgs.all[0].flow else { panic!("{t:?}") };
        let Flow::Handoff { from: 1, to: g2 } = msgs.all[1].flow else { panic!("{t:?}") };
        assert_ne!(g1, main);
        assert_ne!(g2, main);
        assert_eq!(t[0], format!("G{g1} sends 42 to G1 on chan#{c}"));
        assert_eq!(t[1], format!("G1 sends 7 to G{g2} on chan#{c}"));
        assert_eq!(t[2], format!("G1 sends x into chan#{b}'s buffer"));
        // The buffer is full: "y" waits with its sender until main takes
        // "x" from the head, and "y" goes in at the tail.
        let g3 = match msgs.all[3].flow {
            Flow::Into { from } => from,
            f => panic!("{f:?}: {t:?}"),
        };
        assert_eq!(
            t[3..],
            [
                format!("G{g3} sends y into chan#{b}'s buffer"),
                format!("G1 receives x from chan#{b}'s buffer"),
                format!("G1 receives y from chan#{b}'s buffer"),
                format!("G1 receives the zero value \"\" from closed chan#{b}"),
            ]
        );
        // Each value out of the buffer names the send that put it in.
        assert_eq!((msgs.all[4].put_by, msgs.all[5].put_by, msgs.all[6].put_by), (Some(2), Some(3), None));
        assert_eq!(msgs.all[0].put_by, None);
        // A handoff is one message of two events; the others of one.
        assert_eq!(msgs.all[0].last, msgs.all[0].first + 1);
        assert_eq!(msgs.all[2].last, msgs.all[2].first);
        // Before a position: the messages whose first event is in it.
        assert!(msgs.before(0).is_empty());
        assert_eq!(msgs.before(msgs.all[0].first + 1).len(), 1);
        assert_eq!(msgs.before(out.events.len()).len(), msgs.all.len());
    }
}
