import { describe, expect, it } from 'vitest';
import { runText } from '../../../src/cli/sim';
import { readStored } from '../../../src/sim/fs';
import { readPcapBytes, textToBytes } from '../../../src/sim/net/pcapFile';
import { DEFAULT_SEED } from '../../../src/sim/world';
import { replay, SETUP } from './helpers';

const HEADER = [
  'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
  'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
].join('\n');
const SUMMARY = (n: number, seen = n) =>
  `${n} packet${n === 1 ? '' : 's'} captured\n${seen} packet${seen === 1 ? '' : 's'} received by filter\n0 packets dropped by kernel`;

describe('tcpdump in the console: foreground, background, Ctrl+C, -c, -w', () => {
  it('in the foreground it holds the terminal until Ctrl+C, which prints the summary', () => {
    const { outputs } = replay(['tcpdump -n', 'docker ps', '^C', 'docker ps -q']);
    expect(outputs[0]).toBe(HEADER);
    expect(outputs[1]).toBe(
      'whalewire: tcpdump is running in this terminal: press Ctrl+C to stop it (or start it with & to keep typing here)',
    );
    expect(outputs[2]).toBe(SUMMARY(0));
    expect(outputs[3].split('\n')).toHaveLength(2);
  });

  it('a foreground tcpdump prints what another terminal sends; the terminal shows it when it comes back (npm run sim)', () => {
    const out = runText(
      [
        ...SETUP,
        'tcpdump -n -i br-427796b2c1e1 icmp',
        '%term 2',
        'docker exec client ping -c 1 web',
        '%term 1',
        '^C',
        '',
      ].join('\n'),
      { json: false, seed: DEFAULT_SEED },
    );
    const back = out.split('$ %term 1\n')[1].split('\n$ ^C\n');
    expect(back[0].split('\n')).toHaveLength(2);
    expect(back[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{6} IP 172\.18\.0\.3 > 172\.18\.0\.2: ICMP echo request, id \d+, seq 1, length 64\n/,
    );
    expect(back[1]).toBe(`${SUMMARY(2, 4)}\n`);
  });

  it('-c N ends the capture by itself; in the background bash then says Done', () => {
    const { outputs } = replay([
      'tcpdump -n -c 2 arp &',
      'docker exec client curl -s -o /dev/null http://google.com/',
      'jobs',
    ]);
    const lines = outputs[1].split('\n');
    expect(lines.filter((l) => / ARP, /.test(l))).toHaveLength(2);
    expect(outputs[1]).toContain(SUMMARY(2, 2));
    expect(lines.at(-1)).toBe('[1]+  Done                    tcpdump -n -c 2 arp');
    expect(outputs[2]).toBe('');
  });

  it('jobs, fg and kill %1 as bash prints them', () => {
    const { outputs } = replay(['tcpdump -n &', 'jobs', 'fg', '^C', 'fg', 'tcpdump -n &', 'kill %1', 'kill %1']);
    expect(outputs[0]).toBe(`[1] 2003\n${HEADER}`);
    expect(outputs[1]).toBe('[1]+  Running                 tcpdump -n &');
    expect(outputs[2]).toBe('tcpdump -n');
    expect(outputs[3]).toBe(SUMMARY(0));
    expect(outputs[4]).toBe('bash: fg: current: no such job');
    expect(outputs[6]).toBe(`${SUMMARY(0)}\n[1]+  Terminated              tcpdump -n`);
    expect(outputs[7]).toBe('bash: kill: %1: no such job');
  });

  it('a second capture in the same terminal is refused and changes nothing', () => {
    const { outputs } = replay(['tcpdump -n &', 'tcpdump -n -i docker0 &', 'jobs']);
    expect(outputs[1]).toBe(
      'whalewire: this terminal already runs tcpdump ([1]); stop it first (fg, then Ctrl+C, or kill %1)',
    );
    expect(outputs[2]).toBe('[1]+  Running                 tcpdump -n &');
  });

  it('bad input says what tcpdump says and arms nothing', () => {
    const { outputs } = replay([
      'tcpdump -i eth9',
      'tcpdump -c 0',
      'tcpdump -n host',
      'tcpdump -n port http or 99999',
      'tcpdump -w /nowhere/x.pcap',
      'docker exec web tcpdump',
      'jobs',
    ]);
    expect(outputs[0]).toBe('tcpdump: eth9: No such device exists\n(No such device exists)');
    expect(outputs[1]).toBe('tcpdump: invalid packet count 0');
    expect(outputs[2]).toBe("tcpdump: can't parse filter expression: syntax error");
    expect(outputs[3]).toBe("tcpdump: can't parse filter expression: unknown port '99999'");
    expect(outputs[4]).toBe('tcpdump: /nowhere/x.pcap: No such file or directory');
    expect(outputs[5]).toContain('"tcpdump": executable file not found in $PATH');
    expect(outputs[6]).toBe('');
  });

  it("-w writes a pcap into the machine's files when it stops; tcpdump -r reads it back", () => {
    const { outputs, world } = replay([
      'tcpdump -w /root/ping.pcap -i br-427796b2c1e1 -c 4 &',
      'docker exec client ping -c 1 web',
      'ls /root',
      'tcpdump -n -r ping.pcap icmp',
    ]);
    expect(outputs[0]).toBe(
      '[1] 2003\ntcpdump: listening on br-427796b2c1e1, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
    );
    expect(outputs[1]).not.toMatch(/ICMP/);
    expect(outputs[2]).toContain('ping.pcap');
    const file = readPcapBytes(textToBytes(readStored(world, 'docker-host', '/root/ping.pcap') ?? ''));
    expect('records' in file && file.records.map((r) => r.bytes.length)).toEqual([42, 42, 98, 98]);
    const read = outputs[3].split('\n');
    expect(read[0]).toBe('reading from file ping.pcap, link-type EN10MB (Ethernet), snapshot length 262144');
    expect(read.slice(1).map((l) => l.replace(/^\S+ /, ''))).toEqual([
      expect.stringMatching(/^IP 172\.18\.0\.3 > 172\.18\.0\.2: ICMP echo request, id \d+, seq 1, length 64$/),
      expect.stringMatching(/^IP 172\.18\.0\.2 > 172\.18\.0\.3: ICMP echo reply, id \d+, seq 1, length 64$/),
    ]);
  });

  it('-i any names the interface and direction of each packet (Linux cooked v2)', () => {
    const { outputs } = replay(['tcpdump -n -i any icmp &', 'docker exec client ping -c 1 web']);
    expect(outputs[0]).toContain(
      'listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes',
    );
    const lines = outputs[1].split('\n').filter((l) => /^\d\d:/.test(l));
    expect(lines.map((l) => l.replace(/^\S+ veth[0-9a-f]{7} /, '').slice(0, 6))).toEqual([
      'In  IP',
      'Out IP',
      'In  IP',
      'Out IP',
    ]);
  });

  it('timestamps follow the World clock: the same script prints the same lines', () => {
    const a = replay(['tcpdump -n &', 'docker exec client curl -s -o /dev/null http://google.com/']).outputs[1];
    const b = replay(['tcpdump -n &', 'docker exec client curl -s -o /dev/null http://google.com/']).outputs[1];
    expect(a).toBe(b);
    expect(a.split('\n')[0]).toMatch(/^00:00:0\d\.\d{6} /);
  });
});
