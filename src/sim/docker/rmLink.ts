import { produce } from '../containerIndex';
import { lookupContainer, parseLink } from '../lookup';
import type { CommandResult, World } from '../model';
import { daemon } from './output';

/**
 * `docker rm --link PARENT/ALIAS …` (moby v28.5.2 daemon/delete.go containerRm → rmLink): the
 * name resolves as the link's registered name `/PARENT/ALIAS`, and only the link goes; a plain
 * container name is its default link name, which cannot be removed.
 */
export function rmLinks(world: World, refs: string[]): CommandResult {
  let w = world;
  const out: string[] = [];
  const errs: string[] = [];
  for (const ref of refs) {
    const name = ref.replace(/^\/+/, '');
    const slash = name.lastIndexOf('/');
    if (slash < 0) {
      const c = lookupContainer(w, name);
      errs.push(daemon(c.ok ? 'Conflict, cannot remove the default link name of the container' : c.error));
      continue;
    }
    const parent = lookupContainer(w, name.slice(0, slash));
    const alias = name.slice(slash + 1);
    const at = parent.ok
      ? (parent.value.links ?? []).findIndex((l) => {
          const p = parseLink(l);
          return !('error' in p) && p.alias === alias;
        })
      : -1;
    if (!parent.ok || at < 0) {
      errs.push(daemon(`No such container: ${ref}`));
      continue;
    }
    const id = parent.value.id;
    w = produce(w, (d) => {
      d.containers[id].links = d.containers[id].links!.filter((_, i) => i !== at);
    });
    out.push(ref);
  }
  return { world: w, output: [...out, ...errs].join('\n'), exitCode: errs.length ? 1 : 0 };
}
