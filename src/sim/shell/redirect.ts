import { pipeSegments, scan, words } from './lexer';

/**
 * Redirections of one simple command, as bash reads them: `> file`, `>> file`, `2>&1`,
 * `2>/dev/null`, `< file`, `&> file` and heredocs (`<<EOF`, `<<'EOF'`, `<<-EOF`). They are taken
 * out of argv wherever they stand; quoted operators (`echo '>'`) stay words.
 */

export interface Redirect {
  /** the descriptor redirected: 0 stdin, 1 stdout, 2 stderr; `&>` is both (fd 1 with `both`) */
  fd: number;
  op: '>' | '>>' | '<' | '<<' | '<<-' | '>&';
  target: string;
  /** `&>`: stdout and stderr together */
  both?: boolean;
  /** a heredoc whose delimiter was quoted: its body is taken literally */
  quoted?: boolean;
}

export interface Command {
  argv: string[];
  redirects: Redirect[];
  /** `bash: syntax error near unexpected token …` when an operator has no target */
  error?: string;
}

const OP = /^(\d?)(&>|>>|>&|>|<<-|<<|<)/;

/** Puts spaces around the unquoted redirection operators, so each is a word of its own. */
function spaced(line: string): { text: string; ops: Set<number> } {
  // every operator has a '<' or '>': without one the line is its own text (most lines)
  if (!line.includes('<') && !line.includes('>')) return { text: line, ops: new Set() };
  const { code } = scan(line);
  let text = '';
  const ops = new Set<number>();
  let wordCount = 0;
  let atWordStart = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (code[i] && (ch === '>' || ch === '<' || (ch === '&' && line[i + 1] === '>') || /\d/.test(ch))) {
      const m = OP.exec(line.slice(i));
      // a digit is an fd only right before the operator and at the start of a word
      if (m && (m[1] === '' || atWordStart)) {
        text += ` ${m[0]} `;
        ops.add(wordCount + (atWordStart ? 0 : 1));
        wordCount += atWordStart ? 1 : 2;
        i += m[0].length - 1;
        atWordStart = true;
        continue;
      }
    }
    if (code[i] && /\s/.test(ch)) {
      if (!atWordStart) wordCount++;
      atWordStart = true;
    } else atWordStart = false;
    text += ch;
  }
  return { text, ops };
}

/** The argv and redirections of one simple command (a pipeline segment). */
export function parseCommand(segment: string): Command {
  const { text, ops } = spaced(segment);
  const ws = words(text);
  const argv: string[] = [];
  const redirects: Redirect[] = [];
  for (let i = 0; i < ws.length; i++) {
    const m = ops.has(i) && !ws[i].quoted ? OP.exec(ws[i].text) : null;
    if (!m || m[0] !== ws[i].text) {
      argv.push(ws[i].text);
      continue;
    }
    const target = ws[i + 1];
    if (!target) return { argv, redirects, error: "bash: syntax error near unexpected token `newline'" };
    i++;
    const op = m[2] === '&>' ? '>' : (m[2] as Redirect['op']);
    const fd = m[1] !== '' ? Number(m[1]) : op === '<' || op === '<<' || op === '<<-' ? 0 : 1;
    redirects.push({
      fd,
      op,
      target: target.text,
      ...(m[2] === '&>' ? { both: true } : {}),
      ...(target.quoted && op.startsWith('<<') ? { quoted: true } : {}),
    });
  }
  return { argv, redirects };
}

/** The heredoc a line opens, if any: its delimiter and whether tabs are stripped (`<<-`). */
export function heredocOf(line: string): { delim: string; strip: boolean; quoted: boolean } | null {
  if (!line.includes('<<')) return null; // every heredoc operator is spelled with it
  for (const seg of pipeSegments(line)) {
    const r = parseCommand(seg).redirects.find((x) => x.op === '<<' || x.op === '<<-');
    if (r) return { delim: r.target, strip: r.op === '<<-', quoted: Boolean(r.quoted) };
  }
  return null;
}
