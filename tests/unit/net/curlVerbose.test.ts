import { describe, expect, it } from 'vitest';
import { run, setup } from './helpers';

/** curl 7.88's -v story of a failed transfer: the connect(2) error, its message, the closed connection. */
describe('curl -v on failures', () => {
  it('refused: the failed connect, then the summary twice (verbose and error)', () => {
    expect(run(setup([]), 'curl -v localhost:8009').output).toBe(
      [
        '*   Trying 127.0.0.1:8009...',
        '* connect to 127.0.0.1 port 8009 failed: Connection refused',
        "* Failed to connect to localhost port 8009 after 0 ms: Couldn't connect to server",
        '* Closing connection 0',
        "curl: (7) Failed to connect to localhost port 8009 after 0 ms: Couldn't connect to server",
      ].join('\n'),
    );
  });

  it('docker-proxy resets after the request went out (seed 004 green app on localhost)', () => {
    const s = setup(['docker run -d -p 8004:3030 --name greenColorApp -e COLOR=green devwikirepo/envnodecolorapp']);
    expect(run(s, 'curl -v localhost:8004').output).toBe(
      [
        '*   Trying 127.0.0.1:8004...',
        '* Connected to localhost (127.0.0.1) port 8004 (#0)',
        '> GET / HTTP/1.1',
        '> Host: localhost:8004',
        '> User-Agent: curl/7.88.1',
        '> Accept: */*',
        '> ',
        '* Recv failure: Connection reset by peer',
        '* Closing connection 0',
        'curl: (56) Recv failure: Connection reset by peer',
      ].join('\n'),
    );
  });

  it('unknown name and -s: verbose lines stay, the error line goes', () => {
    expect(run(setup([]), 'curl -sv nosuch.example').output).toBe(
      '* Could not resolve host: nosuch.example\n* Closing connection 0',
    );
  });

  it('-m shorter than the 3 s ARP failure ends in curl 28, longer ends in No route to host', () => {
    const s = setup([]);
    const short = run(s, 'curl -v -m 2 172.17.0.9');
    expect(short.output).toBe(
      [
        '*   Trying 172.17.0.9:80...',
        '* Connection timed out after 2002 milliseconds',
        '* Closing connection 0',
        'curl: (28) Connection timed out after 2002 milliseconds',
      ].join('\n'),
    );
    expect(short.exitCode).toBe(28);
    const long = run(s, 'curl -v -m 5 172.17.0.9');
    expect(long.output.split('\n')[1]).toBe('* connect to 172.17.0.9 port 80 failed: No route to host');
    expect(long.exitCode).toBe(7);
    expect(run(s, 'curl --connect-timeout 1 172.17.0.9').output).toBe(
      'curl: (28) Failed to connect to 172.17.0.9 port 80 after 1002 ms: Timeout was reached',
    );
  });
});
