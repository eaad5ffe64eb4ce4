import { useEffect, useId, useMemo, useRef, useState } from 'react';
import * as api from '../api/graphApi.js';
import { ApiError } from '../api/client.js';
import type { NeighbourSortField, NodeKind, RelationKind, SortDirection } from '../gql/graphql.js';
import { nodeKindLabel, relationLabel } from '../graph/kinds.js';
import { formatNumber } from '../i18n/index.js';
import type { Controller, Session } from '../state/controller.js';
import { useTranslation } from 'react-i18next';
import { KindSwatch } from './KindSwatch.js';

/** Rows on one page of the table, and how many "add the next" adds. */
export const TABLE_PAGE = 50;
export const NEXT_BATCH = 100;

interface Query {
  text: string;
  kind: NodeKind | '';
  relation: RelationKind | '';
  country: string;
  sort: { field: NeighbourSortField; direction: SortDirection };
}

const COLUMNS: { field: NeighbourSortField; label: 'kind' | 'country' | 'name' | 'degree' }[] = [
  { field: 'KIND', label: 'kind' },
  { field: 'COUNTRY', label: 'country' },
  { field: 'NAME', label: 'name' },
  { field: 'DEGREE', label: 'degree' },
];

const filterOf = (q: Query, expandedKinds: RelationKind[] | null) => ({
  text: q.text.trim() || null,
  nodeKinds: q.kind ? [q.kind] : null,
  // The expansion's own kinds bound the table; a chosen kind narrows it.
  relationKinds: q.relation ? [q.relation] : expandedKinds,
  countries: q.country ? [q.country] : null,
});

/**
 * The neighbour table of a hub: every neighbour, paged by the API (kind, country, name, degree),
 * sortable by each column, filtered by name, kind, relationship kind and country with the counts
 * of each, from which the user adds a selection, the next 100 not drawn (in the table's order),
 * or all that match. A real table: sort buttons in the headers with aria-sort, checkboxes per row,
 * loading and empty states said in a live region, Escape closes.
 */
export function NeighbourTable({
  controller,
  session,
  id,
  onClose,
}: {
  controller: Controller;
  session: Session;
  id: string;
  onClose(): void;
}) {
  const { t } = useTranslation(['ui', 'messages']);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const name = session.data.nodes.get(id)?.name ?? id;
  const expandedKinds = session.app.view.expanded.find((e) => e.id === id)?.kinds ?? null;
  const kindsKey = JSON.stringify(expandedKinds);
  const [query, setQuery] = useState<Query>({
    text: '',
    kind: '',
    relation: '',
    country: '',
    sort: { field: 'DEGREE', direction: 'DESC' },
  });
  const [text, setText] = useState('');
  const [pageIndex, setPageIndex] = useState(0);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<api.NeighbourTablePage | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const drawn = useMemo(() => new Set(session.visible.nodes.map((n) => n.id)), [session.visible]);

  useEffect(() => heading.current?.focus(), [id]);

  // The name filter waits for a pause in typing.
  useEffect(() => {
    const t = setTimeout(() => setQuery((q) => (q.text === text ? q : { ...q, text })), 250);
    return () => clearTimeout(t);
  }, [text]);

  // A new query starts again from its first page.
  useEffect(() => {
    setPageIndex(0);
    setCursors([null]);
    setSelected(new Set());
  }, [query, id]);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    setError(null);
    api
      .neighbours(
        id,
        { filter: filterOf(query, expandedKinds), sort: query.sort, first: TABLE_PAGE, after: cursors[pageIndex] ?? null },
        abort.signal,
      )
      .then((p) => {
        setPage(p);
        setLoading(false);
        setCursors((c) => {
          const next = [...c];
          next[pageIndex + 1] = p.endCursor;
          return next;
        });
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        setLoading(false);
        setError(e instanceof ApiError ? e.userMessage : t('messages:error.neighboursFailed'));
      });
    return () => abort.abort();
    // Of the cursors, only this page's matters (read above); of the expansion's kinds, their content.
  }, [id, query, pageIndex, attempt, kindsKey]);

  /** Rows in the table's order, read page by page from the first, until `want` pass `keep` or the rows end. */
  async function collect(want: number, keep: (r: api.NeighbourRow) => boolean): Promise<api.NeighbourRow[]> {
    const out: api.NeighbourRow[] = [];
    let after: string | null = null;
    for (;;) {
      const p: api.NeighbourTablePage = await api.neighbours(id, {
        filter: filterOf(query, expandedKinds),
        sort: query.sort,
        first: api.API_LIMITS.neighbourPage,
        after,
      });
      for (const r of p.rows) if (keep(r) && out.length < want) out.push(r);
      if (out.length >= want || !p.hasNextPage || !p.endCursor) return out;
      after = p.endCursor;
    }
  }

  async function add(how: 'next' | 'all'): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const rows = await collect(how === 'next' ? NEXT_BATCH : api.API_LIMITS.neighbourPage, (r) => !drawn.has(r.node.id));
      controller.addNeighbours(rows);
      setSaid(rows.length > 0 ? t('neighbourTable.added', { added: rows.length }) : t('neighbourTable.nothingLeft'));
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : t('messages:error.addFailed'));
    } finally {
      setBusy(false);
    }
  }

  function addSelected(): void {
    const rows = (page?.rows ?? []).filter((r) => selected.has(r.node.id));
    controller.addNeighbours(rows);
    setSelected(new Set());
    setSaid(t('neighbourTable.added', { added: rows.length }));
  }

  const sortBy = (field: NeighbourSortField) =>
    setQuery((q) => ({
      ...q,
      sort: {
        field,
        direction: q.sort.field === field ? (q.sort.direction === 'ASC' ? 'DESC' : 'ASC') : field === 'DEGREE' ? 'DESC' : 'ASC',
      },
    }));
  const rows = page?.rows ?? [];
  const notDrawn = rows.filter((r) => !drawn.has(r.node.id));
  const from = pageIndex * TABLE_PAGE + 1;
  const total = page?.totalCount ?? 0;
  const allMatching = total <= api.API_LIMITS.neighbourPage;
  const toggleAll = notDrawn.length > 0 && notDrawn.every((r) => selected.has(r.node.id));

  return (
    <section
      className="neighbour-table"
      aria-labelledby={headingId}
      data-testid="neighbour-table"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header>
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('neighbourTable.title', { name })}
        </h2>
        <button type="button" className="close" aria-label={t('neighbourTable.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="table-filters" role="group" aria-label={t('neighbourTable.filters')}>
        <label>
          {t('neighbourTable.text')} <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="nt-text" />
        </label>
        <label>
          {t('neighbourTable.kind')}{' '}
          <select
            value={query.kind}
            onChange={(e) => setQuery((q) => ({ ...q, kind: e.target.value as NodeKind | '' }))}
            data-testid="nt-kind"
          >
            <option value="">{t('neighbourTable.any', { total: page?.byKind.reduce((s, k) => s + k.count, 0) ?? 0 })}</option>
            {(page?.byKind ?? []).map((k) => (
              <option key={k.kind} value={k.kind}>
                {t('neighbourTable.option', { label: nodeKindLabel(k.kind), total: k.count })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('neighbourTable.relation')}{' '}
          <select
            value={query.relation}
            onChange={(e) => setQuery((q) => ({ ...q, relation: e.target.value as RelationKind | '' }))}
            data-testid="nt-relation"
          >
            <option value="">{t('neighbourTable.any', { total: page?.allCount ?? 0 })}</option>
            {(page?.byRelationKind ?? []).map((k) => (
              <option key={k.kind} value={k.kind}>
                {t('neighbourTable.option', { label: relationLabel(k.kind), total: k.count })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('neighbourTable.country')}{' '}
          <select value={query.country} onChange={(e) => setQuery((q) => ({ ...q, country: e.target.value }))} data-testid="nt-country">
            <option value="">{t('neighbourTable.any', { total: page?.byCountry.reduce((s, k) => s + k.count, 0) ?? 0 })}</option>
            {(page?.byCountry ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {t('neighbourTable.option', { label: c.code, total: c.count })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" aria-live="polite" className="table-status" data-testid="nt-status">
        {loading
          ? t('messages:loading.neighbourTable')
          : page
            ? total === 0
              ? t('neighbourTable.noneMatch', { all: page.allCount })
              : t('neighbourTable.range', { from, to: from + rows.length - 1, total, all: page.allCount })
            : ''}
        {said && !loading ? ` ${said}` : ''}
      </p>
      {error && (
        <div role="alert" className="error-box">
          <p>{error}</p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            {t('neighbourTable.tryAgain')}
          </button>
        </div>
      )}
      <div className="table-actions">
        <button type="button" disabled={selected.size === 0 || busy} onClick={addSelected} data-testid="nt-add-selected">
          {selected.size === 0 ? t('neighbourTable.tickToAdd') : t('neighbourTable.addSelected', { count: selected.size })}
        </button>
        <button type="button" disabled={busy || total === 0} onClick={() => void add('next')} data-testid="nt-add-next">
          {t('neighbourTable.addNext', { next: NEXT_BATCH })}
        </button>
        <button type="button" disabled={busy || total === 0} onClick={() => void add('all')} data-testid="nt-add-all">
          {allMatching ? t('neighbourTable.addAll', { total }) : t('neighbourTable.addFirst', { first: api.API_LIMITS.neighbourPage })}
        </button>
      </div>
      <div className="table-scroll">
        <table aria-busy={loading} aria-describedby={headingId} data-testid="nt-table">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('neighbourTable.selectPage')}
                  checked={toggleAll}
                  disabled={notDrawn.length === 0}
                  onChange={() => setSelected(toggleAll ? new Set() : new Set(notDrawn.map((r) => r.node.id)))}
                />
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.field}
                  scope="col"
                  aria-sort={query.sort.field === c.field ? (query.sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() => sortBy(c.field)}
                    aria-label={t('neighbourTable.sortBy', { column: t(`neighbourTable.${c.label}`).toLowerCase() })}
                  >
                    {t(`neighbourTable.${c.label}`)}
                    <span aria-hidden="true">{query.sort.field === c.field ? (query.sort.direction === 'ASC' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">{t('neighbourTable.drawn')}</th>
            </tr>
          </thead>
          <tbody>
            {!loading && rows.length === 0 && (
              <tr>
                <td colSpan={6} className="empty">
                  {t('messages:error.noNeighbours')}
                </td>
              </tr>
            )}
            {rows.map((r) => {
              const isDrawn = drawn.has(r.node.id);
              return (
                <tr key={r.node.id} data-id={r.node.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('neighbourTable.select', { name: r.node.name })}
                      disabled={isDrawn}
                      checked={selected.has(r.node.id)}
                      onChange={() =>
                        setSelected((s) => {
                          const next = new Set(s);
                          if (next.has(r.node.id)) next.delete(r.node.id);
                          else next.add(r.node.id);
                          return next;
                        })
                      }
                    />
                  </td>
                  <td>
                    <KindSwatch kind={r.node.kind} size={10} /> {nodeKindLabel(r.node.kind)}
                  </td>
                  <td>{r.node.countryCode ?? t('neighbourTable.none')}</td>
                  <th scope="row">{r.node.name}</th>
                  <td className="count">{formatNumber(r.node.degree)}</td>
                  <td>{isDrawn ? t('neighbourTable.yes') : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav className="table-pages" aria-label={t('neighbourTable.pages')}>
        <button type="button" disabled={pageIndex === 0 || loading} onClick={() => setPageIndex((i) => i - 1)}>
          {t('neighbourTable.previous')}
        </button>
        <button
          type="button"
          disabled={!page?.hasNextPage || loading}
          onClick={() => setPageIndex((i) => i + 1)}
          data-testid="nt-next-page"
        >
          {t('neighbourTable.next')}
        </button>
      </nav>
    </section>
  );
}
