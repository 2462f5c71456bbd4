import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCompose, isComposeInput, projectFromName } from '../../../src/io/composeImport';
import { createSession, runLine } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

const shop = readFileSync(new URL('../../fixtures/compose/shop.yaml', import.meta.url), 'utf8');
const sh = (w: World, line: string) => runLine(createSession(w), line).output;

describe('a compose file opens as docker compose up -d would bring it up', () => {
  it('names the project after the file, makes its networks and containers with their addresses', () => {
    const r = importCompose(createDefaultWorld(), [{ label: 'shop.yaml', text: shop }], '');
    if (!r.ok) throw new Error(r.output);
    expect(r.project).toBe('shop');
    expect(r.command).toBe('docker compose -f shop.yaml up -d');
    expect(sh(r.world, 'docker network ls --format "{{.Name}}"').split('\n').sort()).toEqual([
      'bridge',
      'host',
      'none',
      'shop_back',
      'shop_front',
    ]);
    expect(sh(r.world, 'docker ps --format "{{.Names}}"').split('\n').sort()).toEqual([
      'shop-api-1',
      'shop-db-1',
      'shop-web-1',
    ]);
    expect(sh(r.world, "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' shop-api-1")).toBe(
      '10.20.0.50',
    );
    expect(sh(r.world, 'docker network inspect -f "{{.Internal}}" shop_back')).toBe('true');
    // Compose's own progress lines
    expect(r.output).toContain('Network shop_front');
    // the project is Compose's: `docker compose ls` knows it
    expect(sh(r.world, 'docker compose ls')).toContain('shop');
  });

  it('a typed name wins (-p); a standard file name or a paste says nothing', () => {
    const r = importCompose(createDefaultWorld(), [{ label: 'shop.yaml', text: shop }], 'demo');
    if (!r.ok) throw new Error(r.output);
    expect(r.command).toBe('docker compose -p demo -f shop.yaml up -d');
    expect(r.project).toBe('demo');
    // a name Compose refuses is refused in its words
    const bad = importCompose(createDefaultWorld(), [{ label: '', text: shop }], 'Demo');
    expect(bad).toMatchObject({ ok: false, command: 'docker compose -p Demo -f compose.yaml up -d' });
    expect(bad.output).toMatch(/^invalid project name "Demo": must consist only of lowercase/);
    expect(projectFromName('docker-compose.yml')).toBeNull();
    expect(projectFromName('docker-compose.prod.yml')).toBe('prod');
    expect(projectFromName('My Shop.yml')).toBe('myshop');
  });

  it('several files merge as -f -f does', () => {
    const extra = 'services:\n  cache:\n    image: redis\n    networks: [back]\n';
    const r = importCompose(
      createDefaultWorld(),
      [
        { label: 'shop.yaml', text: shop },
        { label: 'cache.yaml', text: extra },
      ],
      '',
    );
    if (!r.ok) throw new Error(r.output);
    expect(sh(r.world, 'docker ps --format "{{.Names}}"').split('\n')).toContain('shop-cache-1');
  });

  it('a bad file is refused in the words Compose prints, and nothing is made', () => {
    const base = createDefaultWorld();
    const r = importCompose(
      base,
      [{ label: 'bad.yaml', text: 'services:\n  web:\n    image: nginx\n    portz: [80]\n' }],
      '',
    );
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/additional properties 'portz' not allowed/);
    const y = importCompose(base, [{ label: 'y.yml', text: 'services:\n  web:\n image: x\n  - :\n' }], '');
    expect(y.ok).toBe(false);
    expect(y.output).toMatch(/yaml/);
  });

  it('tells compose files from inspect output', () => {
    expect(isComposeInput([{ label: 'a.yml', text: '' }])).toBe(true);
    expect(isComposeInput([{ label: '', text: shop }])).toBe(true);
    expect(isComposeInput([{ label: '', text: '[{"Name": "x"}]' }])).toBe(false);
    expect(isComposeInput([{ label: 'x.json', text: '[]' }])).toBe(false);
  });
});
