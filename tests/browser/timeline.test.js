// The timeline: a lane per goroutine over virtual time, coloured by state
// with Go's wait reasons in each segment's title, a lane per P, the
// current position as a line, and a click that seeks there.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, playgroundPage, LEAKY } from "./harness.js";

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
  await button("Run").click();
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
  const { problems, button, region } = await playgroundPage(browser, LEAKY);
  await button("Run").click();
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
  const { page, problems, button, region } = await playgroundPage(browser, many);
  await button("Run").click();
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
