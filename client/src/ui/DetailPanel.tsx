import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeDetails, relationDetails, type NodeDetails, type RelationDetails } from '../api/graphApi.js';
import type { DurationUnit, NodeKind, PartnershipType, RelationKind } from '../gql/graphql.js';
import { nodeKindLabel, partnershipTypeLabel, relationInverse, relationLabel } from '../graph/kinds.js';
import { formatNumber, i18n } from '../i18n/index.js';
import type { DrawnEdge } from '../graph/model.js';
import type { Controller, Session } from '../state/controller.js';
import { isExpanded } from '../state/view/index.js';
import { RatingsTable } from './RatingsTable.js';
import { KindBadge, KindSwatch } from './KindSwatch.js';
import { OverviewPanel } from './OverviewPanel.js';
import { formatDuration, formatMoney, formatPeriod } from './format.js';
import { LoadState } from './LoadState.js';
import { useLoad } from './useLoad.js';

interface Props {
  controller: Controller;
  session: Session;
  /** Opens the neighbour table of a node (where a node's relations go past the first page). */
  onTable?(id: string): void;
}

/** The selected node or relationship: properties, relations by kind, and where every fact comes from. */
// The analysis panels load with the first node shown (ADR 0030).
const PeersPanel = lazy(() => import('./analysis/PeersPanel.js').then((m) => ({ default: m.PeersPanel })));
const PartnerSuggestions = lazy(() => import('./analysis/PartnerSuggestions.js').then((m) => ({ default: m.PartnerSuggestions })));
const PathFinder = lazy(() => import('./analysis/PathFinder.js').then((m) => ({ default: m.PathFinder })));

export function DetailPanel({ controller, session, onTable }: Props) {
  const { t } = useTranslation();
  const sel = session.app.selection;
  const drawnEdge = sel?.type === 'edge' ? session.visible.edges.find((e) => e.id === sel.id) : undefined;
  const nodeId = sel?.type === 'node' ? sel.id : (drawnEdge?.partnershipId ?? null);
  const relation = sel?.type === 'edge' && drawnEdge && !drawnEdge.partnershipId ? drawnEdge : null;

  return (
    <aside className="details" aria-label={t('details.label')} data-testid="details">
      {!sel && session.scope === 'overview' && session.app.display.panel === 'graph' && (
        <OverviewPanel controller={controller} session={session} />
      )}
      {!sel && !(session.scope === 'overview' && session.app.display.panel === 'graph') && (
        <div className="details-empty">
          <h2>{t('details.title')}</h2>
          <p>{t('details.intro')}</p>
          <p className="hint">{t('details.tip')}</p>
        </div>
      )}
      {sel?.type === 'edge' && !drawnEdge && <p className="details-empty">{t('details.edgeNotInView')}</p>}
      {nodeId && (
        <NodeDetailsView key={nodeId} id={nodeId} controller={controller} session={session} asEdge={drawnEdge ?? null} onTable={onTable} />
      )}
      {relation && <RelationView key={relation.id} edge={relation} controller={controller} session={session} />}
    </aside>
  );
}

function NodeLink({ id, name, kind, onOpen }: { id: string; name: string; kind: NodeKind; onOpen(id: string): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="link" onClick={() => onOpen(id)} title={t('details.linkTitle', { kind: nodeKindLabel(kind), name })}>
      <KindSwatch kind={kind} size={11} /> {name}
    </button>
  );
}

function NodeDetailsView({
  id,
  controller,
  session,
  asEdge,
  onTable,
}: {
  id: string;
  controller: Controller;
  session: Session;
  asEdge: DrawnEdge | null;
  onTable?: ((id: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const loaded = useLoad(id, (signal) => nodeDetails(id, null, signal));
  const [onlyKinds, setOnlyKinds] = useState<RelationKind[]>([]);
  if (loaded?.state !== 'done')
    return <LoadState loaded={loaded ?? { state: 'loading' }} loading={t('details.loading')} loadingClassName="details-loading" />;
  const node = loaded.value.node;
  if (!node)
    return (
      <p className="error" role="alert">
        {t('details.noNode', { id })}
      </p>
    );
  const expanded = isExpanded(session.app.view, id);
  const groups = groupRelations(node);
  const kindsPresent = [...new Set(node.relations.edges.map((e) => e.relation.kind))];
  const select = (other: string, kind: RelationKind) => controller.openRelated(id, other, kind);

  return (
    <article className="node-details">
      <header>
        <KindBadge kind={node.kind} />
        <h2 id="details-title">{node.name}</h2>
        {asEdge && <p className="hint">{t('details.drawnAsEdge', { type: partnershipTypeLabel(asEdge.partnershipType) })}</p>}
        {node.altNames.length > 0 && <p className="alt-names">{t('details.alsoKnownAs', { names: node.altNames.join(' · ') })}</p>}
      </header>
      <div className="actions">
        {session.app.view.focus !== id && (
          <button type="button" onClick={() => controller.focus(id)}>
            {t('details.focus')}
          </button>
        )}
        <button type="button" onClick={() => controller.toggleExpand(id)} aria-pressed={expanded}>
          {expanded ? t('details.collapse') : t('details.expand')}
        </button>
      </div>
      {node.description && <p className="description">{node.description}</p>}
      <Properties node={node} onOpen={(other) => controller.select({ type: 'node', id: other })} />
      {node.kind === 'APPROACH' && 'ratings' in node && (
        <section>
          <h3>{t('details.ratings')}</h3>
          <RatingsTable
            approaches={[{ id: node.id, name: node.name, number: node.number, ratings: node.ratings }]}
            caption={t('details.ratingsCaption', { name: node.name })}
          />
        </section>
      )}
      <section aria-labelledby="rel-heading">
        <h3 id="rel-heading">
          {t('details.relations')} <span className="count">({formatNumber(node.relations.totalCount)})</span>
        </h3>
        {groups.length === 0 && <p className="hint">{t('details.noRelations')}</p>}
        {groups.map((g) => (
          <details key={g.key} open={g.items.length <= 8} className="rel-group">
            <summary>
              {g.label} <span className="count">({formatNumber(g.items.length)})</span>
            </summary>
            <ul>
              {g.items.map((item) => (
                <li key={item.relationId}>
                  <NodeLink id={item.node.id} name={item.node.name} kind={item.node.kind} onOpen={(other) => select(other, g.kind)} />
                  {item.extra && <span className="rel-extra"> {item.extra}</span>}
                </li>
              ))}
            </ul>
          </details>
        ))}
        {node.relations.pageInfo.hasNextPage && (
          <p className="hint">
            {t('details.showingFirst', { count: node.relations.edges.length, total: node.relations.totalCount })}{' '}
            {/* The neighbour table pages through them all (it needs the node loaded, as it is when drawn). */}
            {onTable && session.data.nodes.has(id) && session.app.display.panel !== 'map' && (
              <button type="button" className="link" onClick={() => onTable(id)} data-testid="details-open-table">
                {t('details.openTable')}
              </button>
            )}
          </p>
        )}
        {kindsPresent.length > 1 && (
          <fieldset className="expand-only">
            <legend>{t('details.expandOnly')}</legend>
            {kindsPresent.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={onlyKinds.includes(k)}
                  onChange={() => setOnlyKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]))}
                />
                {relationLabel(k)}
              </label>
            ))}
            <button type="button" disabled={onlyKinds.length === 0} onClick={() => controller.expand(id, onlyKinds)}>
              {t('details.expandThese')}
            </button>
          </fieldset>
        )}
      </section>
      <Suspense fallback={null}>
        {node.kind === 'MUNICIPALITY' && <PeersPanel id={id} controller={controller} onOpen={(other) => controller.focus(other)} />}
        {node.kind === 'MUNICIPALITY' && <PartnerSuggestions id={id} controller={controller} />}
        <PathFinder from={{ id, name: node.name, kind: node.kind }} controller={controller} />
      </Suspense>
      <Sources sources={node.sources} />
    </article>
  );
}

interface RelGroup {
  key: string;
  kind: RelationKind;
  label: string;
  items: { relationId: string; node: { id: string; name: string; kind: NodeKind }; extra: string }[];
}

function groupRelations(node: NodeDetails): RelGroup[] {
  const groups = new Map<string, RelGroup>();
  for (const e of node.relations.edges) {
    const key = `${e.relation.kind}:${e.direction}`;
    const kind = e.relation.kind;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, kind, label: e.direction === 'OUT' ? relationLabel(kind) : relationInverse(kind), items: [] }));
    const extra = [e.relation.role, formatPeriod(e.relation.since, e.relation.until), e.relation.year ? String(e.relation.year) : null]
      .filter(Boolean)
      .join(', ');
    g.items.push({ relationId: e.relation.id, node: e.node, extra: extra ? `(${extra})` : '' });
  }
  return [...groups.values()];
}

function Properties({ node, onOpen }: { node: NodeDetails; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const rows: [string, React.ReactNode][] = [];
  const n = node as Record<string, unknown>;
  const country = n.country as { id: string; name: string } | null | undefined;
  if (country)
    rows.push([
      t('props.country'),
      <button type="button" className="link" onClick={() => onOpen(country.id)}>
        {country.name}
      </button>,
    ]);
  else if (typeof n.municipalityCountry === 'string') rows.push([t('props.country'), n.municipalityCountry]);
  if (typeof n.level === 'string') rows.push([t('props.level'), enumLabel('level', n.level)]);
  if (typeof n.placeType === 'string') rows.push([t('props.placeType'), enumLabel('placeType', n.placeType)]);
  if (typeof n.orgType === 'string') rows.push([t('props.type'), enumLabel('orgType', n.orgType)]);
  if (typeof n.partnershipType === 'string') rows.push([t('props.type'), partnershipTypeLabel(n.partnershipType as PartnershipType)]);
  if (typeof n.scope === 'string') rows.push([t('props.scope'), enumLabel('networkScope', n.scope)]);
  if (typeof n.partnershipStatus === 'string') rows.push([t('props.status'), enumLabel('partnershipStatus', n.partnershipStatus)]);
  if (typeof n.status === 'string') rows.push([t('props.status'), enumLabel('projectStatus', n.status)]);
  const period = formatPeriod((n.since ?? n.startYear) as number | null, (n.until ?? n.endYear) as number | null);
  if (period) rows.push([t('props.period'), period]);
  if (typeof n.foundedYear === 'number') rows.push([t('props.founded'), String(n.foundedYear)]);
  if (typeof n.memberCount === 'number')
    rows.push([t('props.members'), quantityLabel(String(n.memberCountQualifier ?? 'EXACT'), n.memberCount)]);
  const money = n.money as Parameters<typeof formatMoney>[0] | null | undefined;
  if (money) rows.push([t('props.money'), formatMoney(money)]);
  const duration = n.duration as { value: number; max: number | null; unit: DurationUnit } | null | undefined;
  if (duration) rows.push([t('props.length'), formatDuration(duration)]);
  if (typeof n.number === 'number') rows.push([node.kind === 'APPROACH' ? t('props.chapter') : t('props.number'), String(n.number)]);
  if (typeof n.code === 'string') rows.push([t('props.isoCode'), n.code]);
  if (typeof n.sourceType === 'string') rows.push([t('props.sourceType'), enumLabel('sourceType', n.sourceType)]);
  if (typeof n.authors === 'string') rows.push([t('props.authors'), n.authors]);
  if (typeof n.publisher === 'string') rows.push([t('props.publisher'), n.publisher]);
  if (typeof n.year === 'number') rows.push([t('props.year'), String(n.year)]);
  if (typeof n.url === 'string')
    rows.push([
      t('props.web'),
      <a href={n.url} target="_blank" rel="noopener noreferrer">
        {n.url}
      </a>,
    ]);
  rows.push([t('props.relations'), formatNumber(node.degree)]);
  const parties = n.parties as { role: string | null; node: { id: string; name: string; kind: NodeKind } }[] | undefined;
  return (
    <>
      <dl className="props">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {parties && parties.length > 0 && (
        <section>
          <h3>{t('details.parties')}</h3>
          <ul>
            {parties.map((p) => (
              <li key={p.node.id}>
                <NodeLink id={p.node.id} name={p.node.name} kind={p.node.kind} onOpen={onOpen} />
                {p.role && <span className="rel-extra"> ({p.role})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

interface Provenance {
  locator: string;
  quote: string;
  derived?: boolean;
  source: { id: string; name: string; url: string | null; publisher: string | null; year: number | null };
}

export function Sources({ sources }: { sources: readonly Provenance[] }) {
  const { t } = useTranslation();
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h3 id="sources-heading">
        {t('sources.title')} <span className="count">({formatNumber(sources.length)})</span>
      </h3>
      {sources.length === 0 && <p className="hint">{t('sources.none')}</p>}
      <ol>
        {sources.map((s, i) => (
          <li key={i} className="source">
            <p className="source-name">
              {s.source.url ? (
                <a href={s.source.url} target="_blank" rel="noopener noreferrer">
                  {s.source.name}
                </a>
              ) : (
                s.source.name
              )}
              {s.source.year ? ` (${s.source.year})` : ''}
            </p>
            <p className="locator">
              <span className="visually-hidden">{t('sources.where')}</span>
              {s.locator}
            </p>
            {s.derived && <p className="derived">{t('sources.derived')}</p>}
            <blockquote>{s.quote}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}

function RelationView({ edge, controller, session }: { edge: DrawnEdge; controller: Controller; session: Session }) {
  const { t } = useTranslation();
  const loaded = useLoad(edge.id, (signal) => relationDetails(edge.relationId!, signal));
  const name = (id: string) => session.data.nodes.get(id)?.name ?? id;
  if (loaded?.state !== 'done')
    return <LoadState loaded={loaded ?? { state: 'loading' }} loading={t('details.loading')} loadingClassName="details-loading" />;
  const r: RelationDetails | null = loaded.value;
  if (!r) return <p className="error">{t('details.relationGone', { from: name(edge.source), to: name(edge.target) })}</p>;
  const open = (id: string) => controller.select({ type: 'node', id });
  const rows: [string, string][] = [];
  if (r.role) rows.push([t('props.role'), r.role]);
  const period = formatPeriod(r.since, r.until);
  if (period) rows.push([t('props.period'), period]);
  if (r.year) rows.push([t('props.year'), String(r.year)]);
  if (r.money) rows.push([t('props.money'), formatMoney(r.money)]);
  if (r.note) rows.push([t('props.note'), r.note]);
  return (
    <article className="relation-details">
      <header>
        <span className="kind-badge">{t('details.relationship')}</span>
        <h2 id="details-title">
          <NodeLink id={r.from.id} name={r.from.name} kind={r.from.kind} onOpen={open} />{' '}
          <span className="rel-kind">{relationLabel(r.kind as RelationKind)}</span>{' '}
          <NodeLink id={r.to.id} name={r.to.name} kind={r.to.kind} onOpen={open} />
        </h2>
      </header>
      {rows.length > 0 && (
        <dl className="props">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <Sources sources={r.sources} />
    </article>
  );
}

type EnumGroup = 'level' | 'placeType' | 'orgType' | 'networkScope' | 'partnershipStatus' | 'projectStatus' | 'sourceType';

/** An enum value in the active language (domain:<group>.<VALUE>); a value the catalogues lack is shown as the API gives it. */
function enumLabel(group: EnumGroup, value: string): string {
  const key = `domain:${group}.${value}`;
  return i18n.exists(key) ? String(i18n.t(key as 'domain:level.CITY')) : value;
}

/** "about 120", "ongeveer 120", "environ 120". */
function quantityLabel(qualifier: string, n: number): string {
  const key = `domain:quantity.${qualifier}`;
  const value = formatNumber(n);
  return i18n.exists(key) ? String(i18n.t(key as 'domain:quantity.ABOUT', { value })) : value;
}
