import { httpResponse } from '../images';
import { listenerFor } from './apps';
import { ctFinish } from './conntrack';
import { type Ctx, nodeOf, step } from './ctx';
import { type Exchange, ephemeralPort, exchange, packetFrom } from './flows';
import { isHomeRouter, publishedPort } from './netfilter';
import type { NetNode } from './topo';

/**
 * A TCP connection carrying one HTTP request: SYN, SYN-ACK (or RST), the request and the answer,
 * each walked through the engine. docker-proxy (the userland proxy behind published ports on
 * loopback and from containers) opens its own connection from the host to the container.
 */

export interface HttpAnswer {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

export type HttpResult =
  | { kind: 'ok'; answer: HttpAnswer; server: NetNode }
  /** RST to the SYN: nothing listens (curl 7) */
  | { kind: 'refused' }
  /** connection accepted, then reset (docker-proxy whose backend refused: curl 56) */
  | { kind: 'reset' }
  /** connection accepted, closed without an HTTP answer (a non-HTTP server: curl 52) */
  | { kind: 'empty' }
  /** SYN or its answer dropped somewhere: the client waits (curl 28) */
  | { kind: 'lost' }
  /**
   * connected and the request delivered, but the app is frozen (`docker pause`): its kernel
   * answered the handshake, nothing answers the request, the client waits (curl 28, 0 bytes)
   */
  | { kind: 'stalled' }
  | { kind: 'unreachable' }
  | { kind: 'host-unreachable' };

/** `relayedFrom`: docker-proxy relayed the answer of this container (it did not write it) */
type Served =
  | { kind: 'ok'; answer: HttpAnswer; relayedFrom?: string; relayedBy?: 'docker-proxy' | 'com.docker.backend' }
  | { kind: 'reset' }
  | { kind: 'empty' }
  | { kind: 'stalled' };

/** What the client asks: the method and the path of the request line. */
export interface HttpRequest {
  method: string;
  path: string;
  /** the Host header (name or address, with a :port when not the default) */
  host?: string;
  /** how long the client waits for an answer once connected (ms): when it gives up on a frozen app */
  waitMs?: number;
}

const GET_ROOT: HttpRequest = { method: 'GET', path: '/' };

/** nginx's own error pages (ngx_http_special_response.c: CRLF lines, the version in the footer). */
function nginxError(version: string, status: 404 | 405): HttpAnswer {
  const title = status === 404 ? '404 Not Found' : '405 Not Allowed';
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
  return {
    status,
    reason: title.slice(4),
    headers: [
      ['Server', `nginx/${version}`],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(body.length)],
      ['Connection', 'keep-alive'],
    ],
    body,
  };
}

/**
 * The app's answer to `req`. nginx's static module serves only its welcome page: another path is
 * 404; a method other than GET/HEAD/POST is 405, and POST is 405 once the file is found.
 */
function forRequest(answer: HttpAnswer, req: HttpRequest): HttpAnswer {
  const server = answer.headers.find(([k]) => k === 'Server')?.[1] ?? '';
  if (!server.startsWith('nginx/')) return answer;
  const version = server.slice(6);
  const bare = req.path.split(/[?#]/)[0];
  const found = bare === '/' || bare === '/index.html';
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return nginxError(version, 405);
  if (!found) return nginxError(version, 404);
  return req.method === 'POST' ? nginxError(version, 405) : answer;
}

/** Bare domains whose web server sends every request on to the www name, as google.com does. */
const WWW_REDIRECT = new Set(['google.com']);

/**
 * gws's redirect (curl -sI http://google.com/): 301 to http://www.google.com/ with its 219-byte
 * page. Date and Expires are left empty for the client to stamp with the World clock.
 */
function movedTo(location: string): HttpAnswer {
  const body = `<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n<A HREF="${location}">here</A>.\r\n</BODY></HTML>\r\n`;
  return {
    status: 301,
    reason: 'Moved Permanently',
    headers: [
      ['Location', location],
      ['Content-Type', 'text/html; charset=UTF-8'],
      ['Date', ''],
      ['Expires', ''],
      ['Cache-Control', 'public, max-age=2592000'],
      ['Server', 'gws'],
      ['Content-Length', String(body.length)],
      ['X-XSS-Protection', '0'],
      ['X-Frame-Options', 'SAMEORIGIN'],
    ],
    body,
  };
}

function serve(ctx: Ctx, srv: NetNode, dst: string, port: number, depth: number, req: HttpRequest): Served {
  const l = listenerFor(ctx, srv, 'tcp', dst, port);
  if (!l) return { kind: 'reset' };
  if (l.app === 'docker-proxy' && l.containerId && depth < 2) {
    const c = ctx.world.containers[l.containerId];
    const target = c ? publishedPort(ctx, c.daemon, 'tcp', dst, port) : null;
    if (!target) return { kind: 'reset' };
    step(ctx, srv.canvas, 'proxy', {}, 'app.docker-proxy', {
      port,
      to: `${target.ip}:${target.port}`,
      container: target.container.name,
    });
    const r = httpGet(ctx, srv, target.ip, target.port, depth + 1, req);
    // the proxy relays what its own connection got: a frozen backend leaves it waiting too
    return r.kind === 'ok'
      ? { kind: 'ok', answer: r.answer, relayedFrom: target.container.name }
      : r.kind === 'empty' || r.kind === 'stalled'
        ? r
        : { kind: 'reset' };
  }
  if (l.app === 'com.docker.backend' && depth < 2) return desktopForward(ctx, srv, l.bindIp, port, depth, req);
  if (l.containerId) {
    const c = ctx.world.containers[l.containerId];
    // the freezer cgroup stops the app, not the kernel: the request sits unread in its socket
    if (c?.paused) {
      const unread = { app: { summary: `${req.method} ${req.path} HTTP/1.1` } };
      step(ctx, srv.canvas, 'paused', unread, 'app.paused', { node: srv.label, port, container: c.name });
      return { kind: 'stalled' };
    }
    const res = c ? httpResponse(c, port) : null;
    return res ? { kind: 'ok', answer: forRequest(res, req) } : { kind: 'empty' };
  }
  const m = srv.machine;
  const host = (req.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (m?.httpBody !== undefined && WWW_REDIRECT.has(host)) {
    // to the www name on the same scheme: https://google.com/ goes to https://www.google.com/
    return { kind: 'ok', answer: movedTo(`${port === 443 ? 'https' : 'http'}://www.${host}${req.path}`) };
  }
  if (m?.httpBody !== undefined) {
    return {
      kind: 'ok',
      answer: {
        status: 200,
        reason: 'OK',
        headers: [
          ['Content-Type', 'text/html; charset=ISO-8859-1'],
          ['Server', 'gws'],
          ['Content-Length', String(m.httpBody.length)],
        ],
        body: m.httpBody,
      },
    };
  }
  return { kind: 'empty' };
}

/**
 * Docker Desktop's com.docker.backend accepted on the PC: it "forwards the connection into the
 * Linux VM … over a shared-memory channel", where it is "routed to the container's internal IP
 * address and port" (docker/docs desktop/features/networking). The PC never routes to 172.17.0.0/16;
 * the second connection starts inside the VM.
 */
function desktopForward(ctx: Ctx, pc: NetNode, bindIp: string, port: number, depth: number, req: HttpRequest): Served {
  const vm = pc.machine?.desktopVm;
  const vmNode = vm ? nodeOf(ctx, vm) : null;
  const target = vm ? publishedPort(ctx, vm, 'tcp', bindIp, port) : null;
  if (!vmNode || !target) return { kind: 'reset' };
  const to = `${target.ip}:${target.port}`;
  step(ctx, pc.canvas, 'proxy', {}, 'app.desktop-forward', { node: pc.label, port, vm: vmNode.label, to });
  // no wire between them (shared memory): the hop's only words are what it carries
  const carried = { app: { summary: `forwarded :${port} → ${to}` } };
  step(ctx, vmNode.canvas, 'proxy', carried, 'app.desktop-vm', {
    node: vmNode.label,
    port,
    to,
    container: target.container.name,
  });
  const r = httpGet(ctx, vmNode, target.ip, target.port, depth + 1, req);
  return r.kind === 'ok'
    ? { kind: 'ok', answer: r.answer, relayedFrom: target.container.name, relayedBy: 'com.docker.backend' }
    : r.kind === 'empty' || r.kind === 'stalled'
      ? r
      : { kind: 'reset' };
}

const lost = (ex: Exchange): HttpResult =>
  ex.kind === 'unreachable'
    ? { kind: 'unreachable' }
    : ex.kind === 'host-unreachable'
      ? { kind: 'host-unreachable' }
      : { kind: 'lost' };

/** `GET path` from `from` to `ip:port`. */
export function httpGet(
  ctx: Ctx,
  from: NetNode,
  ip: string,
  port: number,
  depth = 0,
  req: HttpRequest = GET_ROOT,
): HttpResult {
  // this connection's conntrack entries are the ones added from here on (docker-proxy's own
  // connection, made while the client's is open, is closed without closing the client's)
  const base = ctx.flow.length;
  const sport = ephemeralPort(ctx);
  const syn = packetFrom(from, ip, { proto: 'tcp', sport, dport: port, flags: 'SYN' });
  if (!syn) return { kind: 'unreachable' };
  const hs = exchange(ctx, from, syn, (srv, p) => {
    if (listenerFor(ctx, srv, 'tcp', p.dst, p.dport)) return { reply: { flags: 'SYN,ACK' } };
    // on the home router a refusal means no port forward matched: say so, it is the lesson
    const key = isHomeRouter(srv) ? 'app.refused-router' : 'app.refused';
    step(ctx, srv.canvas, 'refuse', {}, key, { node: srv.label, port: p.dport, reason: 'nothing-listening' });
    return { reply: { flags: 'RST,ACK', app: 'connection refused' }, refuse: true };
  });
  if (hs.kind === 'refused') {
    ctFinish(ctx, 'reset', base);
    return { kind: 'refused' };
  }
  if (hs.kind !== 'ok') {
    ctFinish(ctx, 'unanswered', base);
    return lost(hs);
  }
  // the handshake's third segment: the client's bare ACK (its NATed copies cross the same hops)
  step(ctx, from.canvas, 'send', { app: { summary: 'ACK' } }, 'tcp.ack', { node: from.label, dst: `${ip}:${port}` });
  let served: Served = { kind: 'empty' };
  const get = { ...syn, flags: 'PSH,ACK', app: `${req.method} ${req.path} HTTP/1.1` };
  const ex = exchange(ctx, from, get, (srv, p) => {
    served = serve(ctx, srv, p.dst, p.dport, depth, req);
    if (served.kind === 'ok') {
      const a = served.answer;
      const relay = served.relayedFrom;
      step(
        ctx,
        srv.canvas,
        'app',
        { app: { summary: `HTTP/1.1 ${a.status} ${a.reason}` } },
        relay ? (served.relayedBy === 'com.docker.backend' ? 'app.http-relay-desktop' : 'app.http-relay') : 'app.http',
        {
          node: srv.label,
          status: a.status,
          port: p.dport,
          ...(relay ? { container: relay } : {}),
        },
      );
      return { reply: { flags: 'PSH,ACK', app: `HTTP/1.1 ${a.status} ${a.reason}` } };
    }
    if (served.kind === 'stalled') return { silent: true };
    return served.kind === 'reset'
      ? { reply: { flags: 'RST,ACK', app: 'connection reset' }, refuse: true }
      : { reply: { flags: 'FIN,ACK', app: 'connection closed' }, refuse: true };
  });
  ctx.us += 120;
  const s = served as Served;
  if (ex.kind === 'ok' && s.kind === 'ok') {
    // curl closes first: FIN from the client, FIN back, the client's last ACK (then TIME_WAIT)
    step(ctx, from.canvas, 'send', { app: { summary: 'FIN,ACK → FIN,ACK ← ACK →' } }, 'tcp.close', {
      node: from.label,
      dst: `${ip}:${port}`,
    });
    ctFinish(ctx, 'done', base);
    return { kind: 'ok', answer: s.answer, server: ex.server };
  }
  if (s.kind === 'stalled') {
    // the client closes when it gives up: conntrack's CLOSE_WAIT countdown starts then
    ctx.us += (req.waitMs ?? 0) * 1000;
    ctFinish(ctx, 'stalled', base);
    return { kind: 'stalled' };
  }
  ctFinish(ctx, s.kind === 'reset' ? 'reset' : 'done', base);
  if (ex.kind === 'refused') return { kind: s.kind === 'reset' ? 'reset' : 'empty' };
  return lost(ex);
}
