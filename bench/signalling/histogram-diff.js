#!/usr/bin/env node
// What each idle session holds on the server's heap, by class: the difference of two class histograms that
// loadgen.js wrote with --histogram=<prefix> (<prefix>-before.txt, <prefix>-idle.txt), divided by the sessions.
//
//   node histogram-diff.js <prefix> <sessions> [rows=40]
'use strict';
const fs = require('fs');

const [prefix, sessionsArg, rowsArg] = process.argv.slice(2);
if (!prefix || !Number(sessionsArg)) throw new Error('usage: histogram-diff.js <prefix> <sessions> [rows]');
const sessions = Number(sessionsArg);

function load(file) { // jcmd GC.class_histogram: " num: #instances #bytes class name (module)"
  const byClass = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)/.exec(line);
    if (m) byClass.set(m[3], { count: Number(m[1]), bytes: Number(m[2]) });
  }
  return byClass;
}

const before = load(`${prefix}-before.txt`);
const idle = load(`${prefix}-idle.txt`);
const rows = [...idle].map(([name, after]) => {
  const was = before.get(name) || { count: 0, bytes: 0 };
  return { name, bytes: (after.bytes - was.bytes) / sessions, count: (after.count - was.count) / sessions };
}).sort((a, b) => b.bytes - a.bytes);
const total = rows.reduce((sum, r) => sum + r.bytes, 0);
console.log(`${(total / 1024).toFixed(1)} KB per session over ${sessions} sessions`);
for (const r of rows.slice(0, Number(rowsArg || 40))) {
  console.log(`${r.bytes.toFixed(0).padStart(7)} B ${r.count.toFixed(2).padStart(7)} objects  ${r.name}`);
}
