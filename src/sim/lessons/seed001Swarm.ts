import type { Scene } from '../scenes';

/**
 * Seed 001 §3 (“Docker 네트워크 통신과 관련된 자세한 개념”) with Docker Swarm: `docker swarm init`, nodes
 * joining with the printed token, `docker service create --name web -p 8080:80` on an overlay that
 * spans the hosts, a packet inside a packet (VXLAN) between them, and the routing mesh. The four
 * kinds of communication before it are seed001.ts. Each question is proved by the engine's trace.
 */

/** The join line the seed's swarm needs: the token `swarm init` printed, read back on the manager. */
const JOIN = 'docker swarm join --token $(docker swarm join-token -q worker) 192.168.0.10:2377';

export const SWARM_OVERLAY: Scene = {
  id: 'seed001-swarm',
  topic: 'hosts',
  seed: '001',
  hosts: 3,
  title: {
    en: 'Swarm: one service on three hosts, an overlay between them',
    ko: '스웜: 세 호스트에 한 서비스, 그 사이의 오버레이',
  },
  summary: {
    en: 'docker swarm init, two nodes join, and docker service create --name web -p 8080:80 runs a task on each; on the overlay my-overlay a task on another host is reached inside a VXLAN packet between the hosts.',
    ko: 'docker swarm init 후 두 노드가 합류하고, docker service create --name web -p 8080:80이 노드마다 태스크를 하나씩 실행합니다. 오버레이 my-overlay에서 다른 호스트의 태스크에는 호스트 사이의 VXLAN 패킷에 담겨 닿습니다.',
  },
  script: [
    '# seed 001 §3: docker swarm init, two more nodes join with the token it printed',
    'docker swarm init',
    `@docker-host-2 ${JOIN}`,
    `@docker-host-3 ${JOIN}`,
    'docker network create -d overlay --attachable my-overlay',
    'docker service create --name web --replicas 3 --network my-overlay -p 8080:80 nginx',
    'docker run -dit --name client --network my-overlay nicolaka/netshoot',
    "# the seed's own line: one task, so docker-host-2 and -3 run none of it",
    'docker service create --name api -p 9090:80 nginx',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'overlay-ping',
      label: {
        en: 'client → 10.0.1.5 ping (web.2 on docker-host-2)',
        ko: 'client → 10.0.1.5 ping (docker-host-2의 web.2)',
      },
      line: 'docker exec client ping -c 1 10.0.1.5',
      expect: { ok: true, summary: '1/1 replies from 10.0.1.5' },
    },
    {
      id: 'overlay-curl',
      label: {
        en: 'client → 10.0.1.7:80 (web.3 on docker-host-3)',
        ko: 'client → 10.0.1.7:80 (docker-host-3의 web.3)',
      },
      line: 'docker exec client curl -s http://10.0.1.7',
      expect: { ok: true, summary: 'HTTP 200 from 10.0.1.7:80' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'mesh-curl',
      label: {
        en: 'pc1 → 192.168.0.12:9090 (routing mesh: api.1 runs on docker-host)',
        ko: 'pc1 → 192.168.0.12:9090 (라우팅 메시: api.1은 docker-host에서 실행)',
      },
      line: '@pc1 curl -s 192.168.0.12:9090',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.12:9090' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
  ],
  steps: [
    {
      id: 'init',
      say: {
        en: '§3 with Docker Swarm: docker swarm init made docker-host the manager; docker-host-2 and -3 joined as workers with the token it printed (docker swarm join-token -q worker prints it again).',
        ko: '§3 Docker Swarm으로: docker swarm init으로 docker-host가 매니저가 되었고, docker-host-2와 -3은 그때 출력된 토큰으로 워커로 합류했습니다 (docker swarm join-token -q worker가 다시 출력합니다).',
      },
      check: {
        say: { en: 'Three nodes, one leader.', ko: '노드 셋, 리더 하나.' },
        line: 'docker node ls',
        shows: 'docker-host-3   Ready     Active',
      },
    },
    {
      id: 'tasks',
      say: {
        en: 'docker service create --name web --replicas 3 spread three tasks, one per node: each is a container on its own host, with an address on the overlay my-overlay (10.0.1.0/24).',
        ko: 'docker service create --name web --replicas 3이 태스크 셋을 노드마다 하나씩 나눴습니다. 각 태스크는 자기 호스트의 컨테이너이고, 오버레이 my-overlay(10.0.1.0/24)에 주소가 있습니다.',
      },
      check: {
        say: { en: 'Where each task runs.', ko: '태스크가 실행되는 곳.' },
        line: 'docker service ps web',
        shows: 'web.2     nginx:latest   docker-host-2',
      },
    },
    {
      id: 'overlay',
      say: {
        en: 'client (10.0.1.2, on docker-host) pings web.2 (10.0.1.5, on docker-host-2). Both sit on my-overlay, one network that spans the hosts.',
        ko: 'client(10.0.1.2, docker-host)가 web.2(10.0.1.5, docker-host-2)에 ping합니다. 둘 다 호스트들에 걸친 하나의 네트워크 my-overlay에 있습니다.',
      },
      packet: 'overlay-ping',
      ask: {
        q: {
          en: 'What crosses the LAN between docker-host and docker-host-2?',
          ko: 'docker-host와 docker-host-2 사이의 LAN에는 무엇이 지나갈까요?',
        },
        choices: [
          {
            id: 'vxlan',
            label: {
              en: 'a UDP packet 192.168.0.10 → 192.168.0.11 (VXLAN, port 4789) with the 10.0.1.x packet inside',
              ko: 'UDP 패킷 192.168.0.10 → 192.168.0.11 (VXLAN, 4789번) 안에 10.0.1.x 패킷이 든 것',
            },
            proof: { ok: true, encap: { src: '192.168.0.10', dst: '192.168.0.11' }, nat: false },
          },
          {
            id: 'nat',
            label: {
              en: 'a NATed packet, as with a published port',
              ko: '공개한 포트처럼 NAT된 패킷',
            },
            proof: { nat: true },
          },
          {
            id: 'router',
            label: {
              en: 'the 10.0.1.x packet itself, routed by the router',
              ko: '10.0.1.x 패킷 그대로, 공유기가 라우팅',
            },
            proof: { via: 'router' },
          },
        ],
        answer: 'vxlan',
        why: {
          en: 'The LAN knows only 192.168.0.x. The overlay wraps the whole container frame (overlay IPs and MACs) in UDP 4789 with the network’s VNI, sends it host to host, and docker-host-2 unwraps it into web.2. No NAT: web.2 sees 10.0.1.2.',
          ko: 'LAN은 192.168.0.x만 압니다. 오버레이는 컨테이너의 프레임 전체(오버레이 IP와 MAC)를 네트워크의 VNI와 함께 UDP 4789에 싸서 호스트에서 호스트로 보내고, docker-host-2가 풀어서 web.2에 넘깁니다. NAT가 없어서 web.2는 10.0.1.2를 봅니다.',
        },
      },
      check: {
        say: {
          en: 'The overlay and its VXLAN id (VNI).',
          ko: '오버레이와 그 VXLAN 번호(VNI).',
        },
        line: 'docker network inspect -f \'{{.Driver}} {{index .Options "com.docker.network.driver.overlay.vxlanid_list"}}\' my-overlay',
        shows: 'overlay 4097',
      },
    },
    {
      id: 'curl',
      say: {
        en: 'Now HTTP to web.3 on docker-host-3: every packet of the TCP connection, both ways, travels inside VXLAN.',
        ko: '이번에는 docker-host-3의 web.3에 HTTP: TCP 연결의 모든 패킷이 양방향으로 VXLAN에 담겨 갑니다.',
      },
      packet: 'overlay-curl',
    },
    {
      id: 'mesh',
      say: {
        en: 'The routing mesh: api has one task, on docker-host, yet -p 9090:80 opens 9090 on every node. pc1 asks docker-host-3, which runs no api task; IPVS in its ingress sandbox picks api.1 and forwards the request over the ingress overlay, inside VXLAN, to docker-host.',
        ko: '라우팅 메시: api의 태스크는 docker-host에 하나뿐이지만, -p 9090:80은 모든 노드에서 9090을 엽니다. pc1이 api 태스크가 없는 docker-host-3에 요청하면, 그 ingress 샌드박스의 IPVS가 api.1을 골라 ingress 오버레이로, VXLAN에 담아 docker-host에 전달합니다.',
      },
      packet: 'mesh-curl',
      check: {
        say: { en: 'Where api’s one task runs.', ko: 'api의 태스크 하나가 실행되는 곳.' },
        line: 'docker service ps api',
        shows: 'api.1     nginx:latest   docker-host ',
      },
    },
  ],
};
