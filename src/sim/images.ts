import { CATALOGUE, IMAGE_PATH, PICKER_ORDER } from './docker/imageData';
import type { Container, Proto } from './model';

/**
 * The image catalogue: what each image really contains (docker-facts.md "Images are real images"):
 * which processes listen, which shell tools exist, what its default command is and what an HTTP
 * app answers. Everything that asks "can this container ping / what answers on port 80" reads it.
 *
 * Assumptions (the seeds' own images are not documented): `devwikirepo/pingbuntu` is Ubuntu with
 * iputils-ping whose default command keeps running (seed 004 pings a `run -d` container of it);
 * `devwikirepo/envnodecolorapp` is a Node/Express app on 3000/tcp (EXPOSE 3000) whose page shows
 * `COLOR` verbatim.
 */

export type ImageApp = 'nginx' | 'httpd' | 'colorapp' | 'redis' | 'postgres' | 'mysql' | null;

export interface ImageInfo {
  /** repository without tag or registry: "nginx", "nicolaka/netshoot" */
  repo: string;
  /** false for images outside the catalogue: they run and listen on nothing */
  known: boolean;
  /** sockets the main process opens once started */
  listeners: { port: number; proto: Proto }[];
  /** EXPOSE list ("80/tcp"), what `-P` publishes */
  exposed: string[];
  /** commands on $PATH (shell built-ins such as `exit` are not listed) */
  tools: string[];
  /** the image config's Env (its Dockerfile's ENV lines after the base image's PATH), in order */
  env: string[];
  /** the interactive shell `docker run -it IMAGE` gives; null when the image has none */
  shell: 'bash' | 'sh' | 'zsh' | null;
  /** whose error wording its tools print (busybox: `ping: bad address 'x'`) */
  flavor: 'glibc' | 'busybox' | 'musl';
  entrypoint: string[];
  defaultCmd: string[];
  /** whether the default command keeps running without a TTY/stdin (a server or a sleeper) */
  keepsRunning: boolean;
  app: ImageApp;
  /** first lines the main process logs; `{ip}` is the container's first address */
  startupLog: string[];
  /** env vars of which at least one must be set, else the entrypoint exits 1 (postgres, mysql) */
  requiresOneOf?: string[];
  /** what the entrypoint prints when `requiresOneOf` is not met */
  missingEnvLog?: string[];
  /** one line for the image picker */
  summary: string;
}

/**
 * Strips registry, `library/`, tag and digest: "docker.io/library/nginx:1.27" -> "nginx".
 * @example imageRepo('nicolaka/netshoot:latest') // 'nicolaka/netshoot'
 */
export function imageRepo(image: string): string {
  let ref = image.split('@')[0];
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  ref = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  return ref.replace(/^library\//, '');
}

/** What an image (as the user typed it, tag allowed) contains; unknown images listen on nothing. */
export function imageInfo(image: string): ImageInfo {
  const repo = imageRepo(image);
  const entry = CATALOGUE[repo];
  if (entry) return { repo, known: true, env: [IMAGE_PATH], ...entry };
  return {
    repo,
    known: false,
    listeners: [],
    exposed: [],
    tools: [],
    env: [IMAGE_PATH],
    shell: null,
    flavor: 'glibc',
    entrypoint: [],
    defaultCmd: [],
    keepsRunning: true,
    app: null,
    startupLog: [],
    summary: 'unknown image: runs, listens on nothing',
  };
}

/** Whether `tool` (a command name or path such as "/bin/ping") exists in the image. */
export function imageHasTool(image: string, tool: string): boolean {
  const name = tool.split('/').pop() ?? tool;
  return imageInfo(image).tools.includes(name);
}

/** The catalogue for an image picker, tool-rich image first. */
export function imageCatalogue(): { image: string; summary: string; app: ImageApp; exposed: string[] }[] {
  return PICKER_ORDER.map((image) => ({
    image,
    summary: CATALOGUE[image].summary,
    app: CATALOGUE[image].app,
    exposed: CATALOGUE[image].exposed,
  }));
}

/** An HTTP answer as the app sends it (the packet engine adds `Date` and the status line). */
export interface HttpResponse {
  status: number;
  reason: string;
  /** in the order the server sends them */
  headers: [string, string][];
  body: string;
}

export const NGINX_VERSION = '1.27.3';

/** nginx's real default page (/usr/share/nginx/html/index.html, 615 bytes). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** httpd's /usr/local/apache2/htdocs/index.html. */
export const HTTPD_WORKS = '<html><body><h1>It works!</h1></body></html>\n';

/** The value of `KEY` in a container's env ("KEY=VALUE" list), or undefined. */
export function envValue(env: string[], key: string): string | undefined {
  const hit = env.find((e) => e === key || e.startsWith(`${key}=`));
  return hit?.includes('=') ? hit.slice(key.length + 1) : undefined;
}

/** Byte length as Content-Length counts it (UTF-8). */
function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * What the container's HTTP app answers on `port` (container side) for `GET /`, or null when no
 * HTTP app listens there (nothing listening, or a non-HTTP server such as redis).
 */
export function httpResponse(container: Pick<Container, 'image' | 'env'>, port: number): HttpResponse | null {
  const info = imageInfo(container.image);
  if (!info.listeners.some((l) => l.port === port && l.proto === 'tcp')) return null;
  if (info.app === 'nginx') {
    return {
      status: 200,
      reason: 'OK',
      headers: [
        ['Server', `nginx/${NGINX_VERSION}`],
        ['Content-Type', 'text/html'],
        ['Content-Length', String(byteLength(NGINX_WELCOME))],
        ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'],
        ['Connection', 'keep-alive'],
        ['ETag', '"6745ef54-267"'],
        ['Accept-Ranges', 'bytes'],
      ],
      body: NGINX_WELCOME,
    };
  }
  if (info.app === 'httpd') {
    return {
      status: 200,
      reason: 'OK',
      headers: [
        ['Server', 'Apache/2.4.62 (Unix)'],
        ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
        ['ETag', '"2d-432a5e4a73a80"'],
        ['Accept-Ranges', 'bytes'],
        ['Content-Length', String(byteLength(HTTPD_WORKS))],
        ['Content-Type', 'text/html'],
      ],
      body: HTTPD_WORKS,
    };
  }
  if (info.app === 'colorapp') {
    // Node prints a missing env var as "undefined", so the page does too.
    const color = envValue(container.env, 'COLOR') ?? 'undefined';
    const body = `<html><body style="background-color: ${color};"><h1>COLOR: ${color}</h1></body></html>`;
    return {
      status: 200,
      reason: 'OK',
      headers: [
        ['X-Powered-By', 'Express'],
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Content-Length', String(byteLength(body))],
        ['Connection', 'keep-alive'],
        ['Keep-Alive', 'timeout=5'],
      ],
      body,
    };
  }
  return null;
}

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN =
  '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/**
 * Why the CLI refuses an image reference (distribution/reference ParseNormalizedNamed, as
 * `docker run`/`create` parse it before any API call), or null.
 * @example referenceError('NGINX') // 'invalid reference format: repository name (library/NGINX) must be lowercase'
 */
export function referenceError(image: string): string | null {
  if (/^[a-f0-9]{64}$/.test(image)) return null;
  const i = image.indexOf('/');
  const head = i < 0 ? '' : image.slice(0, i);
  const hub = i < 0 || (!/[.:]/.test(head) && head !== 'localhost' && head.toLowerCase() === head);
  let remainder = hub ? image : image.slice(i + 1);
  if (hub && !remainder.includes('/')) remainder = `library/${remainder}`;
  const tag = remainder.indexOf(':');
  const remote = tag < 0 ? remainder : remainder.slice(0, tag);
  if (remote.toLowerCase() !== remote) return `invalid reference format: repository name (${remote}) must be lowercase`;
  return REFERENCE.test(`${hub ? 'docker.io' : head}/${remainder}`) ? null : 'invalid reference format';
}
