import { useState } from 'react';
import { nodeDetails, relationDetails, type NodeDetails, type RelationDetails } from '../api/graphApi.js';
import type { NodeKind, RelationKind } from '../gql/graphql.js';
import { NODE_KIND_STYLE, PARTNERSHIP_TYPE_LABEL, RELATION_KIND_STYLE } from '../graph/kinds.js';
import type { DrawnEdge } from '../graph/model.js';
import type { Controller, Session } from '../state/controller.js';
import { isExpanded } from '../state/view/index.js';
import { RatingsTable } from './ApproachRatings.js';
import { PartnerSuggestions } from './analysis/PartnerSuggestions.js';
import { PathFinder } from './analysis/PathFinder.js';
import { PeersPanel } from './analysis/PeersPanel.js';
import { KindBadge, KindSwatch } from './KindSwatch.js';
import { OverviewPanel } from './OverviewPanel.js';
import { enumWords, formatMoney, formatPeriod } from './format.js';
import { useLoad } from './useLoad.js';

interface Props {
  controller: Controller;
  session: Session;
  /** For the analysis sections' highlights on the graph (null in the list view). */
}

/** The selected node or relationship: properties, relations by kind, and where every fact comes from. */
export function DetailPanel({ controller, session }: Props) {
  const sel = session.app.selection;
  const drawnEdge = sel?.type === 'edge' ? session.visible.edges.find((e) => e.id === sel.id) : undefined;
  const nodeId = sel?.type === 'node' ? sel.id : (drawnEdge?.partnershipId ?? null);
  const relation = sel?.type === 'edge' && drawnEdge && !drawnEdge.partnershipId ? drawnEdge : null;

  return (
    <aside className="details" aria-label="Details" data-testid="details">
      {!sel && session.scope === 'overview' && session.app.display.panel === 'graph' && (
        <OverviewPanel controller={controller} session={session} />
      )}
      {!sel && !(session.scope === 'overview' && session.app.display.panel === 'graph') && (
        <div className="details-empty">
          <h2>Details</h2>
          <p>Select a node or a relationship to see its properties, its relations and the sources every fact comes from.</p>
          <p className="hint">Tip: double-click a node (or press Enter on it) to show or hide its neighbours.</p>
        </div>
      )}
      {sel?.type === 'edge' && !drawnEdge && <p className="details-empty">This relationship is not in the current view.</p>}
      {nodeId && <NodeDetailsView key={nodeId} id={nodeId} controller={controller} session={session} asEdge={drawnEdge ?? null} />}
      {relation && <RelationView key={relation.id} edge={relation} controller={controller} session={session} />}
    </aside>
  );
}

function NodeLink({ id, name, kind, onOpen }: { id: string; name: string; kind: NodeKind; onOpen(id: string): void }) {
  return (
    <button type="button" className="link" onClick={() => onOpen(id)} title={`${NODE_KIND_STYLE[kind].label}: ${name}`}>
      <KindSwatch kind={kind} size={11} /> {name}
    </button>
  );
}

function NodeDetailsView({
  id,
  controller,
  session,
  asEdge,
}: {
  id: string;
  controller: Controller;
  session: Session;
  asEdge: DrawnEdge | null;
}) {
  const loaded = useLoad(id, (signal) => nodeDetails(id, null, signal));
  const [onlyKinds, setOnlyKinds] = useState<RelationKind[]>([]);
  if (!loaded || loaded.state === 'loading')
    return (
      <p className="details-loading" role="status">
        Loading details…
      </p>
    );
  if (loaded.state === 'error')
    return (
      <p className="error" role="alert">
        {loaded.message}
      </p>
    );
  const node = loaded.value.node;
  if (!node)
    return (
      <p className="error" role="alert">
        The atlas has no node with the id “{id}” any more.
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
        {asEdge && (
          <p className="hint">
            Drawn as a {asEdge.partnershipType ? PARTNERSHIP_TYPE_LABEL[asEdge.partnershipType] : 'partnership'} edge between its parties.
            Show partnerships as nodes to see its own relations on the canvas.
          </p>
        )}
        {node.altNames.length > 0 && <p className="alt-names">Also: {node.altNames.join(' · ')}</p>}
      </header>
      <div className="actions">
        {session.app.view.focus !== id && (
          <button type="button" onClick={() => controller.focus(id)}>
            Focus on this
          </button>
        )}
        <button type="button" onClick={() => controller.toggleExpand(id)} aria-pressed={expanded}>
          {expanded ? 'Collapse neighbours' : 'Expand neighbours'}
        </button>
      </div>
      {node.description && <p className="description">{node.description}</p>}
      <Properties node={node} onOpen={(other) => controller.select({ type: 'node', id: other })} />
      {node.kind === 'APPROACH' && 'ratings' in node && (
        <section>
          <h3>Ratings</h3>
          <RatingsTable
            approaches={[{ id: node.id, name: node.name, number: node.number, ratings: node.ratings }]}
            caption={`How the source rates ${node.name}`}
          />
        </section>
      )}
      <section aria-labelledby="rel-heading">
        <h3 id="rel-heading">
          Relations <span className="count">({node.relations.totalCount})</span>
        </h3>
        {groups.length === 0 && <p className="hint">No relations.</p>}
        {groups.map((g) => (
          <details key={g.key} open={g.items.length <= 8} className="rel-group">
            <summary>
              {g.label} <span className="count">({g.items.length})</span>
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
          <p className="hint">Showing the first {node.relations.edges.length}; expand the node to see the rest on the canvas.</p>
        )}
        {kindsPresent.length > 1 && (
          <fieldset className="expand-only">
            <legend>Expand only these relationship kinds</legend>
            {kindsPresent.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={onlyKinds.includes(k)}
                  onChange={() => setOnlyKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]))}
                />
                {RELATION_KIND_STYLE[k].label}
              </label>
            ))}
            <button type="button" disabled={onlyKinds.length === 0} onClick={() => controller.expand(id, onlyKinds)}>
              Expand these
            </button>
          </fieldset>
        )}
      </section>
      {node.kind === 'MUNICIPALITY' && <PeersPanel id={id} controller={controller} onOpen={(other) => controller.focus(other)} />}
      {node.kind === 'MUNICIPALITY' && <PartnerSuggestions id={id} controller={controller} />}
      <PathFinder from={{ id, name: node.name, kind: node.kind }} controller={controller} />
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
    const style = RELATION_KIND_STYLE[e.relation.kind];
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, kind: e.relation.kind, label: e.direction === 'OUT' ? style.label : style.inverse, items: [] }));
    const extra = [e.relation.role, formatPeriod(e.relation.since, e.relation.until), e.relation.year ? String(e.relation.year) : null]
      .filter(Boolean)
      .join(', ');
    g.items.push({ relationId: e.relation.id, node: e.node, extra: extra ? `(${extra})` : '' });
  }
  return [...groups.values()];
}

function Properties({ node, onOpen }: { node: NodeDetails; onOpen(id: string): void }) {
  const rows: [string, React.ReactNode][] = [];
  const n = node as Record<string, unknown>;
  const country = n.country as { id: string; name: string } | null | undefined;
  if (country)
    rows.push([
      'Country',
      <button type="button" className="link" onClick={() => onOpen(country.id)}>
        {country.name}
      </button>,
    ]);
  else if (typeof n.municipalityCountry === 'string') rows.push(['Country', n.municipalityCountry]);
  if (typeof n.level === 'string') rows.push(['Level', enumWords(n.level)]);
  if (typeof n.placeType === 'string') rows.push(['Place type', enumWords(n.placeType)]);
  if (typeof n.orgType === 'string') rows.push(['Type', enumWords(n.orgType)]);
  if (typeof n.partnershipType === 'string')
    rows.push(['Type', PARTNERSHIP_TYPE_LABEL[n.partnershipType as keyof typeof PARTNERSHIP_TYPE_LABEL]]);
  if (typeof n.scope === 'string') rows.push(['Scope', enumWords(n.scope)]);
  if (typeof n.partnershipStatus === 'string') rows.push(['Status', enumWords(n.partnershipStatus)]);
  if (typeof n.status === 'string') rows.push(['Status', enumWords(n.status)]);
  const period = formatPeriod((n.since ?? n.startYear) as number | null, (n.until ?? n.endYear) as number | null);
  if (period) rows.push(['Period', period]);
  if (typeof n.foundedYear === 'number') rows.push(['Founded', String(n.foundedYear)]);
  if (typeof n.memberCount === 'number')
    rows.push([
      'Members',
      `${n.memberCountQualifier && n.memberCountQualifier !== 'EXACT' ? `${enumWords(String(n.memberCountQualifier))} ` : ''}${n.memberCount}`,
    ]);
  const money = n.money as Parameters<typeof formatMoney>[0] | null | undefined;
  if (money) rows.push(['Money', formatMoney(money)]);
  const duration = n.duration as { value: number; max: number | null; unit: string } | null | undefined;
  if (duration)
    rows.push([
      'Length',
      `${duration.value}${duration.max ? `–${duration.max}` : ''} ${enumWords(duration.unit)}${duration.value === 1 && !duration.max ? '' : 's'}`,
    ]);
  if (typeof n.number === 'number') rows.push([node.kind === 'APPROACH' ? 'Chapter' : 'Number', String(n.number)]);
  if (typeof n.code === 'string') rows.push(['ISO code', n.code]);
  if (typeof n.sourceType === 'string') rows.push(['Source type', enumWords(n.sourceType)]);
  if (typeof n.authors === 'string') rows.push(['Authors', n.authors]);
  if (typeof n.publisher === 'string') rows.push(['Publisher', n.publisher]);
  if (typeof n.year === 'number') rows.push(['Year', String(n.year)]);
  if (typeof n.url === 'string')
    rows.push([
      'Web',
      <a href={n.url} target="_blank" rel="noopener noreferrer">
        {n.url}
      </a>,
    ]);
  rows.push(['Relations', String(node.degree)]);
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
          <h3>Parties</h3>
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
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h3 id="sources-heading">
        Sources <span className="count">({sources.length})</span>
      </h3>
      {sources.length === 0 && <p className="hint">The atlas records no source for this.</p>}
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
              <span className="visually-hidden">Where: </span>
              {s.locator}
            </p>
            {s.derived && (
              <p className="derived">
                Derived: the source does not state this one by one; it follows from the general statement quoted here.
              </p>
            )}
            <blockquote>{s.quote}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}

function RelationView({ edge, controller, session }: { edge: DrawnEdge; controller: Controller; session: Session }) {
  const loaded = useLoad(edge.id, (signal) => relationDetails(edge.relationId!, signal));
  const name = (id: string) => session.data.nodes.get(id)?.name ?? id;
  if (!loaded || loaded.state === 'loading')
    return (
      <p className="details-loading" role="status">
        Loading details…
      </p>
    );
  if (loaded.state === 'error')
    return (
      <p className="error" role="alert">
        {loaded.message}
      </p>
    );
  const r: RelationDetails | null = loaded.value;
  if (!r)
    return (
      <p className="error">
        The atlas no longer has this relationship between {name(edge.source)} and {name(edge.target)}.
      </p>
    );
  const open = (id: string) => controller.select({ type: 'node', id });
  const rows: [string, string][] = [];
  if (r.role) rows.push(['Role', r.role]);
  const period = formatPeriod(r.since, r.until);
  if (period) rows.push(['Period', period]);
  if (r.year) rows.push(['Year', String(r.year)]);
  if (r.money) rows.push(['Money', formatMoney(r.money)]);
  if (r.note) rows.push(['Note', r.note]);
  return (
    <article className="relation-details">
      <header>
        <span className="kind-badge">Relationship</span>
        <h2 id="details-title">
          <NodeLink id={r.from.id} name={r.from.name} kind={r.from.kind} onOpen={open} />{' '}
          <span className="rel-kind">{RELATION_KIND_STYLE[r.kind as RelationKind].label}</span>{' '}
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
