import { describe, expect, it } from 'vitest';
import { createSession, runLine, runScript } from '../../../src/sim/console';
import { firstSubstitution, splitList } from '../../../src/sim/shell/lists';
import { createDefaultWorld } from '../../../src/sim/world';

describe('command lists and $( … )', () => {
  it('splits at ; && || outside quotes and substitutions, keeping single pipes', () => {
    expect(splitList(`a && b || c ; d | e`)).toEqual([
      { op: null, text: 'a' },
      { op: '&&', text: 'b' },
      { op: '||', text: 'c' },
      { op: ';', text: 'd | e' },
    ]);
    expect(splitList(`echo 'a;b' "c&&d" $(x; y)`)).toEqual([{ op: null, text: `echo 'a;b' "c&&d" $(x; y)` }]);
    expect(firstSubstitution(`rm $(ps -q | head -1) x`)).toEqual({ start: 3, end: 21, command: 'ps -q | head -1' });
    expect(firstSubstitution(`echo '$(no)'`)).toBeNull();
  });

  it('&& runs on success, || on failure, ; always', () => {
    const s = createSession(createDefaultWorld());
    expect(runLine(s, 'false && echo no || echo yes; echo end')).toMatchObject({ output: 'yes\nend', exitCode: 0 });
    expect(runLine(s, 'true || echo no')).toMatchObject({ output: '', exitCode: 0 });
    expect(runLine(s, 'echo a &&')).toMatchObject({
      output: 'bash: syntax error: unexpected end of file',
      exitCode: 2,
    });
    expect(runLine(s, '; echo a').output).toBe("bash: syntax error near unexpected token `;'");
  });

  it('docker network create … && docker run --network …, then docker rm -f $(docker ps -aq)', () => {
    const { results } = runScript(
      createDefaultWorld(),
      [
        'docker network create n1 && docker run -d --name web --network n1 nginx',
        'docker inspect -f "{{.Name}}" $(docker ps -q)',
        'docker rm -f $(docker ps -aq)',
        'docker ps -aq | wc -l',
      ].join('\n'),
    );
    expect(results[0].output.split('\n')).toHaveLength(2);
    expect(results[1].output).toBe('/web');
    expect(results[2].output).toMatch(/^[0-9a-f]{12}$/);
    expect(results[3].output).toBe('0');
  });

  it('$? is the last exit code, on the same line or the next; getent hosts ADDRESS asks for the PTR', () => {
    const { results } = runScript(
      createDefaultWorld(),
      [
        'getent hosts 1.2.3.4; echo $?',
        'curl -s localhost:9',
        'echo "curl said $?"',
        "echo '$?'",
        'getent hosts 8.8.8.8',
      ].join('\n'),
    );
    expect(results.map((r) => r.output)).toEqual(['2', '', 'curl said 7', '$?', '8.8.8.8         dns.google']);
  });

  it('getent ahosts: one line per socket type, the name on the first', () => {
    expect(runLine(createSession(createDefaultWorld()), 'getent ahosts google.com').output).toBe(
      ['142.250.196.142 STREAM google.com', '142.250.196.142 DGRAM  ', '142.250.196.142 RAW    '].join('\n'),
    );
  });

  it('sh -c / bash -c run their string as a line of its own, where the shell runs', () => {
    const { results } = runScript(
      createDefaultWorld(),
      [
        'docker run -d --name ns nicolaka/netshoot sleep infinity',
        'docker exec ns sh -c "ip route | head -1"',
        "bash -c 'echo a && hostname'",
        'sh -c',
      ].join('\n'),
    );
    expect(results[1].output).toBe('default via 172.17.0.1 dev eth0 ');
    expect(results[2].output).toBe('a\ndocker-host');
    expect(results[3]).toMatchObject({ output: 'sh: -c: option requires an argument', exitCode: 2 });
  });

  it('a substitution is a subshell: it does not leave the console inside a container', () => {
    const r = runLine(createSession(createDefaultWorld()), 'echo $(docker run -it --name u1 nicolaka/netshoot zsh)');
    expect(r.session.stack).toHaveLength(1);
    expect(runLine(r.session, 'hostname').output).toBe('docker-host');
  });

  it('a substitution inside double quotes stays one word', () => {
    expect(runLine(createSession(createDefaultWorld()), 'echo "$(hostname) is here"').output).toBe(
      'docker-host is here',
    );
  });
});

describe('@machine names where the whole list runs', () => {
  it('runs every command of `@router … && …` on the router; an item with its own @ keeps it', () => {
    const s = createSession(createDefaultWorld());
    const r = runLine(s, '@router ip route add 10.9.0.0/24 via 192.168.0.10 && ip route');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')).toEqual([
      'default via 124.111.46.1 dev wan0 proto dhcp src 124.111.46.91 ',
      '10.9.0.0/24 via 192.168.0.10 dev eth0 ',
      '124.111.46.0/24 dev wan0 proto kernel scope link src 124.111.46.91 ',
      '192.168.0.0/24 dev eth0 proto kernel scope link src 192.168.0.1 ',
    ]);
    const mixed = runLine(r.session, '@router hostname; @pc1 hostname; hostname');
    expect(mixed.output.split('\n')).toEqual(['router', 'pc1', 'router']);
    // the prompt stays where it was
    expect(runLine(mixed.session, 'hostname').output).toBe('docker-host');
  });
});
