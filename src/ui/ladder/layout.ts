import type { Ladder } from '../../sim/playback/ladder';

/** Where everything of a ladder diagram goes, in SVG user units (px at 100 %). */
export interface LadderLayout {
  /** font size of the labels */
  fs: number;
  /**
   * font size of the secondary text (step numbers, tcpdump's lines, the NAT words): 0.86 of `fs` on
   * a screen at arm's length, all of it projected (16.3 px gray was faint from a classroom's back row)
   */
  small: number;
  /** colour of the secondary text: darker when projected */
  muted: string;
  width: number;
  height: number;
  /** the time axis: step numbers left of it */
  gutter: number;
  /** y of the column names' baseline; lifelines start below it */
  headH: number;
  rowH: number;
  /** x of each column's lifeline */
  colX: number[];
  /** left edge of the comment column (tcpdump's addresses, the rewrite) */
  commentX: number;
  /** right edge of the columns' area: labels are kept between gutter and here */
  colsRight: number;
  /** narrow: the comment goes on a line under its arrow instead of a column of its own */
  inline: boolean;
}

/** An estimate of a monospace text's width: no DOM measure, so layout is a pure function. */
export const textWidth = (text: string, fs: number) => text.length * fs * 0.61;

/**
 * Lays a ladder out for a box `width` px wide: the step gutter, the columns sharing what the comment
 * column leaves (at least 9 characters each, so names stay readable; wider than the box scrolls).
 */
export function layoutLadder(
  ladder: Ladder,
  names: readonly string[],
  width: number,
  fs: number,
  projected = false,
): LadderLayout {
  const ch = fs * 0.61;
  const gutter = Math.round(ch * 5);
  const comment = Math.max(
    24,
    ...ladder.arrows.map((a) => Math.max(a.ends.length || a.label.length, ...a.nat.map((n) => n.rewrite.length + 11))),
  );
  const commentW = Math.round(Math.min(comment, 46) * ch + fs);
  const n = Math.max(1, ladder.columns.length);
  const nameW = Math.max(...names.map((s) => s.length), 6) * ch + fs;
  const minCol = Math.max(ch * 9, nameW * 0.8);
  // a tablet held upright: the columns take the width, each comment a line under its arrow
  const inline = gutter + minCol * n + commentW > width;
  const colW = Math.max(minCol, (width - gutter - (inline ? 0 : commentW)) / n);
  const colX = ladder.columns.map((_, i) => Math.round(gutter + colW * (i + 0.5)));
  const colsRight = Math.round(gutter + colW * n);
  const headH = Math.round(fs * 2.6);
  const rowH = Math.round(fs * (inline ? 4.1 : 3.1));
  return {
    fs,
    small: projected ? fs : Math.round(fs * 0.86 * 100) / 100,
    muted: projected ? '#3d444d' : '#57606a',
    width: Math.round(inline ? colsRight : colsRight + commentW),
    height: headH + rowH * (ladder.arrows.length + 1),
    gutter,
    headH,
    rowH,
    colX,
    commentX: inline ? gutter + Math.round(fs * 0.5) : colsRight + Math.round(fs * 0.8),
    colsRight,
    inline,
  };
}
