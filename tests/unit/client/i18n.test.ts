import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_KINDS, RELATION_KINDS, nodeKindLabel, partnershipTypeLabel, relationLabel } from '../../../client/src/graph/kinds.js';
import { explainError } from '../../../client/src/api/client.js';
import { applyLanguage, formatDate, formatNumber, i18n, NAMESPACES, resources, t } from '../../../client/src/i18n/index.js';
import { detectLanguage, LANGUAGES, langOfTag, type Lang } from '../../../client/src/i18n/languages.js';
import { describeVia, formatScore } from '../../../client/src/state/analysis/index.js';
import { findUntranslated, scanFiles, sourceFiles } from './uiLiterals.js';

/** The catalogues flattened: "toolbar.showAll" → its text. */
function flatten(obj: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Per key without its plural suffix: the plural forms present (none for a plain key) and the texts. */
function entries(lang: Lang, ns: (typeof NAMESPACES)[number]) {
  const byBase = new Map<string, { forms: Set<string>; texts: string[] }>();
  for (const [key, text] of flatten(resources[lang][ns])) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    const e = byBase.get(base) ?? { forms: new Set<string>(), texts: [] };
    if (m) e.forms.add(m[1]!);
    e.texts.push(text);
    byBase.set(base, e);
  }
  return byBase;
}

/** The interpolation variables ({{name}}, {{count, number}}) and the Trans tags (<showAll>) a text uses. */
const placeholders = (texts: readonly string[]) =>
  [
    ...new Set(
      texts.flatMap((s) => [
        ...[...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => `{{${m[1]}}}`),
        ...[...s.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`),
      ]),
    ),
  ].sort();

describe('message catalogues', () => {
  for (const ns of NAMESPACES) {
    const en = entries('en', ns);

    it(`${ns}: every language has the same keys as English, none empty`, () => {
      expect(en.size).toBeGreaterThan(10);
      for (const lang of LANGUAGES) {
        const other = entries(lang, ns);
        expect([...other.keys()].sort(), `${lang}/${ns}.json`).toEqual([...en.keys()].sort());
        for (const [key, e] of other)
          expect(
            e.texts.every((s) => s.trim().length > 0),
            `${lang} ${ns}:${key}`,
          ).toBe(true);
      }
    });

    it(`${ns}: every language has the plural forms its rules need, and the same variables as English`, () => {
      for (const lang of LANGUAGES) {
        const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        for (const [key, e] of entries(lang, ns)) {
          if (e.forms.size > 0) expect([...e.forms].sort(), `${lang} ${ns}:${key} plural forms`).toEqual([...needed].sort());
          expect(placeholders(e.texts), `${lang} ${ns}:${key} variables`).toEqual(placeholders(en.get(key)!.texts));
        }
      }
    });
  }

  it('French needs the "many" form (1 000 000 de nœuds), Dutch and English do not', () => {
    expect(new Intl.PluralRules('fr').resolvedOptions().pluralCategories).toContain('many');
    expect(entries('fr', 'ui').get('count.nodes')!.forms).toEqual(new Set(['one', 'many', 'other']));
    expect(entries('nl', 'ui').get('count.nodes')!.forms).toEqual(new Set(['one', 'other']));
  });

  it('names every node kind, relationship kind and partnership type in each language, none the key itself', () => {
    for (const lang of LANGUAGES) {
      applyLanguage(lang);
      for (const k of NODE_KINDS) expect(nodeKindLabel(k)).not.toMatch(/^domain:|_/);
      for (const k of RELATION_KINDS) expect(relationLabel(k)).not.toMatch(/^domain:|_/);
      expect(partnershipTypeLabel(null)).not.toMatch(/^domain:/);
    }
  });
});

describe('the active language', () => {
  afterEach(() => applyLanguage('en'));

  it('words kinds, relationships and plurals in it, and writes numbers its way', () => {
    applyLanguage('nl');
    expect(nodeKindLabel('MUNICIPALITY')).toBe('Gemeente');
    expect(partnershipTypeLabel('CITY_TO_CITY')).toBe('stedenband');
    expect(t('count.nodes', { count: 1 })).toBe('1 knoop');
    expect(t('count.nodes', { count: 1234 })).toBe('1.234 knopen');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatScore(0.4217)).toBe('0,42');
    applyLanguage('fr');
    expect(nodeKindLabel('MUNICIPALITY')).toBe('Commune');
    expect(partnershipTypeLabel('TWINNING')).toBe('jumelage');
    expect(t('count.nodes', { count: 0 })).toBe('0 nœud');
    expect(t('count.nodes', { count: 1_000_000 })).toBe('1\u202f000\u202f000 de nœuds');
    applyLanguage('en');
    expect(t('count.nodes', { count: 1234 })).toBe('1,234 nodes');
    expect(formatScore(12.345)).toBe('12.3');
  });

  it('words API errors and dates in it', () => {
    applyLanguage('fr');
    expect(explainError('NOT_FOUND', undefined, ['x', 'y'])).toBe(
      "L'atlas n'a pas de nœud avec l'identifiant « x », « y ». Le lien est peut-être ancien ou mal saisi : cherchez-le plutôt par son nom.",
    );
    expect(formatDate('2026-12-01T08:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('1 décembre 2026');
    applyLanguage('nl');
    expect(explainError('HTTP', 'HTTP 502')).toBe(
      'De atlasserver antwoordde met een fout (HTTP 502). Probeer opnieuw; blijft het gebeuren, meld het dan.',
    );
    expect(formatDate('2026-12-01T08:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('1 december 2026');
    applyLanguage('en');
    expect(explainError('SERVICE_UNAVAILABLE', undefined)).toBe(
      'The database behind the atlas is not reachable right now. Wait a moment and try again.',
    );
  });

  it('reads a path in it', () => {
    const path = {
      nodes: [
        { id: 'a', name: 'Roeselare' },
        { id: 'p', name: 'Platforma' },
        { id: 'b', name: 'Dogbo' },
      ],
      relations: [
        { kind: 'MEMBER_OF' as const, source: 'a' },
        { kind: 'MEMBER_OF' as const, source: 'b' },
      ],
    };
    expect(describeVia(path)).toBe('via Platforma, which has member Roeselare and has member Dogbo');
    applyLanguage('fr');
    expect(describeVia(path)).toBe('via Platforma, qui a pour membre Roeselare et a pour membre Dogbo');
    expect(i18n.language).toBe('fr');
  });
});

describe('language detection', () => {
  it('takes ?lang=, else the stored choice, else the first browser language it has, else English', () => {
    expect(detectLanguage({ param: 'fr', stored: 'nl', browser: ['en-US'] })).toBe('fr');
    expect(detectLanguage({ param: 'de', stored: 'nl', browser: ['fr-BE'] })).toBe('nl');
    expect(detectLanguage({ param: null, stored: 'xx', browser: ['de-DE', 'fr-BE', 'nl'] })).toBe('fr');
    expect(detectLanguage({ browser: ['nl-BE'] })).toBe('nl');
    expect(detectLanguage({ browser: ['de', 'es'] })).toBe('en');
    expect(detectLanguage({})).toBe('en');
    expect(langOfTag('FR_be')).toBe('fr');
    expect(langOfTag('')).toBeNull();
  });
});

describe('UI strings outside the catalogues', () => {
  const clientSrc = fileURLToPath(new URL('../../../client/src', import.meta.url));

  it('finds none in the explorer (client/src but the generated GraphQL types and the benchmark page)', () => {
    const files = sourceFiles(clientSrc, ['gql', 'bench', 'i18n']);
    expect(files.length).toBeGreaterThan(40);
    expect(scanFiles(files, clientSrc)).toEqual([]);
  });

  it('would find JSX text, visible attributes, shown literals and prompts; not keys, symbols, comparisons or class names', () => {
    const source = `
      export const A = ({ on, n }: { on: boolean; n: number }) => (
        <div className="toolbar" title="Copy a link" data-testid="status">
          Show all
          <button aria-label={on ? 'Zoom in' : t('zoom.out')}>+</button>
          {on ? t('toolbar.showAll') : 'Hide all'}
          {\`\${n} nodes\`}
          {n === 1 && <span>{t('x')}</span>}
          {panel === 'graph' && <b>−</b>}
          <input placeholder={\`\${label}…\`} value="graph" />
          <Trans components={{ link: <a title="Open it" /> }} />
        </div>
      );
      window.prompt('Copy this link:', url);
    `;
    expect(findUntranslated('sample.tsx', source).map((f) => f.text)).toEqual([
      '"Copy a link"',
      'Show all',
      "'Zoom in'",
      "'Hide all'",
      '`${n} nodes`',
      '"Open it"',
      "'Copy this link:'",
    ]);
  });
});
