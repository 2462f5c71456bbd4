import type { Scene } from '../scenes';

/**
 * Short lessons on what people ask about most, each a small World, a one-click packet and a
 * question whose answer the engine's trace proves (tests/unit/lessonFrame.test.ts).
 */

const HOST_P: Scene = {
  id: 'mis-host-p',
  topic: 'misconception',
  seed: '000',
  title: { en: '-p is ignored with --network host', ko: '--network host에서는 -p가 무시된다' },
  summary: {
    en: 'A container on the host network has no ports of its own to publish: Docker warns and drops -p 8080:80, and nginx listens on the host’s 80.',
    ko: '호스트 네트워크의 컨테이너는 공개할 자기 포트가 없습니다. 도커는 경고하고 -p 8080:80을 버리며, nginx는 호스트의 80에서 수신 대기합니다.',
  },
  script: [
    '# -p together with --network host: Docker prints a warning',
    'docker run -d --network host -p 8080:80 --name hostweb nginx',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'pc1-8080',
      label: { en: 'pc1 → 192.168.0.10:8080', ko: 'pc1 → 192.168.0.10:8080' },
      line: '@pc1 curl -s http://192.168.0.10:8080/',
      expect: { ok: false, summary: 'connection refused' },
    },
    {
      id: 'pc1-80',
      label: { en: 'pc1 → 192.168.0.10:80', ko: 'pc1 → 192.168.0.10:80' },
      line: '@pc1 curl -s http://192.168.0.10/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.10:80' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
  ],
  steps: [
    {
      id: 'warning',
      say: {
        en: 'The console shows Docker’s answer to the run line: “WARNING: Published ports are discarded when using host network mode”.',
        ko: '콘솔에 도커의 답이 보입니다: “WARNING: Published ports are discarded when using host network mode”.',
      },
      packet: 'pc1-8080',
      ask: {
        q: { en: 'pc1 asks 192.168.0.10:8080. What happens?', ko: 'pc1이 192.168.0.10:8080에 요청하면?' },
        choices: [
          {
            id: 'nginx',
            label: { en: 'nginx answers (8080 → 80)', ko: 'nginx가 답한다 (8080 → 80)' },
            proof: { ok: true },
          },
          {
            id: 'refused',
            label: {
              en: 'the host refuses: nothing listens on 8080',
              ko: '호스트가 거절한다: 8080에서 수신 대기하는 것이 없다',
            },
            proof: { summary: 'connection refused', via: 'docker-host' },
          },
          { id: 'timeout', label: { en: 'no answer at all', ko: '아무 응답도 없다' }, proof: { summary: 'timed out' } },
        ],
        answer: 'refused',
        why: {
          en: 'There is no DNAT rule: with --network host nginx shares the host’s own network stack and listens on the host’s port 80, so 8080 is simply closed.',
          ko: 'DNAT 규칙이 없습니다. --network host의 nginx는 호스트의 네트워크 스택을 함께 쓰며 호스트의 80번에서 수신 대기하므로, 8080은 그냥 닫혀 있습니다.',
        },
      },
      check: {
        say: { en: 'Docker publishes nothing for hostweb.', ko: '도커는 hostweb의 포트를 하나도 공개하지 않았습니다.' },
        line: "docker inspect -f '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Ports}}' hostweb",
        shows: 'host {}',
      },
    },
    {
      id: 'port-80',
      say: { en: 'nginx listens on the host’s own port 80.', ko: 'nginx는 호스트 자신의 80번에서 수신 대기합니다.' },
      packet: 'pc1-80',
    },
  ],
};

const DEFAULT_DNS: Scene = {
  id: 'mis-default-dns',
  topic: 'misconception',
  seed: '004',
  title: { en: 'The default bridge has no container-name DNS', ko: '기본 브리지에는 컨테이너 이름 DNS가 없다' },
  summary: {
    en: 'On docker0 a container name resolves nowhere: the question goes to the router and 8.8.8.8; the IP works.',
    ko: 'docker0에서는 컨테이너 이름을 어디서도 찾지 못합니다. 질문은 공유기와 8.8.8.8로 가고, IP로는 통신됩니다.',
  },
  script: [
    '# two containers on the default bridge (docker0)',
    'docker run -d --name pinger devwikirepo/pingbuntu',
    'docker run -d --name target devwikirepo/pingbuntu',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'by-name',
      label: { en: 'pinger → target ping (by name)', ko: 'pinger → target ping (이름으로)' },
      line: 'docker exec pinger ping -c 1 target',
      expect: { ok: false, summary: 'name not known' },
      shows: 'ping: target: Name or service not known',
    },
    {
      id: 'by-ip',
      label: { en: 'pinger → 172.17.0.3 ping (by IP)', ko: 'pinger → 172.17.0.3 ping (IP로)' },
      line: 'docker exec pinger ping -c 1 172.17.0.3',
      expect: { ok: true, summary: '1/1 replies from 172.17.0.3' },
    },
  ],
  steps: [
    {
      id: 'name',
      say: {
        en: 'pinger and target share docker0, the bridge Docker made at install.',
        ko: 'pinger와 target은 도커가 설치될 때 만든 브리지 docker0를 함께 씁니다.',
      },
      packet: 'by-name',
      ask: {
        q: {
          en: 'pinger pings target by name. Who answers the name?',
          ko: 'pinger가 이름으로 target에 ping하면 누가 이름에 답할까요?',
        },
        choices: [
          {
            id: 'docker',
            label: { en: 'Docker’s DNS: target is 172.17.0.3', ko: '도커 DNS: target은 172.17.0.3' },
            proof: { ok: true },
          },
          {
            id: 'nobody',
            label: {
              en: 'nobody: the question goes out to 8.8.8.8, which does not know it',
              ko: '아무도: 질문이 8.8.8.8까지 나가지만 모른다',
            },
            proof: { summary: 'name not known', via: 'dns' },
          },
        ],
        answer: 'nobody',
        why: {
          en: 'Only user-defined networks get Docker’s DNS at 127.0.0.11. A container on docker0 uses the host’s resolver (192.168.0.1), and no public DNS knows “target”.',
          ko: '127.0.0.11의 도커 DNS는 사용자 정의 네트워크에만 있습니다. docker0의 컨테이너는 호스트의 리졸버(192.168.0.1)를 쓰고, 어떤 공용 DNS도 “target”을 모릅니다.',
        },
      },
      check: {
        say: {
          en: 'pinger’s resolv.conf names the router, not 127.0.0.11.',
          ko: 'pinger의 resolv.conf에는 127.0.0.11이 아니라 공유기가 있습니다.',
        },
        line: 'docker exec pinger cat /etc/resolv.conf',
        shows: 'nameserver 192.168.0.1',
      },
    },
    {
      id: 'ip',
      say: {
        en: 'By address the bridge carries the packet as always.',
        ko: 'IP로 보내면 브리지는 평소처럼 패킷을 전달합니다.',
      },
      packet: 'by-ip',
    },
  ],
};

const LOCALHOST: Scene = {
  id: 'mis-localhost',
  topic: 'misconception',
  seed: '004',
  title: { en: 'localhost inside a container is the container', ko: '컨테이너 안의 localhost는 그 컨테이너다' },
  summary: {
    en: 'web publishes 8080, yet client’s localhost:8080 is client itself; the host’s 172.17.0.1:8080 reaches web.',
    ko: 'web이 8080을 공개해도 client의 localhost:8080은 client 자신입니다. 호스트의 172.17.0.1:8080으로는 web에 닿습니다.',
  },
  script: [
    '# web published on 8080, and a client container with curl',
    'docker run -d -p 8080:80 --name web nginx',
    'docker run -d --name client nicolaka/netshoot sleep infinity',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'client-localhost',
      label: { en: 'client → localhost:8080', ko: 'client → localhost:8080' },
      line: 'docker exec client curl -s http://localhost:8080/',
      expect: { ok: false, summary: 'connection refused' },
    },
    {
      id: 'client-gateway',
      label: { en: 'client → 172.17.0.1:8080 (the host)', ko: 'client → 172.17.0.1:8080 (호스트)' },
      line: 'docker exec client curl -s http://172.17.0.1:8080/',
      expect: { ok: true, summary: 'HTTP 200 from 172.17.0.1:8080' },
      shows: '<h1>Welcome to nginx!</h1>',
    },
    {
      id: 'web-localhost',
      label: { en: 'web → localhost:80 (itself)', ko: 'web → localhost:80 (자기 자신)' },
      line: 'docker exec web curl -s http://localhost/',
      expect: { ok: true, summary: 'HTTP 200 from 127.0.0.1:80' },
    },
  ],
  steps: [
    {
      id: 'localhost',
      say: {
        en: 'On the Docker host, localhost:8080 reaches web. Inside a container, localhost means that container’s own loopback.',
        ko: '도커 호스트에서는 localhost:8080이 web에 닿습니다. 컨테이너 안에서 localhost는 그 컨테이너 자신의 루프백입니다.',
      },
      packet: 'client-localhost',
      ask: {
        q: { en: 'client asks localhost:8080. What happens?', ko: 'client가 localhost:8080에 요청하면?' },
        choices: [
          {
            id: 'web',
            label: { en: 'web answers through the published port', ko: '공개된 포트를 거쳐 web이 답한다' },
            proof: { ok: true },
          },
          {
            id: 'self',
            label: {
              en: 'client refuses itself: nothing listens on its 8080',
              ko: 'client가 스스로 거절한다: 자기 8080에서 수신 대기하는 것이 없다',
            },
            proof: { summary: 'connection refused', via: 'client', notVia: 'docker-host' },
          },
          {
            id: 'host',
            label: { en: 'the Docker host refuses', ko: '도커 호스트가 거절한다' },
            proof: { summary: 'connection refused', via: 'docker-host' },
          },
        ],
        answer: 'self',
        why: {
          en: 'The packet never leaves client: 127.0.0.1 goes through client’s own lo, where nothing listens on 8080, and its own stack answers with a reset.',
          ko: '패킷은 client 밖으로 나가지 않습니다. 127.0.0.1은 client 자신의 lo로 가는데, 거기 8080에서 수신 대기하는 것이 없어 RST로 답합니다.',
        },
      },
    },
    {
      id: 'gateway',
      say: {
        en: 'The host is 172.17.0.1 on docker0: its published 8080 leads to web.',
        ko: '호스트는 docker0에서 172.17.0.1입니다. 거기 공개된 8080은 web으로 이어집니다.',
      },
      packet: 'client-gateway',
    },
    {
      id: 'web-self',
      say: {
        en: 'In web, localhost is web: its own nginx answers.',
        ko: 'web 안에서 localhost는 web이고, 자기 nginx가 답합니다.',
      },
      packet: 'web-localhost',
    },
  ],
};

const IP_CHANGES: Scene = {
  id: 'mis-ip-changes',
  topic: 'misconception',
  seed: '004',
  title: { en: 'A container’s IP changes after stop and start', ko: '컨테이너 IP는 stop/start 뒤에 바뀐다' },
  summary: {
    en: 'api had 172.18.0.3; while it was stopped worker took that address, and api came back as 172.18.0.4. Its name still works.',
    ko: 'api는 172.18.0.3이었지만, 멈춘 사이 worker가 그 주소를 가져갔고 api는 172.18.0.4로 돌아왔습니다. 이름은 그대로 통합니다.',
  },
  script: [
    '# api gets 172.18.0.3, is stopped, worker takes the free address, api starts again',
    'docker network create appnet',
    'docker run -d --network appnet --name client nicolaka/netshoot sleep infinity',
    'docker run -d --network appnet --name api devwikirepo/pingbuntu',
    'docker stop api',
    'docker run -d --network appnet --name worker devwikirepo/pingbuntu',
    'docker start api',
  ],
  expectedFailures: [],
  packets: [
    {
      id: 'old-ip',
      label: { en: 'client → 172.18.0.3 ping (api’s old address)', ko: 'client → 172.18.0.3 ping (api의 예전 주소)' },
      line: 'docker exec client ping -c 1 172.18.0.3',
      expect: { ok: true, summary: '1/1 replies from 172.18.0.3' },
    },
    {
      id: 'by-name',
      label: { en: 'client → api ping (by name)', ko: 'client → api ping (이름으로)' },
      line: 'docker exec client ping -c 1 api',
      expect: { ok: true, summary: '1/1 replies from 172.18.0.4' },
      shows: '64 bytes from api.appnet (172.18.0.4)',
    },
  ],
  steps: [
    {
      id: 'old-ip',
      say: {
        en: 'Before the stop, api was 172.18.0.3. Docker frees an address when a container stops and hands it to the next one.',
        ko: '멈추기 전 api는 172.18.0.3이었습니다. 도커는 컨테이너가 멈추면 주소를 풀어 다음 컨테이너에게 줍니다.',
      },
      packet: 'old-ip',
      ask: {
        q: { en: 'client pings 172.18.0.3. Who answers?', ko: 'client가 172.18.0.3에 ping하면 누가 답할까요?' },
        choices: [
          { id: 'api', label: { en: 'api', ko: 'api' }, proof: { ok: true, via: 'api' } },
          { id: 'worker', label: { en: 'worker', ko: 'worker' }, proof: { ok: true, via: 'worker' } },
          { id: 'nobody', label: { en: 'nobody', ko: '아무도' }, proof: { ok: false } },
        ],
        answer: 'worker',
        why: {
          en: 'worker was started while api was stopped and got the lowest free address, 172.18.0.3; api came back with 172.18.0.4.',
          ko: 'api가 멈춘 사이 worker가 시작되어 비어 있던 가장 낮은 주소 172.18.0.3을 받았고, api는 172.18.0.4로 돌아왔습니다.',
        },
      },
      check: {
        say: { en: 'api’s address now.', ko: '지금 api의 주소.' },
        line: "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' api",
        shows: '172.18.0.4',
      },
    },
    {
      id: 'name',
      say: {
        en: 'That is why containers talk by name: Docker’s DNS follows the new address at once.',
        ko: '그래서 컨테이너끼리는 이름으로 통신합니다. 도커 DNS는 바뀐 주소를 바로 따라갑니다.',
      },
      packet: 'by-name',
    },
  ],
};

const SAME_PORT: Scene = {
  id: 'mis-same-port',
  topic: 'misconception',
  seed: '004',
  title: {
    en: 'Two containers cannot publish the same host port',
    ko: '두 컨테이너가 같은 호스트 포트를 공개할 수 없다',
  },
  summary: {
    en: 'red publishes 8080 first; blue’s -p 8080:3000 fails with Docker’s “port is already allocated” and blue stays Created.',
    ko: 'red가 8080을 먼저 공개했고, blue의 -p 8080:3000은 도커의 “port is already allocated” 오류로 실패해 blue는 Created로 남습니다.',
  },
  script: [
    '# the same host port twice',
    'docker run -d -p 8080:3000 --name red --env COLOR=red devwikirepo/envnodecolorapp',
    'docker run -d -p 8080:3000 --name blue --env COLOR=blue devwikirepo/envnodecolorapp',
  ],
  expectedFailures: ['docker run -d -p 8080:3000 --name blue --env COLOR=blue devwikirepo/envnodecolorapp'],
  packets: [
    {
      id: 'pc1-8080',
      label: { en: 'pc1 → 192.168.0.10:8080', ko: 'pc1 → 192.168.0.10:8080' },
      line: '@pc1 curl -s http://192.168.0.10:8080/',
      expect: { ok: true, summary: 'HTTP 200 from 192.168.0.10:8080' },
      shows: '<h1>COLOR: red</h1>',
    },
  ],
  steps: [
    {
      id: 'which',
      say: {
        en: 'The console shows Docker’s error for blue: “Bind for 0.0.0.0:8080 failed: port is already allocated”.',
        ko: '콘솔에 blue에 대한 도커의 오류가 보입니다: “Bind for 0.0.0.0:8080 failed: port is already allocated”.',
      },
      packet: 'pc1-8080',
      ask: {
        q: {
          en: 'pc1 asks 192.168.0.10:8080. Which colour comes back?',
          ko: 'pc1이 192.168.0.10:8080에 요청하면 어떤 색이 올까요?',
        },
        choices: [
          { id: 'red', label: { en: 'red', ko: '빨강' }, proof: { output: 'COLOR: red' } },
          {
            id: 'blue',
            label: { en: 'blue, the newer one', ko: '나중에 만든 파랑' },
            proof: { output: 'COLOR: blue' },
          },
          { id: 'turns', label: { en: 'red and blue take turns', ko: '빨강과 파랑이 번갈아' }, proof: { ok: false } },
        ],
        answer: 'red',
        why: {
          en: 'A host port leads to one container; Docker refused the second bind, so blue was created but never started.',
          ko: '호스트 포트 하나는 컨테이너 하나로만 이어집니다. 도커가 두 번째 바인드를 거절해서 blue는 만들어졌지만 시작되지 않았습니다.',
        },
      },
      check: {
        say: { en: 'blue is Created, not running.', ko: 'blue는 실행 중이 아니라 Created 상태입니다.' },
        line: "docker inspect -f '{{.State.Status}}' blue",
        shows: 'created',
      },
    },
  ],
};

export const MISCONCEPTIONS: Scene[] = [HOST_P, DEFAULT_DNS, LOCALHOST, IP_CHANGES, SAME_PORT];
