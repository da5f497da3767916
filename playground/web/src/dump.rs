//! The goroutine dump at the current position, in the manner of Go's
//! `debug=2` dump (what `SIGQUIT` or `pprof.Lookup("goroutine")` print):
//! a header with Go's state word or wait reason, then where the goroutine
//! is and who created it.
//!
//! It is built from the moment's fold alone, which knows each goroutine's
//! start function and the line of its latest event, not its whole stack:
//! so each goroutine shows one frame, its start function at that line.

use crate::board;
use crate::moment::Moment;
use crate::runner::Run;
use gmp_engine::event::GoId;
use yew::prelude::*;

/// Goroutines in the dump; the rest is a count, as in the list.
const DUMPED: usize = 300;

/// One goroutine's entry:
///
/// ```text
/// goroutine 7 [chan receive]:
/// main.worker(...)
///         prog.go:9
/// created by main.main in goroutine 1
///         prog.go:15
/// ```
pub fn entry(run: &Run, m: &Moment, g: GoId) -> String {
    let snap = &m.snap;
    let mut s = format!("goroutine {g} [{}]:\n", board::state_text(snap, g));
    let meta = snap.meta.get(&g);
    if let Some(meta) = meta {
        s.push_str(&format!("{}(...)\n", meta.func));
    }
    if let Some(at) = m.at.get(&g) {
        s.push_str(&format!("\t{}\n", run.line_of(*at)));
    }
    if let Some(meta) = meta.filter(|meta| !board::by_runtime(meta)) {
        let creator = snap.meta.get(&meta.parent).map_or("main.main".into(), |p| p.func.clone());
        s.push_str(&format!("created by {creator} in goroutine {}\n\t{}\n", meta.parent, run.line_of(meta.pos)));
    }
    s
}

/// The region "Goroutine dump": every goroutine alive at this moment, one
/// entry each, a blank line between, as Go prints them.
pub fn view(run: &Run, m: &Moment) -> Html {
    let n = m.snap.gs.len();
    let mut text: Vec<String> = m.snap.gs.keys().take(DUMPED).map(|&g| entry(run, m, g)).collect();
    if n > DUMPED {
        text.push(format!("...{} more goroutines\n", n - DUMPED));
    }
    html! {
        <details class="gmp-dump">
            <summary>{ format!("Goroutine dump at event {}", m.pos) }</summary>
            <pre role="region" aria-label="Goroutine dump">{ text.join("\n") }</pre>
        </details>
    }
}
