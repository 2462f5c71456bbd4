/** Control icons as inline SVG: glyphs like ⏮ are missing from many fonts (and projectors' PCs). */
const paths = {
  restart: 'M5 4h2v16H5zM19 4v16L8 12z',
  back: 'M18 4v16L7 12zM6 4h2v16H6z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M6 4v16l11-8zM16 4h2v16h-2z',
  phasePrev: 'M12 4v16L3 12zM22 4v16l-9-8z',
  phaseNext: 'M2 4v16l9-8zM12 4v16l9-8z',
  ladder: 'M5 3h2v18H5zM17 3h2v18h-2zM7 6h8l-2-2h2l3 3-3 3h-2l2-2H7zM17 13H9l2 2H9l-3-3 3-3h2l-2 2h8z',
} as const;

/** A 1em icon that inherits the text colour. */
export function Icon(props: { name: keyof typeof paths }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={paths[props.name]} fill="currentColor" />
    </svg>
  );
}
