import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the first picture downloads (issue 11): the modules src/main.tsx reaches through static
 * imports. `import type` and `import()` do not count; they are what keeps the engine, the packet
 * layer and ip-num out of the first chunk. A new static import that drags one of them in would grow
 * the slow laptop's wait unnoticed (the hosts overview once pulled all of ip-num in for one line).
 */
const ROOT = resolve(__dirname, '../..');

function staticSpecifiers(code: string): string[] {
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) {
    if (m[5]) out.push(m[5]);
    else if (!m[2]) out.push(m[4]);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(c) && /\.(ts|tsx)$/.test(c)) return c;
  return null;
}

/** Every module (project-relative paths) and every package the entry reaches statically. */
function firstChunk(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length) {
    const file = queue.shift()!;
    const rel = relative(ROOT, file);
    if (modules.has(rel)) continue;
    modules.add(rel);
    for (const spec of staticSpecifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec);
        if (next) queue.push(next);
      } else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return { modules, packages };
}

describe('the first chunk (src/main.tsx and its static imports)', () => {
  const { modules, packages } = firstChunk('src/main.tsx');

  it('reaches the app, the store and the canvas', () => {
    expect(modules.has('src/ui/App.tsx')).toBe(true);
    expect(modules.has('src/store/appStore.ts')).toBe(true);
    expect(modules.has('src/ui/canvas/Canvas.tsx')).toBe(true);
    expect([...packages]).toEqual(expect.arrayContaining(['react', 'react-dom', '@xyflow/react', 'zustand']));
  });

  it('holds neither ip-num nor the engine, the packet layer, the hosts overview or the context menu', () => {
    expect(packages.has('ip-num')).toBe(false);
    const late = [...modules].filter(
      (m) =>
        m.startsWith('src/sim/net/') ||
        m.startsWith('src/sim/docker/') ||
        m.startsWith('src/sim/packet/') ||
        m === 'src/sim/console.ts' ||
        /\/(PacketLayer|packetAnimator|HostsOverview|ContextMenu|Dock|Dialogs)\.tsx?$/.test(m),
    );
    expect(late).toEqual([]);
  });

  it('sees a static import and skips type-only and dynamic ones', () => {
    expect(
      staticSpecifiers(
        "import { a } from './a';\nimport type { B } from './b';\nconst c = import('./c');\nexport { d } from './d';\nimport './e.css';",
      ),
    ).toEqual(['./a', './d', './e.css']);
  });
});
