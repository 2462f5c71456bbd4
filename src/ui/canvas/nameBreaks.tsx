import { Fragment, type ReactNode } from 'react';

/** Where a Docker name may break: after `_`, `-`, `.` and `/` (Compose's `proj_service_1`, `web.1.x0y1`). */
const SEP = /(?<=[_\-./])/;

/**
 * A name as text with a line-break opportunity after each separator, so a long Compose or swarm
 * name wraps as `gloddy_server_` / `default`, not `gloddy_server_defa` / `ult` (the CSS breaks
 * inside a part only when one part alone is wider than the card).
 * @example nameBreaks('gloddy_server_app_1') // gloddy_ <wbr> server_ <wbr> app_ <wbr> 1
 */
export function nameBreaks(name: string): ReactNode {
  const parts = name.split(SEP);
  if (parts.length < 2) return name;
  return parts.map((p, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts are positional
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {p}
    </Fragment>
  ));
}

/** The parts `nameBreaks` may wrap between (metrics.ts counts lines with them). */
export function nameParts(name: string): string[] {
  return name.split(SEP);
}
