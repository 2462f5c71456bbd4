/** UI strings of macvlan and ipvlan (network cards, the + Network form), en and ko. */
export const lowerStrings: Record<'en' | 'ko', Record<string, string>> = {
  en: {
    'node.lowerParent': 'on the LAN via {{parent}} · {{mode}}',
    'node.lowerIsolated': 'parent {{parent}}: no LAN',
    'dialog.parent': 'Parent interface (-o parent)',
    'dialog.mode': 'Mode',
    'dialog.gateway': 'Gateway',
    'dialog.ipRange': 'Container addresses (--ip-range)',
    'dialog.macvlanExplain':
      'Each container gets its own MAC and an address on the LAN itself: other machines reach it directly, with no NAT and no published ports. The host itself cannot reach it through eth0.',
    'dialog.ipvlanExplain':
      'Containers share eth0’s MAC. l2: addresses on the LAN, as with macvlan. l3: a subnet of its own that the host routes; the LAN router needs a route to it via the host.',
  },
  ko: {
    'node.lowerParent': '{{parent}}을 통해 LAN에 연결 · {{mode}}',
    'node.lowerIsolated': '부모 {{parent}}: LAN 없음',
    'dialog.parent': '부모 인터페이스 (-o parent)',
    'dialog.mode': '모드',
    'dialog.gateway': '게이트웨이',
    'dialog.ipRange': '컨테이너 주소 범위 (--ip-range)',
    'dialog.macvlanExplain':
      '컨테이너마다 자기 MAC과 LAN의 주소를 받습니다: 다른 머신이 NAT나 포트 공개 없이 바로 닿습니다. 호스트 자신은 eth0을 통해 닿지 못합니다.',
    'dialog.ipvlanExplain':
      '컨테이너들이 eth0의 MAC을 함께 씁니다. l2: macvlan처럼 LAN의 주소. l3: 호스트가 라우팅하는 별도 서브넷; LAN 라우터에 호스트를 거치는 경로가 필요합니다.',
  },
};
