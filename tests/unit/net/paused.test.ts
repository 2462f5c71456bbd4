import { describe, expect, it } from 'vitest';
import { LINE_MS } from '../../../src/sim/console';
import { actions, expectInOrder, keys, run, setup } from './helpers';

/**
 * `docker pause` freezes a container's processes (freezer cgroup), not its kernel: the handshake
 * is answered, the request is delivered and never read, so the client waits for its deadline.
 */
const lab = ['docker run -d -p 8080:80 --name web nginx', 'docker pause web'];

describe('HTTP to a paused container', () => {
  it('curl -m 3 localhost:8080 connects, then times out with 0 bytes received', () => {
    const s = setup(lab);
    const r = run(s, 'curl -m 3 localhost:8080');
    expect(r.output).toBe('curl: (28) Operation timed out after 3002 milliseconds with 0 bytes received');
    expect(r.exitCode).toBe(28);
    expect(r.session.world.clock - s.world.clock - LINE_MS).toBe(3002);
    const t = r.trace!;
    expect(t.outcome.ok).toBe(false);
    // docker-proxy takes the loopback connection, its own connection to the container is
    // handshaken by the frozen container's kernel, the request arrives and nothing answers
    expectInOrder(keys(t), ['app.docker-proxy', 'app.paused']);
    expect(keys(t)).not.toContain('app.http');
    const flags = t.steps.map((x) => x.frame.l4?.flags).filter(Boolean);
    expectInOrder(flags as string[], ['SYN', 'SYN,ACK', 'SYN', 'SYN,ACK', 'PSH,ACK']);
    const last = t.steps.at(-1)!;
    expect(last.explain.key).toBe('app.paused');
    expect(last.explain.params).toMatchObject({ container: 'web', port: 80 });
    expect(actions(t).at(-1)).toBe('paused');
    expect(last.frame.app?.summary).toBe('GET / HTTP/1.1');
  });

  it('-v shows the connection and the request sent before the timeout', () => {
    const r = run(setup(lab), 'curl -v -m 2 http://localhost:8080/');
    expect(r.output.split('\n')).toEqual([
      '*   Trying 127.0.0.1:8080...',
      '* Connected to localhost (127.0.0.1) port 8080 (#0)',
      '> GET / HTTP/1.1',
      '> Host: localhost:8080',
      '> User-Agent: curl/7.88.1',
      '> Accept: */*',
      '> ',
      '* Operation timed out after 2002 milliseconds with 0 bytes received',
      '* Closing connection 0',
      'curl: (28) Operation timed out after 2002 milliseconds with 0 bytes received',
    ]);
  });

  it('--connect-timeout does not end it: the connection is made; the console stops curl with ^C', () => {
    const s = setup(lab);
    const r = run(s, 'curl --connect-timeout 2 -w "%{http_code}" localhost:8080');
    expect(r.output).toBe('^C');
    expect(r.exitCode).toBe(130);
    expect(r.session.world.clock - s.world.clock - LINE_MS).toBe(60_000);
    expect(run(s, 'curl -s localhost:8080').output).toBe('^C');
  });

  it('from another container straight to its address, the same; ping is still answered', () => {
    const s = setup([...lab, 'docker run -d --name c1 nicolaka/netshoot sleep infinity']);
    const r = run(s, 'docker exec c1 curl -sS -m 1 172.17.0.2');
    expect(r.output).toBe('curl: (28) Operation timed out after 1002 milliseconds with 0 bytes received');
    expect(keys(r.trace)).not.toContain('app.docker-proxy');
    expect(keys(r.trace).at(-1)).toBe('app.paused');
    expect(run(s, 'docker exec c1 ping -c 1 -W 1 172.17.0.2').exitCode).toBe(0);
  });

  it.each(['curl -m 5 localhost:8080', 'curl localhost:8080'])(
    '%s: the connection it gave up on waits in CLOSE_WAIT, counted from when it closed',
    (line) => {
      const s = run(setup(lab), line).session;
      const ct = run(s, 'conntrack -L').output;
      // 60 s from the FIN, read one console line (1 s) later: 59 left, or 58 at a second's edge
      expect(ct).toMatch(/^tcp\s+6 5[89] CLOSE_WAIT src=172\.17\.0\.1 dst=172\.17\.0\.2 sport=\d+ dport=80 /m);
    },
  );

  it('docker unpause web: it answers again', () => {
    const s = run(setup(lab), 'docker unpause web').session;
    const r = run(s, 'curl -s -m 3 localhost:8080');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')[0]).toBe('<!DOCTYPE html>');
    expect(keys(r.trace)).toContain('app.http');
    expect(keys(r.trace)).not.toContain('app.paused');
  });

  it('busybox wget: connects, then its -T alarm (900 s by default) ends it', () => {
    const s = setup([
      'docker network create n1',
      'docker run -d --name web --network n1 nginx',
      'docker run -d --name bb --network n1 busybox sleep 1000',
      'docker pause web',
    ]);
    const r = run(s, 'docker exec bb wget -T 5 -O- http://web/');
    expect(r.output).toBe('Connecting to web (172.18.0.2:80)\nwget: download timed out');
    expect(r.exitCode).toBe(1);
    expect(r.session.world.clock - s.world.clock - LINE_MS).toBe(5000);
    expect(keys(r.trace).at(-1)).toBe('app.paused');
    const d = run(s, 'docker exec bb wget -q -O- web');
    expect(d.output).toBe('wget: download timed out');
    expect(d.session.world.clock - s.world.clock - LINE_MS).toBe(900_000);
  });
});

describe('busybox wget -T', () => {
  const s = setup(['docker run -d --name web nginx', 'docker run -d --name bb busybox sleep 1000']);
  it.each(['abc', '-1', '1.5'])('-T %s: xatoi_positive refuses it', (v) => {
    expect(run(s, `docker exec bb wget -T ${v} 172.17.0.2`)).toMatchObject({
      output: `wget: invalid number '${v}'`,
      exitCode: 1,
    });
  });

  it('-T 0 sets no alarm: a paused server keeps it waiting, the console presses ^C', () => {
    const p = run(run(s, 'docker pause web').session, 'docker exec bb wget -T 0 -O- 172.17.0.2');
    expect(p.output).toBe('Connecting to 172.17.0.2 (172.17.0.2:80)\n^C');
    expect(p.exitCode).toBe(130);
  });
});

describe('busybox wget without a paused app', () => {
  it('an unanswered SYN: without -T the kernel gives up first (127 s), with -T its alarm', () => {
    // from another network, 172.17.0.9 is routed out by the gateway and the SYN goes unanswered
    const s = setup(['docker network create n1', 'docker run -d --name bb --network n1 busybox sleep 1000']);
    const r = run(s, 'docker exec bb wget -O- http://172.17.0.9/');
    expect(r.output).toBe(
      "Connecting to 172.17.0.9 (172.17.0.9:80)\nwget: can't connect to remote host (172.17.0.9): Connection timed out",
    );
    expect(run(s, 'docker exec bb wget -T 10 -O- http://172.17.0.9/').output).toBe(
      'Connecting to 172.17.0.9 (172.17.0.9:80)\nwget: download timed out',
    );
  });
});
