// The selected goroutine: picked in "Where goroutines are", on the board or
// by its timeline lane, a panel shows it at the position — its state with
// Go's wait reason, its stack with links into the editor, the bytes its
// stack keeps reachable, the go statement that made it and its creator,
// its state history — and follows the
// position back and forth, to before it existed and after it died.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, playgroundPage, LEAKY, run } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The editor's lines as shown, and the one highlighted.
async function editorLines(widget) {
  return widget.locator(".cm-line").allInnerTexts();
}

test("a goroutine picked in 'Where goroutines are' shows its wait reason, stack, creator and history, and survives stepping", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, LEAKY);
  await run(widget);
  await widget.locator(".gmp-exit").waitFor();
  const lines = await editorLines(widget);
  await widget.locator(".gmp-places summary").click();
  await region("Where goroutines are").getByRole("button", { name: /^goroutine 7 \[chan receive\]/ }).click();
  const panel = region("Selected goroutine");
  await panel.filter({ hasText: "goroutine 7 [chan receive]" }).waitFor();
  assert.match(await panel.locator(".gmp-selected-head").innerText(), /^goroutine 7 · main\.worker/);
  // The stack as Go's traceback has it: worker parked on line 9's receive.
  assert.deepEqual(await panel.locator(".gmp-selected-stack li").allInnerTexts(), ["main.worker(...) at prog.go:9"]);
  // What a leak of it pins: the channel (96 bytes) its stack still holds.
  assert.equal(await panel.locator(".gmp-selected-pinned").innerText(), "Its stack keeps 96 bytes reachable.");
  assert.equal(await panel.locator(".gmp-selected-creator").innerText(), "Created by goroutine 1 with the go statement at prog.go:15");
  // Every change up to here: made runnable, run on line 9, parked there.
  const history = (await panel.locator(".gmp-selected-history li").allInnerTexts()).map((l) => l.replace(/^[\d.]+ms · event \d+ · /, ""));
  assert.deepEqual(history, ["runnable", "running at prog.go:9", "waiting [chan receive] at prog.go:9"]);
  // Its line is the one the editor highlights.
  const current = widget.locator(".cm-line.gmp-current-line");
  assert.equal(await current.innerText(), lines[8]);
  await screenshot(page, "gpanel-chan-receive");

  // A link in the panel highlights its line, and the selection stays.
  await panel.locator(".gmp-selected-creator .gmp-src-link").click();
  await widget.locator(".cm-line.gmp-current-line").filter({ hasText: "go worker(ch)" }).waitFor();
  assert.equal(await panel.count(), 1);

  // Back to before it was created: the panel says so, and says where it will come from.
  let steps = 0;
  while (!(await panel.innerText()).includes("does not exist yet")) {
    assert.ok(++steps < 100, "goroutine 7 never disappeared stepping back");
    await button("Step back").click();
  }
  assert.match(await panel.locator(".gmp-selected-state").innerText(),
    /^goroutine 7 does not exist yet at event \d+: it is created at event \d+ by the go statement at prog\.go:15\.$/);
  assert.equal(await panel.locator(".gmp-selected-stack").count(), 0);
  assert.equal(await panel.locator(".gmp-selected-history").count(), 0);
  // One step on it exists, runnable, made at line 15; its history has that one change.
  await button("Step").click();
  await panel.filter({ hasText: "goroutine 7 [runnable]" }).waitFor();
  assert.equal(await panel.locator(".gmp-selected-history li").count(), 1);
  assert.match(await panel.locator(".gmp-selected-history li").innerText(), /^[\d.]+ms · event \d+ · runnable$/);
  assert.equal(await current.innerText(), lines[14]);
  // Rebuilt at this position: not started yet, it holds its argument.
  assert.equal(await panel.locator(".gmp-selected-pinned").innerText(), "Its stack keeps 96 bytes reachable.");
  // And forward again to the end: the receive again.
  await button("Run to end").click();
  await panel.filter({ hasText: "goroutine 7 [chan receive]" }).waitFor();
  assert.deepEqual(await panel.locator(".gmp-selected-stack li").allInnerTexts(), ["main.worker(...) at prog.go:9"]);
  // Close drops the selection.
  await panel.getByRole("button", { name: "Close" }).click();
  assert.equal(await region("Selected goroutine").count(), 0);
  assert.deepEqual(problems, []);
});

/// The worker sleeps on line 6, sends on line 7 and exits; main receives
/// on line 12 and sleeps. (Without fmt there is no finalizer goroutine:
/// the worker is G6.)
const EXITS = `package main

import "time"

func worker(done chan bool) {
	time.Sleep(time.Millisecond)
	done <- true
}

func main() {
	done := make(chan bool)
	go worker(done)
	<-done
	time.Sleep(time.Millisecond)
}
`;

test("a goroutine picked by its timeline lane shows its whole life, and after it exits says it is dead", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, EXITS);
  await run(widget);
  await widget.locator(".gmp-exit").waitFor();
  const lane = region("Timeline").getByRole("button", { name: /^G\d+ main\.worker$/ });
  const g = await lane.getAttribute("data-g");
  assert.equal(g, "6");
  await lane.click();
  const panel = region("Selected goroutine");
  await panel.filter({ hasText: "has exited" }).waitFor();
  assert.match(await panel.locator(".gmp-selected-state").innerText(), new RegExp(`^goroutine ${g} has exited: dead since event \\d+ \\([\\d.]+ms\\)\\.$`));
  assert.equal(await panel.locator(".gmp-selected-stack").count(), 0);
  const history = (await panel.locator(".gmp-selected-history li").allInnerTexts()).map((l) => l.replace(/^[\d.]+ms · event \d+ · /, ""));
  assert.equal(history[0], "runnable");
  assert.ok(history.includes("waiting [sleep] at prog.go:6"), history.join(" | "));
  assert.equal(history.at(-1), "dead");
  // Each change happens no earlier than the one before it.
  const times = (await panel.locator(".gmp-selected-history li").allInnerTexts()).map((l) => Number(l.match(/^([\d.]+)ms/)[1]));
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
  // Back to while it sleeps: the wait reason Go prints, and the stack through time.Sleep's line.
  let steps = 0;
  while (!(await panel.innerText()).includes(`goroutine ${g} [sleep]`)) {
    assert.ok(++steps < 100, `goroutine ${g} never seen asleep stepping back`);
    await button("Step back").click();
  }
  const stack = await panel.locator(".gmp-selected-stack li").allInnerTexts();
  assert.equal(stack.at(-1), "main.worker(...) at prog.go:6");
  await screenshot(page, "gpanel-sleep");
  // Main, picked on the board, replaces it.
  await widget.locator('.gmp-board [data-g="1"]').first().click();
  await panel.filter({ hasText: "goroutine 1 · main.main" }).waitFor();
  assert.match(await panel.innerText(), /Created by the runtime, before main runs\./);
  assert.deepEqual(problems, []);
});
