import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '../gql/graphql.js';
import { NODE_KINDS, RELATION_KINDS, RELATION_KIND_STYLE, approachName, nodeKindPlural, relationLabel } from '../graph/kinds.js';
import type { Controller, Session } from '../state/controller.js';
import {
  activeFilterCount,
  clearFilters,
  setYears,
  toggleNodeKind,
  toggleRelationKind,
  toggleValue,
  type ValueFilter,
} from '../state/filters/index.js';
import { formatNumber } from '../i18n/index.js';
import { KindSwatch } from './KindSwatch.js';

interface Props {
  controller: Controller;
  session: Session;
}

interface Option {
  id: string;
  name: string;
}

function ValueList({
  title,
  field,
  options,
  selected,
  onToggle,
  findLabel,
}: {
  title: string;
  field: ValueFilter;
  options: Option[];
  selected: readonly string[];
  onToggle(field: ValueFilter, id: string): void;
  /** The search field's name ("Find countries"); none, no search field. */
  findLabel?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const shown = q ? options.filter((o) => o.name.toLowerCase().includes(q.toLowerCase())) : options;
  return (
    <details className="filter-group" open={selected.length > 0}>
      <summary>
        {title}
        {selected.length > 0 && <span className="pill">{selected.length}</span>}
      </summary>
      {findLabel && (
        <input
          type="search"
          className="mini-search"
          placeholder={`${findLabel}…`}
          aria-label={findLabel}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      )}
      <div className="checklist" role="group" aria-label={title}>
        {shown.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={selected.includes(o.id)} onChange={() => onToggle(field, o.id)} /> {o.name}
          </label>
        ))}
        {shown.length === 0 && <p className="hint">{t('filters.noneMatch')}</p>}
      </div>
    </details>
  );
}

/** A year field that applies its value once it is a whole year (or empty), not at every keystroke. */
function YearInput({ which, value, onChange }: { which: 'from' | 'to'; value: number | null; onChange(v: number | null): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [prev, setPrev] = useState(value);
  if (prev !== value) {
    setPrev(value);
    setText(value === null ? '' : String(value));
  }
  return (
    <label>
      {which === 'from' ? t('filters.from') : t('filters.to')}{' '}
      <input
        type="number"
        min={1000}
        max={2999}
        inputMode="numeric"
        value={text}
        data-testid={`year-${which}`}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t === '') onChange(null);
          else if (/^\d{4}$/.test(t)) onChange(Number(t));
        }}
      />
    </label>
  );
}

/**
 * A kind's count beside its checkbox: in the overview (nothing of the graph drawn) how many the
 * graph holds; otherwise how many are drawn, and of how many in the graph once the API has said.
 */
function KindCount({ drawn, inGraph, overview }: { drawn: number; inGraph: number | null; overview: boolean }) {
  const { t } = useTranslation();
  if (overview || inGraph === null)
    return <span className="count">{overview && inGraph !== null ? formatNumber(inGraph) : formatNumber(drawn)}</span>;
  return (
    <span className="count" title={t('filters.countTitle', { drawn, total: inGraph })}>
      {formatNumber(drawn)}
      <span className="of"> / {formatNumber(inGraph)}</span>
    </span>
  );
}

/** Filters: kinds, relationship kinds, and the API's attribute filters; each shows what it hides. */
export function FilterPanel({ controller, session }: Props) {
  const { t } = useTranslation();
  const f = session.app.filters;
  const opts = session.options;
  // Each kind's count: how many are drawn and how many the graph holds (the overview draws none of them).
  const drawnByKind = new Map<NodeKind, number>();
  for (const n of session.visible.nodes) drawnByKind.set(n.kind, (drawnByKind.get(n.kind) ?? 0) + 1);
  const inGraphByKind = new Map(session.size?.nodesByKind.map((k) => [k.kind, k.count]) ?? []);
  const overview = session.scope === 'overview';
  const set = controller.setFilters.bind(controller);
  const onToggle = (field: ValueFilter, id: string) => set((x) => toggleValue(x, field, id));
  const hidden = session.visible.hidden;
  const active = activeFilterCount(f);
  const yearInput = (which: 'from' | 'to') => (
    <YearInput which={which} value={f.years[which]} onChange={(v) => set((x) => setYears(x, { ...x.years, [which]: v }))} />
  );

  return (
    <section className="filters" aria-labelledby="filters-title" data-testid="filters">
      <h2 id="filters-title">{t('filters.title')}</h2>
      <p className="filter-summary" role="status" data-testid="hidden-count">
        {hidden.total === 0 ? t('filters.nothingHidden') : t('filters.hide', { count: hidden.total })}
        {hidden.total > 0 && (
          <span className="hint">
            {' '}
            (
            {[
              hidden.byNodeKind && t('filters.byKind', { count: hidden.byNodeKind }),
              hidden.byAttributes && t('filters.byAttributes', { count: hidden.byAttributes }),
              hidden.byContext && t('filters.byContext', { count: hidden.byContext }),
            ]
              .filter(Boolean)
              .join(', ')}
            )
          </span>
        )}
        {active > 0 && (
          <button type="button" className="link" onClick={() => set(() => clearFilters())}>
            {t('filters.clearAll')}
          </button>
        )}
      </p>
      <details className="filter-group" open>
        <summary>{t('filters.nodeKinds')}</summary>
        <p className="hint" data-testid="kind-counts-hint">
          {overview || !session.size ? t('filters.countsInGraph') : t('filters.countsDrawn')}
        </p>
        <div className="checklist" role="group" aria-label={t('filters.nodeKindsShown')}>
          {NODE_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={!f.hiddenNodeKinds.includes(k)} onChange={() => set((x) => toggleNodeKind(x, k))} />
              <KindSwatch kind={k} /> {nodeKindPlural(k)}
              <KindCount drawn={drawnByKind.get(k) ?? 0} inGraph={inGraphByKind.get(k) ?? null} overview={overview} />
            </label>
          ))}
        </div>
      </details>
      <details className="filter-group">
        <summary>
          {t('filters.relationKinds')}
          {f.hiddenRelationKinds.length > 0 && (
            <span className="pill">{t('filters.relationKindsOff', { count: f.hiddenRelationKinds.length })}</span>
          )}
        </summary>
        <div className="checklist" role="group" aria-label={t('filters.relationKindsShown')}>
          {RELATION_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={!f.hiddenRelationKinds.includes(k)} onChange={() => set((x) => toggleRelationKind(x, k))} />
              <span
                className="line-swatch"
                style={{ borderTopColor: RELATION_KIND_STYLE[k].colour, borderTopStyle: RELATION_KIND_STYLE[k].lineStyle }}
                aria-hidden="true"
              />{' '}
              {relationLabel(k)}
            </label>
          ))}
        </div>
      </details>
      {!opts && <p className="hint">{t('filters.loadingChoices')}</p>}
      {opts && (
        <>
          <ValueList
            title={t('filters.countries')}
            field="countries"
            options={opts.countries.edges.map((e) => ({ id: e.node.code, name: e.node.name }))}
            selected={f.countries}
            onToggle={onToggle}
            findLabel={t('filters.findCountries')}
          />
          <ValueList
            title={t('filters.approaches')}
            field="approaches"
            options={opts.approaches.map((a) => ({ id: a.id, name: `${a.number}. ${approachName(a)}` }))}
            selected={f.approaches}
            onToggle={onToggle}
          />
          <ValueList
            title={t('filters.themes')}
            field="themes"
            options={opts.themes.edges.map((e) => e.node)}
            selected={f.themes}
            onToggle={onToggle}
            findLabel={t('filters.findThemes')}
          />
          <ValueList
            title={t('filters.networks')}
            field="networks"
            options={opts.networks.edges.map((e) => e.node)}
            selected={f.networks}
            onToggle={onToggle}
          />
          <ValueList
            title={t('filters.programs')}
            field="programs"
            options={opts.fundingPrograms.edges.map((e) => e.node)}
            selected={f.programs}
            onToggle={onToggle}
          />
        </>
      )}
      <details className="filter-group" open={f.years.from !== null || f.years.to !== null}>
        <summary>{t('filters.years')}</summary>
        <div className="years">
          {yearInput('from')}
          {yearInput('to')}
        </div>
        <p className="hint">{t('filters.yearsHint')}</p>
      </details>
    </section>
  );
}
