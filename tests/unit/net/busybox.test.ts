import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

const lab = [
  'docker network create n1',
  'docker run -d --name web --network n1 nginx',
  'docker run -d --name bb --network n1 busybox sleep 1000',
];

describe('busybox wget and nslookup', () => {
  it('wget -qO- URL prints the page (bundled flags with a glued value)', () => {
    const r = run(setup(lab), 'docker exec bb wget -qO- http://web/');
    expect(r.output.split('\n').slice(0, 2)).toEqual(['<!DOCTYPE html>', '<html>']);
    expect(r.exitCode).toBe(0);
  });

  it('wget -O- | head: the notes go to stderr around the filtered page', () => {
    expect(run(setup(lab), 'docker exec bb wget -O- web | head -1').output).toBe(
      [
        'Connecting to web (172.18.0.2:80)',
        'writing to stdout',
        '<!DOCTYPE html>',
        '-                    100% |********************************|   615  0:00:00 ETA',
        'written to stdout',
      ].join('\n'),
    );
  });

  it('Connecting to names host and ip:port even for an address', () => {
    expect(run(setup(lab), 'docker exec bb wget -T 2 http://172.17.0.9/').output).toBe(
      'Connecting to 172.17.0.9 (172.17.0.9:80)\nwget: download timed out',
    );
  });

  it('wget -S prints the status line and headers indented, as read (nginx answers Connection: close)', () => {
    const r = run(setup(lab), 'docker exec bb wget -S -O /dev/null http://web/');
    const out = r.output.split('\n');
    expect(out.slice(0, 2)).toEqual(['Connecting to web (172.18.0.2:80)', '  HTTP/1.1 200 OK']);
    expect(out).toContain('  Server: nginx/1.27.3');
    expect(out).toContain('  Connection: close');
    expect(out[out.indexOf('  Accept-Ranges: bytes') + 1]).toBe('  ');
    expect(out.at(-1)).toBe("'/dev/null' saved");
    const e = run(setup(lab), 'docker exec bb wget -qS -O- http://web/nope');
    expect(e.output.split('\n').slice(-3)).toEqual([
      '  Connection: close',
      '  ',
      'wget: server returned error: HTTP/1.1 404 Not Found',
    ]);
    expect(e.exitCode).toBe(1);
  });

  it('nslookup also asks for AAAA, which Docker answers with no records', () => {
    expect(run(setup(lab), 'docker exec bb nslookup web').output).toBe(
      [
        'Server:\t\t127.0.0.11',
        'Address:\t127.0.0.11:53',
        '',
        'Non-authoritative answer:',
        'Name:\tweb',
        'Address: 172.18.0.2',
        '',
        "*** Can't find web: No answer",
        '',
      ].join('\n'),
    );
  });
});
