import { describe, expect, it } from 'vitest';
import { worldProblem } from '../../../src/io/worldSchema';
import { createSession, prompt, runLine, runScript } from '../../../src/sim/console';
import { readStored, treeOf } from '../../../src/sim/fs';
import { createDefaultWorld } from '../../../src/sim/world';

const outputs = (text: string) => runScript(createDefaultWorld(), text).results.map((r) => r.output);

describe('files: pwd, cd, ls, mkdir, cat, echo > / >>, rm', () => {
  it('the Docker host starts in ~ with seed 002 project directory; cd changes the prompt', () => {
    const { results, session } = runScript(
      createDefaultWorld(),
      [
        'pwd',
        'ls',
        'cd gloddy_server',
        'pwd',
        'ls',
        'cd ..',
        'cd /etc',
        'ls',
        'cd',
        'cd /nope',
        'cd ~/gloddy_server/docker-compose.yml',
      ].join('\n'),
    );
    expect(results.map((r) => r.output)).toEqual([
      '/root',
      'gloddy_server',
      '',
      '/root/gloddy_server',
      'docker-compose.yml',
      '',
      '',
      'hostname  hosts  resolv.conf',
      '',
      'bash: cd: /nope: No such file or directory',
      'bash: cd: ~/gloddy_server/docker-compose.yml: Not a directory',
    ]);
    expect(results[9].exitCode).toBe(1);
    expect(prompt(session)).toBe('root@docker-host:~#');
    const s = runLine(createSession(createDefaultWorld()), 'cd gloddy_server').session;
    expect(prompt(s)).toBe('root@docker-host:~/gloddy_server#');
    expect(prompt(runLine(s, 'cd /var/run').session)).toBe('root@docker-host:/var/run#');
  });

  it('echo > and >> write files, cat reads them, rm removes them, as coreutils word it', () => {
    expect(
      outputs(
        [
          'echo hello > a.txt',
          'echo world >> a.txt',
          'cat a.txt',
          'cat a.txt | wc -l',
          'echo hi>b; cat < b',
          "echo '>' x",
          'ls',
          'rm a.txt b',
          'rm a.txt',
          'mkdir d d',
          'mkdir x/y',
          'mkdir -p x/y && ls x',
          'rm x',
          'rm -r x; ls',
          'cat gloddy_server',
          'echo no > missing/f',
          'echo no > gloddy_server',
        ].join('\n'),
      ),
    ).toEqual([
      '',
      '',
      'hello\nworld',
      '2',
      'hi',
      '> x',
      'a.txt  b  gloddy_server',
      '',
      "rm: cannot remove 'a.txt': No such file or directory",
      'mkdir: cannot create directory ‘d’: File exists',
      'mkdir: cannot create directory ‘x/y’: No such file or directory',
      'y',
      "rm: cannot remove 'x': Is a directory",
      'd  gloddy_server',
      'cat: gloddy_server: Is a directory',
      'bash: missing/f: No such file or directory',
      'bash: gloddy_server: Is a directory',
    ]);
  });

  it('stderr stays on the terminal when stdout goes to a file; a failed redirect writes nothing', () => {
    const { results, session } = runScript(
      createDefaultWorld(),
      ['cat nope /etc/hostname > out', 'cat out', 'ls > /dev/null'].join('\n'),
    );
    expect(results.map((r) => r.output)).toEqual(['cat: nope: No such file or directory', 'docker-host', '']);
    expect(readStored(session.world, 'docker-host', '/root/out')).toBe('docker-host\n');
  });

  it('heredocs typed line by line: the prompt is > until the delimiter, the body lands in the file', () => {
    let s = createSession(createDefaultWorld());
    const lines = ["cat > compose.yaml <<'EOF'", 'services:', '  web:', '    image: nginx', 'EOF'];
    const prompts: string[] = [];
    for (const l of lines) {
      const r = runLine(s, l);
      s = r.session;
      prompts.push(prompt(s));
    }
    expect(prompts).toEqual(['>', '>', '>', '>', 'root@docker-host:~#']);
    expect(readStored(s.world, 'docker-host', '/root/compose.yaml')).toBe('services:\n  web:\n    image: nginx\n');
    expect(runLine(s, 'cat <<-END | grep b\n').output).toBe('');
    const r = runScript(createDefaultWorld(), 'cat <<-END | grep b\n\ta\n\tb\nEND\necho "two\nlines"');
    expect(r.results.map((x) => x.output)).toEqual(['', '', '', 'b', '', 'two\nlines']);
  });

  it('containers have their own files and start in /', () => {
    const { results } = runScript(
      createDefaultWorld(),
      [
        'docker run -it --name box busybox sh',
        'pwd',
        'echo inside > /tmp/x',
        'ls /tmp',
        'cd',
        'exit',
        'ls /tmp',
        'docker run -d --name web nginx',
        'docker exec web ls /etc',
      ].join('\n'),
    );
    expect(results.map((r) => r.output).slice(1, 5)).toEqual(['/', '', 'x', '']);
    expect(results[6].output).toBe('');
    expect(results[8].output).toBe('hostname  hosts  resolv.conf');
  });

  it('an old save without files opens with the default tree; a bad files field is refused', () => {
    const w = createDefaultWorld();
    expect(w.files).toBeUndefined();
    expect(Object.keys(treeOf(w, 'docker-host'))).toContain('/root/gloddy_server/docker-compose.yml');
    expect(worldProblem(JSON.parse(JSON.stringify(w)))).toBeNull();
    const written = runLine(createSession(w), 'mkdir k').session.world;
    expect(worldProblem(JSON.parse(JSON.stringify(written)))).toBeNull();
    expect(worldProblem({ ...w, files: { 'docker-host': { relative: 'x' } } })).toMatch(/malformed entry/);
  });
});
