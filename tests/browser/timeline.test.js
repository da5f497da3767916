// The timeline: a lane per goroutine over virtual time, coloured by state
// with Go's wait reasons in each segment's title (shown on hover), a
// NumGoroutine lane, a lane per P, the current position as a line, a click
// or a drag on the time axis that moves the position, and zoom and pan.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, playgroundPage, LEAKY, run } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// main and two workers; each worker sleeps, then sends on a channel main
/// receives from.
const THREE = `package main

import (
	"fmt"
	"time"
)

func worker(id int, done chan int) {
	time.Sleep(time.Duration(id) * time.Millisecond)
	done <- id
}

func main() {
	done := make(chan int)
	go worker(1, done)
	go worker(2, done)
	fmt.Println(<-done, <-done)
}
`;

/// The labels of the goroutine lanes.
async function goLanes(timeline) {
  return (await timeline.locator(".gmp-tl-g .gmp-tl-label").allInnerTexts()).map((l) => l.trim());
}

test("a lane per goroutine, a lane per P, and a click moves the position", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, THREE);
  await widget.getByLabel("GOMAXPROCS").fill("2");
  await run(widget);
  const timeline = region("Timeline");
  await timeline.waitFor({ timeout: 5000 });
  const lanes = await goLanes(timeline);
  const mine = lanes.filter((l) => / main\./.test(l));
  assert.equal(mine.length, 3, lanes.join("\n"));
  assert.equal(mine[0], "G1 main.main");
  assert.match(mine[1], /^G\d+ main\.worker$/);
  assert.match(mine[2], /^G\d+ main\.worker$/);
  assert.equal(await timeline.locator(".gmp-tl-p").count(), 2);
  assert.deepEqual(await timeline.locator(".gmp-tl-p .gmp-tl-label").allInnerTexts(), ["P0", "P1"]);
  // Each segment says its state; main waited on the receive at line 17.
  const mainTitles = await timeline.locator(".gmp-tl-g").first().locator("rect title").allTextContents();
  assert.ok(mainTitles.some((t) => /^G1 main\.main: waiting \[chan receive\] at prog\.go:17, /.test(t)), mainTitles.join("\n"));
  assert.ok(mainTitles.some((t) => /^G1 main\.main: running/.test(t)), mainTitles.join("\n"));
  const workerTitles = await timeline.locator(".gmp-tl-g", { hasText: "main.worker" }).first().locator("rect title").allTextContents();
  assert.ok(workerTitles.some((t) => /waiting \[sleep\] at prog\.go:9/.test(t)), workerTitles.join("\n"));
  assert.ok(workerTitles.some((t) => /: dead, /.test(t)), workerTitles.join("\n"));
  assert.equal(await timeline.locator(".gmp-tl-waiting").count() > 0, true);

  // At the end the position line is at the right edge.
  const where = widget.locator(".gmp-where");
  const [, total] = (await where.innerText()).match(/^event (\d+) of \1 /);
  const now = timeline.locator(".gmp-tl-now");
  const lane = timeline.locator(".gmp-tl-g svg").first();
  const box = await lane.boundingBox();
  const nowX = async () => (await now.boundingBox()).x;
  assert.ok(Math.abs((await nowX()) - (box.x + box.width)) < 4, `${await nowX()} vs ${box.x + box.width}`);
  await screenshot(page, "timeline-end");

  // A click a third of the way: the position moves back to that time.
  await lane.click({ position: { x: box.width / 3, y: box.height / 2 } });
  const [, pos] = (await where.innerText()).match(/^event (\d+) of /);
  assert.ok(Number(pos) > 0 && Number(pos) < Number(total), `clicked to event ${pos} of ${total}`);
  // The line moves to the time of the last event at or before the click.
  const clickedX = box.x + box.width / 3;
  assert.ok((await nowX()) <= clickedX + 2 && (await nowX()) > box.x, `the line at ${await nowX()}, clicked at ${clickedX}`);
  const ns = Number(await now.getAttribute("data-time-ns"));
  assert.ok(ns > 0, `position at ${ns} ns`);
  // The board shows that moment: a worker is still asleep then (the
  // second sleeps 2ms of the run's ~2ms).
  assert.match(await region("Goroutines").innerText(), /\[sleep\]/);
  await screenshot(page, "timeline-clicked");
  // A click near the start goes back before it.
  await lane.click({ position: { x: 1, y: box.height / 2 } });
  const [, early] = (await where.innerText()).match(/^event (\d+) of /);
  assert.ok(Number(early) < Number(pos), `${early} after clicking at the start`);
  assert.deepEqual(problems, []);
});

test("a leaked goroutine's lane ends waiting, with its wait reason and line", async () => {
  const { problems, widget, button, region } = await playgroundPage(browser, LEAKY);
  await run(widget);
  const timeline = region("Timeline");
  const lane = timeline.locator(".gmp-tl-g", { hasText: "G7 main.worker" });
  const titles = await lane.locator("rect title").allTextContents();
  assert.match(titles.at(-1), /^G7 main\.worker: waiting \[chan receive\] at prog\.go:9, /);
  assert.deepEqual(problems, []);
});

test("many goroutines: lanes are capped with a count of the rest", async () => {
  const many = `package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 60; i++ {
		wg.Add(1)
		go func() { wg.Done() }()
	}
	wg.Wait()
}
`;
  const { page, problems, widget, button, region } = await playgroundPage(browser, many);
  await run(widget);
  const timeline = region("Timeline");
  await timeline.waitFor({ timeout: 5000 });
  const lanes = await goLanes(timeline);
  assert.equal(lanes.length, 24);
  const more = await timeline.locator(".gmp-tl-more").innerText();
  const [, hidden] = more.match(/^\+(\d+) more goroutines$/);
  // 60 workers, main and the runtime's goroutines.
  assert.ok(Number(hidden) + 24 >= 61, more);
  await screenshot(page, "timeline-many");
  assert.deepEqual(problems, []);
});

/// The stretch of virtual time the timeline shows, in ns.
async function shown(timeline) {
  const span = timeline.locator(".gmp-tl-span");
  return { from: Number(await span.getAttribute("data-from-ns")), to: Number(await span.getAttribute("data-to-ns")) };
}

/// Waits until the shown stretch differs from `before`, and returns it.
async function shownChange(timeline, before) {
  for (let i = 0; i < 100; i++) {
    const now = await shown(timeline);
    if (now.from !== before.from || now.to !== before.to) return now;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`the timeline still shows ${before.from}..${before.to}`);
}

test("zoom buttons, Ctrl+wheel and dragging change the stretch of time shown; a click in a zoomed view seeks within it", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, THREE);
  await run(widget);
  const timeline = region("Timeline");
  await timeline.waitFor({ timeout: 5000 });
  const where = widget.locator(".gmp-where");
  const [, total] = (await where.innerText()).match(/^event (\d+) of \1 /);
  const whole = await shown(timeline);
  assert.equal(whole.from, 0);
  // The workers sleep 1ms and 2ms: the run lasts a little over 2ms.
  assert.ok(whole.to > 2_000_000 && whole.to < 3_000_000, `${whole.to} ns`);
  const zoomOut = timeline.getByRole("button", { name: "Zoom out", exact: true });
  assert.equal(await zoomOut.isDisabled(), true);

  // Zoom in: half the run, about the position (at the end).
  await timeline.getByRole("button", { name: "Zoom in", exact: true }).click();
  const half = await shownChange(timeline, whole);
  assert.ok(Math.abs((half.to - half.from) - whole.to / 2) <= 1, JSON.stringify(half));
  assert.equal(half.to, whole.to);
  assert.match(await timeline.locator(".gmp-tl-span").innerText(), /^1\.\d{6}ms to 2\.\d{6}ms of 2\.\d{6}ms virtual time$/);
  assert.equal(await zoomOut.isDisabled(), false);
  // Main's lane now starts inside its long wait: its first rectangle is
  // the receive it waits in (it ran before the view's start).
  const mainLane = timeline.locator(".gmp-tl-g").first();
  const firstTitle = await mainLane.locator("rect title").first().textContent();
  assert.match(firstTitle, /^G1 main\.main: waiting \[chan receive\] at prog\.go:17, /);
  // The axis marks only times inside the view.
  const marks = await timeline.locator(".gmp-tl-tick").allInnerTexts();
  assert.ok(marks.length >= 2, marks.join(" "));
  assert.ok(marks.every((m) => /^(1|2)(\.\d+)?ms$/.test(m)), marks.join(" "));
  await screenshot(page, "timeline-zoomed");

  // Ctrl+wheel zooms in further about the pointer: the time under it stays.
  const lane = timeline.locator(".gmp-tl-g svg").first();
  // The mouse works on what is on the screen.
  await timeline.scrollIntoViewIfNeeded();
  const box = await lane.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 4, y);
  const under = half.from + (half.to - half.from) / 4;
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  const wheeled = await shownChange(timeline, half);
  const span = wheeled.to - wheeled.from;
  assert.ok(span < half.to - half.from, JSON.stringify(wheeled));
  assert.ok(Math.abs(wheeled.from + span / 4 - under) < span / 100, `${JSON.stringify(wheeled)}: ${under} moved`);

  // A drag on a lane pans: a quarter of the width to the right shows a
  // quarter of the span earlier, and the position stays.
  const before = await where.innerText();
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.75, y, { steps: 4 });
  await page.mouse.up();
  const panned = await shownChange(timeline, wheeled);
  assert.equal(panned.to - panned.from, span);
  assert.ok(Math.abs(wheeled.from - panned.from - span / 4) < span / 100, `${JSON.stringify(wheeled)} -> ${JSON.stringify(panned)}`);
  assert.equal(await where.innerText(), before);

  // A click in the zoomed view goes to the time under it, not to the
  // same fraction of the whole run.
  await lane.click({ position: { x: box.width / 2, y: box.height / 2 } });
  const clickedNs = panned.from + span / 2;
  const now = timeline.locator(".gmp-tl-now");
  await where.filter({ hasNotText: before }).waitFor();
  const ns = Number(await now.getAttribute("data-time-ns"));
  assert.ok(ns <= clickedNs && ns > clickedNs - span, `position at ${ns} ns, clicked at ${clickedNs}`);
  const [, pos] = (await where.innerText()).match(/^event (\d+) of /);
  assert.ok(Number(pos) < Number(total), `${pos} of ${total}`);
  await screenshot(page, "timeline-panned");

  // "Whole run" shows it all again.
  await timeline.getByRole("button", { name: "Whole run", exact: true }).click();
  assert.deepEqual(await shownChange(timeline, panned), whole);

  // By keyboard: + zooms in about the position, the left arrow pans back
  // a tenth of the view, 0 shows the whole run.
  const rows = timeline.locator(".gmp-tl-rows");
  await rows.focus();
  await page.keyboard.press("+");
  const keyed = await shownChange(timeline, whole);
  const kspan = keyed.to - keyed.from;
  assert.ok(Math.abs(kspan - whole.to / 2) <= 1, JSON.stringify(keyed));
  await page.keyboard.press("ArrowLeft");
  const left = await shownChange(timeline, keyed);
  assert.ok(Math.abs(keyed.from - left.from - kspan / 10) <= 1, `${JSON.stringify(keyed)} -> ${JSON.stringify(left)}`);
  await page.keyboard.press("0");
  assert.deepEqual(await shownChange(timeline, left), whole);
  assert.deepEqual(problems, []);
});

test("a drag along the time axis, or on a lane when the whole run is shown, moves the position through the run as it goes", async () => {
  const { problems, widget, button, region } = await playgroundPage(browser, THREE);
  await run(widget);
  const timeline = region("Timeline");
  await timeline.waitFor({ timeout: 5000 });
  const where = widget.locator(".gmp-where");
  const axis = timeline.locator(".gmp-tl-axis .gmp-tl-track");
  await timeline.scrollIntoViewIfNeeded();
  const box = await axis.boundingBox();
  const y = box.y + box.height / 2;
  const eventAt = async () => Number((await where.innerText()).match(/^event (\d+) of /)[1]);
  await page(widget).mouse.move(box.x + 2, y);
  await page(widget).mouse.down();
  const start = await eventAt();
  // Before the release, the position follows the pointer.
  await page(widget).mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
  await where.filter({ hasNotText: new RegExp(`^event ${start} of`) }).waitFor();
  const middle = await eventAt();
  assert.ok(middle > start, `${start} then ${middle}`);
  // At 60% of the run, worker 2 (2ms) still sleeps and worker 1 is done.
  assert.match(await region("Goroutines").innerText(), /\[sleep\]/);
  // Past the axis's end, the pointer still drags: to the run's last event.
  await page(widget).mouse.move(box.x + box.width + 20, y, { steps: 5 });
  await page(widget).mouse.up();
  const [, total] = (await where.innerText()).match(/^event \d+ of (\d+) /);
  await where.filter({ hasText: new RegExp(`^event ${total} of ${total} `) }).waitFor();
  assert.ok(Number(total) > middle);
  // The same on a lane while the timeline shows the whole run.
  const lane = await timeline.locator(".gmp-tl-g svg").first().boundingBox();
  const ly = lane.y + lane.height / 2;
  await page(widget).mouse.move(lane.x + 2, ly);
  await page(widget).mouse.down();
  await where.filter({ hasText: new RegExp(`^event ${start} of `) }).waitFor();
  await page(widget).mouse.move(lane.x + lane.width * 0.6, ly, { steps: 5 });
  await where.filter({ hasText: new RegExp(`^event ${middle} of `) }).waitFor();
  await page(widget).mouse.up();
  assert.equal(await eventAt(), middle);
  assert.deepEqual(problems, []);
});

/// The page a locator is on.
function page(locator) {
  return locator.page();
}

test("the NumGoroutine lane counts the live goroutines the board lists, at every step", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, THREE);
  await run(widget);
  const timeline = region("Timeline");
  await timeline.waitFor({ timeout: 5000 });
  const lane = timeline.locator(".gmp-tl-num");
  // Below the goroutine lanes, above the Ps'.
  const [after, before] = await lane.evaluate((el) => [el.previousElementSibling.className, el.nextElementSibling.className]);
  assert.equal(after, "gmp-tl-glanes");
  assert.equal(before, "gmp-tl-lane gmp-tl-p");
  const where = widget.locator(".gmp-where");
  const [, total] = (await where.innerText()).match(/^event (\d+) of \1 /);
  await button("Reset").click();
  await where.filter({ hasText: /^event 0 of / }).waitFor();
  const seen = new Set();
  for (let k = 0; k <= Number(total); k++) {
    if (k > 0) {
      await button("Step").click();
      await where.filter({ hasText: new RegExp(`^event ${k} of `) }).waitFor();
    }
    const count = Number(await lane.locator(".gmp-tl-count-now").innerText());
    const lines = (await region("Goroutines").locator("li").allInnerTexts()).filter((l) => l.startsWith("goroutine "));
    // runtime.NumGoroutine leaves out the runtime's own goroutines.
    const programs = lines.filter((l) => !/started by the runtime to run runtime\./.test(l));
    assert.equal(count, programs.length, `at event ${k}: ${count} vs\n${lines.join("\n")}`);
    const [, all] = (await region("Goroutines").locator("h4").innerText()).match(/^Goroutines \((\d+)\)$/);
    const [, own] = (await lane.locator(".gmp-tl-label").getAttribute("title")).match(/the runtime's own (\d+) are not counted/);
    assert.equal(count + Number(own), Number(all), `at event ${k}`);
    seen.add(count);
  }
  // From none, through main and both workers, to main alone at the end.
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3]);
  // Each column of the lane says its count; the highest is 3.
  const titles = await lane.locator("rect title").allTextContents();
  assert.ok(titles.some((t) => /^NumGoroutine 3 \(and 2 of the runtime's own\), /.test(t)), titles.join("\n"));
  assert.ok(titles.every((t) => /^NumGoroutine [0-3] /.test(t)), titles.join("\n"));
  await screenshot(page, "timeline-numgoroutine");
  assert.deepEqual(problems, []);
});

test("hovering a segment shows its state, Go's wait reason and its line beside it", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, THREE);
  await run(widget);
  const timeline = region("Timeline");
  await timeline.waitFor({ timeout: 5000 });
  const tip = timeline.locator(".gmp-tl-tip");
  assert.equal(await tip.count(), 0);
  const mainLane = timeline.locator(".gmp-tl-g").first();
  const waiting = mainLane.locator("rect", { has: page.locator("title", { hasText: "waiting [chan receive]" }) }).first();
  await waiting.hover();
  await tip.filter({ hasText: "chan receive" }).waitFor();
  assert.match(await tip.innerText(), /^G1 main\.main: waiting \[chan receive\] at prog\.go:17, \d+\.\d{6}ms to \d+\.\d{6}ms$/);
  // Beside the pointer: just under main's lane.
  const tipBox = await tip.boundingBox();
  const laneBox = await mainLane.boundingBox();
  assert.ok(Math.abs(tipBox.y - (laneBox.y + laneBox.height)) < 4, `${tipBox.y} vs ${laneBox.y + laneBox.height}`);
  await screenshot(page, "timeline-hover");
  // A worker asleep.
  const worker = timeline.locator(".gmp-tl-g", { hasText: "main.worker" }).first();
  await worker.locator("rect", { has: page.locator("title", { hasText: "[sleep]" }) }).first().hover();
  await tip.filter({ hasText: "[sleep]" }).waitFor();
  assert.match(await tip.innerText(), /^G\d+ main\.worker: waiting \[sleep\] at prog\.go:9, /);
  // Leaving the timeline hides it.
  await page.mouse.move(1, 1);
  await tip.waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
});
