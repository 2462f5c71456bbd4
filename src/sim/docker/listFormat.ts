import type { CommandResult, World } from '../model';
import { fail, ok, table } from './output';
import { compileTemplate } from './template';
import type { Value } from './templateFuncs';

/**
 * A list command's `--format` (ps, images, network ls), as docker/cli's formatter.Context reads it:
 * `table` (or none) is the command's own table, so `undefined` comes back and the caller prints it;
 * a `table …` template gets the header row from `headers` and aligned columns; anything else is
 * one template run a row. `rows` is asked for only when a template is given. Preformat: the `table` prefix off, trimmed, `\t` and `\n` as typed
 * become real ones.
 */
export function formatList(
  world: World,
  format: string | undefined,
  rows: () => readonly Value[],
  headers: Record<string, string>,
): CommandResult | undefined {
  if (format === undefined || format === '' || format === 'table') return undefined;
  // formatter.JSONFormat is `{{json .}}`: the row's fields as a map, so in key order, HTML escaped
  if (format === 'json') return ok(world, rows().map(goJsonLine).join('\n'));
  const isTable = format.startsWith('table');
  const body = (isTable ? format.slice(5) : format).trim().replaceAll('\\t', '\t').replaceAll('\\n', '\n');
  const tmpl = compileTemplate(body);
  if (!tmpl.ok) return fail(world, `template parsing error: ${tmpl.error}`, 64);
  const lines = rows().map((r) => tmpl.run(r));
  if (!isTable) return ok(world, lines.join('\n'));
  return ok(world, table([tmpl.run(headers), ...lines].map((l) => l.split('\t'))));
}

/** encoding/json of a map: keys sorted, <, > and & escaped. */
function goJsonLine(row: Value): string {
  const sorted = Object.fromEntries(Object.entries(row as Record<string, Value>).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(sorted).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
