import { describe, expect, it } from 'vitest';
import { humanSize, storedImage } from '../../../src/sim/docker/imageStore';
import type { World } from '../../../src/sim/model';
import { docker, play } from './helpers';

const later = (w: World, ms: number): World => ({ ...w, clock: w.clock + ms });

describe('docker images', () => {
  it('is an empty classic table before anything ran', () => {
    const { last } = play(['docker images']);
    expect(last.output).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE');
  });

  it('lists the images of containers run so far, newest image first, even after rm', () => {
    const { world } = play([
      'docker run -d --name web nginx',
      'docker run --rm busybox true',
      'docker run -d --name old devwikirepo/pingbuntu',
      'docker rm -f web old',
    ]);
    const nginx = storedImage('nginx').id.slice(0, 12);
    const bb = storedImage('busybox').id.slice(0, 12);
    const pb = storedImage('devwikirepo/pingbuntu').id.slice(0, 12);
    expect(docker(world, 'docker images').output.split('\n')).toEqual([
      'REPOSITORY              TAG       IMAGE ID       CREATED         SIZE',
      `nginx                   latest    ${nginx}   2 weeks ago     192MB`,
      `devwikirepo/pingbuntu   latest    ${pb}   13 months ago   118MB`,
      `busybox                 latest    ${bb}   15 months ago   4.28MB`,
    ]);
    expect(docker(world, 'docker image ls -q').output).toBe([nginx, pb, bb].join('\n'));
    expect(docker(world, 'docker images busybox').output.split('\n')).toHaveLength(2);
    expect(docker(world, 'docker image list --format "{{.Repository}}:{{.Tag}}"').output).toBe(
      'nginx:latest\ndevwikirepo/pingbuntu:latest\nbusybox:latest',
    );
    expect(docker(world, 'docker images --no-trunc -q').output.split('\n')[0]).toBe(
      `sha256:${storedImage('nginx').id}`,
    );
  });

  it('reads an older save without the list from its containers, and keeps them on the next pull', () => {
    const { world } = play(['docker run -d --name web nginx']);
    const old = { ...world, daemons: { 'docker-host': { ...world.daemons['docker-host'], images: undefined } } };
    expect(docker(old, 'docker images --format "{{.Repository}}"').output).toBe('nginx');
    const pulled = docker(old, 'docker pull busybox').world;
    expect(pulled.daemons['docker-host'].images).toEqual(['nginx:latest', 'busybox:latest']);
  });

  it('keeps tags apart and refuses a second argument', () => {
    const { world } = play(['docker run -d nginx:1.27', 'docker run -d nginx']);
    const rows = docker(world, 'docker images nginx').output.split('\n');
    expect(
      rows
        .slice(1)
        .map((r) => r.split(/\s+/)[1])
        .sort(),
    ).toEqual(['1.27', 'latest']);
    expect(docker(world, 'docker images a b').output).toBe(
      "docker: 'docker images' requires at most 1 argument\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nSee 'docker images --help' for more information",
    );
  });

  it('formats sizes as go-units HumanSizeWithPrecision(…, 3)', () => {
    expect(humanSize(192_004_242)).toBe('192MB');
    expect(humanSize(4_277_910)).toBe('4.28MB');
    expect(humanSize(78_126_423)).toBe('78.1MB');
    expect(humanSize(1_101_447_823)).toBe('1.1GB');
    expect(humanSize(999)).toBe('999B');
  });
});

describe('docker pull', () => {
  it('prints the layers, digest, status and full name, then "up to date" once present', () => {
    const img = storedImage('nginx');
    const r = play(['docker pull nginx']).last;
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')).toEqual([
      'Using default tag: latest',
      'latest: Pulling from library/nginx',
      ...img.layers.map((l) => `${l}: Pull complete`),
      `Digest: sha256:${img.digest}`,
      'Status: Downloaded newer image for nginx:latest',
      'docker.io/library/nginx:latest',
    ]);
    expect(img.layers).toHaveLength(7);
    expect(docker(r.world, 'docker pull nginx').output.split('\n')).toEqual([
      'Using default tag: latest',
      'latest: Pulling from library/nginx',
      `Digest: sha256:${img.digest}`,
      'Status: Image is up to date for nginx:latest',
      'docker.io/library/nginx:latest',
    ]);
    expect(docker(r.world, 'docker images').output).toContain('nginx        latest');
  });

  it('is up to date for an image a container already uses; a tag skips the default-tag line', () => {
    const { world } = play(['docker run -d --name web nginx']);
    expect(docker(world, 'docker pull nginx').output).toContain('Status: Image is up to date for nginx:latest');
    const tagged = docker(world, 'docker image pull nginx:1.27').output.split('\n');
    expect(tagged[0]).toBe('1.27: Pulling from library/nginx');
    expect(tagged.at(-2)).toBe('Status: Downloaded newer image for nginx:1.27');
    expect(tagged.at(-1)).toBe('docker.io/library/nginx:1.27');
    expect(docker(world, 'docker pull -q devwikirepo/pingbuntu').output).toBe('docker.io/devwikirepo/pingbuntu:latest');
  });

  it('is deterministic: the same ids in every World', () => {
    const a = play(['docker pull busybox']).last.output;
    const b = play(['docker network create x', 'docker pull busybox']).last.output;
    expect(a).toBe(b);
  });

  it("answers Docker Hub's pull access denied for an unknown repository, and checks the reference", () => {
    const r = play(['docker pull my-image']).last;
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe(
      "Using default tag: latest\nError response from daemon: pull access denied for my-image, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\nwhalewire: this simulation has no image 'my-image'; it knows nicolaka/netshoot, busybox, alpine, devwikirepo/pingbuntu, ubuntu, nginx, httpd, devwikirepo/envnodecolorapp, redis, postgres, mysql.",
    );
    expect(docker(r.world, 'docker images').output.split('\n')).toHaveLength(1);
    expect(play(['docker pull NGINX']).last.output).toBe(
      'invalid reference format: repository name (library/NGINX) must be lowercase',
    );
  });

  it('shows CREATED from the World clock', () => {
    const { world } = play(['docker pull alpine']);
    expect(docker(later(world, 30 * 86_400_000), 'docker images').output).toContain('2 months ago');
  });
});

describe('docker images --filter', () => {
  const { world } = play(['docker run -d nginx', 'docker run -d nginx:1.27', 'docker run -d devwikirepo/pingbuntu']);
  const repos = (line: string) =>
    docker(world, line)
      .output.split('\n')
      .slice(1)
      .map((r) => r.split(/\s+/).slice(0, 2).join(':'));

  it('applies reference globs, dangling, before and since', () => {
    expect(repos('docker images "nginx:1.*"')).toEqual(['nginx:1.27']);
    expect(repos('docker images --filter "reference=devwikirepo/*"')).toEqual(['devwikirepo/pingbuntu:latest']);
    expect(repos('docker images -f dangling=true')).toEqual([]);
    expect(repos('docker images -f dangling=false')).toHaveLength(3);
    expect(repos('docker images -f since=devwikirepo/pingbuntu').sort()).toEqual(['nginx:1.27', 'nginx:latest']);
    expect(repos('docker images -f before=nginx:1.27')).toEqual(['devwikirepo/pingbuntu:latest']);
  });

  it('refuses what the daemon refuses, in its words', () => {
    expect(docker(world, 'docker images -f bogus=1').output).toBe("Error response from daemon: invalid filter 'bogus'");
    expect(docker(world, 'docker images -f dangling=maybe').output).toBe(
      "Error response from daemon: invalid filter 'dangling=[maybe]'",
    );
    expect(docker(world, 'docker images -f before=nosuch').output).toBe(
      'Error response from daemon: No such image: nosuch:latest',
    );
  });
});
