// Goals for "Pick the next step": a page or the reader sets what the
// schedule should bring about (a deadlock, a leak, an output), and the page
// says whether the run on show reached it; a share link carries the goal
// and the picked schedule, and replays both.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, screenshot, siteUrl, playgroundPage, editorText, LEAKY, EITHER } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a chapter's playground sets the goal; picking the steps that deadlock two mutexes reaches it, and its link replays it", async () => {
  const { page, problems } = await open(browser, siteUrl() + "deadlock/index.html");
  const widget = page.locator(".gmp-playground").first();
  await widget.locator(".gmp-editor .cm-content").waitFor({ timeout: 15000 });
  const button = (name) => widget.getByRole("button", { name, exact: true });
  const status = widget.locator(".gmp-goal-status");
  // The page's goal (its fence's goal=deadlock), before any run.
  assert.equal(await widget.locator("select.gmp-goal-kind").inputValue(), "deadlock");
  assert.equal(await status.innerText(), "Goal: reach a deadlock. Run, then pick the next steps that get there.");
  // On two Ps with seed 4 one goroutine takes both mutexes before the other starts.
  await widget.getByLabel("GOMAXPROCS").fill("2");
  await widget.getByLabel("Seed").fill("4");
  await widget.getByLabel("Seed").blur();
  await button("Run").click();
  await widget.locator(".gmp-verdict").filter({ hasText: "code 0" }).waitFor();
  assert.equal(await status.innerText(), "Goal not reached: this run exited 0. Pick the next steps to steer it.");
  // The line where the first goroutine, holding a, asks for b.
  const source = (await editorText(widget)).split("\n");
  const bLock = source.indexOf("\t\tb.Lock()") + 1;
  assert.ok(bLock > 0);
  // Be the scheduler: the first goroutine runs while the second is still
  // between its Locks, then it waits for b, which the second holds.
  await button("Reset").click();
  await button("Pick the next step").click();
  const next = widget.getByRole("region", { name: "Next step", exact: true });
  await next.getByRole("button", { name: /· G7 runs$/ }).click();
  await next.getByRole("button", { name: `prog.go:${bLock} · G7 waits [sync.Mutex.Lock]` }).click();
  await status.filter({ hasText: "Goal reached" }).waitFor();
  assert.equal(await status.innerText(), "Goal reached: all goroutines are asleep - deadlock!");
  await next.getByText("Nothing is left to choose: from here the run goes one way.").waitFor();
  assert.match(await widget.locator(".gmp-verdict").innerText(), /deadlocked: fatal error: all goroutines are asleep - deadlock!/);
  await screenshot(page, "goal-deadlock-reached");
  // The link carries the picked schedule and the goal: a fresh page replays the deadlock.
  await button("Share").click();
  const field = widget.getByLabel("Link to this program and run");
  await field.waitFor({ timeout: 5000 });
  const link = await field.inputValue();
  assert.match(link, /#prog=[\w-]+&schedule=[\w.-]+&goal=[\w-]+$/);
  const fresh = await open(browser, link);
  const full = fresh.page.locator(".gmp-full");
  await full.locator(".gmp-goal-status").filter({ hasText: "Goal reached" }).waitFor({ timeout: 10000 });
  assert.equal(await full.locator(".gmp-goal-status").innerText(), "Goal reached: all goroutines are asleep - deadlock!");
  assert.equal(await full.locator("select.gmp-goal-kind").inputValue(), "deadlock");
  assert.equal(await full.getByLabel("GOMAXPROCS").inputValue(), "2");
  assert.deepEqual(problems, []);
  assert.deepEqual(fresh.problems, []);
  await fresh.page.close();
  await page.close();
});


test("the reader chooses a goal: an output reached by picking the other case, a leak, or none", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, EITHER);
  const status = widget.locator(".gmp-goal-status");
  assert.equal(await status.innerText(), "");
  await button("Run").click();
  const first = (await widget.getByRole("log", { name: "Output", exact: true }).innerText()).trim();
  const other = first === "took a" ? "b" : "a";
  // Aim for the output this run did not print.
  await widget.locator("select.gmp-goal-kind").selectOption("output");
  assert.equal(await status.innerText(), "Type the output to aim for.");
  await widget.locator("input.gmp-goal-output").fill(`took ${other}`);
  assert.equal(await status.innerText(), "Goal not reached: this run exited 0. Pick the next steps to steer it.");
  await button("Reset").click();
  await button("Pick the next step").click();
  await region("Next step").getByRole("button", { name: new RegExp(`G1 receives ${other} from`) }).click();
  await status.filter({ hasText: "Goal reached" }).waitFor();
  assert.equal(await status.innerText(), `Goal reached: printed "took ${other}"`);
  // The same run does not reach a leak: nothing was left blocked.
  await widget.locator("select.gmp-goal-kind").selectOption("leak");
  assert.equal(await status.innerText(), "Goal not reached: this run exited 0. Pick the next steps to steer it.");
  await widget.locator("select.gmp-goal-kind").selectOption("");
  assert.equal(await status.innerText(), "");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a leak goal is reached by a run that leaves a goroutine blocked", async () => {
  const { page, problems, widget, button } = await playgroundPage(browser, LEAKY);
  await widget.locator("select.gmp-goal-kind").selectOption("leak");
  await button("Run").click();
  await widget.locator(".gmp-goal-status").filter({ hasText: "Goal reached" }).waitFor();
  assert.equal(await widget.locator(".gmp-goal-status").innerText(), "Goal reached: 1 goroutine(s) leaked");
  // A deadlock it is not.
  await widget.locator("select.gmp-goal-kind").selectOption("deadlock");
  assert.equal(await widget.locator(".gmp-goal-status").innerText(), "Goal not reached: this run exited 0, 1 goroutine(s) leaked. Pick the next steps to steer it.");
  assert.deepEqual(problems, []);
  await page.close();
});
