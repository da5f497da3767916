// Where each goroutine is at the current position: one entry per goroutine
// (state as Go names it, start function, latest line, the go statement
// that made it), following the position as it moves.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, playgroundPage, LEAKY, run } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the goroutine list shows each goroutine's state, function, line and creator at the position", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, LEAKY);
  await run(widget);
  await widget.locator(".gmp-places summary").click();
  const dump = region("Where goroutines are");
  const entries = async () => (await dump.textContent()).split("\n\n").map((e) => e.trim());
  const entry = async (g) => (await entries()).find((e) => e.startsWith(`goroutine ${g} [`));
  assert.equal(await entry(7),
    "goroutine 7 [chan receive]\n    started in main.worker, last at prog.go:9\n    made by goroutine 1 at prog.go:15");
  assert.match(await entry(1), /^goroutine 1 \[running\]\n    started in main\.main, last at prog\.go:\d+$/);
  // One entry per goroutine in the list.
  const listed = await region("Goroutines").locator("li").count();
  assert.equal((await entries()).length, listed);
  await screenshot(page, "dump-end");
  // Back to before goroutine 7 first ran: runnable, no line of its own yet.
  let steps = 0;
  while (!(await entry(7))?.startsWith("goroutine 7 [runnable]")) {
    assert.ok(++steps < 100, "goroutine 7 never became runnable stepping back");
    await button("Step back").click();
  }
  assert.equal(await entry(7), "goroutine 7 [runnable]\n    starts in main.worker\n    made by goroutine 1 at prog.go:15");
  assert.match(await widget.locator(".gmp-places summary").innerText(), /^Where goroutines are at event \d+$/);
  await button("Reset").click();
  assert.equal(await dump.textContent(), "");
  assert.deepEqual(problems, []);
});

test("Go's goroutine dump rebuilds the run at the position and prints every goroutine's stack as Go does", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, LEAKY);
  await run(widget);
  // Closed, it is not built.
  assert.equal(await widget.locator(".gmp-go-dump pre").textContent(), "");
  await widget.locator(".gmp-go-dump summary").click();
  const dump = region("Goroutine dump");
  // At the end the run is over: nothing is left to dump (the panel fills
  // in once the toggle reached the page).
  await dump.filter({ hasText: "The run has ended" }).waitFor();
  assert.equal(await dump.textContent(), "The run has ended: every goroutine has exited.");
  // Back to where main sleeps and the worker waits on the channel.
  let steps = 0;
  while (!(await dump.textContent()).includes("goroutine 1 [sleep]:")) {
    assert.ok(++steps < 50, "main never sleeping stepping back");
    await button("Step back").click();
  }
  // The blocks as Go prints them (the engine's tests hold its dumps to
  // real Go's deadlock reports).
  assert.equal(await dump.textContent(),
    "goroutine 1 [sleep]:\nmain.main()\n\t/tmp/sandbox/prog.go:16\n\n" +
    "goroutine 7 [chan receive]:\nmain.worker(...)\n\t/tmp/sandbox/prog.go:9\n" +
    "created by main.main in goroutine 1\n\t/tmp/sandbox/prog.go:15\n");
  assert.match(await widget.locator(".gmp-go-dump summary").innerText(), /^Go's goroutine dump at event \d+$/);
  await screenshot(page, "go-dump");
  assert.deepEqual(problems, []);
});
