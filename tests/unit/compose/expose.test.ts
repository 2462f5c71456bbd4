import { describe, expect, it } from 'vitest';
import { steps, write } from './helpers';

// fact 68: `expose:` records container ports and publishes nothing
describe('compose expose:', () => {
  const { r } = steps([
    'mkdir ex && cd ex',
    write(
      'compose.yaml',
      'services:\n  api:\n    image: nginx\n    expose:\n      - "3000"\n      - "8080-8081/tcp"\n',
    ),
    'docker compose up -d',
    'docker inspect ex-api-1 --format "{{json .Config.ExposedPorts}}"',
    'docker port ex-api-1',
    'docker compose config',
  ]);
  it('adds the ports to the image’s exposed ports', () => {
    expect(r[3].output).toBe('{"3000/tcp":{},"80/tcp":{},"8080/tcp":{},"8081/tcp":{}}');
  });
  it('publishes nothing', () => {
    expect(r[4].output).toBe('');
  });
  it('config prints expose as Compose normalises it', () => {
    expect(r[5].output).toContain('    expose:\n      - "3000"\n      - 8080-8081/tcp');
  });
});
