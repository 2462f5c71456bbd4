import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../src/io/project';
import { worldRefusal } from '../../../src/io/worldSchema';
import { createSession, runLine, runScript } from '../../../src/sim/console';
import { parsePlatform } from '../../../src/sim/docker/platform';
import type { World } from '../../../src/sim/model';
import { createDefaultWorld } from '../../../src/sim/world';

const play = (lines: string[]) => runScript(createDefaultWorld(), lines.join('\n'));
const help = `\n\nRun 'docker run --help' for more information`;
const WARN =
  "WARNING: The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64/v4) and no specific platform was requested";

// docker/cli v28.5.2 cli/command/container/create.go (platforms.Parse, "error parsing specified
// platform", the pull after a not-found create); containerd/platforms Parse; moby v28.5.2
// daemon/images/image.go GetImage (another platform's local copy is not found), daemon/create.go
// (the warning without --platform), distribution/pull_v2.go noMatchesErr; runc init (exec format
// error, exit 255).
describe('--platform on a linux/amd64 host without emulation', () => {
  it('the CLI’s parse errors', () => {
    const r = play(['docker run --platform foo nginx', 'docker run --platform linux/ nginx']).results;
    expect(r[0].output).toBe(
      `docker: error parsing specified platform: "foo": unknown operating system or architecture: invalid argument${help}`,
    );
    expect(r[0].exitCode).toBe(125);
    expect(r[1].output).toBe(
      `docker: error parsing specified platform: "" is an invalid component of "linux/": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument${help}`,
    );
    expect(parsePlatform('arm64')).toEqual({ ok: true, value: { os: 'linux', arch: 'arm64', variant: '' } });
    expect(parsePlatform('linux/aarch64/v8')).toEqual({
      ok: true,
      value: { os: 'linux', arch: 'arm64', variant: 'v8' },
    });
  });

  it('another variant is pulled, takes the tag, and cannot exec: exit 255; later runs get the warning', () => {
    const { results: r } = play([
      'docker run -d --name web nginx',
      'docker run -d --name arm --platform linux/arm64 nginx',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      'docker logs arm',
      'docker run --name again nginx',
      'docker run -d --name back --platform linux/amd64 nginx',
      'docker run -d --name fine nginx',
    ]);
    const pulled = r[1].output.split('\n');
    expect(pulled.slice(0, 2)).toEqual([
      "Unable to find image 'nginx:latest' locally",
      'latest: Pulling from library/nginx',
    ]);
    expect(pulled.at(-2)).toBe('Status: Downloaded newer image for nginx:latest');
    expect(pulled.at(-1)).toMatch(/^[0-9a-f]{64}$/);
    expect(r[2].output.split('\n')[0]).toMatch(/^arm Exited \(255\) /);
    expect(r[3].output).toBe('exec /docker-entrypoint.sh: exec format error');
    expect(r[4]).toMatchObject({ output: `${WARN}\nexec /docker-entrypoint.sh: exec format error`, exitCode: 255 });
    expect(r[5].output.split('\n')[0]).toBe("Unable to find image 'nginx:latest' locally");
    expect(r[6].output).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a platform the manifest list lacks fails as the pull does', () => {
    const { results: r } = play([
      'docker run --platform windows/amd64 nginx',
      'docker create --platform linux/s390x mysql',
      'docker pull --platform linux/riscv64 nginx',
    ]);
    expect(r[0].output).toBe(
      `Unable to find image 'nginx:latest' locally\nlatest: Pulling from library/nginx\ndocker: no matching manifest for windows/amd64 in the manifest list entries${help}`,
    );
    expect(r[0].exitCode).toBe(125);
    expect(r[1]).toMatchObject({
      output:
        "Unable to find image 'mysql:latest' locally\nlatest: Pulling from library/mysql\nno matching manifest for linux/s390x in the manifest list entries",
      exitCode: 1,
    });
    expect(r[2].output).toBe(
      'Using default tag: latest\nlatest: Pulling from library/nginx\nno matching manifest for linux/riscv64 in the manifest list entries',
    );
  });

  it('docker pull --platform takes the tag too; the platform is kept in a save, old saves open', () => {
    const { results: r, session } = play([
      'docker pull --platform linux/arm/v7 alpine',
      'docker run --rm alpine echo hi',
    ]);
    const world = session.world;
    expect(r[0].output.split('\n').at(-2)).toBe('Status: Downloaded newer image for alpine:latest');
    expect(r[1].output).toBe(
      "WARNING: The requested image's platform (linux/arm/v7) does not match the detected host platform (linux/amd64/v4) and no specific platform was requested\nexec /bin/echo: exec format error",
    );
    const w: World = JSON.parse(JSON.stringify(world));
    expect(w.daemons['docker-host'].imagePlatforms).toEqual({ 'alpine:latest': 'linux/arm/v7' });
    expect(worldRefusal(w)).toBeNull();
    const res = parseProject(serializeProject({ world: w, pinned: {} }));
    expect(res.ok && res.doc.world).toEqual(w);
    const old: World = JSON.parse(JSON.stringify(play(['docker pull alpine']).session.world));
    expect(JSON.stringify(old)).not.toContain('imagePlatforms');
    expect(worldRefusal(old)).toBeNull();
    expect(runLine(createSession(old), 'docker run --rm alpine echo hi').output).toBe('hi');
  });

  it('a restart policy starts it again and each start fails the same way (moby restartmanager back-off)', () => {
    const { results: r } = play([
      'docker run -d --name arm --restart always --platform linux/arm64 nginx',
      'sleep 3',
      "docker ps -a --format '{{.Names}} {{.Status}}'",
      'docker logs arm',
    ]);
    expect(r[2].output).toMatch(/^arm Restarting \(255\) /);
    expect(new Set(r[3].output.split('\n'))).toEqual(new Set(['exec /docker-entrypoint.sh: exec format error']));
    expect(r[3].output.split('\n').length).toBeGreaterThan(1);
  });
});
