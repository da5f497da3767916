// Shared set-up for the browser tests: the site as `cargo xtask serve` serves
// it (`cargo xtask test` starts that same server on a free port and passes
// its URL in GMP_SITE_URL), and headless Debian Chromium driven by
// playwright-core.
import path from "node:path";
import { chromium } from "playwright-core";

const SHOTS = process.env.GMP_SCREENSHOT_DIR;
const CHROMIUM = process.env.GMP_CHROMIUM || "/usr/bin/chromium";

/// How long a page may take to fire `load`, and then to finish the
/// stylesheets and scripts it still has in flight.
const LOAD_TIMEOUT_MS = 15000;
/// The requests a page must finish: a stalled one leaves a page unstyled or
/// without its playground, which no DOM assertion might notice.
const MUST_FINISH = new Set(["document", "stylesheet", "script", "fetch"]);

/// The root URL of the served site, ending in "/".
export function siteUrl() {
  const url = process.env.GMP_SITE_URL;
  if (!url) {
    throw new Error("GMP_SITE_URL must name the served site; run these through `cargo xtask test`");
  }
  return url.endsWith("/") ? url : `${url}/`;
}

export async function launch() {
  // Each launch gets a fresh temporary profile (--user-data-dir) from playwright.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
    ],
  });
}

/// Opens a page and waits until it has fired `load` and every document,
/// stylesheet, script and fetch it requested has finished; throws, naming
/// the requests still pending, if that takes longer than LOAD_TIMEOUT_MS.
/// The page records console errors and failed requests, so a test can
/// assert that nothing went wrong behind the scenes.
export async function open(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems = [];
  const pending = new Set();
  page.on("request", (r) => { if (MUST_FINISH.has(r.resourceType())) pending.add(r); });
  page.on("requestfinished", (r) => pending.delete(r));
  page.on("requestfailed", (r) => { pending.delete(r); problems.push(`request failed: ${r.url()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  const stalled = (what) => new Error(
    `${url}: ${what} within ${LOAD_TIMEOUT_MS} ms; still pending:\n` +
    [...pending].map((r) => `  ${r.resourceType()} ${r.url()}`).join("\n"),
  );
  try {
    await page.goto(url, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
  } catch (e) {
    throw e.name === "TimeoutError" ? stalled("no load event") : e;
  }
  // Scripts and fetches started by scripts (the playground's module and its
  // wasm) may still be in flight after `load`.
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  while (pending.size > 0) {
    if (Date.now() > deadline) throw stalled("requests did not finish");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { page, problems };
}

/// Waits until a playground's run has reached its end: Run's click only
/// starts it, and its slices follow in later tasks.
export async function runEnded(widget) {
  const where = widget.locator(".gmp-where");
  for (let i = 0; i < 400; i++) {
    if (/^event (\d+) of \1 /.test(await where.innerText())) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the run did not end: ${await where.innerText()}`);
}

/// Clicks a playground's Run and waits for the run's end.
export async function run(widget) {
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  await runEnded(widget);
}

export async function screenshot(page, name) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/// The program in a playground's code editor (`widget` is a locator of the
/// playground), as CodeMirror holds it.
export async function editorText(widget) {
  return widget.locator(".gmp-editor").evaluate((el) => window.gmpEditor.textOf(el));
}

/// Replaces the program in a playground's code editor as a reader pasting
/// it would: focus, select all, insert the text.
export async function setProgram(widget, text) {
  const content = widget.locator(".gmp-editor .cm-content");
  await content.click();
  await content.press("ControlOrMeta+a");
  await widget.page().keyboard.insertText(text);
}

// A select between two ready channels: either case may win, on any P count.
export const EITHER = `package main

import "fmt"

func main() {
	a := make(chan string, 1)
	b := make(chan string, 1)
	a <- "a"
	b <- "b"
	select {
	case s := <-a:
		fmt.Println("took", s)
	case s := <-b:
		fmt.Println("took", s)
	}
}
`;

// Goroutine 7 (after main, the GOMAXPROCS updater and the finalizer
// goroutine) parks on line 9 receiving from a channel nobody sends on; main
// sleeps, prints and returns, leaking it.
export const LEAKY = `package main

import (
	"fmt"
	"time"
)

func worker(ch chan int) {
	v := <-ch
	fmt.Println("got", v)
}

func main() {
	ch := make(chan int, 2)
	go worker(ch)
	time.Sleep(time.Millisecond)
	fmt.Println("main is done")
}
`;

/// The full-page playground with `program` in its editor, and ways to find
/// its buttons and regions by their accessible names.
export async function playgroundPage(browser, program) {
  const { page, problems } = await open(browser, siteUrl() + "playground/index.html");
  const widget = page.locator(".gmp-full");
  await widget.locator(".gmp-editor .cm-content").waitFor({ timeout: 15000 });
  await setProgram(widget, program);
  const button = (name) => widget.getByRole("button", { name, exact: true });
  const region = (name) => widget.getByRole("region", { name, exact: true });
  return { page, problems, widget, button, region };
}

/// A program that never ends: main spins.
export const ENDLESS = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";
