// The lost update goal: the book's counter++ page sets it; on two Ps a
// learner picks the step that starts the second goroutine while the first
// is between its read and its write, and the page names both goroutines
// and the lines of the stale read and the two writes, as links into the
// editor. Choosing the goal by hand watches the run on show.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, screenshot, siteUrl, editorText, setProgram } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the lost update chapter's goal is reached by picking the step that interleaves the two increments", async () => {
  const { page, problems } = await open(browser, siteUrl() + "deadlock/lost-update.html");
  const widget = page.locator(".gmp-playground").first();
  await widget.locator(".gmp-editor .cm-content").waitFor({ timeout: 15000 });
  const button = (name) => widget.getByRole("button", { name, exact: true });
  const status = widget.locator(".gmp-goal-status");
  // The page's goal (its fence's goal=lost-update), before any run.
  assert.equal(await widget.locator("select.gmp-goal-kind").inputValue(), "lost-update");
  assert.equal(await status.innerText(), "Goal: lose an update. Run, then pick the next steps that get there.");
  // On one P each goroutine reads and writes before the other starts.
  await button("Run").click();
  await widget.locator(".gmp-verdict").filter({ hasText: "code 0" }).waitFor();
  assert.match(await widget.locator(".gmp-stdout").textContent(), /counter = 2\n$/);
  assert.equal(await status.innerText(), "Goal not reached: this run exited 0 and lost no update. Pick the next steps to steer it.");
  // On two Ps with seed 4 the second goroutine starts after the first wrote.
  await widget.getByLabel("GOMAXPROCS").fill("2");
  await widget.getByLabel("Seed").fill("4");
  await widget.getByLabel("Seed").blur();
  await button("Run").click();
  await widget.locator(".gmp-verdict").filter({ hasText: "code 0" }).waitFor();
  assert.match(await widget.locator(".gmp-stdout").textContent(), /counter = 2\n$/);
  assert.match(await status.innerText(), /^Goal not reached/);
  const source = (await editorText(widget)).split("\n");
  const read = source.findIndex((l) => l.trim().startsWith("n := counter")) + 1;
  const write = source.findIndex((l) => l.trim().startsWith("counter = n + 1")) + 1;
  assert.ok(read > 0 && write > read);
  // Be the scheduler: start G7 on the second P while main still runs,
  // instead of letting main wait first.
  await button("Reset").click();
  await button("Pick the next step").click();
  const next = widget.getByRole("region", { name: "Next step", exact: true });
  await next.getByRole("button", { name: /· G1 waits \[sync\.WaitGroup\.Wait\]$/ }).waitFor();
  await next.getByRole("button", { name: /· G7 runs$/ }).click();
  await status.filter({ hasText: "Goal reached" }).waitFor();
  const said = await status.innerText();
  const m = said.match(/^Goal reached: G(\d+) read at prog\.go:(\d+), G(\d+) wrote at prog\.go:(\d+), then G\1 wrote back at prog\.go:(\d+) what it computed from its stale read: G\3's update is lost$/);
  assert.ok(m, said);
  assert.notEqual(m[1], m[3]);
  assert.ok(["7", "8"].includes(m[1]) && ["7", "8"].includes(m[3]), said);
  assert.deepEqual([m[2], m[4], m[5]].map(Number), [read, write, write]);
  await screenshot(page, "lost-update-reached");
  // The lines are links into the editor.
  await status.locator(".gmp-src-link", { hasText: `prog.go:${read}` }).click();
  await widget.locator(".cm-line.gmp-current-line", { hasText: "n := counter" }).waitFor();
  await status.locator(".gmp-src-link", { hasText: `prog.go:${write}` }).first().click();
  await widget.locator(".cm-line.gmp-current-line", { hasText: "counter = n + 1" }).waitFor();
  // The position is just after the picked step; at the end, one short.
  await button("Run to end").click();
  assert.match(await widget.locator(".gmp-stdout").textContent(), /counter = 1\n$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("choosing the lost update goal by hand watches the run on show, and a mutex keeps the goal out of reach", async () => {
  const { page, problems } = await open(browser, siteUrl() + "deadlock/lost-update.html");
  const widget = page.locator(".gmp-playground").first();
  await widget.locator(".gmp-editor .cm-content").waitFor({ timeout: 15000 });
  const status = widget.locator(".gmp-goal-status");
  // Seed 1 on two Ps loses the update by itself.
  await widget.locator("select.gmp-goal-kind").selectOption("");
  await widget.getByLabel("GOMAXPROCS").fill("2");
  await widget.getByLabel("GOMAXPROCS").blur();
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  await widget.locator(".gmp-verdict").filter({ hasText: "code 0" }).waitFor();
  assert.match(await widget.locator(".gmp-stdout").textContent(), /counter = 1\n$/);
  assert.equal(await status.innerText(), "");
  // The goal chosen after the run: the same schedule again, watched.
  await widget.locator("select.gmp-goal-kind").selectOption("lost-update");
  await status.filter({ hasText: "Goal reached" }).waitFor();
  assert.match(await status.innerText(), /G\d+'s update is lost$/);
  // A mutex around the read and the write: the same schedule loses nothing.
  const locked = (await editorText(widget))
    .replace("var counter int", "var (\n\tcounter int\n\tmu      sync.Mutex\n)")
    .replace("\t\t\tn := counter", "\t\t\tmu.Lock()\n\t\t\tn := counter")
    .replace("// ...and writes it back", "// ...and writes it back\n\t\t\tmu.Unlock()");
  await setProgram(widget, locked);
  await widget.getByRole("button", { name: "Run", exact: true }).click();
  await status.filter({ hasText: "Goal not reached" }).waitFor();
  assert.match(await widget.locator(".gmp-stdout").textContent(), /counter = 2\n$/);
  assert.equal(await status.innerText(), "Goal not reached: this run exited 0 and lost no update. Pick the next steps to steer it.");
  await screenshot(page, "lost-update-mutex");
  assert.deepEqual(problems, []);
  await page.close();
});
