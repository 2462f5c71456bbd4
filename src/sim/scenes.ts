/**
 * Built-in lesson scenes: the seed walkthroughs as console scripts a teacher loads into a fresh
 * default World, each with the packets the lesson sends. Pure data plus two small helpers; the
 * store runs the lines (src/ui/sim/loadScene.ts), the tests replay them through `runScript`.
 *
 * A script sets the scene up and sends nothing: packets are the suggested ones, sent one click at
 * a time so the class can step through each. Lines run on the Docker host unless they say `@machine`.
 */

import { presetWorld, type WorldPreset } from './desktop';
import type { LessonStep, TopicId } from './lessonFrame';
import { DESKTOP_LESSONS } from './lessons/desktop';
import { MISCONCEPTIONS } from './lessons/misconceptions';
import { BRIDGE_STEPS, NAT_STEPS } from './lessons/seed000';
import { FOUR_KINDS } from './lessons/seed001';
import { SWARM_OVERLAY } from './lessons/seed001Swarm';
import { COMPOSE_PROJECTS } from './lessons/seed002';
import { DRIVERS_SIDE_BY_SIDE, IPVLAN_L3 } from './lessons/seed003';
import { DNS_STEPS, PORT_STEPS } from './lessons/seed004';
import type { World } from './model';
import { addDockerHost } from './world';

/** Text in both of the app's languages. */
export interface Bilingual {
  en: string;
  ko: string;
}

/** A packet the lesson sends, as the console line a person would type. */
export interface SuggestedPacket {
  id: string;
  /** button text, e.g. "containerA → containerB ping" */
  label: Bilingual;
  line: string;
  /** what the lesson says happens: the trace's outcome (ok and summary, as the engine words it) */
  expect: { ok: boolean; summary: string };
  /** a piece of the command's output the lesson points at (the colour app's page, the error) */
  shows?: string;
}

/** A lesson: a script that builds its network, and the packets it sends. */
export interface Scene {
  id: string;
  /** what it teaches; the picker lists scenes by topic (lessonFrame.ts TOPICS) */
  topic: TopicId;
  title: Bilingual;
  /** one sentence: what the class should see */
  summary: Bilingual;
  /** which seed walkthrough it replays (tests/fixtures/seeds, /work/shared/seeds) */
  seed: string;
  /** console lines, run in order on a fresh default World */
  script: string[];
  /** script lines that fail on purpose, as in the seed (the yellow app's port conflict) */
  expectedFailures: string[];
  packets: SuggestedPacket[];
  /** containers the script makes without `--name` (Compose names them) */
  containers?: string[];
  /** the narrated walk through the scene: steps, predict questions and checkpoints (lessonFrame.ts) */
  steps?: LessonStep[];
  /** the World the script starts from; absent: the default one (Docker Desktop: src/sim/desktop.ts) */
  world?: WorldPreset;
  /** Docker hosts the scene starts with (absent: 1): docker-host-2 at 192.168.0.11 … (sceneWorld) */
  hosts?: number;
}

/**
 * A fresh World for a scene's script: its preset's (the default World unless it says otherwise),
 * plus the Docker hosts it asks for, added as the toolbar and `npm run sim -- --hosts N` add them.
 */
export function sceneWorld(scene: Pick<Scene, 'world' | 'hosts'>): World {
  let w = presetWorld(scene.world ?? 'default');
  for (let i = 2; i <= (scene.hosts ?? 1); i++) {
    const r = addDockerHost(w);
    if (r.ok) w = r.world;
  }
  return w;
}

const DNS_TEST: Scene = {
  id: 'dns-test',
  topic: 'dns',
  seed: '004',
  title: { en: 'Docker DNS on a user-defined bridge', ko: '사용자 정의 브리지와 도커 DNS' },
  summary: {
    en: 'containerA finds containerB by name through Docker’s DNS at 127.0.0.11; a name nobody has does not resolve.',
    ko: 'containerA는 127.0.0.11의 도커 DNS로 containerB를 이름으로 찾고, 없는 이름은 찾지 못합니다.',
  },
  script: [
    '# seed 004: a user-defined bridge with its own subnet, and two containers on it',
    'docker network create --driver bridge --subnet 10.0.0.0/24 second-bridge',
    'docker run -d --network second-bridge --name containerA devwikirepo/pingbuntu',
    'docker run -d --network second-bridge --name containerB devwikirepo/pingbuntu',
  ],
  expectedFailures: [],
  steps: DNS_STEPS,
  packets: [
    {
      id: 'a-b-ping',
      label: { en: 'containerA → containerB ping', ko: 'containerA → containerB ping' },
      line: 'docker exec containerA ping -c 1 containerB',
      expect: { ok: true, summary: '1/1 replies from 10.0.0.3' },
      shows: '64 bytes from containerB.second-bridge (10.0.0.3)',
    },
    {
      id: 'a-c-ping',
      label: {
        en: 'containerA → containerC ping (no such container)',
        ko: 'containerA → containerC ping (없는 컨테이너)',
      },
      line: 'docker exec containerA ping -c 1 containerC',
      expect: { ok: false, summary: 'name not known' },
      shows: 'ping: containerC: Name or service not known',
    },
    {
      id: 'a-google-ping',
      label: {
        en: 'containerA → google.com ping (DNS forwarded, NAT out)',
        ko: 'containerA → google.com ping (DNS 전달, NAT로 나감)',
      },
      line: 'docker exec containerA ping -c 1 google.com',
      expect: { ok: true, summary: '1/1 replies from 142.250.196.142' },
    },
  ],
};

const PORT_FORWARDING: Scene = {
  id: 'port-forwarding',
  topic: 'publish',
  seed: '004',
  title: { en: 'Port forwarding with -p', ko: '-p 포트포워딩' },
  summary: {
    en: 'Only published ports reach a container from the LAN; a second -p 8003 fails; 8004 forwards to a port nothing listens on.',
    ko: '공개한 포트로만 LAN에서 컨테이너에 닿고, 두 번째 -p 8003은 실패하며, 8004는 아무도 수신 대기하지 않는 포트로 전달됩니다.',
  },
  script: [
    '# seed 004: nginx without and with -p 8001:80, the colour apps and the yellow port conflict',
    'docker run -d --name nginx nginx',
    'docker run -d -p 8001:80 --name nginx2 nginx',
    'docker run -d -p 8002:3000 --name redColorApp --env COLOR=red devwikirepo/envnodecolorapp',
    'docker run -d -p 8003:3000 --name blueColorApp --env COLOR=blue devwikirepo/envnodecolorapp',
    'docker run -d -p 8003:3000 --name yellowColorApp --env COLOR=yellow devwikirepo/envnodecolorapp',
    'docker run -d -p 8004:3030 --name greenColorApp --env COLOR=green devwikirepo/envnodecolorapp',
  ],
  expectedFailures: ['docker run -d -p 8003:3000 --name yellowColorApp --env COLOR=yellow devwikirepo/envnodecolorapp'],
  steps: PORT_STEPS,
  packets: [
    {
      id: 'pc1-nginx-ip',
      label: { en: 'pc1 → 172.17.0.2:80 (nginx, no -p)', ko: 'pc1 → 172.17.0.2:80 (nginx, -p 없음)' },
      line: '@pc1 curl -s http://172.17.0.2/',
      expect: { ok: false, summary: 'timed out' },
    },
    {
      id: 'pc1-8001',
      label: { en: 'pc1 → 192.168.0.10:8001 (nginx2)', ko: 'pc1 → 192.168.0.10:8001 (nginx2)' },
      line: '@pc1 curl -s http://192.168.0.10:8001/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.10:8001' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'pc1-8002',
      label: { en: 'pc1 → 192.168.0.10:8002 (red)', ko: 'pc1 → 192.168.0.10:8002 (빨강)' },
      line: '@pc1 curl -s http://192.168.0.10:8002/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.10:8002' },
      shows: '<h1>COLOR: red</h1>',
    },
    {
      id: 'pc1-8003',
      label: { en: 'pc1 → 192.168.0.10:8003 (blue, not yellow)', ko: 'pc1 → 192.168.0.10:8003 (노랑이 아닌 파랑)' },
      line: '@pc1 curl -s http://192.168.0.10:8003/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.10:8003' },
      shows: '<h1>COLOR: blue</h1>',
    },
    {
      id: 'pc1-8004',
      label: {
        en: 'pc1 → 192.168.0.10:8004 (nothing listens)',
        ko: 'pc1 → 192.168.0.10:8004 (수신 대기하는 프로세스 없음)',
      },
      line: '@pc1 curl -s http://192.168.0.10:8004/',
      expect: { ok: false, summary: 'connection refused' },
    },
    {
      id: 'host-nginx',
      label: { en: 'docker-host → 172.17.0.2:80 (nginx)', ko: 'docker-host → 172.17.0.2:80 (nginx)' },
      line: 'curl -s http://172.17.0.2/',
      expect: { ok: true, summary: 'HTTP 200 from 172.17.0.2:80' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
  ],
};

const NAT_PORTFWD: Scene = {
  id: 'nat-portfwd',
  topic: 'nat',
  seed: '000',
  title: { en: 'NAT and port forwarding from the internet', ko: '인터넷에서 들어오는 NAT와 포트포워딩' },
  summary: {
    en: 'remote → router (124.111.46.91:80 → 192.168.0.10:8001) → docker-host (→ 172.17.0.2:80) → web; web goes out through two MASQUERADEs.',
    ko: 'remote → 공유기(124.111.46.91:80 → 192.168.0.10:8001) → 도커 호스트(→ 172.17.0.2:80) → web, web은 MASQUERADE 두 번을 거쳐 나갑니다.',
  },
  script: [
    '# seed 000: a web container published on 8001, and the home router forwarding public port 80 to it',
    'docker run -d -p 8001:80 --name web nginx',
    '@router portfwd add tcp 80 192.168.0.10 8001',
  ],
  expectedFailures: [],
  steps: NAT_STEPS,
  packets: [
    {
      id: 'remote-80',
      label: { en: 'remote → 124.111.46.91:80', ko: 'remote → 124.111.46.91:80' },
      line: '@remote curl -s http://124.111.46.91/',
      expect: { ok: true, summary: 'HTTP 200 from 124.111.46.91:80' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'web-google',
      label: { en: 'web → www.google.com (outbound NAT)', ko: 'web → www.google.com (나가는 NAT)' },
      // www: the bare google.com answers 301 Moved Permanently, as the real one does
      line: 'docker exec web curl -s http://www.google.com/',
      expect: { ok: true, summary: 'HTTP 200 from 142.250.196.142:80' },
      shows: '<title>Google</title>',
    },
    {
      id: 'remote-8001',
      label: {
        en: 'remote → 124.111.46.91:8001 (not forwarded)',
        ko: 'remote → 124.111.46.91:8001 (포워딩 없음)',
      },
      line: '@remote curl -s http://124.111.46.91:8001/',
      expect: { ok: false, summary: 'connection refused' },
    },
    {
      id: 'remote-private',
      label: {
        en: 'remote → 192.168.0.10:8001 (a private address)',
        ko: 'remote → 192.168.0.10:8001 (사설 주소)',
      },
      line: '@remote curl -s http://192.168.0.10:8001/',
      expect: { ok: false, summary: 'timed out' },
    },
  ],
};

const BRIDGES: Scene = {
  id: 'bridges',
  topic: 'dns',
  seed: '000',
  title: { en: 'Bridges: names inside, walls between', ko: '브리지: 안에서는 이름으로, 사이에는 벽' },
  summary: {
    en: 'api finds db by name on the backend bridge, cannot cross to web on docker0, and nothing reaches db from the internet.',
    ko: 'backend 브리지의 api는 이름으로 db를 찾지만 docker0의 web으로는 건너가지 못하고, 인터넷에서는 db에 닿지 못합니다.',
  },
  script: [
    '# seed 000: web on docker0, and a bridge of our own where api and db talk by name',
    'docker run -d -p 8001:80 --name web nginx',
    'docker network create backend',
    'docker run -d --network backend --name api nicolaka/netshoot sleep infinity',
    'docker run -d --network backend --name db -e POSTGRES_PASSWORD=secret postgres',
  ],
  expectedFailures: [],
  steps: BRIDGE_STEPS,
  packets: [
    {
      id: 'api-db',
      label: { en: 'api → db ping (by name, on backend)', ko: 'api → db ping (이름으로, backend에서)' },
      line: 'docker exec api ping -c 1 db',
      expect: { ok: true, summary: '1/1 replies from 172.18.0.3' },
      shows: '64 bytes from db.backend (172.18.0.3)',
    },
    {
      id: 'api-web',
      label: { en: 'api → 172.17.0.2 ping (web, another bridge)', ko: 'api → 172.17.0.2 ping (다른 브리지의 web)' },
      line: 'docker exec api ping -c 1 172.17.0.2',
      expect: { ok: false, summary: '0/1 replies from 172.17.0.2' },
    },
    {
      id: 'remote-5432',
      label: {
        en: 'remote → 124.111.46.91:5432 (db, not forwarded)',
        ko: 'remote → 124.111.46.91:5432 (db, 포워딩 없음)',
      },
      line: '@remote curl -s http://124.111.46.91:5432/',
      expect: { ok: false, summary: 'connection refused' },
    },
  ],
};

/** Every built-in scene, in the order the picker lists them. */
export const SCENES: readonly Scene[] = [
  DNS_TEST,
  NAT_PORTFWD,
  BRIDGES,
  PORT_FORWARDING,
  COMPOSE_PROJECTS,
  FOUR_KINDS,
  SWARM_OVERLAY,
  DRIVERS_SIDE_BY_SIDE,
  IPVLAN_L3,
  ...MISCONCEPTIONS,
  ...DESKTOP_LESSONS,
];

/** The scene with this id, or undefined. */
export function sceneById(id: string): Scene | undefined {
  return SCENES.find((s) => s.id === id);
}

/**
 * The container names a scene's script creates (`--name X`), so a caller can tell whether the
 * current World still holds the scene (after an undo it may not).
 * @example sceneContainers(sceneById('dns-test')!) // ['containerA', 'containerB']
 */
export function sceneContainers(scene: Scene): string[] {
  const names: string[] = [];
  for (const line of scene.script) {
    // a service's --name names the service; its tasks are named by the swarm (web.1.<task id>)
    if (/\bdocker service create\b/.test(line)) continue;
    const m = /\s--name[ =](\S+)/.exec(line);
    if (m) names.push(m[1]);
  }
  return [...names, ...(scene.containers ?? [])];
}
