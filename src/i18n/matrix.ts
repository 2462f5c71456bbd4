import { addStrings } from './translate';

/**
 * Strings of the "who can talk to whom" matrix. They travel with its lazy chunk (not the first
 * paint's catalogue): importing this module adds them to the catalogues (translate.ts).
 */
const en: Record<string, string> = {
  'matrix.title': 'Who can talk to whom',
  'matrix.intro':
    'Each cell sends one packet from the row to the column in this World, through the same engine as the console. Choose a cell to play its packet.',
  'matrix.mode': 'Packet',
  'matrix.mode.ping': 'ping',
  'matrix.mode.http': 'HTTP (ports it listens on)',
  'matrix.corner': 'from ↓  to →',
  'matrix.computing': 'Sending packets… {{done}} of {{total}} rows',
  'matrix.done': '{{count}} cells, worked out in {{ms}} ms',
  'matrix.legend': 'Legend',
  'matrix.legend.ok': '✓ reaches',
  'matrix.legend.fail': '✗ does not reach (the reason follows)',
  'matrix.legend.none': '— nothing listens on TCP',
  'matrix.legend.self': '· itself',
  'matrix.cell.ok': '✓',
  'matrix.cell.fail': '✗ {{why}}',
  'matrix.cell.none': '—',
  'matrix.cell.wait': '…',
  'matrix.cellLabel': '{{from}} to {{to}}, {{mode}}: {{result}}',
  'matrix.result.ok': 'reaches {{target}}',
  'matrix.result.fail': 'does not reach: {{why}}',
  'matrix.result.none': 'nothing listens on TCP',
  'matrix.details': 'Tried',
  'matrix.detailsEmpty': 'Move to a cell (arrow keys or the mouse) to see every address tried and why it failed.',
  'matrix.play': 'Play this packet',
  'matrix.probeOk': '{{line}}: {{summary}}',
  'matrix.short.no-route': 'no route',
  'matrix.short.isolated': 'isolated',
  'matrix.short.icc': 'icc off',
  'matrix.short.internal': 'internal',
  'matrix.short.not-published': 'not published',
  'matrix.short.refused': 'refused',
  'matrix.short.no-arp': 'no ARP reply',
  'matrix.short.no-name': 'no name',
  'matrix.short.paused': 'paused',
  'matrix.short.not-routed': 'not routed',
  'matrix.short.other': 'no answer',
  'matrix.networks': 'Networks on the canvas',
  'matrix.networksHint':
    'Hide a network to declutter the canvas; its containers stay. This is a setting of this browser, not of the World.',
  'matrix.showNetwork': 'Show {{name}} ({{subnet}})',
  'matrix.close': 'Close',
};

const ko: Record<string, string> = {
  'matrix.title': '누가 누구와 통신할 수 있나',
  'matrix.intro':
    '각 칸은 이 World에서 행의 장비가 열의 장비로 패킷 하나를 보낸 결과이며, 콘솔과 같은 엔진으로 계산합니다. 칸을 고르면 그 패킷을 재생합니다.',
  'matrix.mode': '패킷',
  'matrix.mode.ping': 'ping',
  'matrix.mode.http': 'HTTP(수신 대기 중인 포트)',
  'matrix.corner': '보내는 쪽 ↓  받는 쪽 →',
  'matrix.computing': '패킷을 보내는 중… 행 {{total}}개 중 {{done}}개',
  'matrix.done': '칸 {{count}}개, {{ms}} ms에 계산',
  'matrix.legend': '범례',
  'matrix.legend.ok': '✓ 닿음',
  'matrix.legend.fail': '✗ 닿지 않음(이유를 함께 표시)',
  'matrix.legend.none': '— TCP로 수신 대기하는 것이 없음',
  'matrix.legend.self': '· 자기 자신',
  'matrix.cell.ok': '✓',
  'matrix.cell.fail': '✗ {{why}}',
  'matrix.cell.none': '—',
  'matrix.cell.wait': '…',
  'matrix.cellLabel': '{{from}}에서 {{to}}(으)로, {{mode}}: {{result}}',
  'matrix.result.ok': '{{target}}에 닿음',
  'matrix.result.fail': '닿지 않음: {{why}}',
  'matrix.result.none': 'TCP로 수신 대기하는 것이 없음',
  'matrix.details': '시도한 주소',
  'matrix.detailsEmpty': '칸으로 이동하면(화살표 키나 마우스) 시도한 모든 주소와 실패한 이유를 보여 줍니다.',
  'matrix.play': '이 패킷 재생',
  'matrix.probeOk': '{{line}}: {{summary}}',
  'matrix.short.no-route': '경로 없음',
  'matrix.short.isolated': '네트워크 격리',
  'matrix.short.icc': 'icc 꺼짐',
  'matrix.short.internal': '내부 전용',
  'matrix.short.not-published': '공개 안 됨',
  'matrix.short.refused': '연결 거부',
  'matrix.short.no-arp': 'ARP 응답 없음',
  'matrix.short.no-name': '이름 없음',
  'matrix.short.paused': '일시 정지',
  'matrix.short.not-routed': '전달 안 함',
  'matrix.short.other': '응답 없음',
  'matrix.networks': '캔버스에 보이는 네트워크',
  'matrix.networksHint':
    '네트워크를 숨기면 캔버스가 단순해지고 컨테이너는 그대로 남습니다. World가 아니라 이 브라우저의 설정입니다.',
  'matrix.showNetwork': '{{name}} 보이기({{subnet}})',
  'matrix.close': '닫기',
};

export const matrixStrings = { en, ko };

for (const lng of ['en', 'ko'] as const) addStrings(lng, matrixStrings[lng]);
