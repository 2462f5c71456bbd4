import { describe, expect, it } from 'vitest';
import { runDocker } from '../../src/sim/docker';
import {
  HTTPD_WORKS,
  httpResponse,
  imageCatalogue,
  imageHasTool,
  imageInfo,
  imageRepo,
  NGINX_WELCOME,
  referenceError,
} from '../../src/sim/images';
import { createDefaultWorld } from '../../src/sim/world';

describe('image catalogue', () => {
  it.each([
    ['nginx', 'nginx'],
    ['nginx:latest', 'nginx'],
    ['nginx:1.27', 'nginx'],
    ['docker.io/library/nginx:1.27', 'nginx'],
    ['nicolaka/netshoot:v0.13', 'nicolaka/netshoot'],
    ['localhost:5000/app', 'localhost:5000/app'],
  ])('%s is repo %s', (ref, repo) => {
    expect(imageRepo(ref)).toBe(repo);
  });

  it.each([
    ['nginx', 80],
    ['httpd', 80],
    ['redis', 6379],
    ['postgres', 5432],
    ['mysql', 3306],
    ['devwikirepo/envnodecolorapp', 3000],
  ])('%s listens on %i/tcp', (image, port) => {
    expect(imageInfo(image).listeners).toContainEqual({ port, proto: 'tcp' });
  });

  it('knows which images have ping and curl (real images)', () => {
    expect(imageHasTool('nginx', 'ping')).toBe(false);
    expect(imageHasTool('nginx', 'curl')).toBe(true);
    expect(imageHasTool('busybox', 'ping')).toBe(true);
    expect(imageHasTool('busybox', 'curl')).toBe(false);
    expect(imageHasTool('alpine', '/bin/ping')).toBe(true);
    expect(imageHasTool('devwikirepo/pingbuntu', 'ping')).toBe(true);
    expect(imageHasTool('ubuntu', 'ping')).toBe(false);
    for (const t of ['ping', 'curl', 'dig', 'nslookup', 'ip', 'iptables']) {
      expect(imageHasTool('nicolaka/netshoot', t)).toBe(true);
    }
    expect(imageInfo('busybox').flavor).toBe('busybox');
    expect(imageInfo('devwikirepo/pingbuntu').flavor).toBe('glibc');
  });

  it('treats the seed misspelling as an unknown image that listens on nothing', () => {
    const info = imageInfo('devwikirepo/envnodoecolorapp');
    expect(info.known).toBe(false);
    expect(info.listeners).toEqual([]);
    expect(info.keepsRunning).toBe(true);
  });

  it('offers the tool-rich image first', () => {
    expect(imageCatalogue()[0].image).toBe('nicolaka/netshoot');
    expect(imageCatalogue().map((i) => i.image)).toContain('mysql');
  });
});

describe('httpResponse', () => {
  it("serves nginx's real default page with its length", () => {
    const r = httpResponse({ image: 'nginx:latest', env: [] }, 80)!;
    expect(r.status).toBe(200);
    expect(r.body).toBe(NGINX_WELCOME);
    expect(r.headers).toContainEqual(['Content-Length', '615']);
  });
  it("serves httpd's It works!", () => {
    const r = httpResponse({ image: 'httpd', env: [] }, 80)!;
    expect(r.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(r.headers).toContainEqual(['Content-Length', String(HTTPD_WORKS.length)]);
  });
  it('shows the colour app COLOR verbatim', () => {
    const r = httpResponse({ image: 'devwikirepo/envnodecolorapp', env: ['COLOR=red'] }, 3000)!;
    expect(r.body).toContain('red');
    expect(httpResponse({ image: 'devwikirepo/envnodecolorapp', env: ['COLOR=red'] }, 3030)).toBeNull();
  });
  it('answers null for non-HTTP servers and unknown images', () => {
    expect(httpResponse({ image: 'redis', env: [] }, 6379)).toBeNull();
    expect(httpResponse({ image: 'devwikirepo/envnodoecolorapp', env: [] }, 3000)).toBeNull();
  });
});

describe('referenceError (distribution/reference, as the CLI parses IMAGE)', () => {
  it.each([
    ['nginx', null],
    ['nginx:1.27', null],
    ['docker.io/library/nginx:latest', null],
    ['localhost:5000/my-image', null],
    ['devwikirepo/envnodecolorapp', null],
    ['NGINX', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
    ['ghcr.io/Org/App', 'invalid reference format: repository name (Org/App) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['a b', 'invalid reference format'],
  ])('%s', (ref, error) => {
    expect(referenceError(ref)).toBe(error);
  });

  it('docker run refuses it before creating anything', () => {
    const w = createDefaultWorld();
    const r = runDocker(w, ['run', '-d', 'NGINX'], { kind: 'machine', id: 'docker-host' });
    expect(r.output).toBe(
      "docker: invalid reference format: repository name (library/NGINX) must be lowercase\n\nRun 'docker run --help' for more information",
    );
    expect(r.exitCode).toBe(125);
    expect(r.world).toBe(w);
  });
});

describe('true and false are on every image PATH (coreutils / busybox applets)', () => {
  it.each(['busybox', 'ubuntu', 'nginx'])('%s', (image) => {
    expect(imageHasTool(image, 'true')).toBe(true);
    expect(imageHasTool(image, 'false')).toBe(true);
  });
});
