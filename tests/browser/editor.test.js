// The code editor: CodeMirror with Go highlighting and line numbers;
// typing changes the program that runs; compile errors are marked at their
// line; Ctrl-Enter runs; the current event's line is highlighted; without
// its bundle the playground falls back to a textarea.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { siteUrl, launch, open, screenshot, editorText, setProgram, LEAKY } from "./harness.js";

const base = siteUrl();
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The full-page playground once its editor is up, and its parts.
async function fullPage() {
  const { page, problems } = await open(browser, base + "playground/index.html");
  const widget = page.locator(".gmp-full");
  const source = widget.getByRole("textbox", { name: "Go source" });
  await source.waitFor({ timeout: 15000 });
  return { page, problems, widget, source };
}

/// The text of each line the editor shows, in order.
async function shownLines(widget) {
  return widget.locator(".cm-content .cm-line").allInnerTexts();
}

test("the editor shows the program with line numbers and Go highlighting", async () => {
  const { page, problems, widget, source } = await fullPage();
  const program = await editorText(widget);
  assert.match(program, /^package main\n\nimport "fmt"\n/);
  // One line number per line of the program (and the empty last line).
  const numbers = (await widget.locator(".cm-lineNumbers .cm-gutterElement").allInnerTexts()).filter((n) => n !== "");
  const lines = program.split("\n").length;
  assert.deepEqual(numbers.slice(-lines), Array.from({ length: lines }, (_, i) => String(i + 1)));
  assert.equal((await shownLines(widget))[0], "package main");
  // Keywords and strings are coloured, differently from plain text.
  const colour = (text) => source.getByText(text, { exact: true }).first()
    .evaluate((el) => getComputedStyle(el).color);
  const plain = await source.evaluate((el) => getComputedStyle(el).color);
  const keyword = await colour("package");
  const string = await colour('"fmt"');
  assert.notEqual(keyword, plain);
  assert.notEqual(string, plain);
  assert.notEqual(keyword, string);
  await screenshot(page, "editor-full-page");
  assert.deepEqual(problems, []);
});

test("typing a new program and pressing Run runs what was typed", async () => {
  const { problems, widget, source } = await fullPage();
  await source.click();
  await source.press("ControlOrMeta+a");
  await source.press("Delete");
  // Typed key by key: Enter indents the next line, and "}" dedents itself.
  await source.pressSequentially('package main\n\nimport "fmt"\n\nfunc main() {\nfor i := 0; i < 2; i++ {\nfmt.Println("typed", i)\n}\n}\n');
  assert.equal(await editorText(widget),
    'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; i < 2; i++ {\n\t\tfmt.Println("typed", i)\n\t}\n}\n');
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  await widget.locator(".gmp-exit").waitFor({ timeout: 5000 });
  assert.equal(await widget.locator(".gmp-stdout").textContent(), "typed 0\ntyped 1\n");
  assert.equal(await widget.locator(".gmp-exit").innerText(), "Program exited with code 0.");
  // Tab indents the line, as Go is written.
  await source.press("ControlOrMeta+Home");
  await source.press("Tab");
  assert.match(await editorText(widget), /^\tpackage main\n/);
  // Escape, then Tab, leaves the editor for the next control (keyboard
  // users are not trapped by Tab indenting).
  await widget.page().keyboard.press("Escape");
  await widget.page().keyboard.press("Tab");
  assert.equal(await source.evaluate((el) => el.contains(document.activeElement)), false);
  assert.match(await editorText(widget), /^\tpackage main\n/);
  assert.deepEqual(problems, []);
});

test("a compile error is marked in the editor at its line and column", async () => {
  const { page, problems, widget } = await fullPage();
  await setProgram(widget, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tn := 1\n\tfmt.Println("héllo, 世界", n, total)\n}\n');
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  await widget.locator(".gmp-exit").waitFor({ timeout: 5000 });
  // Recorded from real Go 1.27 (go build prog.go). Go counts columns in
  // bytes: `total` is at byte 35 but character 30 of its line.
  assert.equal(await widget.locator(".gmp-stderr").textContent(),
    "# command-line-arguments\n./prog.go:7:35: undefined: total\n");
  // The marker underlines `total` on line 7, and the gutter flags line 7.
  const marked = widget.locator(".cm-lintRange-error");
  assert.equal(await marked.count(), 1);
  assert.equal(await marked.innerText(), "total");
  const lines = await widget.locator(".cm-content .cm-line").evaluateAll((els) =>
    els.map((el, i) => el.querySelector(".cm-lintRange-error") ? i + 1 : 0).filter((n) => n));
  assert.deepEqual(lines, [7]);
  const flagged = await widget.locator(".cm-gutter-lint .cm-gutterElement").evaluateAll((els) => {
    const numbers = [...document.querySelectorAll(".gmp-full .cm-lineNumbers .cm-gutterElement")];
    return els.filter((el) => el.querySelector(".cm-lint-marker-error")).map((el) => {
      const top = el.getBoundingClientRect().top;
      return numbers.find((n) => Math.abs(n.getBoundingClientRect().top - top) < 2)?.innerText;
    });
  });
  assert.deepEqual(flagged, ["7"]);
  // Hovering the mark shows the compiler's message.
  await marked.hover();
  await page.locator(".cm-tooltip-lint").waitFor({ timeout: 5000 });
  assert.equal(await page.locator(".cm-tooltip-lint").innerText(), "undefined: total");
  await screenshot(page, "editor-compile-error");
  // Fixed and run again: the marker is gone.
  await setProgram(widget, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("fixed")\n}\n');
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  await widget.locator(".gmp-stdout", { hasText: "fixed" }).waitFor({ timeout: 5000 });
  assert.equal(await marked.count(), 0);
  assert.equal(await widget.locator(".cm-lint-marker-error").count(), 0);
  assert.deepEqual(problems, []);
});

test("Ctrl-Enter in the editor runs the program and leaves the text alone", async () => {
  const { problems, widget, source } = await fullPage();
  const program = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("ran by keyboard")\n}\n';
  await setProgram(widget, program);
  await source.press("Control+Enter");
  await widget.locator(".gmp-exit").waitFor({ timeout: 5000 });
  assert.equal(await widget.locator(".gmp-stdout").textContent(), "ran by keyboard\n");
  // Run once, and no blank line inserted (CodeMirror's own Ctrl-Enter).
  assert.equal(await editorText(widget), program);
  assert.match(await widget.locator(".gmp-where").innerText(), /^event (\d+) of \1 /);
  assert.deepEqual(problems, []);
});

test("the line of the current event is highlighted as the position moves", async () => {
  const { page, problems, widget, source } = await fullPage();
  await setProgram(widget, `package main

import "fmt"

func worker(ch chan int) {
	ch <- 42
}

func main() {
	ch := make(chan int)
	go worker(ch)
	fmt.Println(<-ch)
}
`);
  await source.press("Control+Enter");
  await widget.locator(".gmp-exit").waitFor({ timeout: 5000 });
  const current = widget.locator(".cm-line.gmp-current-line");
  const button = (name) => widget.getByRole("button", { name, exact: true });
  // Before the first event: nothing highlighted.
  await button("Reset").click();
  assert.equal(await current.count(), 0);
  // Step through the run: whenever the current event names a line
  // ("prog.go:N · …"), that line is the one highlighted.
  const seen = new Set();
  for (let i = 0; i < 200 && await button("Step").isEnabled(); i++) {
    await button("Step").click();
    const now = await widget.locator(".gmp-now").innerText();
    const m = now.match(/^prog\.go:(\d+) · /);
    if (!m) continue;
    assert.equal(await current.count(), 1, now);
    const lines = await shownLines(widget);
    assert.equal(await current.innerText(), lines[Number(m[1]) - 1], now);
    seen.add(Number(m[1]));
  }
  // The highlight visited main's make, the go statement, worker's send and
  // main's receive.
  for (const line of [10, 11, 6, 12]) assert.ok(seen.has(line), `line ${line} never highlighted: ${[...seen]}`);
  await screenshot(page, "editor-current-line");
  assert.deepEqual(problems, []);
});

test("picking a goroutine highlights its line; picking it again returns to the current event's", async () => {
  const { page, problems, widget, source } = await fullPage();
  // Goroutine 7 is made by the go statement of line 15 and parks on the
  // receive of line 9.
  await setProgram(widget, LEAKY);
  await source.press("Control+Enter");
  await widget.locator(".gmp-exit").waitFor({ timeout: 5000 });
  const lines = await shownLines(widget);
  const current = widget.locator(".cm-line.gmp-current-line");
  const pick = widget.getByRole("region", { name: "Goroutines", exact: true }).getByRole("button", { name: /^goroutine 7 / });
  // Picked in the Goroutines list: the line it is stuck on.
  await pick.click();
  assert.equal(await pick.getAttribute("aria-pressed"), "true");
  assert.equal(await widget.locator(".gmp-board .gmp-g-picked").getAttribute("data-g"), "7");
  assert.equal(await current.innerText(), lines[8]);
  // Back to before it ever ran: the go statement that made it.
  let steps = 0;
  while (!(await pick.innerText()).includes("[runnable]")) {
    assert.ok(++steps < 100, "goroutine 7 never became runnable stepping back");
    await widget.getByRole("button", { name: "Step back", exact: true }).click();
  }
  assert.equal(await current.innerText(), lines[14]);
  await screenshot(page, "editor-picked-goroutine");
  // Its token on the board drops it: the highlight follows the current event again.
  await widget.locator('.gmp-board [data-g="7"]').first().click();
  assert.equal(await pick.getAttribute("aria-pressed"), "false");
  assert.equal(await widget.locator(".gmp-board .gmp-g-picked").count(), 0);
  const m = (await widget.locator(".gmp-now").innerText()).match(/^prog\.go:(\d+) · /);
  if (m) assert.equal(await current.innerText(), lines[Number(m[1]) - 1]);
  assert.deepEqual(problems, []);
});

test("without the editor's bundle, a plain textarea stands in and still runs", async () => {
  const page = await browser.newPage();
  await page.route("**/gmp-editor.js", (route) => route.abort());
  await page.goto(base + "playground/index.html");
  const widget = page.locator(".gmp-full");
  const source = widget.getByRole("textbox", { name: "Go source" });
  await source.waitFor({ timeout: 15000 });
  assert.equal(await source.evaluate((el) => el.tagName), "TEXTAREA");
  await source.fill('package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("plain")\n}\n');
  await source.press("Control+Enter");
  await widget.locator(".gmp-exit").waitFor({ timeout: 5000 });
  assert.equal(await widget.locator(".gmp-stdout").textContent(), "plain\n");
  await page.close();
});

test("in mdBook's dark themes the editor's text stays readable", async () => {
  const { page, problems } = await open(browser, base + "born/index.html");
  const source = page.locator(".gmp-playground").first().getByRole("textbox", { name: "Go source" });
  await source.waitFor({ timeout: 15000 });
  // WCAG's contrast ratio of an element's text against the page.
  const ratio = (locator) => locator.evaluate((el) => {
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [a, b] = [lum(getComputedStyle(el).color), lum(getComputedStyle(document.body).backgroundColor)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  const shown = {
    "plain text": source,
    "a keyword": source.getByText("package", { exact: true }).first(),
    "a string": source.getByText('"fmt"', { exact: true }).first(),
    "a line number": page.locator(".gmp-playground .cm-lineNumbers .cm-gutterElement", { hasText: /^1$/ }).first(),
  };
  for (const theme of ["Coal", "Navy", "Ayu"]) {
    // As a reader picks it: from the theme menu (opened if it is not).
    const item = page.getByRole("menuitem", { name: theme, exact: true });
    if (!(await item.isVisible())) await page.getByRole("button", { name: "Change theme" }).click();
    await item.click();
    assert.equal(await page.locator(`html.${theme.toLowerCase()}`).count(), 1, `${theme} is on`);
    for (const [what, locator] of Object.entries(shown)) {
      const r = await ratio(locator);
      assert.ok(r >= 3, `${theme}: ${what} has contrast ${r.toFixed(2)} against the page`);
    }
  }
  await screenshot(page, "editor-dark-theme");
  assert.deepEqual(problems, []);
});

test("an output line links to the line that wrote it", async () => {
  const { problems, widget } = await fullPage();
  await setProgram(widget, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"first\")\n\tch := make(chan int, 1)\n\tch <- 1\n\t<-ch\n}\n");
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  const line = widget.locator(".gmp-stdout .gmp-out-line", { hasText: "first" });
  assert.equal(await line.getAttribute("title"), "written at prog.go:6");
  const current = widget.locator(".cm-line.gmp-current-line");
  // At the end the highlight is the last event's line, the receive.
  assert.equal(await current.innerText(), "\t<-ch");
  await line.click();
  await widget.locator(".cm-line.gmp-current-line", { hasText: "first" }).waitFor();
  assert.equal(await current.innerText(), '\tfmt.Println("first")');
  // Clicking it again gives the highlight back to the current event.
  await line.click();
  await widget.locator(".cm-line.gmp-current-line", { hasText: "<-ch" }).waitFor();
  assert.equal(await current.innerText(), "\t<-ch");
  assert.deepEqual(problems, []);
});
