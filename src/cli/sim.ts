// placeholder: the headless runner (issue 2) replaces this

import { readFileSync } from 'node:fs';
import { createSession, runLine } from '../sim/console';
import { createDefaultWorld } from '../sim/world';

const file = process.argv[2] ?? '-';
const text = readFileSync(file === '-' ? 0 : file, 'utf8');
let s = createSession(createDefaultWorld());
for (const line of text.split('\n')) {
  const r = runLine(s, line);
  s = r.session;
  process.stdout.write(`$ ${line}\n${r.output}${r.output ? '\n' : ''}`);
}
