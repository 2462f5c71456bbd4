import type { LessonStep } from '../lessonFrame';
import type { Scene } from '../scenes';

/**
 * Seed 002 (도커 네트워크): docker-compose gives each project a bridge of its own, apart from
 * docker0 and from each other; a network made first and declared external in both files lets the
 * two projects meet. Each question is proved by the engine's trace (tests/unit/lessonFrame.test.ts).
 */

/** The narrated walk through seed 002: a bridge per project, isolation between bridges, a network both files share. */
const COMPOSE_STEPS: LessonStep[] = [
  {
    id: 'own-bridge',
    say: {
      en: 'plain was started with docker run, so it sits on docker0 (172.17.0.0/16). docker-compose up gave gloddy_server a bridge of its own, gloddy_server_default (172.18.0.0/16), and gloddy_client another.',
      ko: 'plain은 docker run으로 띄워 docker0(172.17.0.0/16)에 있습니다. docker-compose up은 gloddy_server에 자기 브리지 gloddy_server_default(172.18.0.0/16)를, gloddy_client에도 또 하나를 만들었습니다.',
    },
    check: {
      say: {
        en: 'The host has a route to each bridge: docker0 and a br- device per Compose network.',
        ko: '호스트에는 브리지마다 경로가 있습니다: docker0, 그리고 Compose 네트워크마다 br- 장치.',
      },
      line: 'ip route',
      shows: '172.18.0.0/16 dev br-',
    },
  },
  {
    id: 'docker0',
    say: {
      en: 'A Compose container and a docker run container are on different bridges. client pings plain on docker0.',
      ko: 'Compose 컨테이너와 docker run 컨테이너는 서로 다른 브리지에 있습니다. client가 docker0의 plain에 ping합니다.',
    },
    packet: 'client-docker0',
    ask: {
      q: {
        en: 'client pings plain at 172.17.0.2. Where does it stop?',
        ko: 'client가 172.17.0.2의 plain에 ping하면 어디서 멈출까요?',
      },
      choices: [
        {
          id: 'host',
          label: { en: 'at the Docker host, between the bridges', ko: '도커 호스트, 두 브리지 사이' },
          proof: { ok: false, dropAt: 'docker-host' },
        },
        { id: 'plain', label: { en: 'plain answers', ko: 'plain이 답한다' }, proof: { ok: true } },
        { id: 'router', label: { en: 'at the router', ko: '공유기' }, proof: { dropAt: 'router' } },
      ],
      answer: 'host',
      why: {
        en: 'The host has routes to both bridges, but Docker’s isolation rules drop traffic from one bridge to another: that is why the seed says the two cannot talk.',
        ko: '호스트에는 두 브리지로 가는 경로가 모두 있지만, 도커의 격리 규칙이 한 브리지에서 다른 브리지로 가는 트래픽을 버립니다. 그래서 seed 글에서 둘은 통신할 수 없다고 합니다.',
      },
    },
  },
  {
    id: 'shared',
    say: {
      en: 'The fix from the seed: make a network first (gloddy_shared) and declare it external in both files. app and client are both on it now.',
      ko: 'seed 글의 해결책: 네트워크(gloddy_shared)를 먼저 만들고 두 파일 모두에 external로 선언합니다. 이제 app과 client가 둘 다 그 네트워크에 있습니다.',
    },
    packet: 'client-app',
    ask: {
      q: {
        en: 'client pings app by name. Which address answers?',
        ko: 'client가 app에 이름으로 ping합니다. 어느 주소가 답할까요?',
      },
      choices: [
        {
          id: 'shared',
          label: { en: '172.30.0.2, app’s address on gloddy_shared', ko: '172.30.0.2, gloddy_shared에서 app의 주소' },
          proof: { ok: true, summary: '172.30.0.2' },
        },
        {
          id: 'default',
          label: {
            en: '172.18.0.2, app’s address on gloddy_server_default',
            ko: '172.18.0.2, gloddy_server_default에서 app의 주소',
          },
          proof: { ok: true, summary: '172.18.0.2' },
        },
        {
          id: 'unknown',
          label: { en: 'none: another project’s names are unknown', ko: '없다: 다른 프로젝트의 이름은 모른다' },
          proof: { summary: 'name not known' },
        },
      ],
      answer: 'shared',
      why: {
        en: 'client asks Docker’s DNS at 127.0.0.11, which answers with app’s address on the network the two share; the ping never crosses a second bridge.',
        ko: 'client는 127.0.0.11의 도커 DNS에 묻고, 도커 DNS는 둘이 함께 있는 네트워크에서의 app 주소로 답합니다. ping은 다른 브리지를 건너지 않습니다.',
      },
    },
  },
  {
    id: 'redis',
    say: {
      en: 'redis is in the server project too, but only on gloddy_server_default.',
      ko: 'redis도 server 프로젝트에 있지만 gloddy_server_default에만 있습니다.',
    },
    packet: 'client-redis-name',
    ask: {
      q: { en: 'Does client reach redis by name?', ko: 'client는 이름으로 redis에 닿을까요?' },
      choices: [
        {
          id: 'unknown',
          label: { en: 'no, the name is unknown to client', ko: '아니요, client는 그 이름을 모른다' },
          proof: { summary: 'name not known' },
        },
        { id: 'yes', label: { en: 'yes, redis answers', ko: '네, redis가 답한다' }, proof: { ok: true } },
      ],
      answer: 'unknown',
      why: {
        en: 'Docker’s DNS answers a container only with names on the networks that container is on. Sharing one network with app does not share the rest of its project.',
        ko: '도커 DNS는 묻는 컨테이너가 속한 네트워크의 이름만 알려 줍니다. app과 네트워크 하나를 같이 쓴다고 그 프로젝트의 나머지까지 보이지는 않습니다.',
      },
    },
  },
  {
    id: 'redis-ip',
    say: {
      en: 'By address it fails too: 172.18.0.3 is on gloddy_server_default, a bridge client is not on, so the host drops it between the bridges.',
      ko: '주소로도 실패합니다: 172.18.0.3은 client가 없는 브리지 gloddy_server_default에 있어서, 호스트가 브리지 사이에서 버립니다.',
    },
    packet: 'client-redis-ip',
    check: {
      say: {
        en: 'gloddy_shared holds the two containers that declared it.',
        ko: 'gloddy_shared에는 그것을 선언한 두 컨테이너가 있습니다.',
      },
      line: "docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' gloddy_shared",
      shows: 'gloddy_client_client_1',
    },
  },
  {
    id: 'publish',
    say: {
      en: 'From outside, Compose’s ports: "8080:80" is the same -p as docker run: a door on the host for app alone.',
      ko: '밖에서 보면 Compose의 ports: "8080:80"은 docker run의 -p와 같습니다: app만을 위한 호스트의 문입니다.',
    },
    packet: 'pc1-8080',
    ask: {
      q: {
        en: 'pc1 opens 192.168.0.10:8080. Where is the destination rewritten to?',
        ko: 'pc1이 192.168.0.10:8080을 엽니다. 목적지는 어디로 바뀔까요?',
      },
      choices: [
        {
          id: 'default',
          label: {
            en: '172.18.0.2:80, app on gloddy_server_default',
            ko: '172.18.0.2:80, gloddy_server_default의 app',
          },
          proof: { ok: true, dnatTo: '172.18.0.2:80' },
        },
        {
          id: 'shared',
          label: { en: '172.30.0.2:80, app on gloddy_shared', ko: '172.30.0.2:80, gloddy_shared의 app' },
          proof: { ok: true, dnatTo: '172.30.0.2:80' },
        },
        { id: 'refused', label: { en: 'nowhere: it is refused', ko: '어디로도: 거절된다' }, proof: { ok: false } },
      ],
      answer: 'default',
      why: {
        en: 'A published port is a DNAT rule on docker-host to one address of the container: here app’s address on its project’s own network, 172.18.0.2.',
        ko: '공개한 포트는 docker-host에서 컨테이너의 주소 하나로 가는 DNAT 규칙입니다: 여기서는 프로젝트 자체 네트워크에서의 app 주소 172.18.0.2입니다.',
      },
    },
  },
];

const SERVER_COMPOSE = `version: "3"
services:
  app:
    image: nginx
    ports:
      - "8080:80"
    networks:
      - default
      - gloddy_shared
  redis:
    image: redis
networks:
  gloddy_shared:
    external: true`;

const CLIENT_COMPOSE = `version: "3"
services:
  client:
    image: devwikirepo/pingbuntu
    networks:
      - default
      - gloddy_shared
networks:
  gloddy_shared:
    external: true`;

export const COMPOSE_PROJECTS: Scene = {
  id: 'compose-projects',
  topic: 'compose',
  seed: '002',
  title: { en: 'Two Compose projects and a shared network', ko: '두 Compose 프로젝트와 공유 네트워크' },
  summary: {
    en: 'docker-compose gives each project its own bridge (gloddy_server_default is 172.18.0.0/16), apart from docker0 and from each other; a network created first and declared external in both files lets client reach app by name.',
    ko: 'docker-compose는 프로젝트마다 자기 브리지(gloddy_server_default는 172.18.0.0/16)를 만들어 docker0와도, 서로와도 떨어져 있습니다. 먼저 만든 네트워크를 두 파일 모두에 external로 선언하면 client가 app을 이름으로 찾습니다.',
  },
  script: [
    '# seed 002: a container on docker0, a network made first, then two compose projects that both declare it external',
    'docker run -d --name plain nginx',
    'docker network create --subnet 172.30.0.0/16 gloddy_shared',
    "cat > ~/gloddy_server/docker-compose.yml <<'EOF'",
    ...SERVER_COMPOSE.split('\n'),
    'EOF',
    'docker-compose -f ~/gloddy_server/docker-compose.yml up -d',
    'mkdir -p ~/gloddy_client',
    "cat > ~/gloddy_client/docker-compose.yml <<'EOF'",
    ...CLIENT_COMPOSE.split('\n'),
    'EOF',
    'docker-compose -f ~/gloddy_client/docker-compose.yml up -d',
  ],
  expectedFailures: [],
  steps: COMPOSE_STEPS,
  containers: ['gloddy_server_app_1', 'gloddy_server_redis_1', 'gloddy_client_client_1'],
  packets: [
    {
      id: 'client-app',
      label: {
        en: 'client → app ping (by name, over gloddy_shared)',
        ko: 'client → app ping (이름으로, gloddy_shared를 거쳐)',
      },
      line: 'docker exec gloddy_client_client_1 ping -c 1 app',
      expect: { ok: true, summary: '1/1 replies from 172.30.0.2' },
      shows: '64 bytes from gloddy_server_app_1.gloddy_shared (172.30.0.2)',
    },
    {
      id: 'client-redis-name',
      label: {
        en: 'client → redis ping (not on the shared network)',
        ko: 'client → redis ping (공유 네트워크에 없음)',
      },
      line: 'docker exec gloddy_client_client_1 ping -c 1 redis',
      expect: { ok: false, summary: 'name not known' },
      shows: 'ping: redis: Name or service not known',
    },
    {
      id: 'client-redis-ip',
      label: {
        en: 'client → 172.18.0.3 (redis on gloddy_server_default)',
        ko: 'client → 172.18.0.3 (gloddy_server_default의 redis)',
      },
      line: 'docker exec gloddy_client_client_1 ping -c 1 172.18.0.3',
      expect: { ok: false, summary: '0/1 replies from 172.18.0.3' },
    },
    {
      id: 'client-docker0',
      label: {
        en: 'client → 172.17.0.2 (plain, on docker0)',
        ko: 'client → 172.17.0.2 (docker0의 plain)',
      },
      line: 'docker exec gloddy_client_client_1 ping -c 1 172.17.0.2',
      expect: { ok: false, summary: '0/1 replies from 172.17.0.2' },
    },
    {
      id: 'pc1-8080',
      label: { en: 'pc1 → 192.168.0.10:8080 (app published)', ko: 'pc1 → 192.168.0.10:8080 (app 공개)' },
      line: '@pc1 curl -s http://192.168.0.10:8080/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.10:8080' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
  ],
};
