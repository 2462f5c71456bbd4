/**
 * The Korean of the comment lines in the lesson scenes' scripts (src/sim/scenes.ts and
 * src/sim/lessons): loading a lesson echoes them in the console, which in the Korean UI showed
 * them in English. Keyed by the English line; the commands themselves stay as typed.
 */
const ko: Record<string, string> = {
  '# seed 004: a user-defined bridge with its own subnet, and two containers on it':
    '# 시드 004: 서브넷을 지정한 사용자 정의 브리지와 그 위의 컨테이너 두 개',
  '# seed 004: nginx without and with -p 8001:80, the colour apps and the yellow port conflict':
    '# 시드 004: -p 없는 nginx와 -p 8001:80을 준 nginx, 색깔 앱들과 노란 앱의 포트 충돌',
  '# seed 000: a web container published on 8001, and the home router forwarding public port 80 to it':
    '# 시드 000: 8001로 공개한 web 컨테이너, 그리고 공인 포트 80을 그리로 포트포워딩하는 공유기',
  '# seed 000: web on docker0, and a bridge of our own where api and db talk by name':
    '# 시드 000: docker0의 web, 그리고 api와 db가 이름으로 통신하는 직접 만든 브리지',
  '# seed 002: a container on docker0, a network made first, then two compose projects that both declare it external':
    '# 시드 002: docker0의 컨테이너 하나, 먼저 만든 네트워크, 그 네트워크를 둘 다 external로 선언한 컴포즈 프로젝트 두 개',
  '# seed 004 on Docker Desktop for Windows: the Docker Engine runs in a VM inside pc1':
    '# Windows용 Docker Desktop에서 시드 004: 도커 엔진은 pc1 안의 VM에서 돈다',
  '# -p together with --network host: Docker prints a warning':
    '# -p와 --network host를 함께 쓰면 도커가 경고를 출력한다',
  '# two containers on the default bridge (docker0)': '# 기본 브리지(docker0)의 컨테이너 두 개',
  '# web published on 8080, and a client container with curl':
    '# 8080으로 공개한 web, 그리고 curl이 있는 client 컨테이너',
  '# api gets 172.18.0.3, is stopped, worker takes the free address, api starts again':
    '# api가 172.18.0.3을 받고 멈춘 사이 worker가 빈 주소를 가져가고, api가 다시 시작한다',
  '# the same host port twice': '# 같은 호스트 포트를 두 번',
  '# seed 001: two containers on my-network (docker-host), a web server on docker-host-2':
    '# 시드 001: my-network(docker-host)의 컨테이너 두 개, docker-host-2의 웹 서버',
  '# seed 001 §3: docker swarm init, two more nodes join with the token it printed':
    '# 시드 001 §3: docker swarm init, 출력된 토큰으로 노드 두 개가 더 참여한다',
  "# the seed's own line: one task, so docker-host-2 and -3 run none of it":
    '# 시드에 있는 그대로: 태스크가 하나뿐이라 docker-host-2와 -3에는 실행되는 태스크가 없다',
  '# seed 003: one web server per driver': '# 시드 003: 드라이버마다 웹 서버 하나',
  '# seed 003: ipvlan in l3 mode, its own subnet behind eth0': '# 시드 003: l3 모드 ipvlan, eth0 뒤의 자체 서브넷',
};

/** A scene's script line as the console echoes it in `lang`: comments translated, commands as typed. */
export function sceneLine(line: string, lang: string): string {
  return lang === 'ko' && line.startsWith('#') ? (ko[line] ?? line) : line;
}

/** Every comment line the Korean map knows (a test checks each scene's comments are there). */
export const koSceneComments: Readonly<Record<string, string>> = ko;
