//! Where each goroutine is at the current position: Go's state word or
//! wait reason (as a goroutine dump heads each entry), the function it
//! started in, the line of its latest event and the `go` statement that
//! made it.
//!
//! It is built from the moment's fold alone, which knows each goroutine's
//! start function and the line of its latest event, not its stack: so it
//! does not pretend to be Go's `debug=2` dump (whose frames it cannot
//! give for a past moment); the end of a run has the real one in the
//! program's own output when it asks for it.

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
/// goroutine 7 [chan receive]
///     started in main.worker, last at prog.go:9
///     made by goroutine 1 at prog.go:15
/// ```
pub fn entry(run: &Run, m: &Moment, g: GoId) -> String {
    let snap = &m.snap;
    let mut s = format!("goroutine {g} [{}]\n", board::state_text(snap, g));
    let meta = snap.meta.get(&g);
    match (meta, m.at.get(&g)) {
        (Some(meta), Some(at)) => s.push_str(&format!("    started in {}, last at {}\n", meta.func, run.line_of(*at))),
        (Some(meta), None) => s.push_str(&format!("    starts in {}\n", meta.func)),
        (None, Some(at)) => s.push_str(&format!("    last at {}\n", run.line_of(*at))),
        (None, None) => {}
    }
    if let Some(meta) = meta.filter(|meta| !board::by_runtime(meta)) {
        s.push_str(&format!("    made by goroutine {} at {}\n", meta.parent, run.line_of(meta.pos)));
    }
    s
}

/// The region "Where goroutines are": every goroutine alive at this
/// moment, one entry each, a blank line between. Each entry is a button
/// that picks its goroutine (its `data-g`, read by the playground's one
/// click handler), so the region's text is exactly the entries'.
pub fn view(run: &Run, m: &Moment, picked: Option<GoId>) -> Html {
    let n = m.snap.gs.len();
    let entries = m.snap.gs.keys().take(DUMPED).enumerate().map(|(i, &g)| {
        html! {
            <>
                if i > 0 { { "\n" } }
                <button type="button" class="gmp-place" data-g={g.to_string()}
                    aria-pressed={(picked == Some(g)).to_string()}>{ entry(run, m, g) }</button>
            </>
        }
    });
    html! {
        <details class="gmp-dump gmp-places">
            <summary>{ format!("Where goroutines are at event {}", m.pos) }</summary>
            <pre role="region" aria-label="Where goroutines are">
                { for entries }
                if n > DUMPED { { format!("\n...{} more goroutines\n", n - DUMPED) } }
            </pre>
        </details>
    }
}

/// The region "Goroutine dump": Go's traceback of every goroutine at this
/// moment (`goroutine 7 [chan receive]:`, each frame with its line,
/// `created by`), as `GOTRACEBACK=all` or a `debug=2` goroutine profile
/// prints it. The engine rebuilds the run's state at the position to
/// print it, so it is made only while the reader keeps it open.
pub fn go_dump(run: &Run, pos: usize, open: bool, on_toggle: Callback<Event>) -> Html {
    let text = if open {
        match run.goroutine_dump(pos) {
            Ok(text) => text,
            Err(why) => why.to_string(),
        }
    } else {
        String::new()
    };
    html! {
        <details class="gmp-dump gmp-go-dump" ontoggle={on_toggle} open={open}>
            <summary>{ format!("Go's goroutine dump at event {pos}") }</summary>
            <pre role="region" aria-label="Goroutine dump">{ text }</pre>
        </details>
    }
}

