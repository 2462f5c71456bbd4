import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

const lab = [
  'docker network create sb',
  'docker run -d --name containerA --network sb nicolaka/netshoot sleep infinity',
  'docker run -d --name web --network sb nicolaka/netshoot sleep infinity',
  'docker run -d --name plain nicolaka/netshoot sleep infinity',
];

describe('dig and nslookup: servers, reverse lookups, sections', () => {
  it('records are tab-aligned to columns 24/32 whatever the name length', () => {
    const s = setup(lab);
    expect(run(s, 'docker exec containerA dig web +noall +answer').output).toBe('web.\t\t\t600\tIN\tA\t172.18.0.3');
    expect(run(s, 'docker exec containerA dig -x 8.8.8.8 +noall +answer').output).toBe(
      '8.8.8.8.in-addr.arpa.\t300\tIN\tPTR\tdns.google.',
    );
    const full = run(s, 'docker exec containerA dig web').output.split('\n');
    expect(full).toContain(';web.\t\t\t\tIN\tA');
    expect(full).toContain(';; MSG SIZE  rcvd: 40');
  });

  it('dig @8.8.8.8 asks Google, which has never heard of a container name', () => {
    const out = run(setup(lab), 'docker exec containerA dig @8.8.8.8 web').output.split('\n');
    expect(out.slice(0, 3)).toEqual(['', '; <<>> DiG 9.18.33 <<>> @8.8.8.8 web', '; (1 server found)']);
    expect(out[5]).toMatch(/status: NXDOMAIN/);
    expect(out).toContain(';; SERVER: 8.8.8.8#53(8.8.8.8) (UDP)');
  });

  it('127.0.0.11 only answers on a user-defined network; elsewhere the port is closed', () => {
    const s = setup(lab);
    expect(run(s, 'docker exec containerA dig @127.0.0.11 web +short').output).toBe('172.18.0.3');
    const r = run(s, 'docker exec plain dig @127.0.0.11 web');
    expect(r.output).toBe(
      [
        ';; communications error to 127.0.0.11#53: connection refused',
        ';; communications error to 127.0.0.11#53: connection refused',
        ';; communications error to 127.0.0.11#53: connection refused',
        '',
        '; <<>> DiG 9.18.33 <<>> @127.0.0.11 web',
        '; (1 server found)',
        ';; global options: +cmd',
        ';; no servers could be reached',
      ].join('\n'),
    );
    expect(r.exitCode).toBe(9);
  });

  it('dig -x and nslookup ADDRESS answer with the PTR name Docker gives a container', () => {
    const s = setup(lab);
    expect(run(s, 'docker exec containerA dig -x 172.18.0.3 +short').output).toBe('web.sb.');
    expect(run(s, 'docker exec containerA nslookup 172.18.0.3').output).toBe(
      [
        'Server:\t\t127.0.0.11',
        'Address:\t127.0.0.11#53',
        '',
        'Non-authoritative answer:',
        '3.0.18.172.in-addr.arpa\tname = web.sb.',
        '',
        'Authoritative answers can be found from:',
        '',
      ].join('\n'),
    );
    expect(run(s, 'docker exec containerA nslookup web 8.8.8.8').output).toBe(
      "Server:\t\t8.8.8.8\nAddress:\t8.8.8.8#53\n\n** server can't find web: NXDOMAIN\n",
    );
  });
});
