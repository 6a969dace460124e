// Read MathML formulas with MathJax's MathML input, as a page using MathJax does, and report
// every formula MathJax finds invalid: an unknown element, a text node where MathML allows
// none (text directly inside <math> or <mrow>), a wrong number of children, an unknown
// attribute, or markup that is not well-formed.
// Input (stdin): JSON [{"mathml": "<math>…</math>", "where": "..."}, ...]
// Output (stdout): JSON {"checked": N, "failures": [{"where", "mathml", "error"}, ...]}
"use strict";
const { mathjax } = require("mathjax-full/js/mathjax.js");
const { MathML } = require("mathjax-full/js/input/mathml.js");
const { liteAdaptor } = require("mathjax-full/js/adaptors/liteAdaptor.js");
const { RegisterHTMLHandler } = require("mathjax-full/js/handlers/html.js");
const { STATE } = require("mathjax-full/js/core/MathItem.js");

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);

const input = new MathML({
  // Errors become exceptions (MathJax would otherwise show them in red inside the page).
  parseError: (node) => { throw new Error("not well-formed: " + adaptor.textContent(node)); },
  verify: { checkArity: true, checkAttributes: true, fullErrors: true },
  fixMisplacedChildren: false,
});
const document = mathjax.document("", { InputJax: input });

// An <merror> MathJax made while verifying the tree (the checks above) carries the message.
function errors(node, found) {
  if (node.isKind && node.isKind("merror")) {
    const message = node.attributes.get("data-mjx-message") || "";
    let text = "";
    node.walkTree((child) => { if (child.isKind("text")) text += child.getText(); });
    found.push(message || text || "merror");
    return found;
  }
  for (const child of node.childNodes || []) {
    if (child && child.childNodes !== undefined) errors(child, found);
  }
  return found;
}

let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { text += chunk; });
process.stdin.on("end", () => {
  const items = JSON.parse(text);
  const failures = [];
  for (const item of items) {
    let problems;
    try {
      const tree = document.convert(item.mathml, { end: STATE.COMPILED });
      problems = errors(tree, []);
    } catch (error) {
      problems = [String(error.message || error)];
    }
    if (problems.length) {
      failures.push({ where: item.where, mathml: item.mathml, error: problems.join("; ") });
    }
  }
  process.stdout.write(JSON.stringify({ checked: items.length, failures }));
});
