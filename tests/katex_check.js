// Render formulas with KaTeX, as GitHub-like Markdown viewers do, and report the failures.
// Input (stdin): JSON [{"tex": "...", "display": true|false, "where": "..."}, ...]
// Output (stdout): JSON {"checked": N, "failures": [{"where", "tex", "error"}, ...]}
"use strict";
const katex = require("katex");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const spans = JSON.parse(input);
  const failures = [];
  for (const span of spans) {
    try {
      katex.renderToString(span.tex, {
        displayMode: Boolean(span.display),
        throwOnError: true,
        // Anything KaTeX would only warn about (non-LaTeX behaviour) is a failure too.
        strict: (code, message) => { throw new Error(code + ": " + message); },
      });
    } catch (error) {
      failures.push({ where: span.where, tex: span.tex, error: String(error.message || error) });
    }
  }
  process.stdout.write(JSON.stringify({ checked: spans.length, failures }));
});
