// The benchmark's empty article script: an isolated-world content script that only records the
// user-timing mark the benchmark waits for. Its cost is what any content script pays on a page.
performance.measure('backstory:scan', { start: 0, end: 0 });
