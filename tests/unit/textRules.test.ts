import { describe, expect, it } from 'vitest';
import { forbiddenCharacter, textProblem } from '../../server/src/domain/textRules.js';

describe('text rules', () => {
  it('accepts ordinary text in any script, emoji (surrogate pairs) included', () => {
    for (const text of ['Roeselare', 'Bağcılar', 'São Paulo', '北京', 'Αθήνα', 'party 🎉 time']) {
      expect(textProblem(text, 'name')).toBeUndefined();
    }
  });

  it('refuses NUL, ESC, DEL and C1 controls, naming the character and its position (1-based)', () => {
    expect(textProblem('ab\u0000c', 'name')).toBe(
      'contains the control character U+0000 at position 3, which exports cannot hold: remove it (names and short texts are one line)',
    );
    expect(forbiddenCharacter('x\u001b[31m', 'long')).toEqual({ position: 1, code: 'the control character U+001B' });
    expect(forbiddenCharacter('\u007f', 'short')?.code).toBe('the control character U+007F');
    expect(forbiddenCharacter('a\u0085', 'long')?.code).toBe('the control character U+0085');
  });

  it('refuses lone surrogates and the XML non-characters U+FFFE/U+FFFF', () => {
    expect(forbiddenCharacter('a\ud800b', 'name')).toEqual({ position: 1, code: 'a lone surrogate (U+D800)' });
    expect(forbiddenCharacter('\udc00', 'name')).toEqual({ position: 0, code: 'a lone surrogate (U+DC00)' });
    expect(forbiddenCharacter('end\ud83d', 'name')?.position).toBe(3);
    expect(forbiddenCharacter('\ufffe', 'long')?.code).toBe('the non-character U+FFFE');
  });

  it('allows tab and line breaks in long texts only', () => {
    expect(textProblem('line one\r\nline\ttwo', 'long')).toBeUndefined();
    expect(forbiddenCharacter('two\nlines', 'name')).toEqual({ position: 3, code: 'the control character U+000A' });
    expect(forbiddenCharacter('a\tb', 'short')?.position).toBe(1);
  });

  it('bounds lengths: 300 for names, 1,000 for short texts, 10,000 for long ones', () => {
    expect(textProblem('n'.repeat(300), 'name')).toBeUndefined();
    expect(textProblem('n'.repeat(301), 'name')).toBe('is 301 characters long; at most 300 are allowed: shorten it');
    expect(textProblem('s'.repeat(1000), 'short')).toBeUndefined();
    expect(textProblem('s'.repeat(1001), 'short')).toMatch(/^is 1001 characters long; at most 1000/);
    expect(textProblem('l'.repeat(10_000), 'long')).toBeUndefined();
    expect(textProblem('l'.repeat(100_000), 'long')).toMatch(/^is 100000 characters long/);
  });
});
