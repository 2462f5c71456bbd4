import { describe, expect, it } from 'vitest';
import { docker, play } from './helpers';

describe('docker network ls --filter / --format (filters were accepted and ignored)', () => {
  const { world } = play([
    'docker network create --label env=dev app',
    'docker network create other',
    'docker run -d --name web --network app nginx',
  ]);
  const id = (name: string) =>
    Object.values(world.networks)
      .find((n) => n.name === name)!
      .id.slice(0, 12);

  it.each([
    ['docker network ls -f driver=null -q', () => id('none')],
    ['docker network ls --filter type=custom -q', () => `${id('app')}\n${id('other')}`],
    ['docker network ls -f type=builtin --format {{.Name}}', () => 'bridge\nhost\nnone'],
    ['docker network ls -f name=app -f name=oth --format {{.Name}}', () => 'app\nother'],
    ['docker network ls -f label=env=dev -q', () => id('app')],
    ['docker network ls -f dangling=true --format {{.Name}}', () => 'other'],
    [
      "docker network ls -f type=custom --format 'table {{.Name}}\\t{{.Driver}}\\t{{.Labels}}'",
      () => 'NAME      DRIVER    LABELS\napp       bridge    env=dev\nother     bridge    ',
    ],
  ])('%s', (line, out) => {
    const r = docker(world, line);
    expect(r.output).toBe(out());
    expect(r.exitCode).toBe(0);
  });

  it.each([
    ['docker network ls -f bogus=1', "Error response from daemon: invalid filter 'bogus'"],
    ['docker network ls -f type=x', "Error response from daemon: invalid filter: 'type'='x'"],
  ])('%s', (line, out) => {
    const r = docker(world, line);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(1);
  });
});
