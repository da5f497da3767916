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

/// Schedules tried to find the next choice.
pub const STEP_SCHEDULES: u32 = 32;

/// The ways on from a position, in a learner's steps.
pub struct Choices {
    pub next: Result<gmp_engine::explore::NextSteps, &'static str>,
}

/// The region "Next step": you are the scheduler. The steps every
/// schedule takes anyway, then each different next step as a button;
/// picking one runs a schedule that takes it.
pub fn choices_view(run: &Run, choices: Option<&Choices>, on_pick: Callback<usize>, on_quit: Callback<MouseEvent>) -> Html {
    let Some(choices) = choices else { return html! {} };
    let line = |pos: Option<gmp_engine::Span>| pos.map(|p| format!("{} · ", run.line_of(p))).unwrap_or_default();
    let body = match &choices.next {
        Err(why) => html! { <p>{ *why }</p> },
        Ok(next) => {
            let agreed = if next.agreed.is_empty() {
                html! {}
            } else {
                let items = next.agreed.iter().map(|s| html! { <li>{ format!("{}{}", line(s.pos), s.label) }</li> });
                html! {
                    <details class="gmp-agreed">
                        <summary>{ format!("{} step(s) happen whatever the schedule", next.agreed.len()) }</summary>
                        <ol>{ for items }</ol>
                    </details>
                }
            };
            let options = next.options.iter().enumerate().map(|(i, o)| {
                let on_pick = on_pick.clone();
                let label = format!("{}{}", line(o.step.pos), o.step.label);
                html! {
                    <li><button class="gmp-choice" onclick={Callback::from(move |_| on_pick.emit(i))}>{ label }</button>
                    { format!(" {} of {}", o.count, next.schedules_run) }</li>
                }
            });
            let ask = match next.options.len() {
                0 => "Nothing is left to choose: from here the run goes one way.".to_string(),
                1 => "One way on in the schedules tried:".to_string(),
                n => format!("You are the scheduler: {n} ways on. Pick what happens next."),
            };
            html! {
                <>
                    { agreed }
                    <p>{ ask }</p>
                    <ul>{ for options }</ul>
                </>
            }
        }
    };
    html! {
        <section class="gmp-choices" role="region" aria-label="Next step">
            { body }
            <button onclick={on_quit}>{ "Stop picking" }</button>
        </section>
    }
}
