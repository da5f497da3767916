// The -race switch: the run uses Go's race detector, whose report appears
// in the output as Go prints it, and the program exits 66.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, screenshot, playgroundPage } from "./harness.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const RACY = `package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
`;

test("with -race a racy counter gets Go's report and exit 66; without it, none", async () => {
  const { page, problems, widget, button, region } = await playgroundPage(browser, RACY);
  const output = widget.getByRole("log", { name: "Output", exact: true });
  await button("Run").click();
  // The run's slices follow the click in later tasks: wait for its end.
  await widget.locator(".gmp-verdict").filter({ hasText: "code 0" }).waitFor();
  assert.equal((await output.innerText()).trim(), "2");
  assert.match(await region("Verdict").innerText(), /exited with code 0/);
  await widget.locator("input.gmp-race").check();
  // Checking it runs again, under the detector.
  await widget.locator(".gmp-verdict").filter({ hasText: "code 66" }).waitFor();
  const text = await output.innerText();
  assert.match(text, /==================\nWARNING: DATA RACE\n(Read|Write) at 0x[0-9a-f]+ by goroutine \d+:\n  main\.main\.func1\(\)\n      .*prog\.go:15 \+0x[0-9a-f]+\n/);
  assert.match(text, /Found 1 data race\(s\)/);
  // Both accesses are marked in the editor, as warnings, at counter++.
  await widget.locator(".cm-lint-marker-warning").first().waitFor();
  const flagged = await widget.locator(".cm-gutter-lint .cm-gutterElement").evaluateAll((els) =>
    els.filter((el) => el.querySelector(".cm-lint-marker-warning")).map((el) => el.textContent));
  assert.equal(flagged.length, 1, "one line flagged");
  const marked = widget.locator(".cm-lintRange-warning");
  assert.ok(await marked.count() >= 1);
  assert.match(await marked.first().innerText(), /counter/);
  await screenshot(page, "race");
  assert.deepEqual(problems, []);
});
