/**
 * A compose file (or several) opened as `docker compose up -d` would bring it up on a fresh Docker
 * host: the files are written to the host's filesystem in a project directory (`/root/<project>`,
 * so Compose names the project after it unless the file has `name:` or a name was typed), then the
 * engine's own Compose runs. A file Compose refuses changes nothing; its words are Compose's.
 * Loaded on demand with the engine (the Import dialog imports it on submit).
 */
import { runCompose } from '../sim/compose';
import { normalizeProjectName } from '../sim/compose/project';
import { HOME, withTree } from '../sim/fs';
import { DOCKER_HOST } from '../sim/ids';
import type { World } from '../sim/model';
import type { ImportInput } from './inspectImport';

const STANDARD = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/** True when the inputs are compose files: a .yml/.yaml name, or pasted YAML with a `services:` key. */
export function isComposeInput(inputs: ImportInput[]): boolean {
  return inputs.some(
    (i) => /\.ya?ml$/i.test(i.label) || (!/^\s*[[{]/.test(i.text) && /^(services|name|networks)\s*:/m.test(i.text)),
  );
}

/** The project a file name suggests: `shop.yaml` -> `shop`; a standard name says nothing (null). */
export function projectFromName(label: string): string | null {
  const base = label.split(/[\\/]/).pop() ?? '';
  if (!base || STANDARD.includes(base.toLowerCase())) return null;
  const name = normalizeProjectName(base.replace(/\.ya?ml$/i, '').replace(/^docker-compose[._-]?/i, ''));
  return name || null;
}

export type ComposeImport =
  | { ok: true; world: World; project: string; command: string; output: string }
  | { ok: false; command: string; output: string };

/**
 * `docker compose [-p NAME] -f A -f B up -d` in `/root/<project>` on the default World `base`.
 * `typedName`: the dialog's project field ("" to let Compose decide, as it would from the directory).
 */
export function importCompose(base: World, inputs: ImportInput[], typedName: string): ComposeImport {
  const dirName =
    normalizeProjectName(typedName) || inputs.map((i) => projectFromName(i.label)).find(Boolean) || 'whalewire';
  const dir = `${HOME}/${dirName}`;
  const names: string[] = [];
  const files: Record<string, string | null> = { [dir]: null };
  for (const [k, input] of inputs.entries()) {
    let name = (input.label.split(/[\\/]/).pop() || (k === 0 ? 'compose.yaml' : `compose.${k + 1}.yaml`)).replace(
      /[^\w.-]/g,
      '_',
    );
    while (names.includes(name)) name = `_${name}`;
    names.push(name);
    files[`${dir}/${name}`] = input.text;
  }
  const world = withTree(base, DOCKER_HOST, (t) => Object.assign(t, files));
  const argv = [...(typedName.trim() ? ['-p', typedName.trim()] : []), ...names.flatMap((n) => ['-f', n]), 'up', '-d'];
  const command = `docker compose ${argv.join(' ')}`;
  const r = runCompose(world, argv, { kind: 'machine', id: DOCKER_HOST, cwd: dir }, 'v2');
  if (r.exitCode !== 0) return { ok: false, command, output: r.output };
  const project = Object.values(r.world.containers)
    .map((c) => c.labels?.['com.docker.compose.project'])
    .find(Boolean);
  return { ok: true, world: r.world, project: project ?? dirName, command, output: r.output };
}
