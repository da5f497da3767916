//! Finds the placeholders the mdBook preprocessor wrote and mounts a
//! playground into each.
//!
//! A placeholder is `<div class="gmp-playground" data-file="NAME.go">` with
//! the program inside a `<pre class="gmp-source">`, so a reader without
//! WebAssembly still sees the code. Optional attributes: `data-exercise`
//! (the exercise's slug) and `data-goal`, the goal "Pick the next step"
//! sets the reader (`deadlock`, `leak` or `output:TEXT`).

use crate::playground::{Playground, PlaygroundProps};
use wasm_bindgen::JsCast;
use web_sys::Element;

pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all(".gmp-playground:not([data-mounted])") else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(element) = nodes.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(element);
        }
    }
}

fn mount(root: Element) {
    let source = root
        .query_selector(".gmp-source")
        .ok()
        .flatten()
        .and_then(|pre| pre.text_content())
        .unwrap_or_default();
    let file_name = root.get_attribute("data-file").unwrap_or_else(|| "prog.go".to_string());
    let exercise = root.get_attribute("data-exercise");
    let full_page = root.class_list().contains("gmp-full");
    let goal = root.get_attribute("data-goal");
    let _ = root.set_attribute("data-mounted", "true");
    root.set_inner_html("");
    let props = PlaygroundProps { source: source.into(), file_name: file_name.into(), exercise: exercise.map(Into::into), full_page, goal: goal.map(Into::into) };
    yew::Renderer::<Playground>::with_root_and_props(root, props).render();
}
