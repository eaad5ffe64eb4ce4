/**
 * What text may enter the graph, wherever it comes from (seed files, imports, edits). Every name
 * and text must survive a round trip through each export format: XML 1.0 (GraphML, GEXF) cannot
 * hold control characters, lone surrogates or U+FFFE/U+FFFF, so they are refused, never silently
 * changed. Lengths are bounded so one record cannot bloat the graph, the search index or a page.
 * Documented in docs/data.md ("Text rules").
 */

/** The kinds of text field, each with its own limit and its own view of line breaks. */
export type TextField = 'name' | 'short' | 'long';

/** Maximum lengths, in UTF-16 code units (what JavaScript's `length` counts). */
export const TEXT_LIMITS: Readonly<Record<TextField, number>> = {
  /** name and each alternative name */
  name: 300,
  /** locator, role, authors, publisher, printed ratings */
  short: 1_000,
  /** description, note */
  long: 10_000,
};

/** Line breaks and tabs are allowed in long texts only; a name or a short text is one line. */
const ALLOWED_IN_LONG = new Set([0x09, 0x0a, 0x0d]);

function describe(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character of `text` that no field may hold, with its position (0-based) and a
 * description, or undefined:
 * C0 and C1 control characters (tab, line feed and carriage return are allowed in long texts),
 * DEL, a lone surrogate, U+FFFE or U+FFFF.
 */
export function forbiddenCharacter(text: string, field: TextField): { position: number; code: string } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { position: i, code: `a lone surrogate (${describe(c)})` };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { position: i, code: `a lone surrogate (${describe(c)})` };
    const control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    if ((control && !(field === 'long' && ALLOWED_IN_LONG.has(c))) || c === 0xfffe || c === 0xffff) {
      return { position: i, code: control ? `the control character ${describe(c)}` : `the non-character ${describe(c)}` };
    }
  }
  return undefined;
}

/** Why `text` may not be stored in a field of that kind (a message that says what to do), or undefined. */
export function textProblem(text: string, field: TextField): string | undefined {
  const limit = TEXT_LIMITS[field];
  if (text.length > limit) return `is ${text.length} characters long; at most ${limit} are allowed: shorten it`;
  const bad = forbiddenCharacter(text, field);
  if (bad) {
    return `contains ${bad.code} at position ${bad.position + 1}, which exports cannot hold: remove it${field === 'long' ? '' : ' (names and short texts are one line)'}`;
  }
  return undefined;
}
