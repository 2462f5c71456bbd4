import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/sim/console';
import { replaceOrAppendEnv } from '../../../src/sim/containerEnv';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n')).results;
const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
// nginx:1.27.3's ENV after its PATH (nginxinc/docker-nginx mainline/debian/Dockerfile)
const NGINX_ENV = [
  'NGINX_VERSION=1.27.3',
  'NJS_VERSION=0.8.8',
  'NJS_RELEASE=1~bookworm',
  'PKG_RELEASE=1~bookworm',
  'DYNPKG_RELEASE=1~bookworm',
];

// moby v28.5.2 container/container.go CreateDaemonEnvironment + container/env.go
// ReplaceOrAppendEnvValues (daemon/exec.go sets an exec's env over it); runc adds HOME from passwd.
describe('env, printenv, pwd and whoami show what run/exec -e, --env-file, -w and -u set', () => {
  it("the image's ENV: Config.Env is -e's values then the image's they do not name (commit.go merge)", () => {
    const r = play([
      'docker run -d --name web nginx',
      "docker inspect -f '{{json .Config.Env}}' web",
      'docker run --rm -e FOO=bar -e NJS_VERSION=x nginx env',
      'docker run -d --name kv redis',
      'docker exec kv printenv REDIS_VERSION REDIS_DOWNLOAD_SHA GOSU_VERSION',
      "docker run --rm -e MYSQL_ROOT_PASSWORD=pw mysql sh -c 'printenv MYSQL_VERSION MYSQL_MAJOR'",
    ]);
    expect(JSON.parse(r[1].output)).toEqual([PATH, ...NGINX_ENV]);
    expect(r[2].output.split('\n')).toEqual([
      PATH,
      expect.stringMatching(/^HOSTNAME=[0-9a-f]{12}$/),
      'FOO=bar',
      'NJS_VERSION=x',
      ...NGINX_ENV.filter((e) => !e.startsWith('NJS_VERSION=')),
      'HOME=/root',
    ]);
    expect(r[4].output).toBe('7.4.2\n4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f\n1.17');
    expect(r[5].output).toBe('9.1.0-1.el9\ninnovation');
  });

  it('the main process: PATH, HOSTNAME, the -e values (PATH replaced in place), then HOME', () => {
    const r = play([
      'docker run -d --name web -e FOO=bar -e PATH=/opt/bin:/usr/bin nginx',
      'docker exec web env',
      'docker inspect --format "{{.Config.Hostname}}" web',
      'docker run --rm alpine env',
    ]);
    const host = r[2].output;
    expect(r[1].output.split('\n')).toEqual([
      'PATH=/opt/bin:/usr/bin',
      `HOSTNAME=${host}`,
      'FOO=bar',
      ...NGINX_ENV,
      'HOME=/root',
    ]);
    expect(r[3].output.split('\n')).toEqual([PATH, expect.stringMatching(/^HOSTNAME=[0-9a-f]{12}$/), 'HOME=/root']);
  });

  it('exec -e and --env-file go over the container env; -t adds TERM=xterm after HOSTNAME', () => {
    const r = play([
      'echo FROMFILE=1 > vars.env',
      'echo FOO=file >> vars.env',
      'docker run -d --name web -e FOO=bar nginx',
      'docker exec --env-file vars.env -e X=1 -t web env',
      'docker exec -e X=1 web printenv X FOO',
      'docker exec web printenv NOPE',
      'docker exec -e FOO web printenv FOO',
      'docker exec web env A=1 printenv A',
    ]);
    expect(r[3].output.split('\n')).toEqual([
      PATH,
      expect.stringMatching(/^HOSTNAME=[0-9a-f]{12}$/),
      'TERM=xterm',
      'FOO=file',
      ...NGINX_ENV,
      'FROMFILE=1',
      'X=1',
      'HOME=/root',
    ]);
    expect(r[4]).toMatchObject({ output: '1\nbar', exitCode: 0 });
    expect(r[5]).toMatchObject({ output: '', exitCode: 1 });
    // a bare -e NAME the client does not have unsets it (ReplaceOrAppendEnvValues)
    expect(r[6]).toMatchObject({ output: '', exitCode: 1 });
    expect(r[7].output).toBe('1');
  });

  it("-w and -u: pwd, whoami and the user's HOME; run -it starts its shell in the WorkingDir as the User", () => {
    const r = play([
      'docker run -d --name web nginx',
      "docker exec -u nobody -w /tmp web sh -c 'pwd; whoami; printenv HOME'",
      'docker exec -u www-data web printenv HOME',
      'docker run -it --name bx -u 65534 -w /etc busybox sh',
      'pwd',
      'whoami',
      'printenv HOME',
    ]);
    expect(r[1].output).toBe('/tmp\nnobody\n/nonexistent');
    expect(r[2].output).toBe('/var/www');
    expect(r[4].output).toBe('/etc');
    expect(r[5].output).toBe('nobody');
    expect(r[6].output).toBe('/home');
  });

  it('ReplaceOrAppendEnvValues: replaced in place, appended in order, a bare name removed', () => {
    expect(replaceOrAppendEnv(['A=1', 'B=2', 'C=3'], ['B=x', 'D=4', 'A', 'E=5'])).toEqual(['B=x', 'C=3', 'D=4', 'E=5']);
  });
});
