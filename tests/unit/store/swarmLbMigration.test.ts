import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseProject, serializeProject } from '../../../src/io/project';
import { runScript } from '../../../src/sim/console';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';
import { migrations, withLoadBalancers } from '../../../src/store/migrations';

/**
 * tests/fixtures/saves/pre-lb-save.json was written by the build before swarm services had load
 * balancers (33a8606, envelope version 3) after replaying pre-lb.txt: its service `api` has VIPs and
 * two running tasks with addresses, but no task containers, no ingress sandbox endpoint on
 * docker_gwbridge and no lb-appnet endpoint, so nothing answered on the VIP or the published port.
 */
const dir = new URL('../../fixtures/saves/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

function opened(): World {
  const res = parseProject(read('pre-lb-save.json'));
  if (!res.ok) throw new Error(res.error);
  return res.doc.world;
}

const run = (w: World, script: string) => runScript(w, script).results.map((r) => r.output);

describe('swarm-load-balancers migration (envelope 3 -> 4)', () => {
  test('the old save had no task containers: its service answered nowhere', () => {
    const old = JSON.parse(read('pre-lb-save.json'));
    expect(old.version).toBe(3);
    expect(Object.keys(old.world.containers)).toEqual([]);
    expect(old.world.swarm.nodes[0].lbIps).toBeUndefined();
  });

  test('opens with the tasks running on ingress, docker_gwbridge and appnet, VIPs kept', () => {
    const w = opened();
    const out = run(
      w,
      [
        "docker service inspect api --format '{{json .Endpoint.VirtualIPs}}'",
        "docker ps --format '{{.Names}} {{.Status}}'",
        "docker network inspect docker_gwbridge --format '{{range $k, $v := .Containers}}{{$v.Name}} {{$v.IPv4Address}};{{end}}'",
      ].join('\n'),
    );
    const ingress = Object.values(w.networks).find((n) => n.ingress)!.id;
    const appnet = Object.values(w.networks).find((n) => n.name === 'appnet')!.id;
    expect(out[0]).toBe(
      `[{"NetworkID":"${ingress}","Addr":"10.0.0.3/24"},{"NetworkID":"${appnet}","Addr":"10.0.1.2/24"}]`,
    );
    const names = out[1].trim().split('\n').sort();
    expect(names).toHaveLength(2);
    for (const [i, l] of names.entries()) expect(l).toMatch(new RegExp(`^api\\.${i + 1}\\.[0-9a-z]{25} Up 1 second$`));
    // the ingress sandbox joined docker_gwbridge first (fact 75), the tasks after it
    const gw = Object.values(w.networks).find((n) => n.name === 'docker_gwbridge')!;
    expect(gw.sandboxes?.map((x) => [x.name, x.ip])).toEqual([['gateway_ingress-sbox', '172.18.0.2']]);
    expect(out[2].match(/172\.18\.0\.\d+\/16/g)?.sort()).toEqual(['172.18.0.3/16', '172.18.0.4/16']);
    // tasks: eth0 on ingress, eth1 on docker_gwbridge, eth2 on appnet (fact 77), addresses as saved
    const tasks = Object.values(w.swarm!.tasks);
    for (const t of tasks) {
      const c = w.containers[t.containerId!];
      expect(c.endpoints.map((e) => [w.networks[e.networkId].name, e.ifname])).toEqual([
        ['ingress', 'eth0'],
        ['docker_gwbridge', 'eth1'],
        ['appnet', 'eth2'],
      ]);
      expect(c.endpoints.filter((e) => e.networkId !== gw.id).map((e) => e.ip)).toEqual(t.addrs.map((a) => a.ip));
    }
    // the node's lb-appnet endpoint comes after the VIP and the tasks (fact 76)
    expect(w.swarm!.nodes[0].lbIps).toEqual({ [appnet]: '10.0.1.5' });
  });

  test('a container on appnet curls the service by its VIP and by name; pc1 through the routing mesh', () => {
    const out = run(
      opened(),
      [
        "docker run --rm --network appnet nicolaka/netshoot curl -s -o /dev/null -w '%{http_code}\\n' 10.0.1.2",
        'docker run --rm --network appnet nicolaka/netshoot dig +short api',
        "@pc1 curl -s -o /dev/null -w '%{http_code}\\n' 192.168.0.10:8080",
      ].join('\n'),
    );
    expect(out).toEqual(['200', '10.0.1.2', '200']);
  });

  test('a save of today’s build passes unchanged; an unreadable swarm is left for the validator', () => {
    const w = runScript(createDefaultWorld(), read('pre-lb.txt')).session.world;
    const v3 = JSON.parse(serializeProject({ world: w, pinned: {} }));
    v3.version = 3;
    const res = parseProject(JSON.stringify(v3));
    expect(res.ok && res.doc.world).toEqual(JSON.parse(JSON.stringify(w)));
    expect(withLoadBalancers(w)).toBe(w);
    const m = migrations.find((x) => x.name === 'swarm-load-balancers')!;
    const bad = { schema: 2, swarm: { nodes: 'x' } };
    expect(m.up({ version: 3, world: bad })).toEqual({ version: 4, world: bad });
  });
});
