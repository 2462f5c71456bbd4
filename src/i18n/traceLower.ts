/** Trace texts of macvlan and ipvlan (src/sim/net/lanAttach.ts), en and ko; merged by trace.ts. */
export const lowerTrace: Record<'en' | 'ko', Record<string, string>> = {
  en: {
    'drop.lower-parent':
      '{host}’s {parent} never reaches the containers of {network}. {parent} is the parent of this {driver} network, and the kernel never passes frames between a parent interface and its own {driver} links, so the containers and {host} cannot hear each other through {parent}. The usual fix is a macvlan “shim” on the host: ip link add mac0 link {parent} type macvlan mode bridge, an address on it, and a route to the containers through mac0.',
    'ipvlan.l3-out':
      '{node} is on the ipvlan l3 network {network}: its {dev} sends no ARP (NOARP). The packet goes straight down to the parent {parent}, and {host} routes it with its own table.',
    'ipvlan.l3-in':
      'The packet for {dst} reaches {host}’s {parent}, the parent of the ipvlan l3 network {network}: the ipvlan driver hands it to {node} before {host}’s own IP stack sees it.',
  },
  ko: {
    'drop.lower-parent':
      '{host}의 {parent}은(는) {network}의 컨테이너에 닿지 못합니다. {parent}은(는) 이 {driver} 네트워크의 부모 인터페이스이고, 커널은 부모 인터페이스와 그 {driver} 링크 사이에 프레임을 전달하지 않으므로, 컨테이너들과 {host}은(는) {parent}을(를) 통해 서로 닿지 않습니다. 흔한 해결책은 호스트에 macvlan "shim"을 두는 것입니다: ip link add mac0 link {parent} type macvlan mode bridge, 그 인터페이스에 주소를 주고, 컨테이너로 가는 경로를 mac0으로 잡습니다.',
    'ipvlan.l3-out':
      '{node}은(는) ipvlan l3 네트워크 {network}에 있습니다: {dev}은(는) ARP를 보내지 않습니다(NOARP). 패킷은 곧바로 부모 {parent}(으)로 내려가고, {host}이(가) 자기 라우팅 테이블로 보냅니다.',
    'ipvlan.l3-in':
      '{dst}(으)로 가는 패킷이 ipvlan l3 네트워크 {network}의 부모인 {host}의 {parent}에 도착합니다: ipvlan 드라이버가 {host}의 IP 스택보다 먼저 이 패킷을 {node}에게 넘깁니다.',
  },
};
