/**
 * The images the "add container" picker offers. The engine's catalogue (src/sim/images.ts, when it
 * exists) is the source of truth; this list is what the picker shows until then. A tool-rich image
 * comes first so nobody trips on "ping: command not found" by accident.
 */
export interface ImageChoice {
  image: string;
  /** a shell image: run with -dit so it keeps running */
  shell: boolean;
  /** ports its process listens on, suggested in the port field */
  listens: string[];
}

const FALLBACK: ImageChoice[] = [
  { image: 'nicolaka/netshoot', shell: true, listens: [] },
  { image: 'nginx', shell: false, listens: ['80/tcp'] },
  { image: 'devwikirepo/envnodecolorapp', shell: false, listens: ['3000/tcp'] },
  { image: 'devwikirepo/pingbuntu', shell: true, listens: [] },
  { image: 'busybox', shell: true, listens: [] },
  { image: 'alpine', shell: true, listens: [] },
  { image: 'ubuntu', shell: true, listens: [] },
  { image: 'httpd', shell: false, listens: ['80/tcp'] },
  { image: 'redis', shell: false, listens: ['6379/tcp'] },
  { image: 'postgres', shell: false, listens: ['5432/tcp'] },
  { image: 'mysql', shell: false, listens: ['3306/tcp'] },
];

// import.meta.glob resolves to {} when the file is absent, so the build works before and after it lands
const engine = import.meta.glob('../sim/images.ts', { eager: true }) as Record<string, Record<string, unknown>>;

function fromEngine(): ImageChoice[] | null {
  const mod = Object.values(engine)[0];
  const fn = mod?.imageCatalogue;
  if (typeof fn !== 'function') return null;
  try {
    const raw = (fn as () => unknown)();
    const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : [];
    const out: ImageChoice[] = [];
    for (const x of list as Record<string, unknown>[]) {
      const image = [x?.image, x?.name, x?.ref, x?.repo].find((v) => typeof v === 'string') as string | undefined;
      if (!image) continue;
      const fb = FALLBACK.find((f) => f.image === image);
      const listeners = Array.isArray(x.listens) ? x.listens : Array.isArray(x.listeners) ? x.listeners : [];
      const listens = (listeners as unknown[]).map((l) =>
        typeof l === 'object' && l !== null
          ? `${(l as { port: number }).port}/${(l as { proto?: string }).proto ?? 'tcp'}`
          : String(l),
      );
      const shell = typeof x.shell === 'boolean' ? x.shell : (fb?.shell ?? listens.length === 0);
      out.push({ image, shell, listens: listens.length ? listens : (fb?.listens ?? []) });
    }
    if (!out.length) return null;
    out.sort((a, b) => (a.image === 'nicolaka/netshoot' ? -1 : b.image === 'nicolaka/netshoot' ? 1 : 0));
    return out;
  } catch {
    return null;
  }
}

/** The picker's list, netshoot first. */
export function imageChoices(): ImageChoice[] {
  return fromEngine() ?? FALLBACK;
}
