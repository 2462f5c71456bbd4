import { Fragment, type ReactNode } from 'react';

/** A word with a hyphen in it, with what sticks to it (`docker-host-2와`, `DOCKER-ISOLATION-STAGE-1,`). */
const HYPHENATED = /(\S*\w-\w\S*)/;

/**
 * Text whose hyphenated words never wrap at their hyphens: a browser breaks after a `-` even under
 * `word-break: keep-all`, which split `docker-host-` / `2와` in the Korean narration.
 * @example keepWords('docker-host-2와 pc1') // <span class="nobr">docker-host-2와</span> pc1
 */
export function keepWords(text: string): ReactNode {
  const parts = text.split(HYPHENATED);
  if (parts.length < 2) return text;
  // split with a capture group: the hyphenated words are the odd parts; a part's key is its place
  const keyed = parts.map((p, i) => ({ p, key: `${i}:${p}`, word: i % 2 === 1 }));
  return keyed.map(({ p, key, word }) =>
    word ? (
      <span className="nobr" key={key}>
        {p}
      </span>
    ) : (
      <Fragment key={key}>{p}</Fragment>
    ),
  );
}
