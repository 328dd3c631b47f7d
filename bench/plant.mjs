// Plants labeled fake tokens and decoys into the benchmark corpus (bench/scan.sh calls this).
// Tokens are generated here at run time; nothing token-shaped is stored in the repository.
// Usage: node plant.mjs <corpus tree> <labels.tsv>
import { randomInt } from 'node:crypto';
import { readdirSync, writeFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const [tree, labelsPath] = process.argv.slice(2);
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const body = n => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const pre = kind => 'sk-ant-' + kind + '-';

const dirs = [];
(function walk(d, depth) {
  if (depth > 4) return;
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory() && !e.name.startsWith('.')) { dirs.push(join(d, e.name)); walk(join(d, e.name), depth + 1); }
  }
})(tree, 0);

const positives = [
  ['anthropic-api-key', () => pre('api03') + body(93) + 'AA'],
  ['anthropic-admin-key', () => pre('admin01') + body(93) + 'AA'],
  ['claude-oauth-token', () => pre('oat01') + body(80 + randomInt(41))],
  ['claude-refresh-token', () => pre('ort01') + body(80 + randomInt(41))],
];
const decoys = [
  ['placeholder', () => pre('oat01') + '...'],
  ['too-short', () => pre('oat01') + body(30)],
  ['wrong-suffix', () => pre('api03') + body(93) + 'ZZ'],
  ['repeated', () => pre('oat01') + 'x'.repeat(95)],
];
const wrappers = [
  t => `module.exports = { apiKey: "${t}" };\n`,
  t => `// config\nconst token = '${t}';\nexport default token;\n`,
  t => `{\n  "name": "planted",\n  "credential": "${t}"\n}\n`,
  t => `ANTHROPIC_KEY=${t}\n`,
];
const lines = [];
let n = 0;
for (let i = 0; i < 100; i++) {
  const [label, make] = positives[i % positives.length];
  const dir = dirs[randomInt(dirs.length)];
  const file = join(dir, `seatguard-planted-${n++}.${['js', 'mjs', 'json', 'txt'][i % 4]}`);
  writeFileSync(file, wrappers[i % wrappers.length](make()));
  lines.push(`${relative(tree, file)}\t${label}\t1`);
}
for (let i = 0; i < 40; i++) {
  const [label, make] = decoys[i % decoys.length];
  const dir = dirs[randomInt(dirs.length)];
  const file = join(dir, `seatguard-decoy-${n++}.js`);
  writeFileSync(file, wrappers[i % 2](make()));
  lines.push(`${relative(tree, file)}\t${label}\t0`);
}
writeFileSync(labelsPath, lines.join('\n') + '\n');
console.error(`planted ${lines.length} labeled files in ${dirs.length} directories of ${tree}`);
