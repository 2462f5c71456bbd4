import type { LessonStep } from '../lessonFrame';

/**
 * Seed 000 (“(도커) 네트워크”), in the article's order: public and private addresses, port
 * forwarding at the home router (124.111.46.91:80), NAT out and DNS; then (BRIDGE_STEPS) bridges
 * that keep containers apart, names on a user-defined bridge, and a container nothing forwards to.
 */
export const NAT_STEPS: LessonStep[] = [
  {
    id: 'addresses',
    say: {
      en: 'One public address, 124.111.46.91, belongs to the router; everything behind it is private: the LAN is 192.168.0.0/24, docker0 is 172.17.0.0/16. The internet routes only the public one.',
      ko: '공인 IP 124.111.46.91 하나는 공유기의 것이고, 그 뒤는 모두 사설 IP입니다. LAN은 192.168.0.0/24, docker0는 172.17.0.0/16입니다. 인터넷은 공인 IP로만 길을 찾습니다.',
    },
    check: {
      say: {
        en: 'The router forwards public port 80 to the Docker host’s 8001.',
        ko: '공유기는 공인 포트 80을 도커 호스트의 8001로 포워딩합니다.',
      },
      line: '@router portfwd list',
      shows: 'tcp   80           192.168.0.10:8001',
    },
  },
  {
    id: 'inbound',
    say: {
      en: 'remote asks for 124.111.46.91:80, the address the article uses for port forwarding.',
      ko: 'remote가 글에서 포트포워딩 예로 든 124.111.46.91:80에 요청합니다.',
    },
    packet: 'remote-80',
    ask: {
      q: { en: 'Where does the request end?', ko: '요청은 어디에서 끝날까요?' },
      choices: [
        {
          id: 'web',
          label: { en: 'web answers with nginx’s page', ko: 'web이 nginx 페이지로 답한다' },
          proof: { ok: true, via: 'web' },
        },
        {
          id: 'router',
          label: { en: 'the router refuses it', ko: '공유기가 거절한다' },
          proof: { ok: false, via: 'router', notVia: 'docker-host' },
        },
        {
          id: 'lost',
          label: { en: 'it is lost on the internet', ko: '인터넷에서 사라진다' },
          proof: { ok: false, dropAt: 'internet' },
        },
      ],
      answer: 'web',
      why: {
        en: 'Two DNATs: the router rewrites 124.111.46.91:80 to 192.168.0.10:8001 (its port forwarding rule), then Docker rewrites 192.168.0.10:8001 to 172.17.0.2:80 (the -p 8001:80 rule). The answer goes back through both.',
        ko: 'DNAT가 두 번 일어납니다. 공유기가 124.111.46.91:80을 192.168.0.10:8001로(포트포워딩 규칙), 도커가 192.168.0.10:8001을 172.17.0.2:80으로(-p 8001:80 규칙) 바꿉니다. 응답은 같은 길을 거꾸로 돌아갑니다.',
      },
    },
    check: {
      say: { en: 'Docker’s DNAT rule for -p 8001:80 on the host.', ko: '호스트에 있는 -p 8001:80의 DNAT 규칙.' },
      line: 'iptables -t nat -S DOCKER',
      shows: '--dport 8001 -j DNAT --to-destination 172.17.0.2:80',
    },
  },
  {
    id: 'not-forwarded',
    say: {
      en: 'The host publishes 8001, but the router only forwards 80.',
      ko: '호스트는 8001을 공개했지만, 공유기는 80만 포워딩합니다.',
    },
    packet: 'remote-8001',
    ask: {
      q: { en: 'remote tries 124.111.46.91:8001. What happens?', ko: 'remote가 124.111.46.91:8001로 접속하면?' },
      choices: [
        { id: 'web', label: { en: 'web answers', ko: 'web이 답한다' }, proof: { ok: true } },
        {
          id: 'router',
          label: { en: 'the router refuses: no rule for 8001', ko: '공유기가 거절한다: 8001 규칙이 없다' },
          proof: { summary: 'connection refused', via: 'router', notVia: 'docker-host' },
        },
        {
          id: 'host',
          label: { en: 'the Docker host refuses', ko: '도커 호스트가 거절한다' },
          proof: { summary: 'connection refused', via: 'docker-host' },
        },
      ],
      answer: 'router',
      why: {
        en: 'Only the port forwarding rules the router holds let traffic in; nothing on the router listens on 8001, so it answers with a reset and the Docker host never sees the packet.',
        ko: '공유기에 등록된 포트포워딩 규칙만 안으로 들어올 수 있습니다. 공유기에서 8001을 수신 대기하는 것이 없으니 RST로 답하고, 도커 호스트는 패킷을 보지도 못합니다.',
      },
    },
  },
  {
    id: 'private',
    say: {
      en: 'A private address means nothing on the internet, even with the right port.',
      ko: '사설 IP는 포트가 맞아도 인터넷에서는 의미가 없습니다.',
    },
    packet: 'remote-private',
    ask: {
      q: {
        en: 'remote tries 192.168.0.10:8001. Where does it stop?',
        ko: 'remote가 192.168.0.10:8001로 보내면 어디서 멈출까요?',
      },
      choices: [
        {
          id: 'internet',
          label: { en: 'on the internet: no route to a private address', ko: '인터넷: 사설 IP로 가는 경로가 없다' },
          proof: { dropAt: 'internet' },
        },
        { id: 'router', label: { en: 'at the router', ko: '공유기' }, proof: { dropAt: 'router' } },
        { id: 'web', label: { en: 'web answers', ko: 'web이 답한다' }, proof: { ok: true } },
      ],
      answer: 'internet',
      why: {
        en: 'Thousands of homes use 192.168.0.10; the internet cannot know which one is meant, so it routes no private address and drops the packet.',
        ko: '192.168.0.10은 수많은 집에서 쓰는 주소라서 인터넷은 어느 것인지 알 수 없습니다. 그래서 사설 IP는 라우팅하지 않고 버립니다.',
      },
    },
  },
  {
    id: 'outbound',
    say: {
      en: 'Outbound: web looks up www.google.com (DNS turns the name into an address) and asks for its page. Nobody set NAT up for this; Docker and the router do it on their own.',
      ko: '아웃바운드: web이 www.google.com을 찾아(DNS가 이름을 IP로 바꿉니다) 페이지를 요청합니다. NAT는 아무도 설정하지 않았지만 도커와 공유기가 알아서 합니다.',
    },
    packet: 'web-google',
    ask: {
      q: { en: 'Which source address does google.com see?', ko: 'google.com이 보는 출발지 주소는?' },
      choices: [
        {
          id: 'ctr',
          label: { en: '172.17.0.2 (web)', ko: '172.17.0.2 (web)' },
          proof: { seenAt: { place: 'google.com', src: '172.17.0.2' } },
        },
        {
          id: 'host',
          label: { en: '192.168.0.10 (the Docker host)', ko: '192.168.0.10 (도커 호스트)' },
          proof: { seenAt: { place: 'google.com', src: '192.168.0.10' } },
        },
        {
          id: 'public',
          label: { en: '124.111.46.91 (the router)', ko: '124.111.46.91 (공유기)' },
          proof: { seenAt: { place: 'google.com', src: '124.111.46.91' } },
        },
      ],
      answer: 'public',
      why: {
        en: 'Two MASQUERADEs: Docker rewrites 172.17.0.2 to 192.168.0.10, the router rewrites 192.168.0.10 to 124.111.46.91. Each keeps a conntrack entry to undo it on the way back.',
        ko: 'MASQUERADE가 두 번 일어납니다. 도커가 172.17.0.2를 192.168.0.10으로, 공유기가 192.168.0.10을 124.111.46.91로 바꿉니다. 둘 다 conntrack 항목을 남겨 돌아오는 길에 되돌립니다.',
      },
    },
  },
];

/** Seed 000's bridges: names on a bridge of one's own, isolation between bridges, a container with no door. */
export const BRIDGE_STEPS: LessonStep[] = [
  {
    id: 'names',
    say: {
      en: 'On a bridge you create yourself, containers find each other by name: api asks Docker’s DNS at 127.0.0.11 for db.',
      ko: '직접 만든 브리지에서는 컨테이너 이름으로 서로를 찾습니다. api가 127.0.0.11의 도커 DNS에 db를 묻습니다.',
    },
    packet: 'api-db',
    ask: {
      q: { en: 'Does api reach db by name?', ko: 'api는 이름으로 db에 닿을까요?' },
      choices: [
        {
          id: 'yes',
          label: { en: 'yes, db answers at 172.18.0.3', ko: '네, db가 172.18.0.3에서 답한다' },
          proof: { ok: true, via: 'db' },
        },
        {
          id: 'no',
          label: { en: 'no, the name is unknown', ko: '아니요, 이름을 모른다' },
          proof: { summary: 'name not known' },
        },
      ],
      answer: 'yes',
      why: {
        en: 'Docker registers every container on a user-defined bridge under its name; the answer never leaves the container.',
        ko: '도커는 사용자 정의 브리지의 컨테이너를 이름으로 등록합니다. 이 질의는 컨테이너 밖으로 나가지도 않습니다.',
      },
    },
  },
  {
    id: 'isolated',
    say: {
      en: 'Containers on the same bridge talk; containers on different bridges do not.',
      ko: '같은 브리지의 컨테이너끼리는 통신하지만, 다른 브리지의 컨테이너와는 통신하지 못합니다.',
    },
    packet: 'api-web',
    ask: {
      q: {
        en: 'api (backend) pings web (docker0) at 172.17.0.2. Where does it stop?',
        ko: 'api(backend)가 web(docker0)의 172.17.0.2로 ping하면 어디서 멈출까요?',
      },
      choices: [
        {
          id: 'host',
          label: { en: 'at the Docker host, between the bridges', ko: '도커 호스트, 두 브리지 사이' },
          proof: { dropAt: 'docker-host' },
        },
        { id: 'web', label: { en: 'web answers', ko: 'web이 답한다' }, proof: { ok: true } },
        { id: 'router', label: { en: 'at the router', ko: '공유기' }, proof: { dropAt: 'router' } },
      ],
      answer: 'host',
      why: {
        en: 'The host could route between 172.18.0.0/16 and 172.17.0.0/16, but Docker’s isolation rules drop traffic from one bridge to another.',
        ko: '호스트는 172.18.0.0/16과 172.17.0.0/16 사이를 라우팅할 수 있지만, 도커의 격리 규칙이 브리지 사이의 트래픽을 버립니다.',
      },
    },
  },
  {
    id: 'db-closed',
    say: {
      en: 'db publishes nothing and the router forwards nothing to it: from the internet there is no door.',
      ko: 'db는 아무 포트도 공개하지 않았고 공유기도 포워딩하지 않습니다. 인터넷에서 들어올 문이 없습니다.',
    },
    packet: 'remote-5432',
    check: {
      say: { en: 'db has no published port.', ko: 'db에는 공개된 포트가 없습니다.' },
      line: "docker inspect -f '{{json .NetworkSettings.Ports}}' db",
      shows: '{"5432/tcp":null}',
    },
  },
];
