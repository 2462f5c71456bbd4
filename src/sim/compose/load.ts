import { parseDocument } from 'yaml';
import { kindAt, parentOf, readStored, resolvePath } from '../fs';
import type { World } from '../model';
import type { Where } from '../where';
import { normalizeProject } from './normalize';
import { type Flavor, normalizeProjectName, normalizeV1, type Project } from './project';
import { schemaMessage, validate } from './schema';
import { logrusWarning } from './state';

/**
 * Finding, reading and checking a compose file on the machine's own filesystem, in the order the
 * real loaders do: discovery (fact 53), YAML, schema (fact 65/66), project name (51/52), then the
 * consistency checks (`…: invalid compose project`). Any failure is the whole answer: nothing runs.
 */

export interface LoadOptions {
  flavor: Flavor;
  /** `-f` values as typed */
  files: string[];
  /** `-p` as typed */
  projectName?: string;
  /** COMPOSE_PROJECT_NAME given on the command line (`COMPOSE_PROJECT_NAME=x docker compose …`) */
  envName?: string;
}

export type Loaded = { ok: true; project: Project } | { ok: false; error: string; warnings: string[] };

const V2_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const V1_NAMES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];

/** The compose files to read: `-f` ones, else the first directory up from cwd holding a known name. */
function discover(
  world: World,
  where: Where,
  cwd: string,
  o: LoadOptions,
): { files: string[]; warnings: string[] } | { error: string } {
  const owner = where.id;
  if (o.files.length) {
    const files = o.files.map((f) => resolvePath(cwd, f));
    for (const [i, f] of files.entries()) {
      if (kindAt(world, owner, f) !== 'file' || readStored(world, owner, f) === undefined) {
        if (o.flavor === 'v1')
          return { error: `ERROR: .FileNotFoundError: [Errno 2] No such file or directory: '${o.files[i]}'` };
        return { error: `open ${f}: no such file or directory` };
      }
    }
    return { files, warnings: [] };
  }
  const names = o.flavor === 'v1' ? V1_NAMES : V2_NAMES;
  for (let dir = cwd; ; dir = parentOf(dir)) {
    const found = names
      .map((n) => (dir === '/' ? `/${n}` : `${dir}/${n}`))
      .filter((p) => kindAt(world, owner, p) === 'file');
    if (found.length) {
      const warnings =
        found.length > 1 && o.flavor === 'v2'
          ? [
              logrusWarning(world, `Found multiple config files with supported names: ${found.join(', ')}`),
              logrusWarning(world, `Using ${found[0]}`),
            ]
          : found.length > 1
            ? [
                `WARNING: Found multiple config files with supported names: ${found.map((f) => f.slice(dir.length + 1)).join(', ')}`,
                `WARNING: Using ${found[0].slice(dir.length + 1)}`,
              ]
            : [];
      return { files: [found[0]], warnings };
    }
    if (dir === '/') break;
  }
  if (o.flavor === 'v1') {
    return {
      error: `ERROR: \n        Can't find a suitable configuration file in this directory or any\n        parent. Are you in the right directory?\n\n        Supported filenames: ${V1_NAMES.join(', ')}\n        `,
    };
  }
  return { error: 'no configuration file provided: not found' };
}

/** go-yaml v3's wording for what the `yaml` package found wrong, with go-yaml's line. */
function yamlError(code: string, line: number): string {
  if (code === 'TAB_AS_INDENT') return `yaml: line ${line}: found character that cannot start any token`;
  if (code === 'DUPLICATE_KEY') return `yaml: line ${line}: mapping key already defined`;
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'BAD_INDENT')
    return `yaml: line ${line}: mapping values are not allowed in this context`;
  return `yaml: line ${line}: did not find expected key`;
}

/** One compose file read, parsed and checked: its top-level mapping, or the error Compose prints. */
function readOne(
  world: World,
  where: Where,
  file: string,
  shown: string,
  flavor: Flavor,
): Record<string, unknown> | string {
  const v1 = flavor === 'v1';
  const text = readStored(world, where.id, file) ?? '';
  const doc = parseDocument(text, { version: v1 ? '1.1' : '1.2', uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0].line ?? 1;
    if (v1) return `yaml.scanner.ScannerError: ${e.message.split(' at line')[0]}\n  in "${shown}", line ${line}`;
    return `failed to parse ${file}: ${yamlError(e.code, line)}`;
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (raw === null || raw === undefined) {
    if (v1) return `Top level object in '${shown}' needs to be an object not '<class 'NoneType'>'.`;
    return 'empty compose file';
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    if (v1)
      return `Top level object in '${shown}' needs to be an object not '<class '${Array.isArray(raw) ? 'list' : 'str'}'>'.`;
    return 'top-level object must be a mapping';
  }
  const dict = raw as Record<string, unknown>;
  const bad = validate(dict, flavor);
  if (bad) {
    if (v1) return `The Compose file '${shown}' is invalid because:\n${schemaMessage(bad, 'v1')}`;
    return `validating ${file}: ${schemaMessage(bad, 'v2')}`;
  }
  return dict;
}

/** `b` over `a`: mappings merge key by key, lists add what they lack, anything else is replaced. */
export function mergeCompose(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    if (isMap(old) && isMap(v)) out[k] = mergeCompose(old, v);
    else if (Array.isArray(old) && Array.isArray(v))
      out[k] = [...old, ...v.filter((x) => !old.some((y) => JSON.stringify(y) === JSON.stringify(x)))];
    else out[k] = v;
  }
  return out;
}

/** Loads the project a compose command works on. */
export function loadProject(world: World, where: Where, cwd: string, o: LoadOptions): Loaded {
  const d = discover(world, where, cwd, o);
  if ('error' in d) return { ok: false, error: d.error, warnings: [] };
  const warnings = [...d.warnings];
  const v1 = o.flavor === 'v1';
  const fail = (error: string): Loaded => ({ ok: false, error: v1 ? `ERROR: ${error}` : error, warnings });
  const file = d.files[0];
  let dict: Record<string, unknown> = {};
  for (const [i, f] of d.files.entries()) {
    const one = readOne(world, where, f, v1 ? (o.files[i] ?? `./${f.slice(f.lastIndexOf('/') + 1)}`) : f, o.flavor);
    if (typeof one === 'string') return fail(one);
    // several -f files: each later one overrides the earlier (compose-go's merge, simplified)
    dict = i === 0 ? one : mergeCompose(dict, one);
  }
  if ('version' in dict && !v1) {
    warnings.push(
      logrusWarning(
        world,
        `${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
      ),
    );
  }
  const dir = parentOf(file);
  const base = dir === '/' ? '' : dir.slice(dir.lastIndexOf('/') + 1);
  let name: string;
  if (v1) {
    name = normalizeV1(o.projectName ?? o.envName ?? base);
    if (name === '') name = 'default';
  } else {
    const given = o.projectName ?? o.envName;
    if (given !== undefined) {
      if (normalizeProjectName(given) !== given || given === '') {
        if (given === '') return fail('project name must not be empty');
        return fail(
          `invalid project name "${given}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
        );
      }
      name = given;
    } else {
      name = normalizeProjectName(typeof dict.name === 'string' ? dict.name : base);
    }
    if (name === '') return fail('project name must not be empty');
  }
  const p = normalizeProject(dict, o.flavor, { name, workingDir: dir, configFiles: d.files });
  if (!p.ok) return fail(p.error);
  return { ok: true, project: { ...p.project, warnings } };
}
