// Parse a GIFT file with gift-pegjs and print the questions as JSON on standard output.
// Usage: node tests/gift_parse.js FILE.gift   (exit status 1 and the parser's message on error)
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

try {
  const text = fs.readFileSync(process.argv[2], "utf8");
  process.stdout.write(JSON.stringify(parse(text)));
} catch (error) {
  process.stderr.write(String(error.message || error) + "\n");
  process.exit(1);
}
