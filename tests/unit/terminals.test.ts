import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runText } from '../../src/cli/sim';
import { createSession, prompt, runLine, runScript } from '../../src/sim/console';
import { activeSession, createTerminals, focusTerminal, withActive } from '../../src/sim/terminals';
import { createDefaultWorld } from '../../src/sim/world';

const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'seeds', '004-dns-terminals.txt'), 'utf8');

describe('terminals: several on one World (seed 004 typed in two)', () => {
  it('containerA pings containerB by name only while B exists; the other terminal makes and removes B', () => {
    const { lines, results } = runScript(createDefaultWorld(), fixture);
    const pings = lines.flatMap((l, i) => (l === 'ping containerB' ? [results[i]] : []));
    expect(pings.map((r) => r.machine)).toEqual(Array(3).fill(pings[0].machine));
    expect(pings[0]).toMatchObject({ output: 'ping: containerB: Name or service not known', exitCode: 2 });
    expect(pings[1].output.split('\n').slice(0, 2)).toEqual([
      'PING containerB (10.0.0.3) 56(84) bytes of data.',
      expect.stringMatching(/^64 bytes from containerB\.second-bridge \(10\.0\.0\.3\): icmp_seq=1 ttl=64 time=/),
    ]);
    expect(pings[1].exitCode).toBe(0);
    expect(pings[2].output).toBe('ping: containerB: Name or service not known');
    // the docker lines of terminal 2 ran on the host while terminal 1 stayed inside containerA
    const run = results[lines.indexOf('docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu')];
    expect(run).toMatchObject({ machine: 'docker-host', exitCode: 0 });
    expect(results[lines.length - 1].output).toMatch(/^\[[0-9a-f]{12} is removed; back on docker-host\]$/);
  });

  it('npm run sim prints the fixture with the %term lines, > before continued lines', () => {
    const out = runText(fixture, { json: false, seed: 28 });
    expect(out).toContain(
      '$ %term 2\n$ docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu\n',
    );
    expect(runText("cat <<'EOF'\nhi\nEOF\n", { json: false, seed: 28 })).toBe("$ cat <<'EOF'\n> hi\n> EOF\nhi\n");
  });

  it('each terminal keeps its own place, cwd, $? and half-typed heredoc', () => {
    let t = createTerminals(createSession(createDefaultWorld()));
    t = withActive(t, runLine(activeSession(t), 'cd gloddy_server').session);
    t = withActive(t, runLine(activeSession(t), 'false').session);
    t = withActive(t, runLine(activeSession(t), 'cat > f <<EOF').session);
    t = focusTerminal(t, 'two').terms;
    expect(prompt(activeSession(t))).toBe('root@docker-host:~#');
    t = withActive(t, runLine(activeSession(t), 'echo $?').session);
    expect(runLine(activeSession(t), 'echo $?').output).toBe('0');
    t = focusTerminal(t, '1').terms;
    expect(prompt(activeSession(t))).toBe('>');
    t = withActive(t, runLine(activeSession(t), 'x').session);
    t = withActive(t, runLine(activeSession(t), 'EOF').session);
    expect(prompt(activeSession(t))).toBe('root@docker-host:~/gloddy_server#');
    expect(runLine(activeSession(t), 'cat f').output).toBe('x');
  });
});
