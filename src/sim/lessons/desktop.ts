import type { Scene } from '../scenes';

/**
 * Seed 004 was written on Docker Desktop for Windows: `docker inspect` said 172.17.0.2, yet the PC
 * got no answer from it, while localhost:8001 answered. On Docker Desktop the engine runs in a VM
 * inside the PC (src/sim/desktop.ts cites Docker's documentation): docker0 and 172.17.0.0/16 live
 * in the VM, the PC has no route there, and com.docker.backend forwards published ports into it.
 */
const DESKTOP_172: Scene = {
  id: 'desktop-172',
  topic: 'desktop',
  seed: '004',
  world: 'desktop',
  title: {
    en: 'Docker Desktop: why 172.17.0.2 does not answer',
    ko: 'Docker Desktop: 172.17.0.2가 응답하지 않는 이유',
  },
  summary: {
    en: 'The engine runs in a VM (docker-desktop, 192.168.65.3) inside pc1: pc1 has no route to 172.17.0.0/16, localhost:8001 reaches nginx2 through Docker Desktop’s port forwarding, and containers reach the PC as host.docker.internal (192.168.65.254).',
    ko: '엔진은 pc1 안의 VM(docker-desktop, 192.168.65.3)에서 돌아갑니다. pc1에는 172.17.0.0/16으로 가는 경로가 없고, localhost:8001은 Docker Desktop의 포트포워딩으로 nginx2에 닿으며, 컨테이너는 host.docker.internal(192.168.65.254)로 PC에 닿습니다.',
  },
  script: [
    '# seed 004 on Docker Desktop for Windows: the Docker Engine runs in a VM inside pc1',
    'docker run -d --name nginx nginx',
    'docker run -d -p 8001:80 --name nginx2 nginx',
    'docker run -d --name client nicolaka/netshoot sleep infinity',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'pc1-ip',
      label: { en: 'pc1 → 172.17.0.2 ping (nginx’s address)', ko: 'pc1 → 172.17.0.2 ping (nginx의 주소)' },
      line: '@pc1 ping -c 1 172.17.0.2',
      expect: { ok: false, summary: '0/1 replies from 172.17.0.2' },
    },
    {
      id: 'pc1-localhost',
      label: { en: 'pc1 → localhost:8001 (nginx2, -p 8001:80)', ko: 'pc1 → localhost:8001 (nginx2, -p 8001:80)' },
      line: '@pc1 curl -s http://localhost:8001/',
      expect: { ok: true, summary: 'HTTP 200 from 127.0.0.1:8001' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'pc2-pc1',
      label: { en: 'pc2 → 192.168.0.20:8001 (the PC’s own IP)', ko: 'pc2 → 192.168.0.20:8001 (PC 자신의 IP)' },
      line: '@pc2 curl -s http://192.168.0.20:8001/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.20:8001' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'vm-ip',
      label: { en: 'docker-desktop (the VM) → 172.17.0.2:80', ko: 'docker-desktop(VM) → 172.17.0.2:80' },
      line: 'curl -s http://172.17.0.2/',
      expect: { ok: true, summary: 'HTTP 200 from 172.17.0.2:80' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'client-host',
      label: { en: 'client → host.docker.internal ping', ko: 'client → host.docker.internal ping' },
      line: 'docker exec client ping -c 1 host.docker.internal',
      expect: { ok: true, summary: '1/1 replies from 192.168.65.254' },
      shows: 'PING host.docker.internal (192.168.65.254)',
    },
  ],
  steps: [
    {
      id: 'ip',
      say: {
        en: 'docker inspect nginx says 172.17.0.2, as on Linux. But here the engine, docker0 and 172.17.0.0/16 are inside the VM docker-desktop, which runs in pc1.',
        ko: 'docker inspect nginx는 Linux에서처럼 172.17.0.2라고 합니다. 하지만 여기서는 엔진과 docker0, 172.17.0.0/16이 pc1 안에서 도는 VM docker-desktop 안에 있습니다.',
      },
      packet: 'pc1-ip',
      ask: {
        q: { en: 'pc1 pings 172.17.0.2. What happens?', ko: 'pc1이 172.17.0.2에 ping하면?' },
        choices: [
          { id: 'reply', label: { en: 'nginx answers', ko: 'nginx가 답한다' }, proof: { ok: true } },
          {
            id: 'lost',
            label: {
              en: 'no answer: pc1 sends it to its router, never into the VM',
              ko: '응답 없음: pc1은 패킷을 VM이 아니라 공유기로 보낸다',
            },
            proof: { ok: false, via: 'router', notVia: 'docker-host' },
          },
          {
            id: 'vm',
            label: { en: 'the VM receives it and drops it', ko: 'VM이 받아서 버린다' },
            proof: { ok: false, dropAt: 'docker-host' },
          },
        ],
        answer: 'lost',
        why: {
          en: 'pc1’s routing table has no 172.17.0.0/16: the ping follows the default route to the router, and the internet drops a private address. Docker’s documentation says it plainly: “I cannot ping my containers … the Docker bridge network is not reachable from the host.”',
          ko: 'pc1의 라우팅 테이블에는 172.17.0.0/16이 없어서 ping은 기본 경로로 공유기에 가고, 인터넷은 사설 주소를 버립니다. 도커 문서도 “컨테이너에 ping할 수 없다 … 도커 bridge 네트워크는 호스트에서 닿지 않는다”고 적어 둡니다.',
        },
      },
      check: {
        say: {
          en: 'pc1’s routes: its LAN and a default route, nothing for 172.17.0.0/16.',
          ko: 'pc1의 경로: LAN과 기본 경로뿐, 172.17.0.0/16은 없습니다.',
        },
        line: '@pc1 ip route',
        shows: 'default via 192.168.0.1 dev eth0',
      },
    },
    {
      id: 'localhost',
      say: {
        en: 'nginx2 was started with -p 8001:80. On Docker Desktop, the backend process on the PC listens on 8001 itself.',
        ko: 'nginx2는 -p 8001:80으로 시작했습니다. Docker Desktop에서는 PC의 백엔드 프로세스가 직접 8001에서 수신 대기합니다.',
      },
      packet: 'pc1-localhost',
      ask: {
        q: { en: 'pc1 opens localhost:8001. Who answers?', ko: 'pc1이 localhost:8001을 열면 누가 답할까요?' },
        choices: [
          {
            id: 'nginx2',
            label: {
              en: 'nginx2, through Docker Desktop’s forwarding into the VM',
              ko: 'nginx2: Docker Desktop이 VM 안으로 넘겨 준다',
            },
            proof: { ok: true, via: 'docker-host', output: 'Welcome to nginx!' },
          },
          {
            id: 'refused',
            label: { en: 'nobody: nothing on pc1 listens', ko: '아무도: pc1에서 수신 대기하는 것이 없다' },
            proof: { summary: 'connection refused' },
          },
        ],
        answer: 'nginx2',
        why: {
          en: 'com.docker.backend accepts on pc1’s port 8001 and hands the connection to the VM over shared memory; inside the VM it goes on to 172.17.0.2:80. The trace shows that hop at pc1, then the packets inside docker-desktop.',
          ko: 'com.docker.backend가 pc1의 8001 포트에서 연결을 받아 공유 메모리로 VM에 넘기고, VM 안에서 172.17.0.2:80으로 이어집니다. 추적에서 pc1의 그 단계와 docker-desktop 안의 패킷이 보입니다.',
        },
      },
    },
    {
      id: 'lan',
      say: {
        en: 'The backend listens on 0.0.0.0, so other devices on the LAN reach nginx2 through the PC’s own address, 192.168.0.20:8001, as seed 004 did with “my IP”:8003.',
        ko: '백엔드는 0.0.0.0에서 수신 대기하므로, LAN의 다른 장비는 PC 자신의 주소 192.168.0.20:8001로 nginx2에 닿습니다. 시드 004의 “나의아이피”:8003과 같습니다.',
      },
      packet: 'pc2-pc1',
    },
    {
      id: 'inside',
      say: {
        en: 'Inside the VM, 172.17.0.2 is an ordinary address on docker0: the VM reaches nginx directly.',
        ko: 'VM 안에서 172.17.0.2는 docker0의 평범한 주소라서 VM은 nginx에 바로 닿습니다.',
      },
      packet: 'vm-ip',
    },
    {
      id: 'host-internal',
      say: {
        en: 'The other way round, a container reaches the PC by the name host.docker.internal, which the VM’s DNS (192.168.65.7) answers.',
        ko: '반대로 컨테이너는 host.docker.internal이라는 이름으로 PC에 닿고, 그 이름에는 VM의 DNS(192.168.65.7)가 답합니다.',
      },
      packet: 'client-host',
      ask: {
        q: {
          en: 'client pings host.docker.internal. Which address answers?',
          ko: 'client가 host.docker.internal에 ping하면 어느 주소가 답할까요?',
        },
        choices: [
          {
            id: 'vpnkit',
            label: { en: '192.168.65.254, the PC as the VM sees it', ko: '192.168.65.254: VM이 보는 PC' },
            proof: { ok: true, output: '(192.168.65.254)' },
          },
          {
            id: 'lan',
            label: { en: '192.168.0.20, the PC on the LAN', ko: '192.168.0.20: LAN의 PC' },
            proof: { ok: true, output: '(192.168.0.20)' },
          },
          { id: 'none', label: { en: 'the name does not resolve', ko: '이름을 찾지 못한다' }, proof: { ok: false } },
        ],
        answer: 'vpnkit',
        why: {
          en: 'Docker Desktop’s DNS answers host.docker.internal with 192.168.65.254, an address of the PC on the VM’s network 192.168.65.0/24; the LAN address would change with every network the PC joins.',
          ko: 'Docker Desktop의 DNS는 host.docker.internal에 192.168.65.254로 답합니다. VM 네트워크 192.168.65.0/24에 있는 PC의 주소이고, LAN 주소는 PC가 어느 네트워크에 붙느냐에 따라 바뀌기 때문입니다.',
        },
      },
      check: {
        say: {
          en: 'client’s resolv.conf names the VM’s DNS, as in seed 004.',
          ko: 'client의 resolv.conf에는 시드 004처럼 VM의 DNS가 있습니다.',
        },
        line: 'docker exec client cat /etc/resolv.conf',
        shows: 'nameserver 192.168.65.7',
      },
    },
  ],
};

/** Lessons that start from Docker Desktop's World (topic `desktop`). */
export const DESKTOP_LESSONS: Scene[] = [DESKTOP_172];
