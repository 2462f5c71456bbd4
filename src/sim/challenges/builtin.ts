import type { Challenge } from './schema';

/**
 * The challenges that ship with the app, drawn from the seed walkthroughs (/work/shared/seeds).
 * Each fails at its start and passes after its `solution` typed in the console (tests/unit/challenges).
 */
export const CHALLENGES: Challenge[] = [
  {
    id: 'dns-by-name',
    seed: '004',
    title: { en: 'Find containerB by name', ko: '이름으로 containerB 찾기' },
    task: {
      en: 'containerA and containerB run on the default bridge, where `ping containerB` finds no name. Make containerA reach containerB by name, without removing either.',
      ko: 'containerA와 containerB가 기본 bridge에서 실행 중이라 `ping containerB`가 이름을 찾지 못합니다. 둘 다 지우지 말고 containerA가 이름으로 containerB에 닿게 하세요.',
    },
    start: [
      'docker run -d --name containerA devwikirepo/pingbuntu',
      'docker run -d --name containerB devwikirepo/pingbuntu',
    ],
    goals: [{ kind: 'ping', from: 'containerA', to: 'containerB', expect: 'reach' }],
    hints: [
      {
        en: 'Docker’s DNS (127.0.0.11) answers container names on user-defined networks only.',
        ko: '도커 DNS(127.0.0.11)는 사용자 정의 네트워크에서만 컨테이너 이름에 답합니다.',
      },
    ],
    solution: [
      'docker network create second-bridge',
      'docker network connect second-bridge containerA',
      'docker network connect second-bridge containerB',
    ],
  },
  {
    id: 'publish-8080',
    seed: '004',
    title: { en: 'pc1 loads web on port 8080', ko: 'pc1에서 8080 포트로 web 열기' },
    task: {
      en: 'web (nginx) runs without -p, so pc1 cannot reach it. Make http://192.168.0.10:8080/ from pc1 answer with web’s page.',
      ko: 'web(nginx)이 -p 없이 실행 중이라 pc1에서 닿지 않습니다. pc1에서 http://192.168.0.10:8080/ 이 web의 페이지로 답하게 하세요.',
    },
    start: ['docker run -d --name web nginx'],
    goals: [
      { kind: 'http', from: 'pc1', url: 'http://192.168.0.10:8080/', expect: 'reach', servedBy: 'web' },
      { kind: 'ping', from: 'pc1', to: '172.17.0.2', expect: 'fail' },
    ],
    hints: [
      {
        en: 'A port is published when the container is created: `docker run -p HOST:CONTAINER`.',
        ko: '포트는 컨테이너를 만들 때 공개합니다: `docker run -p 호스트:컨테이너`.',
      },
    ],
    solution: ['docker rm -f web', 'docker run -d --name web -p 8080:80 nginx'],
  },
  {
    id: 'remote-through-router',
    seed: '000',
    title: { en: 'remote reaches web through the router', ko: 'remote가 공유기를 거쳐 web에 닿기' },
    task: {
      en: 'web is published on the Docker host’s port 8080; the internet sees only the router’s 124.111.46.91. Make http://124.111.46.91/ from remote reach web.',
      ko: 'web은 도커 호스트의 8080 포트로 공개되어 있고, 인터넷에서는 공유기의 124.111.46.91만 보입니다. remote에서 http://124.111.46.91/ 이 web에 닿게 하세요.',
    },
    start: ['docker run -d --name web -p 8080:80 nginx'],
    goals: [{ kind: 'http', from: 'remote', url: 'http://124.111.46.91/', expect: 'reach', servedBy: 'web' }],
    hints: [
      {
        en: 'The router forwards a public port to a LAN address: `@router portfwd add tcp PUBLIC LAN_IP PORT`.',
        ko: '공유기는 공인 포트를 LAN 주소로 전달합니다: `@router portfwd add tcp 공인포트 LAN_IP 포트`.',
      },
    ],
    solution: ['@router portfwd add tcp 80 192.168.0.10 8080'],
  },
  {
    id: 'private-db',
    seed: '001',
    title: { en: 'Keep db off the LAN', ko: 'db를 LAN에서 숨기기' },
    task: {
      en: 'db (postgres) is published on 5432, so pc1 can connect to it. Make db unreachable from pc1 and the internet, while web still reaches db by name.',
      ko: 'db(postgres)가 5432로 공개되어 pc1에서 접속할 수 있습니다. pc1과 인터넷에서는 db에 닿지 않게 하고, web은 여전히 이름으로 db에 닿게 하세요.',
    },
    start: [
      'docker network create app',
      'docker run -d --name web --network app -p 8080:80 nginx',
      'docker run -d --name db -p 5432:5432 --env POSTGRES_PASSWORD=secret postgres',
    ],
    goals: [
      { kind: 'isolated', from: 'pc1', to: 'db' },
      { kind: 'isolated', from: 'remote', to: 'db' },
      { kind: 'ping', from: 'web', to: 'db', expect: 'reach' },
      { kind: 'http', from: 'pc1', url: 'http://192.168.0.10:8080/', expect: 'reach', servedBy: 'web' },
    ],
    hints: [
      {
        en: 'Without -p nothing outside the host reaches a container; a shared user-defined network gives names.',
        ko: '-p가 없으면 호스트 밖에서는 컨테이너에 닿지 않고, 같은 사용자 정의 네트워크에 있으면 이름으로 찾습니다.',
      },
    ],
    solution: ['docker rm -f db', 'docker run -d --name db --network app --env POSTGRES_PASSWORD=secret postgres'],
  },
  {
    id: 'internal-backend',
    seed: '003',
    title: { en: 'A backend with no way out', ko: '밖으로 나갈 수 없는 백엔드' },
    task: {
      en: 'cache (redis) can reach google.com. Put it on a network with no way out, so it cannot reach the internet, while api still reaches cache by name and google.com too.',
      ko: 'cache(redis)가 google.com에 닿습니다. 밖으로 나가는 길이 없는 네트워크에 두어 인터넷에 닿지 않게 하고, api는 여전히 이름으로 cache에, 그리고 google.com에도 닿게 하세요.',
    },
    start: [
      'docker network create front',
      'docker run -d --name api --network front devwikirepo/pingbuntu',
      'docker run -d --name cache --network front redis',
    ],
    goals: [
      { kind: 'ping', from: 'cache', to: 'google.com', expect: 'fail' },
      { kind: 'ping', from: 'api', to: 'cache', expect: 'reach' },
      { kind: 'ping', from: 'api', to: 'google.com', expect: 'reach' },
    ],
    hints: [
      {
        en: '`docker network create --internal` makes a network with no gateway out; a container can be on two networks.',
        ko: '`docker network create --internal`은 밖으로 나가는 게이트웨이가 없는 네트워크를 만들고, 컨테이너는 네트워크 두 개에 붙을 수 있습니다.',
      },
    ],
    solution: [
      'docker network create --internal backend',
      'docker network connect backend cache',
      'docker network disconnect front cache',
      'docker network connect backend api',
    ],
  },
  {
    id: 'green-port',
    seed: '004',
    title: { en: 'Fix greenColorApp’s port', ko: 'greenColorApp의 포트 고치기' },
    task: {
      en: 'greenColorApp was run with -p 8004:3030, but the app listens on 3000: pc1 gets no page on 8004. Make http://192.168.0.10:8004/ from pc1 show the green page, and keep blue on 8003.',
      ko: 'greenColorApp을 -p 8004:3030으로 실행했지만 앱은 3000에서 수신 대기합니다: pc1에서 8004로 페이지가 오지 않습니다. pc1에서 http://192.168.0.10:8004/ 이 초록 페이지를 보여 주게 하고, blue는 8003에 그대로 두세요.',
    },
    start: [
      'docker run -d -p 8003:3000 --name blueColorApp --env COLOR=blue devwikirepo/envnodecolorapp',
      'docker run -d -p 8004:3030 --name greenColorApp --env COLOR=green devwikirepo/envnodecolorapp',
    ],
    goals: [
      { kind: 'http', from: 'pc1', url: 'http://192.168.0.10:8004/', expect: 'reach', body: 'green' },
      { kind: 'http', from: 'pc1', url: 'http://192.168.0.10:8003/', expect: 'reach', body: 'blue' },
    ],
    hints: [
      {
        en: '-p HOST:CONTAINER: the second number is the port the app listens on inside the container.',
        ko: '-p 호스트:컨테이너에서 두 번째 숫자는 컨테이너 안에서 앱이 수신 대기하는 포트입니다.',
      },
    ],
    solution: [
      'docker rm -f greenColorApp',
      'docker run -d -p 8004:3000 --name greenColorApp --env COLOR=green devwikirepo/envnodecolorapp',
    ],
  },
];

export function challengeById(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}
