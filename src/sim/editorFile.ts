import { GENERATED, kindAt, PROBLEM_WORDS, readStored, writeFile, writeProblem } from './fs';
import type { World } from './model';
import { catCommand } from './shell/files';
import type { Where } from './where';

/**
 * The console's editor (`nano FILE`, `vi FILE`, or a file opened from the Inspector) reads and
 * writes the World's files here: the engine owns them, the UI only shows the text.
 */

function whereOf(world: World, owner: string): Where | null {
  if (world.machines[owner]) return { kind: 'machine', id: owner };
  if (world.containers[owner]) return { kind: 'container', id: owner };
  return null;
}

/**
 * What the editor shows for a file: its text; '' for a file that does not exist yet (nano opens a
 * new buffer and creates it on save); the generated /etc files as Docker wrote them.
 */
export function openForEdit(
  world: World,
  owner: string,
  path: string,
): { text: string; isNew: boolean } | { error: string } {
  const where = whereOf(world, owner);
  if (!where) return { error: `${owner}: no such machine or container` };
  const kind = kindAt(world, owner, path);
  if (kind === 'dir') return { error: `"${path}" is a directory` };
  const stored = readStored(world, owner, path);
  if (stored !== undefined) return { text: stored, isNew: false };
  if (GENERATED.includes(path)) {
    const r = catCommand(world, ['cat', path], where);
    return { text: r.exitCode === 0 ? `${r.output}\n` : '', isNew: false };
  }
  return { text: '', isNew: true };
}

/**
 * The editor's save (nano's Write Out): the file written whole, created when new. A file whose
 * directory is missing is refused in nano's words, and the World stays as it was.
 */
export function saveEdited(world: World, owner: string, path: string, text: string): { world: World; error?: string } {
  if (!whereOf(world, owner)) return { world, error: `[ Error writing ${path}: No such file or directory ]` };
  const p = writeProblem(world, owner, path);
  if (p) return { world, error: `[ Error writing ${path}: ${PROBLEM_WORDS[p]} ]` };
  if (readStored(world, owner, path) === text) return { world };
  return { world: writeFile(world, owner, path, text) };
}
