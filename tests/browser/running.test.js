// A run in slices: the page keeps answering while a program runs, shows
// how many events it made so far, follows it on the board, and Stop ends
// it where it is. A polite live region says what the run is doing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, setProgram, playgroundPage, ENDLESS, LEAKY } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The number in "still running… 12,345 events".
async function runningCount(widget) {
  const text = await widget.locator(".gmp-running").innerText();
  const m = text.match(/^still running… ([\d,]+) events$/);
  assert.ok(m, text);
  return Number(m[1].replaceAll(",", ""));
}

/// How long the page takes to answer a script, in ms.
async function answerTime(page) {
  const t = Date.now();
  await page.evaluate(() => document.title);
  return Date.now() - t;
}

test("an endless loop runs in slices: the count grows, the page answers, Stop ends it", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, ENDLESS);
  const status = widget.getByRole("status");
  await button("Run").click();
  const started = Date.now();
  assert.equal(await status.innerText(), "running…");
  assert.ok(await button("Stop").isEnabled());
  assert.ok(await button("Step").isDisabled(), "stepping waits for the end");
  const first = await runningCount(widget);
  // The count grows while the page keeps answering within a frame or three.
  let slowest = 0;
  let count = first;
  while (count <= first || Date.now() - started < 1000) {
    assert.ok(Date.now() - started < 20000, `the count stayed at ${count}`);
    slowest = Math.max(slowest, await answerTime(page));
    await page.waitForTimeout(50);
    count = await runningCount(widget);
  }
  assert.ok(slowest < 200, `the page took ${slowest} ms to answer while the program ran`);
  // The board follows the run: main is there, running or runnable.
  assert.match(await region("Goroutines").innerText(), /goroutine 1 \[(running|runnable)\]/);
  console.log(`endless loop: ${count} events in ${Date.now() - started} ms; slowest answer ${slowest} ms`);
  await screenshot(page, "running-endless");

  await button("Stop").click();
  const verdict = await region("Verdict").innerText();
  const m = verdict.match(/^Stopped by you after ([\d,]+) events\.$/);
  assert.ok(m, verdict);
  const stopped = Number(m[1].replaceAll(",", ""));
  assert.ok(stopped >= count, `${stopped} events at Stop, ${count} seen before`);
  assert.equal(await widget.locator(".gmp-running").count(), 0);
  assert.equal(await status.innerText(), `stopped after ${m[1]} events`);
  assert.ok(await button("Stop").isDisabled());
  const where = widget.locator(".gmp-where");
  assert.match(await where.innerText(), new RegExp(`^event ${stopped} of ${stopped} · `));
  // It stays stopped, and the events so far can be stepped through.
  await page.waitForTimeout(300);
  assert.match(await where.innerText(), new RegExp(`^event ${stopped} of ${stopped} · `));
  await button("Step back").click();
  assert.match(await where.innerText(), new RegExp(`^event ${stopped - 1} of ${stopped} · `));
  await screenshot(page, "running-stopped");
  assert.deepEqual(problems, []);
});

test("Run again starts afresh, and editing stops a run", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, ENDLESS);
  await button("Run").click();
  await page.waitForTimeout(1000);
  const before = await runningCount(widget);
  await button("Run").click();
  const after = await runningCount(widget);
  assert.ok(after < before, `the second run starts at ${after} events, the first had ${before}`);
  // An edit stops the run of the old text.
  await setProgram(widget, "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n// edited\n");
  assert.match(await region("Verdict").innerText(), /^Stopped after [\d,]+ events: the program was edited\.$/);
  assert.equal(await widget.locator(".gmp-running").count(), 0);
  assert.equal(await widget.locator(".gmp-stale").count(), 1);
  // Run runs the new text to the end of its own.
  await setProgram(widget, LEAKY);
  await button("Run").click();
  await region("Verdict").getByText("Program exited with code 0.").waitFor({ timeout: 10000 });
  assert.deepEqual(problems, []);
});

test("goroutines spinning on four Ps: the board follows the run and Stop works", async () => {
  const spin = `package main

import "runtime"

func spin(n int) {
	for i := 0; ; i++ {
		if i%1000 == 0 {
			runtime.Gosched()
		}
	}
}

func main() {
	for i := 0; i < 3; i++ {
		go spin(i)
	}
	select {}
}
`;
  const { page, problems, widget, button, region } = await playgroundPage(browser, spin);
  await widget.getByLabel("GOMAXPROCS").fill("4");
  await button("Run").click();
  const goroutines = region("Goroutines");
  await goroutines.getByText(/^goroutine 8 \[/).waitFor({ timeout: 10000 });
  const first = await runningCount(widget);
  await page.waitForFunction((n) => {
    const m = document.querySelector(".gmp-full .gmp-running")?.textContent.match(/([\d,]+) events/);
    return m && Number(m[1].replaceAll(",", "")) > n;
  }, first, { timeout: 10000 });
  assert.match(await goroutines.innerText(), /goroutine 1 \[select \(no cases\)\]/);
  await screenshot(page, "running-spinning");
  await button("Stop").click();
  assert.match(await region("Verdict").innerText(), /^Stopped by you after [\d,]+ events\.$/);
  assert.deepEqual(problems, []);
});

test("the live region says how a run ended", async () => {
  const { problems, widget, button } = await playgroundPage(browser, LEAKY);
  await button("Run").click();
  const status = widget.getByRole("status");
  assert.equal(await status.getAttribute("aria-live"), "polite");
  // Run's click starts the run; its slices follow in later tasks, so the
  // region says "running…" until the end is reached.
  const ended = async () => {
    for (let i = 0; i < 200 && (await status.innerText()) === "running…"; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    return status.innerText();
  };
  assert.equal(await ended(), "finished: exit 0, 1 goroutine leaked");
  await setProgram(widget, "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n");
  await button("Run").click();
  assert.equal(await ended(), "finished: exit 2, no goroutine leaked");
  assert.deepEqual(problems, []);
});
