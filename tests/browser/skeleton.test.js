// The walking skeleton: the book loads, the playground mounts into every
// placeholder with its own program, and the full-page playground loads.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { siteUrl, launch, open, screenshot, editorText, setProgram } from "./harness.js";

const base = siteUrl();
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the book's first page loads with its title and table of contents", async () => {
  const { page, problems } = await open(browser, base);
  assert.match(await page.title(), /Goroutine Lifecycle Workbook/);
  const toc = await page.locator("nav#mdbook-sidebar, nav.sidebar, .sidebar").first().innerText();
  assert.match(toc, /A goroutine is born/);
  // Every stylesheet in use applied (mdBook disables the unused themes').
  const unstyled = await page.locator('link[rel="stylesheet"]')
    .evaluateAll((links) => links.filter((l) => !l.disabled && !l.sheet).map((l) => l.href));
  assert.deepEqual(unstyled, []);
  await screenshot(page, "book-introduction");
  assert.deepEqual(problems, []);
});

test("a chapter mounts a playground on each placeholder, each with its own program", async () => {
  const { page, problems } = await open(browser, base + "born/index.html");
  const widgets = page.locator(".gmp-playground[data-mounted] .gmp-widget");
  await widgets.nth(2).waitFor({ timeout: 15000 });
  assert.equal(await widgets.count(), 3);
  const editors = page.locator(".gmp-playground .gmp-editor");
  const programs = await editors.evaluateAll((els) => els.map((e) => window.gmpEditor.textOf(e)));
  assert.equal(programs.length, 3);
  assert.match(programs[0], /fmt\.Println\("only main is running"\)/);
  assert.match(programs[1], /go greet\("the second goroutine", done\)/);
  assert.match(programs[2], /Run count\(3\) in a new goroutine/);
  for (const p of programs) assert.match(p, /^package main\n/);
  // The program arrived intact: tabs, blank lines and markup characters.
  assert.match(programs[1], /\n\n/);
  assert.match(programs[1], /\t<-done\n/);
  assert.equal(await page.locator(".gmp-playground .gmp-file").first().innerText(), "prog.go");
  assert.equal(await page.locator(".gmp-playground .gmp-file").nth(1).innerText(), "second.go");
  assert.match(await page.locator(".gmp-exercise").innerText(), /first-goroutine/);
  await screenshot(page, "chapter-born");
  assert.deepEqual(problems, []);
});

test("the full-page playground loads and mounts", async () => {
  const { page, problems } = await open(browser, base + "playground/index.html");
  await page.locator(".gmp-full .gmp-widget").waitFor({ timeout: 15000 });
  const program = await editorText(page.locator(".gmp-full"));
  assert.match(program, /^package main\n/);
  await screenshot(page, "full-page-playground");
  assert.deepEqual(problems, []);
});

test("Run hands the edited program to the engine and shows its outcome", async () => {
  const { page, problems } = await open(browser, base + "playground/index.html");
  const widget = page.locator(".gmp-full");
  await widget.locator(".gmp-editor .cm-content").waitFor({ timeout: 15000 });
  // A syntax error must come back as the go tool's diagnostic, proving the
  // edited text (not the embedded one) reached the engine in the wasm.
  await setProgram(widget, "package main\n\nfunc main() {\n\tx := \n}\n");
  await page.locator(".gmp-full .gmp-run").click();
  const exit = page.locator(".gmp-full .gmp-exit");
  await exit.waitFor({ timeout: 5000 });
  assert.match(await exit.innerText(), /^Program exited with code \d+\.$/);
  assert.equal(await exit.innerText(), "Program exited with code 1.");
  // Recorded from real Go 1.27 (go build) for the same program.
  const stderr = await page.locator(".gmp-full .gmp-stderr").textContent();
  assert.equal(stderr, "# command-line-arguments\n./prog.go:5:1: syntax error: unexpected }, expected expression\n");
  await screenshot(page, "full-page-run");
  assert.deepEqual(problems, []);
});

test("a chapter's playground runs its program on the engine", async () => {
  const { page, problems } = await open(browser, base + "born/index.html");
  const first = page.locator(".gmp-playground").first();
  await first.locator(".gmp-run").click();
  await first.locator(".gmp-exit").waitFor({ timeout: 5000 });
  assert.equal(await first.locator(".gmp-stdout").textContent(), "only main is running\n");
  assert.equal(await first.locator(".gmp-exit").innerText(), "Program exited with code 0.");
  await screenshot(page, "chapter-run");
  assert.deepEqual(problems, []);
});

test("an endless loop ends with a message and the page stays usable", async () => {
  const { page, problems } = await open(browser, base + "playground/index.html");
  const widget = page.locator(".gmp-full");
  await widget.locator(".gmp-editor .cm-content").waitFor({ timeout: 15000 });
  await setProgram(widget, "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n");
  const started = Date.now();
  await page.locator(".gmp-full .gmp-run").click();
  const exit = page.locator(".gmp-full .gmp-exit");
  await exit.waitFor({ timeout: 60000 });
  const stderr = await page.locator(".gmp-full .gmp-stderr").textContent();
  assert.match(stderr, /instruction/i, stderr);
  assert.notEqual(await exit.innerText(), "Program exited with code 0.");
  // The page answers again: the editor still takes input.
  await setProgram(widget, "package main\n\nfunc main() {}\n");
  assert.equal(await editorText(widget), "package main\n\nfunc main() {}\n");
  console.log(`endless loop stopped after ${Date.now() - started} ms`);
  assert.deepEqual(problems, []);
});

test("a program with a goroutine and a channel runs on the simulated scheduler", async () => {
  const { page, problems } = await open(browser, base + "born/index.html");
  const second = page.locator(".gmp-playground").nth(1);
  await second.locator(".gmp-run").click();
  await second.locator(".gmp-exit").waitFor({ timeout: 5000 });
  // Recorded from real Go 1.27 for book/src/born/second.go.
  assert.equal(await second.locator(".gmp-stdout").textContent(), "hello from the second goroutine\nmain saw it finish\n");
  assert.equal(await second.locator(".gmp-exit").innerText(), "Program exited with code 0.");
  assert.deepEqual(problems, []);
});
