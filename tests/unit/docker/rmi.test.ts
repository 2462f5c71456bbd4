import { describe, expect, it } from 'vitest';
import { stableHex, storedImage } from '../../../src/sim/docker/imageStore';
import { findContainer } from '../../../src/sim/lookup';
import { docker, play } from './helpers';

const short = (image: string) => storedImage(image).id.slice(0, 12);

describe('docker rmi / image rm', () => {
  it('untags and deletes an unused image with its layers (image_delete.go records)', () => {
    const { world } = play(['docker pull alpine']);
    const img = storedImage('alpine');
    const r = docker(world, 'docker rmi alpine');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n')).toEqual([
      'Untagged: alpine:latest',
      `Untagged: alpine@sha256:${img.digest}`,
      `Deleted: sha256:${img.id}`,
      `Deleted: sha256:${stableHex('chain:alpine:latest:0')}`,
    ]);
    expect(docker(r.world, 'docker images -q').output).toBe('');
    expect(docker(r.world, 'docker rmi alpine').output).toBe(
      'Error response from daemon: No such image: alpine:latest',
    );
  });

  it("refuses an image a container uses, by name or by id, in the daemon's words", () => {
    const { world } = play(['docker run -d --name web nginx', 'docker run --name once busybox true']);
    const web = findContainer(world, 'web')!.id.slice(0, 12);
    const once = findContainer(world, 'once')!.id.slice(0, 12);
    expect(docker(world, 'docker rmi nginx').output).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "nginx" (must force) - container ${web} is using its referenced image ${short('nginx')}`,
    );
    expect(docker(world, `docker rmi ${short('busybox')}`).output).toBe(
      `Error response from daemon: conflict: unable to delete ${short('busybox')} (must be forced) - image is being used by stopped container ${once}`,
    );
    expect(docker(world, `docker image rm -f ${short('nginx')}`).output).toBe(
      `Error response from daemon: conflict: unable to delete ${short('nginx')} (cannot be forced) - image is being used by running container ${web}`,
    );
  });

  it('-f by name only untags an image in use: it stays as <none> <none> until its containers go', () => {
    const { world } = play(['docker run --name once busybox true']);
    const r = docker(world, 'docker rmi -f busybox');
    expect(r.output).toBe(`Untagged: busybox:latest\nUntagged: busybox@sha256:${storedImage('busybox').digest}`);
    expect(docker(r.world, 'docker images').output.split('\n')[1]).toBe(
      `<none>       <none>    ${short('busybox')}   15 months ago   4.28MB`,
    );
    expect(docker(r.world, 'docker images -f dangling=true -q').output).toBe(short('busybox'));
    expect(docker(r.world, 'docker ps -a --format "{{.Image}}"').output).toBe(short('busybox'));
    const gone = play(['docker rm once', `docker rmi ${short('busybox')}`], r.world);
    expect(gone.last.output.split('\n')[0]).toBe(`Deleted: sha256:${storedImage('busybox').id}`);
    expect(docker(gone.world, 'docker images -q').output).toBe('');
  });

  it('goes on after an error and reports it last; needs an argument', () => {
    const { world } = play(['docker pull alpine']);
    const r = docker(world, 'docker rmi nosuch alpine');
    expect(r.exitCode).toBe(1);
    const lines = r.output.split('\n');
    expect(lines[0]).toBe('Untagged: alpine:latest');
    expect(lines.at(-1)).toBe('Error response from daemon: No such image: nosuch:latest');
    expect(docker(world, 'docker rmi').output).toBe(
      "docker: 'docker rmi' requires at least 1 argument\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nSee 'docker rmi --help' for more information",
    );
  });
});
