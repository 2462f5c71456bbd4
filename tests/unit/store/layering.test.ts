import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every import specifier of a TypeScript source, static and dynamic. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) out.push(m[1]);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

describe('layering', () => {
  it('the store knows no components: nothing in src/store imports from src/ui', () => {
    const offenders = sources('src/store').flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((p) => /(^|\/)ui\//.test(p))
        .map((p) => `${f}: ${p}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src/sim/playback imports no package and nothing outside src/sim', () => {
    const offenders = sources('src/sim/playback').flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((p) => !p.startsWith('.'))
        .map((p) => `${f}: ${p}`),
    );
    expect(offenders).toEqual([]);
    // and no path climbs out of src/sim
    const climbing = sources('src/sim/playback').flatMap((f) =>
      importsOf(readFileSync(f, 'utf8')).filter((p) => p.startsWith('../../')),
    );
    expect(climbing).toEqual([]);
  });

  it('the check sees imports (so it can fail)', () => {
    expect(importsOf("import { a } from '../ui/sim/x';\nconst b = import('./y');")).toEqual(['../ui/sim/x', './y']);
  });
});
