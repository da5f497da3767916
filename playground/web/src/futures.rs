//! "What else can happen from here?": the futures of the run from the
//! current position. The engine forks the run there (`explore::fork`):
//! schedules that keep every choice made so far, so their past is this
//! run's event for event, and draw the rest anew. Each distinct future is
//! listed with how it ends, what it prints and how many schedules gave
//! it; Follow runs that schedule, and the position stays where the paths
//! parted.

use crate::runner::Run;
use gmp_engine::explore::{Explored, Found};
use yew::prelude::*;

/// Schedules tried per question: enough to find the usual futures of a
/// small program, few enough to answer in a moment in the page.
pub const SCHEDULES: u32 = 48;
/// Output lines shown per future.
const SHOWN_LINES: usize = 8;

/// The futures found from a position of a run.
pub struct Futures {
    /// The position they branch from.
    pub pos: usize,
    pub found: Result<Explored, &'static str>,
}

/// One future: how it ends, how often, what it prints, and Follow.
fn future(i: usize, f: &Found, n: u64, on_follow: &Callback<usize>) -> Html {
    let lines: Vec<&str> = f.stdout.lines().collect();
    let mut shown = lines.iter().take(SHOWN_LINES).copied().collect::<Vec<_>>().join("\n");
    if lines.len() > SHOWN_LINES {
        shown.push_str(&format!("\n… {} more lines", lines.len() - SHOWN_LINES));
    }
    let follow = {
        let on_follow = on_follow.clone();
        Callback::from(move |_| on_follow.emit(i))
    };
    html! {
        <li class="gmp-future">
            <div>
                <strong>{ f.ending.to_string() }</strong>
                { format!(" · {} of {n} schedules", f.count) }
                <button onclick={follow} title="Run this future: the same run up to here, then this way">{ "Follow" }</button>
            </div>
            if !f.stderr.is_empty() {
                <pre class="gmp-future-err">{ f.stderr.lines().next().unwrap_or_default() }</pre>
            }
            <pre>{ shown }</pre>
        </li>
    }
}

/// The region "Futures": the question's answer, or nothing before it.
pub fn view(run: &Run, futures: Option<&Futures>, on_follow: Callback<usize>) -> Html {
    let Some(futures) = futures else { return html! {} };
    let body = match &futures.found {
        Err(why) => html! { <p>{ *why }</p> },
        Ok(found) => {
            let n = found.schedules_run;
            let items = found.outcomes.iter().enumerate().map(|(i, f)| future(i, f, n, &on_follow));
            html! {
                <>
                    <p>{ format!("From event {} of {}: {} distinct future(s) in {n} schedules that keep this run's past.",
                        futures.pos, run.len(), found.outcomes.len()) }</p>
                    <ul>{ for items }</ul>
                </>
            }
        }
    };
    html! {
        <section class="gmp-futures" role="region" aria-label="Futures">{ body }</section>
    }
}
