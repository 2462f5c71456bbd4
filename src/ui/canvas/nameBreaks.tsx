import { Fragment, type ReactNode } from 'react';

/** Where a Docker name may break: after `_`, `-`, `.` and `/` (Compose's `proj_service_1`, `web.1.x0y1`). */
const SEP = /(?<=[_\-./])/;

/**
 * A random id inside a name: swarmkit's 25-character task and node ids (`api.1.x7k2…`). It never
 * breaks inside: a line holds what it can and an ellipsis ends it (the Inspector and `docker ps`
 * give the whole name), since `x7k2ab` / `cd3…` read as two words.
 */
export const isRandomId = (part: string) => /^[a-z0-9]{20,}[_\-./]?$/.test(part);

/**
 * A name as text with a line-break opportunity after each separator, so a long Compose or swarm
 * name wraps as `gloddy_server_` / `default`, not `gloddy_server_defa` / `ult` (the CSS breaks
 * inside a part only when one part alone is wider than the card; a random id, never).
 * @example nameBreaks('gloddy_server_app_1') // gloddy_ <wbr> server_ <wbr> app_ <wbr> 1
 */
export function nameBreaks(name: string): ReactNode {
  const parts = name.split(SEP);
  if (parts.length < 2) return name;
  return parts.map((p, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts are positional
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {i > 0 && isRandomId(p) ? (
        <span className="name-id" title={name}>
          {p}
        </span>
      ) : (
        p
      )}
    </Fragment>
  ));
}

/** The parts `nameBreaks` may wrap between (metrics.ts counts lines with them). */
export function nameParts(name: string): string[] {
  return name.split(SEP);
}
