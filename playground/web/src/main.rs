//! The playground UI: a Yew app mounted into every `.gmp-playground`
//! placeholder of a page — the book's pages and the full-page playground
//! alike.
//!
//! Architecture invariant: the UI sees a run only through the engine's
//! public API and its event stream; it knows nothing of the VM or the
//! scheduler's insides. It must not depend on anything but the engine, Yew
//! and the browser bindings.

mod board;
mod dump;
mod editor;
mod futures;
mod goal;
mod gpanel;
mod messages;
mod moment;
mod mount;
mod playground;
mod runner;
mod share;
mod timeline;

fn main() {
    mount::mount_all();
}
