import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/sim/console';
import { run, setup } from './helpers';

const web = ['docker run -d -p 8001:80 --name web nginx', 'docker run -d --name bb busybox sleep 1000'];

describe('HTTP paths, -f and -w', () => {
  it('nginx answers any other path with its own 404 page (153 bytes)', () => {
    const s = setup(web);
    expect(run(s, 'curl -s localhost:8001/nothere').output).toBe(
      [
        '<html>',
        '<head><title>404 Not Found</title></head>',
        '<body>',
        '<center><h1>404 Not Found</h1></center>',
        '<hr><center>nginx/1.27.3</center>',
        '</body>',
        '</html>',
      ].join('\n'),
    );
    const head = run(s, 'curl -sI localhost:8001/x').output.split('\n');
    expect(head[0]).toBe('HTTP/1.1 404 Not Found');
    expect(head).toContain('Content-Length: 153');
    expect(run(s, 'curl -s localhost:8001/index.html').output).toContain('<title>Welcome to nginx!</title>');
  });

  it('-f turns an HTTP error into curl 22; busybox wget reports it', () => {
    const s = setup(web);
    expect(run(s, 'curl -f localhost:8001/x')).toMatchObject({
      output: 'curl: (22) The requested URL returned error: 404',
      exitCode: 22,
    });
    expect(run(s, 'docker exec bb wget -qO- 172.17.0.2/x')).toMatchObject({
      output: 'wget: server returned error: HTTP/1.1 404 Not Found',
      exitCode: 1,
    });
  });

  it('-w prints the status code after the transfer (000 when nothing answered)', () => {
    const s = setup(web);
    expect(run(s, 'curl -s -o /dev/null -w "%{http_code}\\n" localhost:8001').output).toBe('200');
    expect(run(s, 'curl -s -o /dev/null -w "%{http_code} %{remote_ip}" localhost:8001/x').output).toBe('404 127.0.0.1');
    expect(run(s, 'curl -s -o /dev/null -w "%{http_code}" localhost:8009')).toMatchObject({
      output: '000',
      exitCode: 7,
    });
  });

  it('-X, -d, -H and -A: nginx refuses methods its static files do not take (405), -v shows the request', () => {
    const s = setup(web);
    expect(run(s, 'curl -s -X POST localhost:8001').output.split('\n')[1]).toBe(
      '<head><title>405 Not Allowed</title></head>',
    );
    expect(run(s, 'curl -sI -X PUT localhost:8001').output).toContain('Content-Length: 157');
    expect(run(s, 'curl -s -d a=1 -o /dev/null -w "%{http_code}" localhost:8001/x').output).toBe('404');
    const v = run(s, 'curl -sv -d a=1 -H "X-Test: yes" -A probe localhost:8001').output.split('\n');
    expect(v.slice(2, 10)).toEqual([
      '> POST / HTTP/1.1',
      '> Host: localhost:8001',
      '> User-Agent: probe',
      '> Accept: */*',
      '> X-Test: yes',
      '> Content-Length: 3',
      '> Content-Type: application/x-www-form-urlencoded',
      '> ',
    ]);
    expect(v[10]).toBe('< HTTP/1.1 405 Not Allowed');
  });

  it('inside double quotes a backslash escapes only $ ` " and itself', () => {
    expect(tokenize('echo "a\\nb" "c\\"d" \'e\\f\'')).toEqual(['echo', 'a\\nb', 'c"d', 'e\\f']);
  });
});
