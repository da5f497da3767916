//! One playground: an editor, a Run button and the run's output.

use gmp_engine::{Outcome, RunConfig};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct PlaygroundProps {
    pub source: AttrValue,
    pub file_name: AttrValue,
    #[prop_or_default]
    pub exercise: Option<AttrValue>,
}

#[component]
pub fn Playground(props: &PlaygroundProps) -> Html {
    let source = use_state(|| props.source.to_string());
    let outcome = use_state(|| None::<Outcome>);

    let on_input = {
        let source = source.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            source.set(area.value());
        })
    };
    let on_run = {
        let source = source.clone();
        let outcome = outcome.clone();
        let file_name = props.file_name.clone();
        Callback::from(move |_| {
            let result = gmp_engine::run_source(&file_name, &source, &browser_run_config());
            outcome.set(Some(result));
        })
    };
    let lines = source.lines().count().max(3) + 1;

    html! {
        <div class="gmp-widget">
            <div class="gmp-toolbar">
                <span class="gmp-file">{ props.file_name.clone() }</span>
                if let Some(slug) = &props.exercise {
                    <span class="gmp-exercise">{ format!("exercise: {slug}") }</span>
                }
                <button class="gmp-run" onclick={on_run}>{ "Run" }</button>
            </div>
            <textarea class="gmp-editor" spellcheck="false" rows={lines.to_string()}
                value={(*source).clone()} oninput={on_input} />
            { render_outcome(outcome.as_ref()) }
        </div>
    }
}

/// The page runs the engine on its main thread, so a runaway program must
/// stop soon: 300 million instructions is about a second of wasm, far more
/// than any lesson needs, and the heap gets 256 MiB.
fn browser_run_config() -> RunConfig {
    RunConfig { instr_limit: 300_000_000, heap_budget: 256 << 20, ..RunConfig::default() }
}

fn render_outcome(outcome: Option<&Outcome>) -> Html {
    let Some(o) = outcome else {
        return html! {};
    };
    html! {
        <div class="gmp-output">
            <pre class="gmp-stdout">{ &o.stdout }</pre>
            if !o.stderr.is_empty() {
                <pre class="gmp-stderr">{ &o.stderr }</pre>
            }
            <div class="gmp-exit">{ format!("Program exited with code {}.", o.exit_code) }</div>
        </div>
    }
}
