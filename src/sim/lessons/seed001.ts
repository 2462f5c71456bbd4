import type { Scene } from '../scenes';

/**
 * Seed 001 (“Docker 네트워크 통신과 관련된 자세한 개념”), in the article's order: the four kinds of
 * container communication (loopback inside one container, two containers on one host, a container
 * on another server through its published port, the internet). §3's swarm is seed001Swarm.ts. The
 * article's placeholder image `my-image` is nginx here (a real Docker answers `pull access denied`
 * for it). Each question is proved by the engine's trace (tests/unit/lessonFrame.test.ts).
 */

export const FOUR_KINDS: Scene = {
  id: 'seed001-four-kinds',
  topic: 'hosts',
  seed: '001',
  hosts: 2,
  title: {
    en: 'Four kinds of container communication',
    ko: '컨테이너 통신의 네 가지 경우',
  },
  summary: {
    en: 'Inside one container (loopback), between containers on one host (a bridge), to a container on another server (its published port: MASQUERADE out, DNAT in) and to the internet.',
    ko: '한 컨테이너 안(루프백), 한 호스트의 컨테이너끼리(브리지), 다른 서버의 컨테이너로(공개한 포트: MASQUERADE로 나가고 DNAT로 들어감), 그리고 인터넷으로.',
  },
  script: [
    '# seed 001: two containers on my-network (docker-host), a web server on docker-host-2',
    'docker network create my-network',
    'docker run -d --name container-a --network my-network nginx',
    'docker run -d --name container-b --network my-network nginx',
    '@docker-host-2 docker run -d -p 8080:80 --name web nginx',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'loopback',
      label: { en: 'container-a → localhost:80 (loopback)', ko: 'container-a → localhost:80 (루프백)' },
      line: 'docker exec container-a curl -s http://localhost',
      expect: { ok: true, summary: 'HTTP 200 from 127.0.0.1:80' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'loopback-8080',
      label: { en: 'container-a → localhost:8080 (the seed’s line)', ko: 'container-a → localhost:8080 (글의 명령)' },
      line: 'docker exec container-a curl -s http://localhost:8080',
      expect: { ok: false, summary: 'connection refused' },
    },
    {
      id: 'same-host',
      label: { en: 'container-a → container-b (same host)', ko: 'container-a → container-b (같은 호스트)' },
      line: 'docker exec container-a curl -s http://container-b',
      expect: { ok: true, summary: 'HTTP 200 from 172.18.0.3:80' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'other-server',
      label: {
        en: 'container-a → 192.168.0.11:8080 (docker-host-2)',
        ko: 'container-a → 192.168.0.11:8080 (docker-host-2)',
      },
      line: 'docker exec container-a curl -s http://192.168.0.11:8080',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.11:8080' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'other-ip',
      label: {
        en: 'container-a → 172.17.0.2 (web’s address on docker-host-2)',
        ko: 'container-a → 172.17.0.2 (docker-host-2에서 web의 주소)',
      },
      line: 'docker exec container-a curl -s -m 2 http://172.17.0.2',
      expect: { ok: false, summary: 'timed out' },
    },
    {
      id: 'internet',
      label: { en: 'container-a → google.com (internet)', ko: 'container-a → google.com (인터넷)' },
      line: 'docker exec container-a curl -s http://google.com',
      expect: { ok: true, summary: 'HTTP 301 from 142.250.196.142:80' },
      shows: '301 Moved',
    },
  ],
  steps: [
    {
      id: 'loopback',
      say: {
        en: '§1 Inside one container: nginx in container-a listens on port 80, and container-a asks localhost. 127.0.0.1 is the loopback interface lo.',
        ko: '§1 컨테이너 내부: container-a 안의 nginx가 80번에서 수신 대기하고, container-a가 localhost에 요청합니다. 127.0.0.1은 루프백 인터페이스 lo입니다.',
      },
      packet: 'loopback',
      ask: {
        q: { en: 'Where does the request travel?', ko: '요청은 어디를 지나갈까요?' },
        choices: [
          {
            id: 'inside',
            label: {
              en: 'nowhere outside container-a: lo hands it to nginx',
              ko: 'container-a 밖으로 나가지 않는다: lo가 nginx에게 넘긴다',
            },
            proof: { ok: true, notVia: 'docker-host' },
          },
          {
            id: 'host',
            label: { en: 'through docker-host and back', ko: 'docker-host를 거쳐 돌아온다' },
            proof: { ok: true, via: 'docker-host' },
          },
          {
            id: 'b',
            label: { en: 'to container-b', ko: 'container-b로 간다' },
            proof: { via: 'container-b' },
          },
        ],
        answer: 'inside',
        why: {
          en: 'Every container has its own network namespace with its own lo. Packets to 127.0.0.1 never reach a wire: no bridge, no veth, no host.',
          ko: '컨테이너마다 자기 네트워크 네임스페이스와 자기 lo가 있습니다. 127.0.0.1로 가는 패킷은 선을 타지 않습니다: 브리지도, veth도, 호스트도 거치지 않습니다.',
        },
      },
      check: {
        say: {
          en: 'In the container’s own /etc/hosts, localhost is 127.0.0.1.',
          ko: '컨테이너 자신의 /etc/hosts에서 localhost는 127.0.0.1입니다.',
        },
        line: 'docker exec container-a cat /etc/hosts',
        shows: '127.0.0.1\tlocalhost',
      },
    },
    {
      id: 'loopback-8080',
      say: {
        en: 'The article types curl http://localhost:8080 inside a container. Here nginx listens on 80, and 8080 is a port that docker-host-2 publishes.',
        ko: '글은 컨테이너 안에서 curl http://localhost:8080을 입력합니다. 여기서 nginx는 80번에서 수신 대기하고, 8080은 docker-host-2가 공개한 포트입니다.',
      },
      packet: 'loopback-8080',
      ask: {
        q: {
          en: 'container-a asks localhost:8080. What answers?',
          ko: 'container-a가 localhost:8080에 요청합니다. 무엇이 답할까요?',
        },
        choices: [
          {
            id: 'refused',
            label: {
              en: 'container-a itself: connection refused, nothing listens on 8080 there',
              ko: 'container-a 자신: 연결 거부, 거기서 8080에 수신 대기(listen)하는 것이 없다',
            },
            proof: { ok: false, summary: 'connection refused' },
          },
          {
            id: 'web',
            label: { en: 'web on docker-host-2 (8080 is published)', ko: 'docker-host-2의 web (8080을 공개했다)' },
            proof: { ok: true },
          },
          {
            id: 'timeout',
            label: { en: 'nobody: it times out', ko: '아무도: 시간 초과' },
            proof: { ok: false, summary: 'timed out' },
          },
        ],
        answer: 'refused',
        why: {
          en: 'localhost inside a container is that container. Its own kernel answers a SYN to a closed port with a RST at once: “connection refused”. A published port belongs to a host, not to the containers.',
          ko: '컨테이너 안의 localhost는 그 컨테이너 자신입니다. 닫힌 포트로 온 SYN에 자기 커널이 곧바로 RST로 답합니다: “연결 거부”. 공개한 포트는 호스트의 것이지 컨테이너들의 것이 아닙니다.',
        },
      },
    },
    {
      id: 'same-host',
      say: {
        en: '§2 Two containers on one host: container-a and container-b are on the user-defined bridge my-network (172.18.0.0/16). container-a asks for container-b by name.',
        ko: '§2 한 호스트의 두 컨테이너: container-a와 container-b는 사용자 정의 브리지 my-network(172.18.0.0/16)에 있습니다. container-a가 이름으로 container-b에 요청합니다.',
      },
      packet: 'same-host',
      ask: {
        q: {
          en: 'Which way does the request go?',
          ko: '요청은 어느 길로 갈까요?',
        },
        choices: [
          {
            id: 'bridge',
            label: {
              en: 'Docker’s DNS gives 172.18.0.3, ARP finds its MAC, the bridge forwards the frame: layer 2, no NAT',
              ko: '도커 DNS가 172.18.0.3을 주고, ARP로 MAC을 찾고, 브리지가 프레임을 전달한다: 2계층, NAT 없음',
            },
            proof: { ok: true, via: 'container-b', notVia: 'router' },
          },
          {
            id: 'router',
            label: { en: 'through the router', ko: '공유기를 거친다' },
            proof: { via: 'router' },
          },
          {
            id: 'unknown',
            label: { en: 'the name is unknown', ko: '이름을 모른다' },
            proof: { ok: false, summary: 'resolve' },
          },
        ],
        answer: 'bridge',
        why: {
          en: 'On a user-defined bridge the embedded DNS at 127.0.0.11 answers container names. Then it is one Ethernet segment: ARP for 172.18.0.3, and the bridge br-… forwards by MAC (its FDB).',
          ko: '사용자 정의 브리지에서는 127.0.0.11의 내장 DNS가 컨테이너 이름에 답합니다. 그다음은 이더넷 한 구간입니다: 172.18.0.3에 대한 ARP, 그리고 브리지 br-…가 MAC으로(FDB) 전달합니다.',
        },
      },
      check: {
        say: { en: 'The seed’s own look at a bridge network.', ko: '글이 보는 브리지 네트워크.' },
        line: "docker network inspect -f '{{.Driver}} {{(index .IPAM.Config 0).Subnet}}' my-network",
        shows: 'bridge 172.18.0.0/16',
      },
    },
    {
      id: 'other-server',
      say: {
        en: '§3 A container on another server: web runs on docker-host-2 (192.168.0.11) with -p 8080:80. container-a asks 192.168.0.11:8080.',
        ko: '§3 다른 서버의 컨테이너: web은 docker-host-2(192.168.0.11)에서 -p 8080:80으로 실행 중입니다. container-a가 192.168.0.11:8080에 요청합니다.',
      },
      packet: 'other-server',
      ask: {
        q: {
          en: 'Which source address does web’s host, docker-host-2, see?',
          ko: 'web의 호스트 docker-host-2는 어느 출발지 주소를 볼까요?',
        },
        choices: [
          {
            id: 'host1',
            label: {
              en: '192.168.0.10: docker-host’s MASQUERADE replaced container-a’s address',
              ko: '192.168.0.10: docker-host의 MASQUERADE가 container-a의 주소를 바꿨다',
            },
            proof: { ok: true, seenAt: { place: 'docker-host-2', src: '192.168.0.10' } },
          },
          {
            id: 'private',
            label: { en: '172.18.0.2, container-a’s own address', ko: '172.18.0.2, container-a 자신의 주소' },
            proof: { seenAt: { place: 'docker-host-2', src: '172.18.0.2' } },
          },
          {
            id: 'public',
            label: { en: '124.111.46.91, the router’s public address', ko: '124.111.46.91, 공유기의 공인 주소' },
            proof: { seenAt: { place: 'docker-host-2', src: '124.111.46.91' } },
          },
        ],
        answer: 'host1',
        why: {
          en: 'Two NATs on two hosts: leaving docker-host, MASQUERADE rewrites the source 172.18.0.2 to 192.168.0.10; arriving on docker-host-2, DNAT rewrites 192.168.0.11:8080 to web’s 172.17.0.2:80. The LAN routes only 192.168.0.x, never a container address.',
          ko: '두 호스트에서 NAT가 두 번: docker-host를 나갈 때 MASQUERADE가 출발지 172.18.0.2를 192.168.0.10으로, docker-host-2에 들어올 때 DNAT가 192.168.0.11:8080을 web의 172.17.0.2:80으로 바꿉니다. LAN은 192.168.0.x만 알고 컨테이너 주소는 모릅니다.',
        },
      },
      check: {
        say: {
          en: 'docker-host-2’s DNAT rule for -p 8080:80 (@docker-host-2 runs the line there).',
          ko: 'docker-host-2의 -p 8080:80 DNAT 규칙 (@docker-host-2는 거기서 실행합니다).',
        },
        line: '@docker-host-2 iptables -t nat -S DOCKER',
        shows: '--dport 8080 -j DNAT --to-destination 172.17.0.2:80',
      },
    },
    {
      id: 'other-ip',
      say: {
        en: 'web’s own address is 172.17.0.2 — on docker-host-2. Every host has its own docker0 172.17.0.0/16, so that address means something different on each host.',
        ko: 'web 자신의 주소는 172.17.0.2입니다 — docker-host-2에서. 호스트마다 자기 docker0 172.17.0.0/16이 있어서, 그 주소는 호스트마다 다른 것을 가리킵니다.',
      },
      packet: 'other-ip',
      ask: {
        q: {
          en: 'container-a asks 172.17.0.2 directly. Where does it end?',
          ko: 'container-a가 172.17.0.2에 바로 요청합니다. 어디서 끝날까요?',
        },
        choices: [
          {
            id: 'local',
            label: {
              en: 'on docker-host: its own docker0 owns 172.17.0.0/16, and nothing there has .2',
              ko: 'docker-host에서: 자기 docker0이 172.17.0.0/16을 가지고, 거기엔 .2가 없다',
            },
            proof: { ok: false, dropAt: 'docker-host', notVia: 'docker-host-2' },
          },
          {
            id: 'web',
            label: { en: 'web answers across the LAN', ko: 'web이 LAN 너머에서 답한다' },
            proof: { ok: true },
          },
          {
            id: 'router',
            label: { en: 'the router sends it to the internet', ko: '공유기가 인터넷으로 보낸다' },
            proof: { via: 'router' },
          },
        ],
        answer: 'local',
        why: {
          en: 'docker-host routes 172.17.0.0/16 to its own docker0. Container addresses are private to their host: between servers, only published ports (or an overlay network) connect containers.',
          ko: 'docker-host는 172.17.0.0/16을 자기 docker0으로 보냅니다. 컨테이너 주소는 자기 호스트 안에서만 통합니다: 서버 사이에서는 공개한 포트(또는 오버레이 네트워크)만 컨테이너를 잇습니다.',
        },
      },
    },
    {
      id: 'internet',
      say: {
        en: '§4 The internet: container-a asks google.com. Docker’s DNS forwards the name to the host’s resolver, and the packet leaves through two NATs.',
        ko: '§4 인터넷: container-a가 google.com에 요청합니다. 도커 DNS가 이름을 호스트의 리졸버로 넘기고, 패킷은 NAT 두 번을 거쳐 나갑니다.',
      },
      packet: 'internet',
      ask: {
        q: {
          en: 'Which source address does google.com see?',
          ko: 'google.com은 어느 출발지 주소를 볼까요?',
        },
        choices: [
          {
            id: 'public',
            label: {
              en: '124.111.46.91, the router’s public address',
              ko: '124.111.46.91, 공유기의 공인 주소',
            },
            proof: { ok: true, seenAt: { place: 'google.com', src: '124.111.46.91' } },
          },
          {
            id: 'host',
            label: { en: '192.168.0.10, docker-host’s address', ko: '192.168.0.10, docker-host의 주소' },
            proof: { seenAt: { place: 'google.com', src: '192.168.0.10' } },
          },
          {
            id: 'container',
            label: { en: '172.18.0.2, container-a’s address', ko: '172.18.0.2, container-a의 주소' },
            proof: { seenAt: { place: 'google.com', src: '172.18.0.2' } },
          },
        ],
        answer: 'public',
        why: {
          en: 'MASQUERADE on docker-host (172.18.0.2 → 192.168.0.10), then the router’s NAT (192.168.0.10 → 124.111.46.91). The answer is un-NATed twice on the way back, by conntrack.',
          ko: 'docker-host의 MASQUERADE(172.18.0.2 → 192.168.0.10), 그다음 공유기의 NAT(192.168.0.10 → 124.111.46.91). 응답은 돌아오는 길에 conntrack이 두 번 되돌립니다.',
        },
      },
      check: {
        say: {
          en: 'Docker wrote the container’s resolver: its embedded DNS.',
          ko: '도커가 컨테이너의 리졸버를 정했습니다: 내장 DNS.',
        },
        line: 'docker exec container-a cat /etc/resolv.conf',
        shows: 'nameserver 127.0.0.11',
      },
    },
  ],
};
