import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay, shape } from './helpers';

/** The lab's real `tcpdump -e -n -i br-…` lines during `ping -c 2` between two containers. */
const LAB_FILE = [
  new URL('../../../../shared/lab/real-outputs.txt', import.meta.url).pathname,
  '/work/shared/lab/real-outputs.txt',
].find((p) => existsSync(p));

function labLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('$ [wl-dh] tcpdump -e -n -i br-');
  return text
    .slice(at)
    .split('\n')
    .slice(1)
    .filter((_, i, all) => all.slice(0, i + 1).every((x) => x.trim() !== ''))
    .filter((l) => /^\d\d:/.test(l));
}

const LAB = [
  '19:57:02.692087 22:33:d8:71:f6:3d > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.3 tell 10.0.0.2, length 28',
  '19:57:02.692125 c2:10:31:8e:62:3d > 22:33:d8:71:f6:3d, ethertype ARP (0x0806), length 42: Reply 10.0.0.3 is-at c2:10:31:8e:62:3d, length 28',
  '19:57:02.692131 22:33:d8:71:f6:3d > c2:10:31:8e:62:3d, ethertype IPv4 (0x0800), length 98: 10.0.0.2 > 10.0.0.3: ICMP echo request, id 11904, seq 1, length 64',
  '19:57:02.692659 c2:10:31:8e:62:3d > 22:33:d8:71:f6:3d, ethertype IPv4 (0x0800), length 98: 10.0.0.3 > 10.0.0.2: ICMP echo reply, id 11904, seq 1, length 64',
  '19:57:03.693339 22:33:d8:71:f6:3d > c2:10:31:8e:62:3d, ethertype IPv4 (0x0800), length 98: 10.0.0.2 > 10.0.0.3: ICMP echo request, id 11904, seq 2, length 64',
  '19:57:03.693385 c2:10:31:8e:62:3d > 22:33:d8:71:f6:3d, ethertype IPv4 (0x0800), length 98: 10.0.0.3 > 10.0.0.2: ICMP echo reply, id 11904, seq 2, length 64',
];

describe('tcpdump against the lab (real-outputs.txt)', () => {
  // a clone without the lab beside it compares against the copy below
  it.skipIf(!LAB_FILE)('the lab file still holds the lines this test copies', () => {
    expect(labLines(LAB_FILE as string)).toEqual(LAB);
  });

  it('-e -n on the bridge during ping -c 2 prints the lab lines, line for line in shape', () => {
    const { outputs } = replay(['tcpdump -e -n -i br-427796b2c1e1 -c 6 &', 'docker exec client ping -c 2 web']);
    expect(outputs[0].split('\n')).toEqual([
      '[1] 2003',
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
      'listening on br-427796b2c1e1, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
    ]);
    const printed = outputs[1].split('\n').filter((l) => /^\d\d:\d\d:/.test(l));
    expect(printed.map(shape)).toEqual(LAB.map(shape));
    // the addresses are the containers' own: client asks for web, web answers with its MAC
    expect(printed[0]).toMatch(
      / > ff:ff:ff:ff:ff:ff, ethertype ARP \(0x0806\), length 42: Request who-has 172\.18\.0\.2 tell 172\.18\.0\.3, length 28$/,
    );
    expect(printed[2]).toMatch(/: 172\.18\.0\.3 > 172\.18\.0\.2: ICMP echo request, id \d+, seq 1, length 64$/);
    // the second echo goes a second after the first, as ping's interval
    const t = (l: string) => Number(l.slice(6, 15));
    expect(t(printed[4]) - t(printed[2])).toBeCloseTo(1, 2);
    expect(outputs[1]).toContain('6 packets captured\n6 packets received by filter\n0 packets dropped by kernel');
    expect(outputs[1].split('\n').at(-1)).toBe('[1]+  Done                    tcpdump -e -n -i br-427796b2c1e1 -c 6');
  });

  it('without -e: "ARP, Request who-has …" and "IP a > b: ICMP echo request, id N, seq N, length 64"', () => {
    const { outputs } = replay(['docker exec client tcpdump -n -c 4 &', 'docker exec client ping -c 1 web']);
    const printed = outputs[1].split('\n').filter((l) => /^\d\d:\d\d:/.test(l));
    expect(printed.map(shape)).toEqual([
      'T ARP, Request who-has IP tell IP, length N',
      'T ARP, Reply IP is-at MAC, length N',
      'T IP IP > IP: ICMP echo request, id N, seq N, length N',
      'T IP IP > IP: ICMP echo reply, id N, seq N, length N',
    ]);
    // packets print after ping's first line and before its replies, as they happen
    expect(outputs[1].split('\n')[0]).toBe('PING web (172.18.0.2) 56(84) bytes of data.');
    expect(outputs[1].split('\n')[5]).toBe('4 packets captured');
  });
});
