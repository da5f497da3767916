// Share links: Share puts the program, GOMAXPROCS and the run's schedule
// in the URL's fragment; the full-page playground opened with that link
// restores them and runs the same run; a broken link says so and leaves
// the default program; a book page's playground opens in the full page
// with its current program and settings.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { siteUrl, launch, open, screenshot, editorText, setProgram } from "./harness.js";

const base = siteUrl();
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Six goroutines printing at once: on four Ps the order of their lines
/// depends on the schedule.
const RACE = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("goroutine", i, "says hello")
		}(i)
	}
	wg.Wait()
}
`;

/// The full-page playground at `fragment` once its editor is up.
async function fullPage(fragment = "") {
  const { page, problems } = await open(browser, base + "playground/index.html" + fragment);
  const widget = page.locator(".gmp-full");
  await widget.getByRole("textbox", { name: "Go source" }).waitFor({ timeout: 15000 });
  return { page, problems, widget };
}

async function stdout(widget) {
  await widget.locator(".gmp-exit").waitFor({ timeout: 10000 });
  return widget.locator(".gmp-stdout").textContent();
}

test("Share makes a link that replays the same program, GOMAXPROCS, seed and output", async () => {
  const { page, problems, widget } = await fullPage();
  await setProgram(widget, RACE);
  await widget.getByLabel("GOMAXPROCS").fill("4");
  await widget.getByLabel("Seed").fill("1");
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  const first = await stdout(widget);
  assert.equal(first.split("\n").length, 7, first);
  // A seed whose output differs from seed 1's: the output depends on the
  // schedule, so the link must carry it.
  let seed = 1;
  let output = first;
  while (output === first) {
    seed += 1;
    assert.ok(seed < 40, "no seed up to 40 changes the order of the lines");
    await widget.getByLabel("Seed").fill(String(seed));
    await widget.getByLabel("Seed").blur();
    await page.waitForFunction(
      (s) => document.querySelector(".gmp-full .gmp-where")?.textContent.endsWith(`seed ${s}`), seed);
    output = await widget.locator(".gmp-stdout").textContent();
  }
  await widget.getByRole("button", { name: "Share", exact: true }).click();
  const field = widget.getByLabel("Link to this program and run");
  await field.waitFor({ timeout: 5000 });
  const link = await field.inputValue();
  assert.match(link, /\/playground\/index\.html#prog=[A-Za-z0-9_-]+&schedule=1\.[A-Za-z0-9_-]+$/);
  assert.equal(await field.evaluate((el) => el.readOnly), true);
  // The clipboard took it, or the field is selected for the reader to copy.
  await page.waitForFunction(() => document.querySelector(".gmp-full .gmp-share-status")?.textContent !== "");
  assert.match(await widget.locator(".gmp-share-status").innerText(), /^(Copied to the clipboard\.|Select the link and copy it)/);
  // The address bar shows it too.
  assert.equal(page.url(), link);
  const board = await widget.locator(".gmp-watch").innerText();
  await screenshot(page, "share-link");
  assert.deepEqual(problems, []);
  // An edit makes the shown link stale: it goes until Share is pressed again.
  await widget.locator(".gmp-editor .cm-content").press("End");
  await page.keyboard.insertText(" ");
  await field.waitFor({ state: "detached", timeout: 5000 });

  // A fresh page, as a learner opening the link.
  const fresh = await fullPage(link.slice(link.indexOf("#")));
  assert.equal(await stdout(fresh.widget), output);
  assert.equal(await editorText(fresh.widget), RACE);
  assert.equal(await fresh.widget.getByLabel("GOMAXPROCS").inputValue(), "4");
  assert.equal(await fresh.widget.getByLabel("Seed").inputValue(), String(seed));
  assert.match(await fresh.widget.locator(".gmp-where").innerText(), new RegExp(`^event (\\d+) of \\1 · .* · GOMAXPROCS 4, seed ${seed}$`));
  assert.equal(await fresh.page.locator(".gmp-link-error").count(), 0);
  // The same run: the board at its end, the goroutines, output and verdict.
  assert.equal(await fresh.widget.locator(".gmp-watch").innerText(), board);
  await screenshot(fresh.page, "share-link-opened");
  assert.deepEqual(fresh.problems, []);
});

test("a broken link shows what is wrong and the default program", async () => {
  const valid = Buffer.from("package main\n\nfunc main() {}\n").toString("base64url");
  const cases = [
    ["#prog=%%%not-base64&schedule=1.BAEAAA", /^This link's program is not valid: it is not base64url/],
    // 0xff 0xff: not UTF-8.
    ["#prog=__8&schedule=1.BAEAAA", /^This link's program is not valid: it is not UTF-8 text/],
    [`#prog=${valid}&schedule=garbage`, /^This link's schedule is not valid: /],
    [`#prog=${valid}&schedule=9.AAAA`, /^This link's schedule is not valid: version "9"/],
    ["#hello", /^This link is not a playground link/],
  ];
  for (const [fragment, message] of cases) {
    const { page, problems, widget } = await fullPage(fragment);
    const alert = widget.getByRole("alert");
    assert.match(await alert.innerText(), message, fragment);
    assert.match(await editorText(widget), /fmt\.Println\("Hello from the workbook playground"\)/, fragment);
    assert.equal(await widget.locator(".gmp-where").innerText(), "not run yet");
    // The page still works: the default program runs.
    await widget.getByRole("button", { name: "Run", exact: true }).click();
    assert.equal(await stdout(widget), "Hello from the workbook playground\n");
    if (fragment.startsWith("#prog=%")) await screenshot(page, "share-broken-link");
    assert.deepEqual(problems, [], fragment);
    await page.close();
  }
});

test("Open in full page takes a chapter's playground, as edited, to the full page", async () => {
  const { page, problems } = await open(browser, base + "born/index.html");
  const first = page.locator(".gmp-playground").first();
  await first.locator(".gmp-editor .cm-content").waitFor({ timeout: 15000 });
  const program = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("edited in the chapter")\n}\n';
  await setProgram(first, program);
  await first.getByLabel("GOMAXPROCS").fill("2");
  await first.getByLabel("Seed").fill("5");
  await first.getByLabel("Seed").blur();
  const open_ = first.getByRole("link", { name: "Open in full page" });
  assert.equal(await page.getByRole("link", { name: "Open in full page" }).count(), 3);
  await open_.click();
  await page.waitForURL(/\/playground\/index\.html#prog=/, { timeout: 10000 });
  const widget = page.locator(".gmp-full");
  assert.equal(await stdout(widget), "edited in the chapter\n");
  assert.equal(await editorText(widget), program);
  assert.equal(await widget.getByLabel("GOMAXPROCS").inputValue(), "2");
  assert.equal(await widget.getByLabel("Seed").inputValue(), "5");
  // The full page has no link to itself.
  assert.equal(await widget.getByRole("link", { name: "Open in full page" }).count(), 0);
  await screenshot(page, "share-open-in-full-page");
  assert.deepEqual(problems, []);
});

test("a link made with -race on opens with -race on, and the run reports the race again", async () => {
  const { page, problems, widget } = await fullPage();
  await setProgram(widget, `package main

import "fmt"

var n int

func main() {
	done := make(chan bool)
	go func() { n++; done <- true }()
	n++
	<-done
	fmt.Println(n)
}
`);
  await widget.locator("input.gmp-race").check();
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  await widget.locator(".gmp-verdict").filter({ hasText: "code 66" }).waitFor();
  await widget.getByRole("button", { name: "Share", exact: true }).click();
  const field = widget.getByLabel("Link to this program and run");
  await field.waitFor({ timeout: 5000 });
  const link = await field.inputValue();
  assert.match(link, /&race=1$/);
  const fresh = await fullPage(link.slice(link.indexOf("#")));
  await fresh.widget.locator(".gmp-verdict").filter({ hasText: "code 66" }).waitFor();
  assert.equal(await fresh.widget.locator("input.gmp-race").isChecked(), true);
  assert.match(await fresh.widget.locator(".gmp-stderr").innerText(), /WARNING: DATA RACE/);
  assert.deepEqual(problems, []);
  assert.deepEqual(fresh.problems, []);
  await fresh.page.close();
  await page.close();
});
