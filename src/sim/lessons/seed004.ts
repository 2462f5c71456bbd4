import type { LessonStep } from '../lessonFrame';

/**
 * Seed 004 (“도커 가상 네트워크 2”): port forwarding with nginx, nginx2 and the colour apps,
 * then the DNS test on second-bridge. The article runs on Docker Desktop for Windows; here the
 * engine runs on a Linux host at 192.168.0.10 and the article's “localhost” is pc1 on the LAN.
 */
export const PORT_STEPS: LessonStep[] = [
  {
    id: 'no-publish',
    say: {
      en: 'nginx runs without -p and got 172.17.0.2 on docker0. That address exists only inside the Docker host.',
      ko: 'nginx는 -p 없이 실행되어 docker0에서 172.17.0.2를 받았습니다. 이 주소는 도커 호스트 안에만 있습니다.',
    },
    packet: 'pc1-nginx-ip',
    ask: {
      q: {
        en: 'pc1 asks 172.17.0.2:80 for a page. Where does the packet stop?',
        ko: 'pc1이 172.17.0.2:80에 페이지를 요청하면 패킷은 어디서 멈출까요?',
      },
      choices: [
        { id: 'nginx', label: { en: 'nginx answers', ko: 'nginx가 답한다' }, proof: { ok: true } },
        {
          id: 'host',
          label: { en: 'the Docker host refuses it', ko: '도커 호스트가 거절한다' },
          proof: { ok: false, via: 'docker-host' },
        },
        {
          id: 'internet',
          label: { en: 'past the router, on the internet', ko: '공유기를 지나 인터넷에서' },
          proof: { ok: false, notVia: 'docker-host', dropAt: 'internet' },
        },
      ],
      answer: 'internet',
      why: {
        en: 'pc1 has no route to 172.17.0.0/16, so it sends the packet to its default gateway, the router, which sends it to the internet, which drops a private address. The article: “no answer comes back”.',
        ko: 'pc1에는 172.17.0.0/16으로 가는 경로가 없어 기본 게이트웨이인 공유기로 보내고, 공유기는 인터넷으로 보내며, 인터넷은 사설 IP를 버립니다. 글에서 말한 “아무런 응답이 오지 않음”입니다.',
      },
    },
    check: {
      say: {
        en: 'nginx’s address, as docker container inspect shows it.',
        ko: 'docker container inspect로 본 nginx의 주소.',
      },
      line: "docker container inspect -f '{{.NetworkSettings.Networks.bridge.IPAddress}}' nginx",
      shows: '172.17.0.2',
    },
  },
  {
    id: 'publish',
    say: {
      en: 'nginx2 runs with -p 8001:80: the host’s port 8001 leads to the container’s port 80.',
      ko: 'nginx2는 -p 8001:80으로 실행했습니다. 호스트의 8001번 포트가 컨테이너의 80번 포트로 이어집니다.',
    },
    packet: 'pc1-8001',
    ask: {
      q: {
        en: 'pc1 asks 192.168.0.10:8001. Which container answers?',
        ko: 'pc1이 192.168.0.10:8001에 요청하면 어느 컨테이너가 답할까요?',
      },
      choices: [
        {
          id: 'nginx',
          label: { en: 'nginx (172.17.0.2)', ko: 'nginx (172.17.0.2)' },
          proof: { ok: true, dnatTo: '172.17.0.2:80' },
        },
        {
          id: 'nginx2',
          label: { en: 'nginx2 (172.17.0.3)', ko: 'nginx2 (172.17.0.3)' },
          proof: { ok: true, dnatTo: '172.17.0.3:80' },
        },
        { id: 'none', label: { en: 'none', ko: '아무도 답하지 않는다' }, proof: { ok: false } },
      ],
      answer: 'nginx2',
      why: {
        en: 'Docker’s DNAT rule rewrites 192.168.0.10:8001 to 172.17.0.3:80 and conntrack undoes it on the answer, so pc1 only ever talks to 192.168.0.10.',
        ko: '도커의 DNAT 규칙이 192.168.0.10:8001을 172.17.0.3:80으로 바꾸고, 응답은 conntrack이 되돌립니다. pc1은 192.168.0.10하고만 이야기합니다.',
      },
    },
    check: {
      say: { en: 'docker port lists what nginx2 publishes.', ko: 'docker port로 nginx2가 공개한 포트를 봅니다.' },
      line: 'docker port nginx2',
      shows: '80/tcp -> 0.0.0.0:8001',
    },
  },
  {
    id: 'red',
    say: {
      en: 'The colour app listens on 3000 and answers with its COLOR. redColorApp is published on 8002.',
      ko: '컬러 앱은 3000번에서 수신 대기하고 COLOR 값으로 답합니다. redColorApp은 8002로 공개했습니다.',
    },
    packet: 'pc1-8002',
  },
  {
    id: 'conflict',
    say: {
      en: 'blueColorApp took 8003 first; yellowColorApp asked for 8003 too and Docker refused: “Bind for 0.0.0.0:8003 failed: port is already allocated”. yellow stays Created.',
      ko: 'blueColorApp이 8003을 먼저 가져갔고, yellowColorApp도 8003을 요청하자 도커가 거절했습니다: “Bind for 0.0.0.0:8003 failed: port is already allocated”. yellow는 Created 상태로 남습니다.',
    },
    packet: 'pc1-8003',
    ask: {
      q: {
        en: 'pc1 asks 192.168.0.10:8003. Which colour comes back?',
        ko: 'pc1이 192.168.0.10:8003에 요청하면 어떤 색이 올까요?',
      },
      choices: [
        { id: 'blue', label: { en: 'blue', ko: '파랑' }, proof: { output: 'COLOR: blue' } },
        { id: 'yellow', label: { en: 'yellow', ko: '노랑' }, proof: { output: 'COLOR: yellow' } },
        {
          id: 'both',
          label: { en: 'none: two containers share the port', ko: '없음: 두 컨테이너가 포트를 나눠 쓴다' },
          proof: { ok: false },
        },
      ],
      answer: 'blue',
      why: {
        en: 'A host port leads to exactly one container, or Docker could not tell where to send 8003; the second -p 8003 never happened.',
        ko: '호스트 포트 하나는 컨테이너 하나로만 이어집니다. 그렇지 않으면 8003을 어디로 보낼지 정할 수 없으니, 두 번째 -p 8003은 설정되지 않았습니다.',
      },
    },
    check: {
      say: {
        en: 'yellowColorApp was created but never started.',
        ko: 'yellowColorApp은 만들어졌지만 시작되지 않았습니다.',
      },
      line: "docker inspect -f '{{.State.Status}}' yellowColorApp",
      shows: 'created',
    },
  },
  {
    id: 'wrong-port',
    say: {
      en: 'greenColorApp is published as 8004:3030, but the app listens on 3000.',
      ko: 'greenColorApp은 8004:3030으로 공개했지만, 앱은 3000에서 수신 대기합니다.',
    },
    packet: 'pc1-8004',
    ask: {
      q: { en: 'pc1 asks 192.168.0.10:8004. What happens?', ko: 'pc1이 192.168.0.10:8004에 요청하면?' },
      choices: [
        { id: 'green', label: { en: 'green answers', ko: 'green이 답한다' }, proof: { ok: true } },
        {
          id: 'inside',
          label: {
            en: 'it reaches greenColorApp, which refuses: nothing listens on 3030',
            ko: 'greenColorApp까지 가지만 거절된다: 3030에서 수신 대기하는 것이 없다',
          },
          proof: { summary: 'connection refused', via: 'greenColorApp' },
        },
        {
          id: 'host',
          label: { en: 'the Docker host refuses before the container', ko: '컨테이너 전에 도커 호스트가 거절한다' },
          proof: { summary: 'connection refused', notVia: 'greenColorApp' },
        },
      ],
      answer: 'inside',
      why: {
        en: 'The forwarding works: DNAT sends the packet to 172.17.0.6:3030 inside greenColorApp. The container’s own stack answers with a reset because no process listens there.',
        ko: '포트포워딩은 동작합니다. DNAT가 패킷을 greenColorApp 안의 172.17.0.6:3030으로 보냅니다. 거기서 수신 대기하는 프로세스가 없어 컨테이너가 RST로 답합니다.',
      },
    },
  },
  {
    id: 'host-side',
    say: {
      en: 'The Docker host itself sits on docker0 (172.17.0.1), so it reaches 172.17.0.2 directly, without -p.',
      ko: '도커 호스트 자신은 docker0(172.17.0.1)에 붙어 있어서 -p 없이도 172.17.0.2에 바로 닿습니다.',
    },
    packet: 'host-nginx',
  },
];

export const DNS_STEPS: LessonStep[] = [
  {
    id: 'resolv',
    say: {
      en: 'second-bridge is a bridge made by hand (10.0.0.0/24). Its containers ask Docker’s DNS server at 127.0.0.11.',
      ko: 'second-bridge는 직접 만든 브리지(10.0.0.0/24)입니다. 여기 컨테이너는 127.0.0.11의 도커 DNS 서버에 묻습니다.',
    },
    check: {
      say: { en: 'containerA’s /etc/resolv.conf, as in the article.', ko: '글에 나온 containerA의 /etc/resolv.conf.' },
      line: 'docker exec containerA cat /etc/resolv.conf',
      shows: 'nameserver 127.0.0.11',
    },
  },
  {
    id: 'by-name',
    say: {
      en: 'containerA pings containerB by name.',
      ko: 'containerA가 이름으로 containerB에 ping합니다.',
    },
    packet: 'a-b-ping',
    ask: {
      q: {
        en: 'Who answers the question “where is containerB?”',
        ko: '“containerB는 어디?”라는 질문에 누가 답할까요?',
      },
      choices: [
        {
          id: 'docker',
          label: { en: 'Docker’s DNS at 127.0.0.11: 10.0.0.3', ko: '127.0.0.11의 도커 DNS: 10.0.0.3' },
          proof: { ok: true, notVia: 'router', output: '(10.0.0.3)' },
        },
        { id: 'router', label: { en: 'the router’s DNS', ko: '공유기의 DNS' }, proof: { via: 'router' } },
        {
          id: 'nobody',
          label: { en: 'nobody: Name or service not known', ko: '아무도: Name or service not known' },
          proof: { summary: 'name not known' },
        },
      ],
      answer: 'docker',
      why: {
        en: 'Docker stores each container’s name and IP on a user-defined bridge; the lookup stays inside containerA, then ARP finds 10.0.0.3’s MAC and the echo goes across second-bridge.',
        ko: '도커는 사용자 정의 브리지의 컨테이너 이름과 IP를 저장합니다. 조회는 containerA 안에서 끝나고, ARP로 10.0.0.3의 MAC을 찾은 뒤 echo가 second-bridge를 건넙니다.',
      },
    },
  },
  {
    id: 'unknown',
    say: {
      en: 'A name no container has, as in the article before containerB existed.',
      ko: '글에서 containerB를 만들기 전처럼, 어떤 컨테이너도 갖지 않은 이름입니다.',
    },
    packet: 'a-c-ping',
    ask: {
      q: {
        en: 'containerA pings containerC. What does ping print?',
        ko: 'containerA가 containerC에 ping하면 무엇이 출력될까요?',
      },
      choices: [
        {
          id: 'unknown',
          label: { en: 'Name or service not known', ko: 'Name or service not known' },
          proof: { output: 'Name or service not known' },
        },
        {
          id: 'loss',
          label: { en: '100% packet loss', ko: '100% packet loss' },
          proof: { output: '100% packet loss' },
        },
      ],
      answer: 'unknown',
      why: {
        en: 'Docker’s DNS does not know containerC and neither does the public DNS it asks next, so no packet is ever sent.',
        ko: '도커 DNS도, 이어서 묻는 공용 DNS도 containerC를 모르니 패킷은 한 번도 나가지 않습니다.',
      },
    },
  },
  {
    id: 'outside',
    say: {
      en: 'Docker’s DNS forwards names it does not hold, so containers use google.com too.',
      ko: '도커 DNS는 자기가 모르는 이름을 밖으로 넘기므로, 컨테이너는 google.com 같은 외부 도메인도 씁니다.',
    },
    packet: 'a-google-ping',
    ask: {
      q: {
        en: 'Does the google.com lookup leave the Docker host?',
        ko: 'google.com 조회는 도커 호스트 밖으로 나갈까요?',
      },
      choices: [
        {
          id: 'yes',
          label: { en: 'yes: router, then 8.8.8.8', ko: '네: 공유기, 그다음 8.8.8.8' },
          proof: { ok: true, via: 'dns' },
        },
        {
          id: 'no',
          label: { en: 'no: Docker’s DNS knows it', ko: '아니요: 도커 DNS가 안다' },
          proof: { ok: true, notVia: 'dns' },
        },
      ],
      answer: 'yes',
      why: {
        en: '127.0.0.11 answers container names itself and sends every other question to the host’s resolver, 192.168.0.1, which asks 8.8.8.8.',
        ko: '127.0.0.11은 컨테이너 이름만 직접 답하고, 나머지 질문은 호스트의 리졸버 192.168.0.1로 보내며, 공유기는 8.8.8.8에 묻습니다.',
      },
    },
  },
];
