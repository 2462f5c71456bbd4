import { addStrings } from './translate';

/**
 * UI strings of the editor and the Inspector's file list. They travel with those lazy chunks (not the
 * first paint's catalogue): importing this module adds them to the catalogues (translate.ts).
 */
const en: Record<string, string> = {
  'editor.title': 'Editor: {{path}} on {{where}}',
  'editor.on': 'on {{where}}',
  'editor.newFile': 'New file: created when you save',
  'editor.modified': 'Modified',
  'editor.save': 'Save',
  'editor.saveKeys': 'Save (Ctrl+S, or ^O as in nano)',
  'editor.close': 'Close',
  'editor.closeKeys': 'Close (Esc, or ^X as in nano)',
  'editor.download': 'Download',
  'editor.keys': 'Ctrl+S / ^O save · Esc / ^X close',
  'editor.wrote_one': '[ Wrote {{count}} line ]',
  'editor.wrote_other': '[ Wrote {{count}} lines ]',
  'editor.ask': 'Save modified buffer?',
  'editor.yes': 'Yes (Y)',
  'editor.no': 'No (N)',
  'editor.cancel': 'Cancel (Esc)',
  'editor.binary':
    'A binary file of {{size}} bytes (a packet capture written by tcpdump -w): download it and open it in Wireshark or with tcpdump -r.',
  'files.title': 'Files',
  'files.none': 'No files yet (write one with nano FILE, echo … > FILE or tcpdump -w FILE).',
  'files.open': 'Open',
  'files.openTitle': 'Open {{path}} in the editor',
  'files.download': 'Download',
  'files.downloadTitle': 'Download {{path}}',
  'files.bytes': '{{size}} B',
};

const ko: Record<string, string> = {
  'editor.title': '편집기: {{where}} · {{path}}',
  'editor.on': '({{where}})',
  'editor.newFile': '새 파일: 저장하면 만들어집니다',
  'editor.modified': '수정됨',
  'editor.save': '저장',
  'editor.saveKeys': '저장 (Ctrl+S, nano처럼 ^O)',
  'editor.close': '닫기',
  'editor.closeKeys': '닫기 (Esc, nano처럼 ^X)',
  'editor.download': '내려받기',
  'editor.keys': 'Ctrl+S / ^O 저장 · Esc / ^X 닫기',
  'editor.wrote_one': '[ {{count}}줄 저장함 ]',
  'editor.wrote_other': '[ {{count}}줄 저장함 ]',
  'editor.ask': '바뀐 내용을 저장할까요?',
  'editor.yes': '예 (Y)',
  'editor.no': '아니요 (N)',
  'editor.cancel': '취소 (Esc)',
  'editor.binary':
    '{{size}}바이트짜리 바이너리 파일입니다 (tcpdump -w가 쓴 패킷 캡처). 내려받아 Wireshark나 tcpdump -r로 여세요.',
  'files.title': '파일',
  'files.none': '아직 파일이 없습니다 (nano FILE, echo … > FILE, tcpdump -w FILE로 만들 수 있습니다).',
  'files.open': '열기',
  'files.openTitle': '편집기에서 열기: {{path}}',
  'files.download': '내려받기',
  'files.downloadTitle': '내려받기: {{path}}',
  'files.bytes': '{{size}} B',
};

export const fileStrings: { en: Record<string, string>; ko: Record<string, string> } = { en, ko };

for (const lng of ['en', 'ko'] as const) addStrings(lng, fileStrings[lng]);
