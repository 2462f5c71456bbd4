import type { Session } from './console';
import { scan } from './shell/lexer';
import { heredocOf } from './shell/redirect';

/**
 * Lines that continue on the next ones, as bash reads them: an open quote or `$(` (the newline
 * becomes part of the word), a trailing backslash (the lines join), and heredocs
 * (`cat > compose.yaml <<'EOF'` … `EOF`), whose body becomes the command's stdin. Typed line by
 * line or pasted at once, the result is the same: the session keeps what is pending and the
 * prompt is `>` meanwhile.
 */

export type Continued =
  | { wait: true; session: Session }
  | { wait: false; session: Session; line: string; stdin?: string };

export function continueLine(session: Session, line: string): Continued {
  const p = session.pending;
  if (p?.heredoc) {
    const { delim, strip } = p.heredoc;
    const text = strip ? line.replace(/^\t+/, '') : line;
    if (text !== delim) return { wait: true, session: { ...session, pending: { ...p, lines: [...p.lines, text] } } };
    const body = p.lines.slice(1);
    const rest = withoutPending(session);
    return { wait: false, session: rest, line: p.lines[0], stdin: body.length ? `${body.join('\n')}\n` : '' };
  }
  const joined = p ? joinLines(p.lines, line) : line;
  const open = !p && line.trim().startsWith('#') ? null : scan(joined).open;
  if (open) return { wait: true, session: { ...session, pending: { lines: [joined] } } };
  const rest = p ? withoutPending(session) : session;
  const doc = joined.trim().startsWith('#') ? null : heredocOf(joined);
  if (doc)
    return {
      wait: true,
      session: { ...rest, pending: { lines: [joined], heredoc: { delim: doc.delim, strip: doc.strip } } },
    };
  return { wait: false, session: rest, line: joined };
}

/** A backslash-newline joins two lines; inside quotes the newline stays. */
function joinLines(lines: string[], next: string): string {
  const prev = lines[lines.length - 1];
  if (prev.endsWith('\\') && scan(prev).open === '\\') return `${prev.slice(0, -1)}${next}`;
  return `${prev}\n${next}`;
}

function withoutPending(session: Session): Session {
  const { pending: _, ...rest } = session;
  return rest;
}
