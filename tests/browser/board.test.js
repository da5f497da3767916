// The G/M/P board: after a run the playground shows every goroutine, each P
// and the verdict at a position in the run's event stream, and the controls
// move that position.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { siteUrl, launch, open, screenshot, setProgram, runEnded, LEAKY } from "./harness.js";

const base = siteUrl();
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The full-page playground with `program` in its editor, and its parts.
async function fullPage(program) {
  const { page, problems } = await open(browser, base + "playground/index.html");
  const widget = page.locator(".gmp-full");
  await widget.locator(".gmp-editor .cm-content").waitFor({ timeout: 15000 });
  await setProgram(widget, program);
  const button = (name) => widget.getByRole("button", { name, exact: true });
  const region = (name) => widget.getByRole("region", { name, exact: true });
  return { page, problems, widget, button, region };
}

/// The Goroutines region's line for goroutine `g`, or undefined.
async function lineOf(region, g) {
  const lines = (await region("Goroutines").locator("li").allInnerTexts()).map((l) => l.trim());
  return lines.find((l) => l.startsWith(`goroutine ${g} `));
}

test("a leaked goroutine: its wait, the verdict, and stepping back to before its birth", async () => {
  const { page, problems, widget, button, region } = await fullPage(LEAKY);
  await button("Run").click();
  const verdict = region("Verdict");
  await verdict.waitFor({ timeout: 5000 });
  await runEnded(widget);

  // At the end: goroutine 7 waits on the channel receive of line 9.
  const where = widget.locator(".gmp-where");
  assert.match(await where.innerText(), /^event (\d+) of \1 · /);
  assert.equal(await lineOf(region, 7), "goroutine 7 [chan receive] prog.go:9 — created at prog.go:15 to run main.worker");
  assert.match(await lineOf(region, 1), /^goroutine 1 \[running\] prog\.go:\d+ — started by the runtime to run main\.main$/);
  const v = await verdict.innerText();
  assert.match(v, /Program exited with code 0\./);
  assert.match(v, /main returned/);
  assert.match(v, /1 goroutine leaked:/);
  assert.match(v, /goroutine 7 \[chan receive\] made by the go statement at prog\.go:15, stuck at prog\.go:9 in main\.worker \(blocked forever\)/);
  // The board draws the channel with its two empty slots, and the waiter.
  const board = widget.locator(".gmp-board");
  assert.match(await board.innerText(), /chan#\d+\s+chan int/);
  assert.equal(await board.locator(".gmp-wait-group", { hasText: "chan receive" }).locator(".gmp-slot").count(), 2);
  assert.equal(await widget.locator(".gmp-stdout").textContent(), "main is done\n");
  // The verdict's places link to the program: a click highlights the line.
  await verdict.locator(".gmp-src-link", { hasText: "prog.go:9" }).click();
  await widget.locator(".cm-line.gmp-current-line", { hasText: "v := <-ch" }).waitFor();
  await verdict.locator(".gmp-src-link", { hasText: "prog.go:15" }).click();
  await widget.locator(".cm-line.gmp-current-line", { hasText: "go worker(ch)" }).waitFor();
  await verdict.locator(".gmp-src-link", { hasText: "prog.go:15" }).click();
  await screenshot(page, "board-leak-end");

  // Step back until goroutine 7 is runnable: before it ever ran.
  const now = widget.locator(".gmp-now");
  let steps = 0;
  while (!(await lineOf(region, 7))?.includes("[runnable]")) {
    assert.ok(++steps < 100, "goroutine 7 never became runnable stepping back");
    await button("Step back").click();
  }
  assert.equal(await lineOf(region, 7), "goroutine 7 [runnable] — created at prog.go:15 to run main.worker");
  // Its park is still ahead, and main has not printed yet.
  assert.equal(await widget.locator(".gmp-stdout").textContent(), "");
  assert.match(await where.innerText(), /^event \d+ of \d+ · /);
  await screenshot(page, "board-leak-runnable");

  // On back to its creation event, then before it: no goroutine 7.
  while (!/newproc: G1 creates G7/.test(await now.innerText())) {
    assert.ok(++steps < 100, "never reached goroutine 7's creation stepping back");
    await button("Step back").click();
  }
  assert.equal(await lineOf(region, 7), undefined);
  await button("Step back").click();
  assert.doesNotMatch(await now.innerText(), /G7/);
  assert.equal(await lineOf(region, 7), undefined);
  assert.match(await lineOf(region, 1), /^goroutine 1 \[running\] prog\.go:14/);
  await screenshot(page, "board-leak-before-creation");

  // Step forward twice: created (still dead), then runnable again.
  await button("Step").click();
  assert.match(await now.innerText(), /newproc: G1 creates G7 on P0 to run main\.worker/);
  while (!(await lineOf(region, 7))) {
    assert.ok(++steps < 100, "goroutine 7 never came back stepping forward");
    await button("Step").click();
  }
  assert.match(await lineOf(region, 7), /\[runnable\]/);

  // Reset goes to before the first event; Run to end back to the end.
  await button("Reset").click();
  assert.match(await where.innerText(), /^event 0 of \d+ · 0\.000000ms/);
  assert.equal(await region("Goroutines").locator("li", { hasText: /^goroutine/ }).count(), 0);
  await button("Run to end").click();
  assert.match(await where.innerText(), /^event (\d+) of \1 · /);
  assert.match(await lineOf(region, 7), /\[chan receive\] prog\.go:9/);
  assert.deepEqual(problems, []);
});

test("GOMAXPROCS 4 shows four Ps, each with its queues", async () => {
  const { page, problems, widget, button, region } = await fullPage(LEAKY);
  await widget.getByLabel("GOMAXPROCS").fill("4");
  await widget.getByLabel("Seed").fill("7");
  await button("Run").click();
  const procs = region("Processors");
  await procs.waitFor({ state: "attached", timeout: 5000 });
  const lines = (await procs.locator("li").allTextContents()).map((l) => l.trim());
  assert.equal(lines.length, 4, lines.join("\n"));
  lines.forEach((l, i) => assert.match(l, new RegExp(`^P${i} \\[_P\\w+\\].*, running (G\\d+|nothing), runnext (G\\d+|empty), run queue `)));
  assert.match(await procs.textContent(), /global run queue/);
  assert.equal(await widget.locator(".gmp-board .gmp-p").count(), 4);
  assert.match(await widget.locator(".gmp-where").innerText(), /GOMAXPROCS 4, seed 7$/);
  await screenshot(page, "board-gomaxprocs-4");
  // The leak does not depend on the schedule.
  assert.match(await region("Verdict").innerText(), /1 goroutine leaked:/);
  assert.deepEqual(problems, []);
});

test("Ctrl-Enter runs; Play animates to the end; the slider moves the position", async () => {
  const { page, problems, widget, button, region } = await fullPage(LEAKY);
  await widget.getByRole("textbox", { name: "Go source" }).press("Control+Enter");
  await runEnded(widget);
  const where = widget.locator(".gmp-where");
  const [, total] = (await where.innerText()).match(/^event \d+ of (\d+)/);
  // The slider: halfway.
  const slider = widget.getByRole("slider", { name: "Position" });
  await slider.fill(String(Math.floor(total / 2)));
  assert.match(await where.innerText(), new RegExp(`^event ${Math.floor(total / 2)} of ${total} `));
  // Play from there at the fastest speed, and it stops at the end.
  await widget.getByLabel("Speed").selectOption("1024");
  await button("Play").click();
  await widget.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 10000 });
  assert.match(await where.innerText(), new RegExp(`^event ${total} of ${total} `));
  // Play at the end starts over; Pause stops it where it is.
  await widget.getByLabel("Speed").selectOption("1");
  await button("Play").click();
  await button("Pause").click();
  const [, stopped] = (await where.innerText()).match(/^event (\d+) of/);
  assert.ok(Number(stopped) < Number(total), `paused at ${stopped} of ${total}`);
  assert.deepEqual(problems, []);
});

test("playgrounds on one page move independently", async () => {
  const { page, problems } = await open(browser, base + "born/index.html");
  const first = page.locator(".gmp-playground").first();
  const second = page.locator(".gmp-playground").nth(1);
  await first.getByRole("button", { name: "Run", exact: true }).click();
  await second.getByRole("button", { name: "Run", exact: true }).click();
  await runEnded(first);
  await runEnded(second);
  await second.getByRole("button", { name: "Reset", exact: true }).click();
  assert.match(await second.locator(".gmp-where").innerText(), /^event 0 of /);
  assert.match(await first.locator(".gmp-where").innerText(), /^event (\d+) of \1 /);
  assert.equal(await first.locator(".gmp-stdout").textContent(), "only main is running\n");
  assert.equal(await second.locator(".gmp-stdout").textContent(), "");
  await screenshot(page, "board-chapter");
  assert.deepEqual(problems, []);
});

test("a dead G waits on its P's free list and the next go statement reuses it", async () => {
  const program = `package main

func main() {
	done := make(chan bool)
	go func() { done <- true }()
	<-done
	go func() { done <- true }()
	<-done
}
`;
  const { page, problems, widget, button, region } = await fullPage(program);
  await button("Run").click();
  await region("Verdict").waitFor({ timeout: 5000 });
  await runEnded(widget);
  const procs = region("Processors");
  const now = widget.locator(".gmp-now");
  // At the end the second goroutine is dead, on P0's free list.
  const end = await procs.textContent();
  const m = end.match(/P0 [^\n]*free Gs of dead goroutines G(\d+)/);
  assert.ok(m, end);
  const second = Number(m[1]);
  // Back to the second go statement: it took the first goroutine's G, so
  // the list is empty there, and just before it holds the first goroutine.
  let steps = 0;
  while (!new RegExp(`creates G${second} `).test(await now.innerText())) {
    assert.ok(++steps < 100, "never reached the second go statement stepping back");
    await button("Step back").click();
  }
  assert.doesNotMatch(await procs.textContent(), /free Gs/);
  await button("Step back").click();
  const before = await procs.textContent();
  const first = Number(before.match(/P0 [^\n]*free Gs of dead goroutines G(\d+)/)?.[1]);
  assert.ok(first > 0 && first < second, before);
  const dead = widget.locator(".gmp-board .gmp-gfree .gmp-g-dead");
  assert.equal(await dead.count(), 1);
  assert.equal((await dead.innerText()).trim(), `G${first}`);
  await screenshot(page, "board-free-list");
  // Forward past the creation: the new goroutine's token says whose G it is.
  await button("Step").click();
  await button("Step").click();
  const token = widget.locator(`.gmp-board .gmp-g[data-g="${second}"]`).first();
  assert.match(await token.getAttribute("title"), new RegExp(`in the G that goroutine ${first} ran in`));
  assert.equal(await widget.locator(".gmp-board .gmp-gfree").count(), 0);
  assert.deepEqual(problems, []);
});

test("sleepers wait in one group, each with the time its timer wakes it", async () => {
  const program = `package main

import "time"

func main() {
	go func() { time.Sleep(3 * time.Millisecond) }()
	time.Sleep(time.Millisecond)
}
`;
  const { page, problems, widget, button, region } = await fullPage(program);
  await button("Run").click();
  await region("Verdict").waitFor({ timeout: 5000 });
  await runEnded(widget);
  const group = widget.locator(".gmp-board .gmp-wait-group", { hasText: "sleep" });
  let steps = 0;
  // (A park comes before the timer that ends it: step until both are set.)
  while ((await group.locator(".gmp-wake").count()) < 2) {
    assert.ok(++steps < 100, "never saw both goroutines asleep with their timers stepping back");
    await button("Step back").click();
  }
  const wakes = (await group.locator(".gmp-wake").allInnerTexts()).map((t) => t.trim()).sort();
  assert.equal(wakes.length, 2, wakes.join());
  assert.match(wakes[0], /^until 1\.0\d{5}ms$/);
  assert.match(wakes[1], /^until 3\.0\d{5}ms$/);
  await screenshot(page, "board-sleepers");
  assert.deepEqual(problems, []);
});
