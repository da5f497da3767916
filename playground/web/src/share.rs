//! Share links: a program and the schedule of its run in a URL's fragment,
//! `#prog=BASE64URL&schedule=TOKEN`, so a link replays the same run on the
//! full-page playground with no server. `&race=1` adds Go's race detector,
//! `&goal=BASE64URL` the goal the schedule was picked for ([`Goal::attr`]).
//!
//! `prog` is the source's UTF-8 bytes in base64url without padding;
//! `schedule` is the engine's schedule token ([`Schedule::encode`]:
//! GOMAXPROCS, the seed, the strategy and any overridden picks). The codec
//! ([`fragment`], [`parse`]) is pure; the browser parts (the page's URL,
//! the clipboard) are at the end.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use crate::goal::Goal;
use gmp_engine::{Schedule, ScheduleError};
use std::fmt;
use wasm_bindgen::prelude::*;

/// What a share link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub source: String,
    pub schedule: Schedule,
    /// Run under the race detector (`&race=1`).
    pub race: bool,
    /// The goal the schedule was picked for (`&goal=`).
    pub goal: Option<Goal>,
}

/// Why a fragment is not a share link.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// The fragment has no `prog=` or no `schedule=`.
    Missing(&'static str),
    /// `prog` is not base64url, or not UTF-8 once decoded.
    Program(String),
    Schedule(ScheduleError),
    /// `goal` is not base64url of a goal.
    Goal(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Missing(what) => {
                write!(f, "This link is not a playground link: it has no {what} (expected #prog=…&schedule=…).")
            }
            ShareError::Program(why) => write!(f, "This link's program is not valid: {why}."),
            ShareError::Schedule(ScheduleError(why)) => write!(f, "This link's schedule is not valid: {why}."),
            ShareError::Goal(why) => write!(f, "This link's goal is not valid: {why}."),
        }
    }
}

/// The fragment (without `#`) of a link to `source` run under `schedule`
/// (and Go's race detector, if `race`; picked for `goal`, if any).
pub fn fragment(source: &str, schedule: &Schedule, race: bool, goal: Option<&Goal>) -> String {
    let race = if race { "&race=1" } else { "" };
    let goal = goal.map(|g| format!("&goal={}", URL_SAFE_NO_PAD.encode(g.attr()))).unwrap_or_default();
    format!("prog={}&schedule={}{race}{goal}", URL_SAFE_NO_PAD.encode(source.as_bytes()), schedule.encode())
}

/// Reads a fragment written by [`fragment`] (a leading `#` is allowed).
/// `None` when there is none: the page then shows its own program.
pub fn parse(fragment: &str) -> Option<Result<Shared, ShareError>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.trim().is_empty() {
        return None;
    }
    let field = |name: &str| {
        fragment.split('&').find_map(|kv| kv.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v))
    };
    Some((|| {
        let prog = field("prog").ok_or(ShareError::Missing("program (prog=)"))?;
        let token = field("schedule").ok_or(ShareError::Missing("schedule (schedule=)"))?;
        let bytes = URL_SAFE_NO_PAD
            .decode(prog.trim_end_matches('='))
            .map_err(|_| ShareError::Program("it is not base64url (A-Z a-z 0-9 - _)".into()))?;
        let source = String::from_utf8(bytes).map_err(|_| ShareError::Program("it is not UTF-8 text".into()))?;
        let schedule = Schedule::decode(token).map_err(ShareError::Schedule)?;
        let goal = match field("goal") {
            None => None,
            Some(g) => {
                let bytes = URL_SAFE_NO_PAD.decode(g).map_err(|_| ShareError::Goal("it is not base64url".into()))?;
                let text = String::from_utf8(bytes).map_err(|_| ShareError::Goal("it is not UTF-8 text".into()))?;
                Some(Goal::parse(&text).map_err(ShareError::Goal)?)
            }
        };
        Ok(Shared { source, schedule, race: field("race") == Some("1"), goal })
    })())
}

/// The page's own fragment, `#` included (empty when it has none).
pub fn page_fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The URL of the full-page playground: this page's own (without its
/// fragment) on the full page, else `index.html` in the folder the book's
/// loader (`book/theme/gmp-loader.js`) found the app in,
/// `window.gmpPlaygroundBase`.
pub fn full_page_url(full_page: bool) -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let href = window.location().href().unwrap_or_default();
    let here = href.split('#').next().unwrap_or_default().to_string();
    if full_page {
        return here;
    }
    let base = js_sys::Reflect::get(&window, &"gmpPlaygroundBase".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "playground/".to_string());
    web_sys::Url::new_with_base(&format!("{base}index.html"), &here).map_or(here, |u| u.href())
}

/// Shows `url` in the address bar without loading it (the full page).
pub fn show_in_address_bar(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText`; throws where there is no clipboard.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Copies `text` to the clipboard: whether the browser took it.
pub async fn copy(text: &str) -> bool {
    match write_text(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gmp_engine::{Pick, Strategy};

    fn schedule() -> Schedule {
        Schedule { procs: 4, seed: 7, strategy: Strategy::Extremes, picks: vec![Pick { index: 3, pick: 1 }] }
    }

    #[test]
    fn a_fragment_reads_back() {
        let source = "package main\n\nfunc main() {\n\tprintln(\"héllo, 世界 <&>\")\n}\n";
        let f = fragment(source, &schedule(), false, None);
        assert!(f.starts_with("prog=") && f.contains("&schedule=1.") && !f.contains("race"), "{f}");
        assert!(f.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_=&.".contains(&b)), "{f}");
        let back = parse(&format!("#{f}")).unwrap().unwrap();
        assert_eq!(back, Shared { source: source.into(), schedule: schedule(), race: false, goal: None });
        // With the race detector on.
        let f = fragment(source, &schedule(), true, None);
        assert!(f.ends_with("&race=1"), "{f}");
        assert_eq!(parse(&f).unwrap().unwrap(), Shared { source: source.into(), schedule: schedule(), race: true, goal: None });
        // With a goal, whatever its text.
        let goal = Goal::Output("a & b = c".into());
        let f = fragment(source, &schedule(), false, Some(&goal));
        assert!(f.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_=&.".contains(&b)), "{f}");
        assert_eq!(parse(&f).unwrap().unwrap().goal, Some(goal));
        assert_eq!(parse(&fragment(source, &schedule(), false, Some(&Goal::Deadlock))).unwrap().unwrap().goal, Some(Goal::Deadlock));
    }

    #[test]
    fn no_fragment_is_none() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("#"), None);
    }

    #[test]
    fn a_bad_fragment_says_what_is_wrong() {
        let message = |f: &str| parse(f).unwrap().unwrap_err().to_string();
        let token = schedule().encode();
        assert!(message("#nonsense").starts_with("This link is not a playground link"));
        assert!(message(&format!("#prog=%%%&schedule={token}")).starts_with("This link's program is not valid"));
        let not_utf8 = URL_SAFE_NO_PAD.encode([0xff, 0xfe]);
        assert!(message(&format!("#prog={not_utf8}&schedule={token}")).contains("not UTF-8"));
        assert!(message("#prog=cGFja2FnZQ&schedule=zzz").starts_with("This link's schedule is not valid"));
        let livelock = URL_SAFE_NO_PAD.encode("livelock");
        assert!(message(&format!("#prog=cGFja2FnZQ&schedule={token}&goal={livelock}")).starts_with("This link's goal is not valid: unknown goal"));
    }
}
