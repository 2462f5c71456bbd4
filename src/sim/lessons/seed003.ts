import type { Scene } from '../scenes';

/**
 * Seed 003 (Docker network types): the drivers side by side, in two small scenes so every card
 * stays readable at 1280x720. The first puts one web server on each of bridge (published),
 * host, macvlan and none; the second gives ipvlan l3 a subnet of its own that the LAN reaches
 * only after a route on the router. Each question is proved by the engine's trace
 * (tests/unit/lessonFrame.test.ts).
 */

const MACVLAN_NET =
  'docker network create -d macvlan --subnet 192.168.0.0/24 --gateway 192.168.0.1 --ip-range 192.168.0.64/26 -o parent=eth0 lan-mv';

export const DRIVERS_SIDE_BY_SIDE: Scene = {
  id: 'drivers-side-by-side',
  topic: 'drivers',
  seed: '003',
  title: {
    en: 'Drivers side by side: bridge, host, macvlan, none',
    ko: '드라이버 나란히: bridge, host, macvlan, none',
  },
  summary: {
    en: 'The same web server on four drivers: bridge needs -p and DNAT, host uses the host’s own port, macvlan is a machine of its own on the LAN, none has only loopback.',
    ko: '같은 웹 서버를 네 드라이버에: bridge는 -p와 DNAT가 필요하고, host는 호스트의 포트를 그대로 쓰며, macvlan은 LAN의 독립된 기기이고, none은 루프백뿐입니다.',
  },
  script: [
    '# seed 003: one web server per driver',
    'docker run -d --name web-bridge -p 8080:80 nginx',
    'docker run -d --name web-host --network host nginx',
    MACVLAN_NET,
    'docker run -d --name web-mv --network lan-mv nginx',
    'docker run -d --name box-none --network none alpine sleep 1d',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'bridge',
      label: { en: 'pc1 → 192.168.0.10:8080 (bridge, -p)', ko: 'pc1 → 192.168.0.10:8080 (bridge, -p)' },
      line: '@pc1 curl -s http://192.168.0.10:8080/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.10:8080' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'host',
      label: { en: 'pc1 → 192.168.0.10:80 (host)', ko: 'pc1 → 192.168.0.10:80 (host)' },
      line: '@pc1 curl -s http://192.168.0.10/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.10:80' },
    },
    {
      id: 'macvlan',
      label: { en: 'pc1 → 192.168.0.64 (macvlan)', ko: 'pc1 → 192.168.0.64 (macvlan)' },
      line: '@pc1 curl -s http://192.168.0.64/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.64:80' },
    },
    {
      id: 'host-mv',
      label: { en: 'docker-host → 192.168.0.64 ping', ko: 'docker-host → 192.168.0.64 ping' },
      line: 'ping -c 1 192.168.0.64',
      expect: { ok: false, summary: '0/1 replies from 192.168.0.64' },
    },
    {
      id: 'none',
      label: { en: 'box-none → 8.8.8.8 ping (none)', ko: 'box-none → 8.8.8.8 ping (none)' },
      line: 'docker exec box-none ping -c 1 8.8.8.8',
      expect: { ok: false, summary: 'network unreachable' },
      shows: 'ping: sendto: Network is unreachable',
    },
  ],
  steps: [
    {
      id: 'bridge',
      say: {
        en: 'web-bridge sits on docker0 (172.17.0.0/16), a private network inside docker-host. -p 8080:80 is the only door from the LAN.',
        ko: 'web-bridge는 docker-host 안의 사설 네트워크 docker0(172.17.0.0/16)에 있습니다. LAN에서 들어오는 문은 -p 8080:80 하나뿐입니다.',
      },
      packet: 'bridge',
      ask: {
        q: {
          en: 'pc1 asks 192.168.0.10:8080. Where does the packet get its new destination?',
          ko: 'pc1이 192.168.0.10:8080에 요청합니다. 패킷의 목적지는 어디서 바뀔까요?',
        },
        choices: [
          {
            id: 'dnat',
            label: {
              en: 'docker-host rewrites it to 172.17.0.2:80 (DNAT)',
              ko: 'docker-host가 172.17.0.2:80으로 바꾼다 (DNAT)',
            },
            proof: { ok: true, dnatTo: '172.17.0.2:80' },
          },
          {
            id: 'router',
            label: { en: 'the router forwards it', ko: '공유기가 전달한다' },
            proof: { via: 'router' },
          },
          {
            id: 'refused',
            label: { en: 'nowhere: it is refused', ko: '어디서도 안 바뀐다: 거절된다' },
            proof: { ok: false },
          },
        ],
        answer: 'dnat',
        why: {
          en: 'Published ports are DNAT rules on the Docker host: 192.168.0.10:8080 becomes 172.17.0.2:80, and the reply is rewritten back.',
          ko: '공개한 포트는 도커 호스트의 DNAT 규칙입니다: 192.168.0.10:8080이 172.17.0.2:80이 되고, 응답은 다시 원래대로 바뀝니다.',
        },
      },
    },
    {
      id: 'host',
      say: {
        en: 'web-host has no address of its own: with --network host nginx listens on docker-host’s own port 80, no NAT at all.',
        ko: 'web-host에는 자기 주소가 없습니다: --network host의 nginx는 docker-host 자신의 80번에서 수신 대기하며, NAT가 전혀 없습니다.',
      },
      packet: 'host',
    },
    {
      id: 'macvlan',
      say: {
        en: 'web-mv is on the macvlan network lan-mv, parent eth0: it has its own MAC and its own LAN address, 192.168.0.64.',
        ko: 'web-mv는 부모가 eth0인 macvlan 네트워크 lan-mv에 있습니다: 자기 MAC과 자기 LAN 주소 192.168.0.64를 가집니다.',
      },
      packet: 'macvlan',
      ask: {
        q: {
          en: 'pc1 asks 192.168.0.64 — no -p anywhere. What happens?',
          ko: 'pc1이 192.168.0.64에 요청합니다. -p는 어디에도 없습니다. 어떻게 될까요?',
        },
        choices: [
          {
            id: 'direct',
            label: {
              en: 'nginx answers straight over the LAN, never through docker-host’s stack',
              ko: 'nginx가 LAN으로 바로 답한다, docker-host의 스택을 거치지 않는다',
            },
            proof: { ok: true, notVia: 'docker-host' },
          },
          {
            id: 'nat',
            label: { en: 'docker-host NATs it to the container', ko: 'docker-host가 NAT로 컨테이너에 넘긴다' },
            proof: { ok: true, via: 'docker-host' },
          },
          {
            id: 'closed',
            label: { en: 'refused: no port is published', ko: '거절된다: 공개한 포트가 없다' },
            proof: { ok: false },
          },
        ],
        answer: 'direct',
        why: {
          en: 'pc1’s ARP for 192.168.0.64 is answered by web-mv itself, with its own MAC: to the LAN it is one more machine. No bridge, no iptables, no NAT.',
          ko: 'pc1의 192.168.0.64에 대한 ARP에 web-mv가 자기 MAC으로 직접 답합니다: LAN에게는 기기가 하나 더 있는 것입니다. 브리지도, iptables도, NAT도 없습니다.',
        },
      },
      check: {
        say: {
          en: 'The network hangs off eth0 (its driver option parent).',
          ko: '이 네트워크는 eth0에 매달려 있습니다 (드라이버 옵션 parent).',
        },
        line: "docker network inspect -f '{{.Driver}} {{json .Options}}' lan-mv",
        shows: 'macvlan {"parent":"eth0"}',
      },
    },
    {
      id: 'host-mv',
      say: {
        en: 'Now docker-host itself pings web-mv, through its eth0 — the parent of lan-mv.',
        ko: '이번에는 docker-host 자신이 자기 eth0 — lan-mv의 부모 — 를 통해 web-mv에 ping합니다.',
      },
      packet: 'host-mv',
      ask: {
        q: {
          en: 'Does the Docker host reach its own macvlan container?',
          ko: '도커 호스트는 자기 macvlan 컨테이너에 닿을까요?',
        },
        choices: [
          { id: 'yes', label: { en: 'yes, it is on the same LAN', ko: '닿는다, 같은 LAN이다' }, proof: { ok: true } },
          {
            id: 'parent',
            label: {
              en: 'no: the parent eth0 and its macvlan links never hear each other',
              ko: '못 닿는다: 부모 eth0과 그 macvlan 링크는 서로의 프레임을 받지 못한다',
            },
            proof: { ok: false, dropAt: 'docker-host' },
          },
          {
            id: 'router',
            label: { en: 'only through the router', ko: '공유기를 거쳐야만 닿는다' },
            proof: { via: 'router' },
          },
        ],
        answer: 'parent',
        why: {
          en: 'The kernel does not pass frames between a parent interface and its own macvlan links. The usual fix is a macvlan “shim” on the host: ip link add mac0 link eth0 type macvlan mode bridge, an address on it, and a route to the containers through mac0.',
          ko: '커널은 부모 인터페이스와 그 macvlan 링크 사이에 프레임을 넘기지 않습니다. 흔한 해결책은 호스트의 macvlan "shim"입니다: ip link add mac0 link eth0 type macvlan mode bridge, 주소 하나, 그리고 mac0을 거치는 컨테이너 경로.',
        },
      },
    },
    {
      id: 'none',
      say: {
        en: 'box-none is on none: only lo. There is no route anywhere, so nothing even leaves it.',
        ko: 'box-none은 none에 있습니다: lo뿐입니다. 어디로도 가는 경로가 없어서 아무것도 나가지 못합니다.',
      },
      packet: 'none',
      check: {
        say: { en: 'Its only interface is lo.', ko: '인터페이스는 lo 하나뿐입니다.' },
        line: 'docker exec box-none ip -br addr',
        shows: 'lo               UNKNOWN        127.0.0.1/8',
      },
    },
  ],
};

export const IPVLAN_L3: Scene = {
  id: 'drivers-ipvlan-l3',
  topic: 'drivers',
  seed: '003',
  title: { en: 'ipvlan l3: a subnet the host routes', ko: 'ipvlan l3: 호스트가 라우팅하는 서브넷' },
  summary: {
    en: 'ipvlan l3 gives containers a subnet of their own behind docker-host’s eth0 (no ARP, no gateway); the LAN reaches it only once the router has a route via 192.168.0.10.',
    ko: 'ipvlan l3는 컨테이너에게 docker-host의 eth0 뒤에 별도 서브넷을 줍니다(ARP 없음, 게이트웨이 없음). 공유기에 192.168.0.10을 거치는 경로가 생겨야 LAN에서 닿습니다.',
  },
  script: [
    '# seed 003: ipvlan in l3 mode, its own subnet behind eth0',
    'docker network create -d ipvlan --subnet 10.10.0.0/24 -o parent=eth0 -o ipvlan_mode=l3 ipv-l3',
    'docker run -d --name web-l3 --network ipv-l3 nginx',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'before',
      label: { en: 'pc1 → 10.10.0.1 ping (no route yet)', ko: 'pc1 → 10.10.0.1 ping (아직 경로 없음)' },
      line: '@pc1 ping -c 1 10.10.0.1',
      expect: { ok: false, summary: '0/1 replies from 10.10.0.1' },
    },
  ],
  steps: [
    {
      id: 'no-gateway',
      say: {
        en: 'ipv-l3 has no gateway: web-l3 (10.10.0.1) has a connected default route, “default dev eth0”, and its eth0 sends no ARP. docker-host routes for it.',
        ko: 'ipv-l3에는 게이트웨이가 없습니다: web-l3(10.10.0.1)의 기본 경로는 “default dev eth0”이고, eth0은 ARP를 보내지 않습니다. docker-host가 대신 라우팅합니다.',
      },
      check: {
        say: { en: 'IPAM holds a subnet and no gateway.', ko: 'IPAM에는 서브넷만 있고 게이트웨이가 없습니다.' },
        line: "docker network inspect -f '{{json .IPAM.Config}}' ipv-l3",
        shows: '[{"Subnet":"10.10.0.0/24"}]',
      },
    },
    {
      id: 'before',
      say: {
        en: 'pc1 has never heard of 10.10.0.0/24: it sends the packet to its default gateway, the router.',
        ko: 'pc1은 10.10.0.0/24를 모릅니다: 패킷을 기본 게이트웨이인 공유기로 보냅니다.',
      },
      packet: 'before',
      ask: {
        q: { en: 'Where does pc1’s ping to 10.10.0.1 end?', ko: 'pc1의 10.10.0.1 ping은 어디서 끝날까요?' },
        choices: [
          { id: 'answers', label: { en: 'web-l3 answers', ko: 'web-l3가 답한다' }, proof: { ok: true } },
          {
            id: 'internet',
            label: {
              en: 'the router sends it to the internet, which drops a private address',
              ko: '공유기가 인터넷으로 보내고, 인터넷이 사설 주소를 버린다',
            },
            proof: { ok: false, dropAt: 'internet' },
          },
          {
            id: 'host',
            label: { en: 'docker-host drops it', ko: 'docker-host가 버린다' },
            proof: { ok: false, dropAt: 'docker-host' },
          },
        ],
        answer: 'internet',
        why: {
          en: 'Only docker-host knows where 10.10.0.0/24 is. The router follows its default route out to the internet, where private addresses go nowhere.',
          ko: '10.10.0.0/24가 어디 있는지는 docker-host만 압니다. 공유기는 기본 경로를 따라 인터넷으로 보내고, 인터넷에서 사설 주소는 갈 곳이 없습니다.',
        },
      },
    },
    {
      id: 'route',
      say: {
        en: 'Teach the router: in the console, @router runs a line on the router. Add a route to 10.10.0.0/24 via docker-host (192.168.0.10).',
        ko: '공유기에게 알려 줍니다: 콘솔에서 @router를 앞에 붙이면 공유기에서 실행됩니다. 10.10.0.0/24로 가는 경로를 docker-host(192.168.0.10)를 거치도록 추가합니다.',
      },
      check: {
        say: { en: 'The router now has the route.', ko: '이제 공유기에 경로가 있습니다.' },
        line: '@router ip route add 10.10.0.0/24 via 192.168.0.10',
        shows: '',
      },
    },
    {
      id: 'after',
      say: {
        en: 'pc1 asks web-l3 again: the router sends the packet to 192.168.0.10, and on docker-host’s eth0 the ipvlan driver hands it to web-l3 before the host’s own IP stack sees it. No NAT: nginx sees pc1’s own address.',
        ko: 'pc1이 다시 web-l3에 요청합니다: 공유기는 패킷을 192.168.0.10으로 보내고, docker-host의 eth0에서 ipvlan 드라이버가 호스트의 IP 스택보다 먼저 web-l3에게 넘깁니다. NAT가 없어서 nginx는 pc1의 주소를 그대로 봅니다.',
      },
      check: {
        say: { en: 'nginx answers pc1 now.', ko: '이제 nginx가 pc1에게 답합니다.' },
        line: '@pc1 curl -s http://10.10.0.1/',
        shows: '<h1>Welcome to nginx!</h1>',
      },
    },
  ],
};
