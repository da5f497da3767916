// "What else can happen from here?": the run forked at the position. The
// futures keep the run's past; Follow runs one, with the position left
// where the paths part.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, playgroundPage, EITHER, run } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


test("the futures from a position keep the past; Follow runs the other one", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, EITHER);
  await run(widget);
  const console_ = widget.getByRole("log", { name: "Output", exact: true });
  const first = (await console_.innerText()).trim();
  assert.match(first, /^took [ab]$/);
  // At the end the past is the whole run: one future, this one.
  await button("What else can happen from here?").click();
  const futures = region("Futures");
  assert.match(await futures.innerText(), /1 distinct future\(s\) in 48 schedules/);
  assert.equal(await futures.locator(".gmp-future").count(), 1);
  assert.match(await futures.locator(".gmp-future pre").last().innerText(), new RegExp(`^${first}$`));
  // From the start, the select may go either way.
  await button("Reset").click();
  await button("What else can happen from here?").click();
  await futures.filter({ hasText: /From event 0 of/ }).waitFor();
  assert.match(await futures.innerText(), /From event 0 of \d+: 2 distinct future\(s\) in 48 schedules/);
  const items = futures.locator(".gmp-future");
  assert.equal(await items.count(), 2);
  const other = first === "took a" ? "took b" : "took a";
  let k = 0;
  while ((await items.nth(k).locator("pre").last().innerText()).trim() !== other) k++;
  await screenshot(page, "futures");
  await items.nth(k).getByRole("button", { name: "Follow" }).click();
  // The followed run printed the other case; the position is where it forked.
  await widget.locator(".gmp-where").filter({ hasText: /^event 0 of / }).waitFor();
  await button("Run to end").click();
  assert.equal((await console_.innerText()).trim(), other);
  // What if: the run before the fork stays beside it, its own timeline
  // with the same goroutines, its output the first one.
  const beforeFork = region("Before the fork");
  assert.match(await beforeFork.innerText(), /What if: the run before you followed another future from event 0 · it exited/);
  assert.equal((await beforeFork.getByLabel("Its output").innerText()).trim(), first);
  const laneNames = (tl) => tl.locator(".gmp-tl-g .gmp-tl-label").allInnerTexts();
  const now = await laneNames(region("Timeline"));
  const then = await laneNames(beforeFork.getByRole("region", { name: "Timeline before the fork", exact: true }));
  assert.ok(now.some((l) => /^G1 main\.main$/.test(l)), `lanes now: ${now}`);
  assert.deepEqual(then, now);
  await screenshot(page, "futures-compare");
  await button("Close the comparison").click();
  assert.equal(await widget.locator(".gmp-before").count(), 0);
  // Follow again, then Run: a new run of the program has nothing to compare.
  await button("Reset").click();
  await button("What else can happen from here?").click();
  await futures.filter({ hasText: /From event 0 of/ }).waitFor();
  await futures.locator(".gmp-future").first().getByRole("button", { name: "Follow" }).click();
  await region("Before the fork").waitFor();
  await run(widget);
  assert.equal(await widget.locator(".gmp-before").count(), 0);
  assert.deepEqual(problems, []);
});

test("you are the scheduler: the next steps Go allows are buttons, and picking one takes it", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, EITHER);
  const console_ = widget.getByRole("log", { name: "Output", exact: true });
  await run(widget);
  const first = (await console_.innerText()).trim();
  await button("Reset").click();
  await button("Pick the next step").click();
  const next = region("Next step");
  assert.match(await next.innerText(), /You are the scheduler: 2 ways on\. Pick what happens next\./);
  // Until the select, one P leaves nothing open.
  assert.match(await next.locator(".gmp-agreed summary").innerText(), /^\d+ step\(s\) happen whatever the schedule$/);
  const choices = next.locator("button.gmp-choice");
  assert.equal(await choices.count(), 2);
  const labels = (await choices.allInnerTexts()).sort();
  assert.match(labels[0], /^prog\.go:\d+ · G1 receives a from chan#\d+$/);
  assert.match(labels[1], /^prog\.go:\d+ · G1 receives b from chan#\d+$/);
  const other = first === "took a" ? "b" : "a";
  await screenshot(page, "next-step");
  await next.getByRole("button", { name: new RegExp(`G1 receives ${other} from`) }).click();
  // The step is taken: the position is just after it, and the run goes one way from there.
  await next.getByText("Nothing is left to choose: from here the run goes one way.").waitFor();
  assert.match(await widget.locator(".gmp-now").innerText(), new RegExp(`G1 receives ${other} from`));
  await button("Run to end").click();
  assert.equal((await console_.innerText()).trim(), `took ${other}`);
  await button("Stop picking").click();
  assert.equal(await widget.locator(".gmp-choices").count(), 0);
  assert.deepEqual(problems, []);
});
