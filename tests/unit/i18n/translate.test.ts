import { describe, expect, it } from 'vitest';
import { addStrings, i18n, setLanguage, translator } from '../../../src/i18n/translate';

addStrings('en', {
  'test.hello': 'Hello {{name}}',
  'test.nested': '{{ who.name }} on {{net}}',
  'test.only': 'English only',
  'test.lines_one': '{{count}} line',
  'test.lines_other': '{{count}} lines',
  'test.plain': 'No plural forms: {{count}}',
});
addStrings('ko', { 'test.hello': '{{name}}님 안녕하세요', 'test.lines_other': '{{count}}줄' });

describe('translate: the lookups the app makes', () => {
  const en = translator('en');
  const ko = translator('ko');

  it('fills {{slots}} from the options, nested paths too; a slot without a value stays as written', () => {
    expect(en('test.hello', { name: 'web' })).toBe('Hello web');
    expect(en('test.nested', { who: { name: 'db' }, net: 'backend' })).toBe('db on backend');
    expect(en('test.hello')).toBe('Hello {{name}}');
    expect(en('test.hello', { other: 1 })).toBe('Hello {{name}}');
  });

  it('picks _one/_other by count with the language’s plural rules, else the plain key', () => {
    expect(en('test.lines', { count: 1 })).toBe('1 line');
    expect(en('test.lines', { count: 0 })).toBe('0 lines');
    expect(en('test.lines', { count: 3 })).toBe('3 lines');
    // Korean has one form ('other') for every number
    expect(ko('test.lines', { count: 1 })).toBe('1줄');
    expect(en('test.plain', { count: 2 })).toBe('No plural forms: 2');
  });

  it('reads a key Korean lacks from English, then defaultValue, then shows the key', () => {
    expect(ko('test.hello', { name: 'web' })).toBe('web님 안녕하세요');
    expect(ko('test.only')).toBe('English only');
    expect(en('test.missing', { defaultValue: 'fallback {{x}}', x: 1 })).toBe('fallback 1');
    expect(en('test.missing')).toBe('test.missing');
  });

  it('keeps a key already there unless told to overwrite it', () => {
    addStrings('en', { 'test.only': 'changed' });
    expect(en('test.only')).toBe('English only');
    addStrings('en', { 'test.only': 'changed' }, true);
    expect(en('test.only')).toBe('changed');
  });

  it('switching the language hands out a new lookup for it', () => {
    const before = i18n();
    setLanguage('ko');
    expect(i18n()).not.toBe(before);
    expect(i18n().language).toBe('ko');
    expect(i18n().t('test.hello', { name: 'a' })).toBe('a님 안녕하세요');
    setLanguage('ko');
    expect(i18n().language).toBe('ko');
    setLanguage('en');
    expect(i18n().t('test.hello', { name: 'a' })).toBe('Hello a');
  });
});
