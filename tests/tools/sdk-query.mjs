// A small Agent SDK program for SeatGuard's interop tests: query() with the claude executable given by --claude
// (the SeatGuard shim), its environment inherited as an SDK program's is. Prints every message the SDK yields as one
// JSON line, then {"done":true} or {"thrown":"<message>"}; exits 0 either way (the test reads the lines).
//   node sdk-query.mjs --claude PATH [--multi]
import { query } from '@anthropic-ai/claude-agent-sdk';

const args = process.argv.slice(2);
const claude = args[args.indexOf('--claude') + 1];
const multi = args.includes('--multi');
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n');

function user(text) {
  return { type: 'user', session_id: '', message: { role: 'user', content: [{ type: 'text', text }] }, parent_tool_use_id: null };
}

// Multi-turn: an AsyncIterable prompt (stdin stream-json), the second question sent after the first result.
let answered;
let next = new Promise((r) => (answered = r));
async function* conversation() {
  yield user('first question');
  await next;
  next = new Promise((r) => (answered = r));
  yield user('second question');
  await next;
}

try {
  const q = query({ prompt: multi ? conversation() : 'say pong', options: { pathToClaudeCodeExecutable: claude, stderr: (s) => process.stderr.write(s) } });
  for await (const m of q) {
    print(m);
    if (m.type === 'result') answered();
  }
  print({ done: true });
} catch (e) {
  print({ thrown: String(e?.message ?? e) });
}
