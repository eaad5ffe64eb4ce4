import { useState } from 'react';
import { shortestPaths, type GraphPath } from '../../api/graphApi.js';
import type { RelationKind } from '../../gql/graphql.js';
import { RELATION_KIND_STYLE } from '../../graph/kinds.js';
import type { Controller } from '../../state/controller.js';
import { SearchBox } from '../SearchBox.js';
import { useLoad } from '../useLoad.js';

interface Props {
  from: { id: string; name: string };
  controller: Controller;
}

/** Shortest paths from the selected node to one found by search: hops, kinds, quotes; shown on the canvas on request. */
export function PathFinder({ from, controller }: Props) {
  const [to, setTo] = useState<string | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const key = to && to !== from.id ? `${from.id}|${to}` : null;
  const loaded = useLoad(key, (signal) => shortestPaths(from.id, to!, null, signal));

  const show = (path: GraphPath, i: number) => {
    controller.showPath(path);
    controller.emphasize(path.nodes.map((n) => n.id), 'path');
    setShown(i);
  };

  return (
    <section className="analysis path-finder" aria-labelledby="path-heading" data-testid="path-finder">
      <h3 id="path-heading">Path finder</h3>
      <p className="hint">From {from.name} to:</p>
      <SearchBox
        label="Path to"
        placeholder="Find the other end…"
        shortcut={false}
        onOpen={(id) => {
          setTo(id);
          setShown(null);
        }}
      />
      {to === from.id && <p className="hint">Pick another node than {from.name}.</p>}
      {loaded?.state === 'loading' && <p role="status">Finding the shortest paths…</p>}
      {loaded?.state === 'error' && <p className="error" role="alert">{loaded.message}</p>}
      {loaded?.state === 'done' && loaded.value.length === 0 && <p className="hint">No path within 6 hops.</p>}
      {loaded?.state === 'done' &&
        loaded.value.map((path, i) => (
          <div key={i} className="path" data-testid="path">
            <h4>
              Path {i + 1} of {loaded.value.length}: {path.length} {path.length === 1 ? 'hop' : 'hops'}{' '}
              <button type="button" onClick={() => show(path, i)} aria-pressed={shown === i}>
                Show on the graph
              </button>
            </h4>
            <ol className="hops">
              {path.relations.map((r, j) => {
                const a = path.nodes[j]!;
                const b = path.nodes[j + 1]!;
                const style = RELATION_KIND_STYLE[r.kind as RelationKind];
                const verb = r.source === a.id ? style.label : style.inverse;
                const quote = r.sources[0];
                return (
                  <li key={r.id} className="hop">
                    <button type="button" className="link" onClick={() => controller.select({ type: 'node', id: a.id })}>
                      {a.name}
                    </button>{' '}
                    <span className="rel-kind">{verb}</span>{' '}
                    <button type="button" className="link" onClick={() => controller.select({ type: 'node', id: b.id })}>
                      {b.name}
                    </button>
                    {quote ? (
                      <blockquote>
                        “{quote.quote}” <span className="locator">({quote.locator})</span>
                      </blockquote>
                    ) : (
                      <p className="hint">No source recorded.</p>
                    )}
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
    </section>
  );
}
