// The playground's code editor: CodeMirror 6 with Go highlighting, line
// numbers, tab indentation and lint markers, bundled by esbuild into one
// classic script that sets `window.gmpEditor`. The Yew app binds to it in
// `playground/web/src/editor.rs`; this file is the whole API:
//
//   gmpEditor.create(parent, doc, onChange, onRun) -> handle
//     handle.setDoc(text)         replace the text (no onChange)
//     handle.getDoc()             the text
//     handle.setDiagnostics([{line, col, message, severity}])  (severity: "error" unless "warning")
//                                 lint markers; line and col count from 1,
//                                 col in UTF-16 units, as the DOM does
//     handle.highlightLine(n)     mark line n (from 1), or none for null
//     handle.destroy()
//   gmpEditor.textOf(element)     the text of the editor inside element
//                                 (for tests and the console)
//
// onChange(text) is called after every edit with the whole text; onRun() on
// Ctrl-Enter (Cmd-Enter on a Mac).

import { EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration, EditorView, drawSelection, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { HighlightStyle, bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { goLanguage } from "@codemirror/lang-go";
import { tags as t } from "@lezer/highlight";

/// The line of the current event: one line decoration, or none.
const setCurrentLine = StateEffect.define();
const currentLine = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setCurrentLine)) continue;
      const n = e.value;
      deco = n != null && n >= 1 && n <= tr.state.doc.lines
        ? Decoration.set([Decoration.line({ class: "gmp-current-line" }).range(tr.state.doc.line(n).from)])
        : Decoration.none;
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Token colours are CSS variables (playground.css sets them for mdBook's
// light and dark themes), so the editor follows the page's theme.
const goHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "var(--gmp-hl-keyword)" },
  { tag: [t.string, t.special(t.string), t.character], color: "var(--gmp-hl-string)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--gmp-hl-literal)" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--gmp-hl-comment)", fontStyle: "italic" },
  { tag: [t.typeName, t.standard(t.typeName)], color: "var(--gmp-hl-type)" },
  { tag: [t.function(t.variableName), t.function(t.definition(t.variableName))], color: "var(--gmp-hl-function)" },
  { tag: t.invalid, color: "var(--gmp-hl-invalid)" },
]);

const theme = EditorView.theme({
  "&": { color: "inherit", backgroundColor: "transparent", fontSize: ".9em" },
  ".cm-scroller": { fontFamily: "ui-monospace, monospace" },
  ".cm-content": { caretColor: "var(--fg, currentColor)" },
  ".cm-gutters": { backgroundColor: "transparent", color: "inherit", opacity: ".55", borderRight: "1px solid var(--gmp-line)" },
  "&.cm-focused": { outline: "2px solid var(--gmp-runnable)", outlineOffset: "-2px" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--gmp-selection) !important" },
  ".cm-activeLineGutter": { backgroundColor: "transparent", fontWeight: "bold" },
  ".gmp-current-line": { backgroundColor: "var(--gmp-current-line)" },
  // A diagnostic's tooltip and the lint panel: the page's colours, not
  // CodeMirror's light grey, so they stay readable on a dark theme.
  ".cm-tooltip, .cm-panels": { backgroundColor: "var(--bg, Canvas)", color: "var(--fg, CanvasText)", border: "1px solid var(--gmp-line)" },
});

/// A diagnostic's range: the word (or the one character) at line:col.
function diagnosticAt(doc, state, { line, col, message, severity }) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const from = Math.min(l.from + Math.max(col, 1) - 1, l.to);
  const word = state.wordAt(from);
  const to = word && word.from === from ? word.to : Math.min(from + 1, l.to);
  return { from, to, severity: severity || "error", message };
}

function create(parent, doc, onChange, onRun) {
  let silent = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        goLanguage,
        syntaxHighlighting(goHighlight),
        indentUnit.of("\t"),
        EditorState.tabSize.of(4),
        lintGutter(),
        currentLine,
        theme,
        EditorView.contentAttributes.of({ "aria-label": "Go source" }),
        // Ctrl-Enter runs here, before the default keymap's "insert blank
        // line", and stops there so the widget's own handler does not run too.
        keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; }, stopPropagation: true }]),
        // Tab indents, as Go is written; Escape then Tab (or Ctrl-M) leaves.
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.updateListener.of((u) => { if (u.docChanged && !silent) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    setDoc(text) {
      silent = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      } finally {
        silent = false;
      }
    },
    getDoc: () => view.state.doc.toString(),
    setDiagnostics(list) {
      const state = view.state;
      const diags = Array.from(list, (d) => diagnosticAt(state.doc, state, d));
      view.dispatch(setDiagnostics(state, diags));
    },
    highlightLine(n) {
      view.dispatch({ effects: setCurrentLine.of(n ?? null) });
    },
    destroy: () => view.destroy(),
  };
}

function textOf(element) {
  const dom = element.classList.contains("cm-editor") ? element : element.querySelector(".cm-editor");
  const view = dom && EditorView.findFromDOM(dom);
  return view ? view.state.doc.toString() : null;
}

window.gmpEditor = { create, textOf };
