// Messages: every channel send and receive up to the position, drawn on
// the board as an arrow from where the value was to where it went (a
// goroutine, or a channel's buffer), labelled with the value, and said in
// words in the region "Messages".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, playgroundPage, run } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A handoff on an unbuffered channel (main waits to receive before the
/// sender runs), then two values through a buffered channel.
const PROG = `package main

import "fmt"

func main() {
	c := make(chan int)
	go func() { c <- 42 }()
	fmt.Println(<-c)
	b := make(chan string, 2)
	b <- "x"
	b <- "y"
	fmt.Println(<-b, <-b)
}
`;

/// The region's lines, newest first.
async function said(region) {
  return (await region("Messages").locator("li").allTextContents()).map((l) => l.trim());
}

/// The position's event number.
async function eventAt(widget) {
  return Number((await widget.locator(".gmp-where").innerText()).match(/^event (\d+) of /)[1]);
}

async function step(widget, button, name) {
  const before = await eventAt(widget);
  await button(name).click();
  const to = name === "Step" ? before + 1 : before - 1;
  await widget.locator(".gmp-where").filter({ hasText: new RegExp(`^event ${to} of `) }).waitFor();
}

test("a send on an unbuffered channel is an arrow from the sender to the receiver, labelled with the value", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, PROG);
  await run(widget);
  const board = widget.locator(".gmp-board");
  const msgs = board.locator(".gmp-msg");
  await msgs.first().waitFor({ timeout: 5000 });
  // At the end: five messages, newest first.
  assert.equal(await msgs.count(), 5);
  const handoff = board.locator(".gmp-msg-handoff");
  assert.equal(await handoff.count(), 1);
  const from = await handoff.getAttribute("data-from");
  const to = await handoff.getAttribute("data-to");
  assert.equal(to, "1");
  // The sender is the goroutine of the go statement: the timeline names it.
  const lanes = await region("Timeline").locator(".gmp-tl-g .gmp-tl-label").allInnerTexts();
  assert.ok(lanes.includes(`G${from} main.main.func1`), `G${from} among ${lanes.join(", ")}`);
  assert.equal(await handoff.locator(".gmp-arrow-value").innerText(), "42");
  const [g0, arrow, g1] = await Promise.all([
    handoff.locator(".gmp-msg-g").first().boundingBox(),
    handoff.locator(".gmp-arrow").boundingBox(),
    handoff.locator(".gmp-msg-g").last().boundingBox(),
  ]);
  assert.equal(await handoff.locator(".gmp-msg-g").first().innerText(), `G${from}`);
  assert.equal(await handoff.locator(".gmp-msg-g").last().innerText(), "G1");
  // Drawn left to right: sender, arrow, receiver.
  assert.ok(g0.x + g0.width <= arrow.x && arrow.x + arrow.width <= g1.x, JSON.stringify({ g0, arrow, g1 }));
  const [chan] = (await handoff.locator(".gmp-msg-where").innerText()).match(/chan#\d+/);
  assert.match(await handoff.locator(".gmp-msg-where").innerText(), /^on chan#\d+ · prog\.go:7 · /);
  const words = await said(region);
  assert.equal(words.at(-1), `G${from} sends 42 to G1 on ${chan}`);
  // The buffered channel: in at the tail, out at the head, in order.
  assert.deepEqual(words.slice(0, 4).map((w) => w.replace(/chan#\d+/, "chan#B")), [
    "G1 receives y from chan#B's buffer",
    "G1 receives x from chan#B's buffer",
    "G1 sends y into chan#B's buffer",
    "G1 sends x into chan#B's buffer",
  ]);
  const into = board.locator(".gmp-msg-into").last();
  assert.equal(await into.locator(".gmp-msg-chan").innerText(), `${words[3].match(/chan#\d+/)[0]} buffer`);
  assert.equal(await into.locator(".gmp-arrow-value").innerText(), "x");
  await screenshot(page, "messages-end");

  // Back to the start, then step to the handoff: it appears at the send,
  // marked as the current event's, and is gone one step back.
  await button("Reset").click();
  await widget.locator(".gmp-where").filter({ hasText: /^event 0 of / }).waitFor();
  assert.equal(await msgs.count(), 0);
  assert.deepEqual(await said(region), ["no message yet"]);
  let steps = 0;
  while ((await handoff.count()) === 0) {
    assert.ok(++steps < 100, "no handoff stepping forward");
    await step(widget, button, "Step");
  }
  assert.match(await widget.locator(".gmp-now").innerText(), new RegExp(`G${from} sends 42 on ${chan}`));
  assert.equal(await handoff.getAttribute("class"), "gmp-msg gmp-msg-handoff gmp-msg-now");
  assert.equal(await msgs.count(), 1);
  // Main is still parked on the receive the value goes to.
  assert.match(await region("Goroutines").innerText(), /goroutine 1 \[chan receive\]/);
  await screenshot(page, "messages-handoff");
  // The receive is the handoff's second event: still current, then not.
  await step(widget, button, "Step");
  assert.match(await widget.locator(".gmp-now").innerText(), /G1 receives 42/);
  assert.match(await handoff.getAttribute("class"), /gmp-msg-now/);
  await step(widget, button, "Step");
  assert.doesNotMatch(await handoff.getAttribute("class"), /gmp-msg-now/);
  await step(widget, button, "Step back");
  await step(widget, button, "Step back");
  await step(widget, button, "Step back");
  assert.equal(await msgs.count(), 0);

  // On to the first buffered send: its value is in the board's buffer.
  while ((await board.locator(".gmp-msg-into").count()) === 0) {
    assert.ok(++steps < 200, "no buffered send stepping forward");
    await step(widget, button, "Step");
  }
  const newest = msgs.first();
  assert.match(await newest.getAttribute("class"), /gmp-msg-into gmp-msg-now/);
  assert.equal(await newest.locator(".gmp-msg-g").innerText(), "G1");
  const slots = board.locator(".gmp-chans .gmp-chan", { hasText: "chan string" }).locator(".gmp-slot-full");
  assert.deepEqual(await slots.allInnerTexts(), ["x"]);
  assert.deepEqual(problems, []);
});

test("on the timeline, a handoff is an arrow from the sender's lane to the receiver's at the time of the send", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, PROG);
  await run(widget);
  const timeline = region("Timeline");
  await timeline.waitFor({ timeout: 5000 });
  const lanes = timeline.locator(".gmp-tl-g");
  const labels = (await lanes.locator(".gmp-tl-label").allInnerTexts()).map((l) => l.trim());
  const sender = labels.find((l) => / main\.main\.func1$/.test(l)).split(" ")[0].slice(1);
  const flow = timeline.locator(`.gmp-tl-flow[data-from="${sender}"][data-to="1"]`);
  assert.equal(await flow.count(), 1);
  const [chan] = (await flow.locator("title").textContent()).match(/chan#\d+/);
  assert.equal(await flow.locator("title").textContent(), `G${sender} sends 42 to G1 on ${chan}`);
  // Vertical, at the send's time, from the middle of the sender's lane up
  // to the receiver's bar.
  const line = await flow.locator("line:not(.gmp-tl-flow-hit)").boundingBox();
  const track = await timeline.locator(".gmp-tl-g svg").first().boundingBox();
  const span = timeline.locator(".gmp-tl-span");
  const [from, to] = [Number(await span.getAttribute("data-from-ns")), Number(await span.getAttribute("data-to-ns"))];
  const t = Number(await flow.getAttribute("data-time-ns"));
  const x = track.x + (t - from) / (to - from) * track.width;
  assert.ok(Math.abs(line.x + line.width / 2 - x) < 2 && line.width < 4, `${JSON.stringify(line)} vs x ${x}`);
  const g1 = await lanes.nth(0).boundingBox();
  const gs = await lanes.nth(labels.findIndex((l) => l.startsWith(`G${sender} `))).boundingBox();
  assert.ok(line.y > g1.y && line.y < g1.y + g1.height, `top ${line.y} in G1's lane ${JSON.stringify(g1)}`);
  assert.ok(Math.abs(line.y + line.height - (gs.y + gs.height / 2)) < 2, `bottom ${line.y + line.height} at G${sender}'s middle ${JSON.stringify(gs)}`);
  // Hovering it says it.
  await flow.hover();
  await timeline.locator(".gmp-tl-tip").filter({ hasText: "sends 42" }).waitFor();
  assert.equal(await timeline.locator(".gmp-tl-tip").innerText(), `G${sender} sends 42 to G1 on ${chan}`);
  await screenshot(page, "messages-timeline");
  // It is marked while it is the current event, faint before it happens.
  await button("Reset").click();
  assert.match(await flow.getAttribute("class"), /gmp-tl-flow-later/);
  assert.doesNotMatch(await flow.getAttribute("class"), /gmp-tl-flow-now/);
  const board = page.locator(".gmp-board .gmp-msg-handoff");
  while ((await board.count()) === 0) {
    await button("Step").click();
  }
  assert.equal(await flow.getAttribute("class"), "gmp-tl-flow gmp-tl-flow-now");
  assert.deepEqual(problems, []);
});

test("the messages at each position are the same stepping forward and back", async () => {
  const { problems, widget, button, region } = await playgroundPage(browser, PROG);
  await run(widget);
  await region("Messages").waitFor({ state: "attached", timeout: 5000 });
  const total = await eventAt(widget);
  await button("Reset").click();
  await widget.locator(".gmp-where").filter({ hasText: /^event 0 of / }).waitFor();
  const forward = [await said(region)];
  for (let k = 1; k <= total; k++) {
    await step(widget, button, "Step");
    forward.push(await said(region));
  }
  // All five messages came, one or two events apart.
  assert.equal(forward[total].length, 5);
  assert.ok(new Set(forward.map((f) => f.join("|"))).size === 6, "each message appears at its own position");
  for (let k = total - 1; k >= 0; k--) {
    await step(widget, button, "Step back");
    assert.deepEqual(await said(region), forward[k], `at event ${k}`);
  }
  assert.deepEqual(problems, []);
});

test("only the latest messages are drawn, with a count of the ones before", async () => {
  const many = `package main

func main() {
	c := make(chan int, 10)
	for i := 0; i < 10; i++ {
		c <- i
	}
}
`;
  const { problems, widget, button, region } = await playgroundPage(browser, many);
  await run(widget);
  const board = widget.locator(".gmp-board");
  await board.locator(".gmp-msg").first().waitFor({ timeout: 5000 });
  assert.deepEqual(await board.locator(".gmp-msg .gmp-arrow-value").allInnerTexts(), ["9", "8", "7", "6", "5", "4"]);
  assert.equal(await board.locator(".gmp-messages .gmp-more").innerText(), "and 4 before");
  assert.equal((await said(region)).length, 6);
  assert.deepEqual(problems, []);
});
