/**
 * Korean particles after a name the text does not know in advance. A template writes the pair
 * (`이(가)`, `은(는)`, `을(를)`, `(으)로`, `(이)라는`, `과(와)`) and `resolveParticles` picks the
 * one the word before it takes, reading Latin names and numbers as a Korean speaker says them:
 * "web" 웹 → web이, "router" 라우터 → router가, "eth0" 이스영 → eth0으로, "pc1" 피시일 → pc1로,
 * "10.0.0.3" 삼 → 10.0.0.3은, "containerB" 비 → containerB는. When the word cannot be read
 * (a symbol), the pair stays as written, which is what Korean software prints anyway.
 */

/** How a word ends when spoken: a vowel, the consonant ㄹ, or another final consonant. */
type Ending = 'vowel' | 'rieul' | 'consonant';

/** Korean readings of the digits' last syllable: 영 일 이 삼 사 오 육 칠 팔 구. */
const DIGIT: Ending[] = [
  'consonant',
  'rieul',
  'vowel',
  'consonant',
  'vowel',
  'vowel',
  'consonant',
  'rieul',
  'rieul',
  'vowel',
];

/** Letter names: 엘 알 end in ㄹ, 엠 엔 in a consonant, the rest (에이, 비, 씨 …) in a vowel. */
function letterEnding(ch: string): Ending {
  const c = ch.toLowerCase();
  if (c === 'l' || c === 'r') return 'rieul';
  if (c === 'm' || c === 'n') return 'consonant';
  return 'vowel';
}

/** A lowercase English word as it is borrowed into Korean (구글, 웹, 인터넷, 라우터, 호스트). */
function wordEnding(w: string): Ending {
  if (/(l|gle)$/.test(w)) return 'rieul';
  if (/(m|n|ng|b|p|ck|[aeiou]t)$/.test(w)) return 'consonant';
  return 'vowel';
}

function hangulEnding(code: number): Ending {
  const final = (code - 0xac00) % 28;
  if (final === 0) return 'vowel';
  return final === 8 ? 'rieul' : 'consonant';
}

/** How the text before `end` ends when read aloud, or null when it cannot be read. */
export function endingBefore(text: string, end: number): Ending | null {
  let i = end;
  // a particle agrees with the word before an aside or a closing quote: “name”을, 주소(web)로
  while (i > 0) {
    const c = text[i - 1];
    if ('”"’\''.includes(c)) i--;
    else if (c === ')') {
      const open = text.lastIndexOf('(', i - 2);
      if (open <= 0) return null;
      i = open;
    } else break;
  }
  const ch = text[i - 1];
  if (!ch) return null;
  const code = ch.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return hangulEnding(code);
  if (/[0-9]/.test(ch)) {
    // 10 십, 80 팔십, 100 백, 8000 팔천, 0 영: a number ending in zero ends in a consonant
    return DIGIT[Number(ch)];
  }
  if (!/[A-Za-z]/.test(ch)) return null;
  let s = i;
  while (s > 0 && /[A-Za-z]/.test(text[s - 1])) s--;
  const word = text.slice(s, i);
  const afterDigit = s > 0 && /[0-9]/.test(text[s - 1]);
  // single letters, short acronyms (DNS, NAT, TTL) and hex runs (c1e1, fd:bf) are spelt out;
  // longer capitals are words (DOCKER 도커, NXDOMAIN 엔엑스도메인)
  const acronym = word === word.toUpperCase() && word.length <= 4;
  if (word.length <= 2 || afterDigit || acronym || !/[aeiouy]/i.test(word)) return letterEnding(word[word.length - 1]);
  // containerB: a capital after lowercase is a letter of its own
  if (/[a-z][A-Z]$/.test(word)) return letterEnding(word[word.length - 1]);
  return wordEnding(word.toLowerCase());
}

const PAIRS: { pair: string; pick: (e: Ending) => string }[] = [
  { pair: '이(가)', pick: (e) => (e === 'vowel' ? '가' : '이') },
  { pair: '은(는)', pick: (e) => (e === 'vowel' ? '는' : '은') },
  { pair: '을(를)', pick: (e) => (e === 'vowel' ? '를' : '을') },
  { pair: '과(와)', pick: (e) => (e === 'vowel' ? '와' : '과') },
  { pair: '(으)로', pick: (e) => (e === 'consonant' ? '으로' : '로') },
  { pair: '(이)라는', pick: (e) => (e === 'vowel' ? '라는' : '이라는') },
];

/**
 * Replaces every particle pair in a Korean sentence by the particle its preceding word takes.
 * @example resolveParticles('프레임이 eth0(으)로 나갑니다.') // '프레임이 eth0으로 나갑니다.'
 * @example resolveParticles('router이(가) 응답합니다') // 'router가 응답합니다'
 */
export function resolveParticles(text: string): string {
  let out = text;
  for (const { pair, pick } of PAIRS) {
    let from = 0;
    for (;;) {
      const at = out.indexOf(pair, from);
      if (at < 0) break;
      const e = endingBefore(out, at);
      const word = e ? pick(e) : pair;
      out = out.slice(0, at) + word + out.slice(at + pair.length);
      from = at + word.length;
    }
  }
  return out;
}
