//! The code editor: CodeMirror 6, which lives in JavaScript
//! (`playground/web/editor/`, bundled by esbuild into `gmp-editor.js`, a
//! classic script that sets `window.gmpEditor`). This module is the whole
//! binding: a few `extern "C"` imports through wasm-bindgen and [`Editor`],
//! which owns the editor and the callbacks it calls.
//!
//! The page loads the bundle before the app (`index.html`'s
//! `<script data-trunk>`, the book's `gmp-loader.js`); when it did not load,
//! [`available`] is false and the playground shows a plain textarea.

use gmp_engine::{CompileError, SourceFile};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen]
extern "C" {
    /// What `gmpEditor.create` returns: one editor.
    type Handle;

    #[wasm_bindgen(catch, js_namespace = gmpEditor, js_name = create)]
    fn create(parent: &Element, doc: &str, on_change: &Function, on_run: &Function) -> Result<Handle, JsValue>;

    /// `[{line, col, message}]`, lines and columns from 1.
    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &Handle, diagnostics: &Array);

    /// `None` clears the highlight.
    #[wasm_bindgen(method, js_name = highlightLine)]
    fn highlight_line(this: &Handle, line: Option<u32>);

    #[wasm_bindgen(method)]
    fn destroy(this: &Handle);
}

/// Whether the bundle loaded: `window.gmpEditor.create` is a function.
pub fn available() -> bool {
    Reflect::get(&js_sys::global(), &"gmpEditor".into())
        .and_then(|api| Reflect::get(&api, &"create".into()))
        .is_ok_and(|create| create.is_function())
}

/// A compile error's mark in the editor, at a line and a column counted
/// in UTF-16 units as the browser counts them (Go counts bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub line: u32,
    pub col: u32,
    pub message: String,
    /// Compile errors are errors; data races are warnings.
    pub warning: bool,
}

/// Two markers per data race the run's detector reported: each access,
/// saying what it races with.
pub fn race_markers(file: &SourceFile, races: &[gmp_engine::DataRace]) -> Vec<Marker> {
    let who = |g: u64| if g == 1 { "the main goroutine".to_string() } else { format!("goroutine {g}") };
    let what = |a: &gmp_engine::RaceAccess| if a.write { "write" } else { "read" };
    let mut out = Vec::new();
    for r in races {
        let (Some(p), Some(q)) = (r.access.pos, r.previous.pos) else { continue };
        let (pl, pc) = utf16_line_col(file, p.start);
        let (ql, qc) = utf16_line_col(file, q.start);
        out.push(Marker {
            line: pl,
            col: pc,
            message: format!("data race: this {} by {} races with a {} by {} at line {ql}", what(&r.access), who(r.access.goid), what(&r.previous), who(r.previous.goid)),
            warning: true,
        });
        out.push(Marker {
            line: ql,
            col: qc,
            message: format!("data race: this {} by {} races with a {} by {} at line {pl}", what(&r.previous), who(r.previous.goid), what(&r.access), who(r.access.goid)),
            warning: true,
        });
    }
    out
}

/// One marker per diagnostic of a compile error.
pub fn markers(err: &CompileError) -> Vec<Marker> {
    err.diagnostics
        .iter()
        .map(|d| {
            let (line, col) = utf16_line_col(&err.file, d.span.start);
            Marker { line, col, message: d.message.clone(), warning: false }
        })
        .collect()
}

fn utf16_line_col(file: &SourceFile, offset: u32) -> (u32, u32) {
    let lc = file.line_col(offset);
    let line_start = (offset - (lc.col - 1)) as usize;
    let col = file.text.get(line_start..offset as usize).map_or(lc.col, |s| s.encode_utf16().count() as u32 + 1);
    (lc.line, col)
}

/// A CodeMirror editor in an element, with the callbacks it calls: they
/// live as long as the editor does.
pub struct Editor {
    handle: Handle,
    _on_change: Closure<dyn FnMut(String)>,
    _on_run: Closure<dyn FnMut()>,
    /// The line highlighted, so that only a change reaches JavaScript.
    line: Option<u32>,
    /// Whether markers are shown: clearing none costs a CodeMirror
    /// transaction (about 5 ms of the Run click's task).
    marked: std::cell::Cell<bool>,
}

impl Editor {
    /// Creates the editor inside `parent` with the text `doc`. `on_change`
    /// gets the whole text after every edit; `on_run` is Ctrl-Enter.
    pub fn new(
        parent: &Element,
        doc: &str,
        on_change: impl FnMut(String) + 'static,
        on_run: impl FnMut() + 'static,
    ) -> Result<Editor, JsValue> {
        let on_change = Closure::<dyn FnMut(String)>::new(on_change);
        let on_run = Closure::<dyn FnMut()>::new(on_run);
        let handle = create(parent, doc, on_change.as_ref().unchecked_ref(), on_run.as_ref().unchecked_ref())?;
        Ok(Editor { handle, _on_change: on_change, _on_run: on_run, line: None, marked: std::cell::Cell::new(false) })
    }

    /// Shows these compile errors as lint markers (none clears them).
    pub fn set_markers(&self, markers: &[Marker]) {
        if markers.is_empty() && !self.marked.get() {
            return;
        }
        self.marked.set(!markers.is_empty());
        let list = Array::new();
        for m in markers {
            let o = Object::new();
            let _ = Reflect::set(&o, &"line".into(), &m.line.into());
            let _ = Reflect::set(&o, &"col".into(), &m.col.into());
            let _ = Reflect::set(&o, &"message".into(), &m.message.as_str().into());
            let _ = Reflect::set(&o, &"severity".into(), &(if m.warning { "warning" } else { "error" }).into());
            list.push(&o);
        }
        self.handle.set_diagnostics(&list);
    }

    /// Highlights line `line` (from 1), or none.
    pub fn highlight(&mut self, line: Option<u32>) {
        if line != self.line {
            self.line = line;
            self.handle.highlight_line(line);
        }
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        self.handle.destroy();
    }
}

