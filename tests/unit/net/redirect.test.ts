import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

const tools = [
  'docker run -d --name ns nicolaka/netshoot sleep infinity',
  'docker run -d --name bb busybox sleep 3600',
];

const moved = (date: string, expires: string) => [
  'HTTP/1.1 301 Moved Permanently',
  'Location: http://www.google.com/',
  'Content-Type: text/html; charset=UTF-8',
  `Date: ${date}`,
  `Expires: ${expires}`,
  'Cache-Control: public, max-age=2592000',
  'Server: gws',
  'Content-Length: 219',
  'X-XSS-Protection: 0',
  'X-Frame-Options: SAMEORIGIN',
  '',
];

describe('google.com redirects to www.google.com (gws 301), as the real one does', () => {
  it('curl -sI google.com: 301 Moved Permanently with Location http://www.google.com/; Expires is Date + max-age', () => {
    const r = run(setup(tools), 'docker exec ns curl -sI google.com');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')).toEqual(moved('Thu, 01 Jan 2026 00:00:02 GMT', 'Sat, 31 Jan 2026 00:00:02 GMT'));
  });

  it('curl -s google.com prints the 219-byte "301 Moved" page; www.google.com answers 200 with the search page', () => {
    const s = setup(tools);
    expect(run(s, 'docker exec ns curl -s google.com').output).toBe(
      [
        '<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">',
        '<TITLE>301 Moved</TITLE></HEAD><BODY>',
        '<H1>301 Moved</H1>',
        'The document has moved',
        '<A HREF="http://www.google.com/">here</A>.',
        '</BODY></HTML>',
      ].join('\n'),
    );
    const www = run(s, 'docker exec ns curl -sI www.google.com').output.split('\n');
    expect(www[0]).toBe('HTTP/1.1 200 OK');
    expect(run(s, 'docker exec ns curl -s http://www.google.com/').output).toContain('<title>Google</title>');
    // the path is kept in the Location
    expect(run(s, 'docker exec ns curl -sI google.com/search?q=x').output).toContain(
      'Location: http://www.google.com/search?q=x',
    );
    expect(run(s, 'docker exec ns curl -sI https://google.com').output).toContain('Location: https://www.google.com/');
    // by address there is no bare name in the Host header: 200
    expect(run(s, 'docker exec ns curl -sI 142.250.196.142').output.split('\n')[0]).toBe('HTTP/1.1 200 OK');
  });

  it('curl -L follows the Location: both header blocks with -I, the final body and url_effective without', () => {
    const s = setup(tools);
    const head = run(s, 'docker exec ns curl -sIL google.com').output.split('\n');
    expect(head.slice(0, 11)).toEqual(moved('Thu, 01 Jan 2026 00:00:02 GMT', 'Sat, 31 Jan 2026 00:00:02 GMT'));
    expect(head.slice(11)).toEqual([
      'HTTP/1.1 200 OK',
      'Content-Type: text/html; charset=ISO-8859-1',
      'Server: gws',
      'Date: Thu, 01 Jan 2026 00:00:02 GMT',
      'Content-Length: 148',
      '',
    ]);
    expect(run(s, 'docker exec ns curl -sL google.com').output).toMatch(/^<!doctype html>.*<title>Google<\/title>/);
    expect(run(s, 'docker exec ns curl -s -o /dev/null -w "%{http_code} %{url_effective}" -L google.com').output).toBe(
      '200 http://www.google.com/',
    );
    expect(run(s, 'docker exec ns curl -s -o /dev/null -w "%{http_code}" google.com').output).toBe('301');
  });

  it('curl -vL tells the redirect as curl 7.88 does; a custom Host header is not sent to the other host', () => {
    const r = run(setup(tools), 'docker exec ns curl -svL -H "Host: google.com" google.com');
    const v = r.output.split('\n');
    const i = v.indexOf('* Connection #0 to host google.com left intact');
    expect(v.slice(i, i + 5)).toEqual([
      '* Connection #0 to host google.com left intact',
      "* Issue another request to this URL: 'http://www.google.com/'",
      '*   Trying 142.250.196.142:80...',
      '* Connected to www.google.com (142.250.196.142) port 80 (#1)',
      '> GET / HTTP/1.1',
    ]);
    expect(v[i + 5]).toBe('> Host: www.google.com');
    expect(v).toContain('< HTTP/1.1 200 OK');
    expect(v.at(-1)).toBe('* Connection #1 to host www.google.com left intact');
  });

  it('busybox wget follows the redirect and says so with a second Connecting line', () => {
    const r = run(setup(tools), 'docker exec bb wget -O- google.com');
    expect(r.exitCode).toBe(0);
    const out = r.output.split('\n');
    expect(out.slice(0, 3)).toEqual([
      'Connecting to google.com (142.250.196.142:80)',
      'Connecting to www.google.com (142.250.196.142:80)',
      'writing to stdout',
    ]);
    expect(out[3]).toContain('<title>Google</title>');
  });

  it('seed 001: ping google.com from busybox still answers', () => {
    const r = run(setup([]), 'docker run --rm busybox ping -c 4 google.com');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')[0]).toBe('PING google.com (142.250.196.142): 56 data bytes');
  });
});
