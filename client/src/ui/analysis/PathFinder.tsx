import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortestPaths, type GraphPath } from '../../api/graphApi.js';
import type { NodeKind, RelationKind } from '../../gql/graphql.js';
import { RELATION_KINDS, relationInverse, relationLabel } from '../../graph/kinds.js';
import type { Controller } from '../../state/controller.js';
import { SearchBox } from '../SearchBox.js';
import { LoadState } from '../LoadState.js';
import { useLoad } from '../useLoad.js';

interface Props {
  from: { id: string; name: string; kind: NodeKind };
  controller: Controller;
}

/**
 * The kinds a path may follow at first: all but "located in" from a municipality, so that two
 * places are not joined through the country they share (Leuven → France → Nantes).
 */
export const defaultPathKinds = (fromKind: NodeKind): RelationKind[] =>
  RELATION_KINDS.filter((k) => fromKind !== 'MUNICIPALITY' || k !== 'LOCATED_IN');

/** Shortest paths from the selected node to one found by search: hops, kinds, quotes; shown on the canvas on request. */
export function PathFinder({ from, controller }: Props) {
  const { t } = useTranslation();
  const [to, setTo] = useState<string | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [kinds, setKinds] = useState<RelationKind[]>(() => defaultPathKinds(from.kind));
  const all = kinds.length === RELATION_KINDS.length;
  const key = to && to !== from.id && kinds.length > 0 ? `${from.id}|${to}|${kinds.join('.')}` : null;
  const loaded = useLoad(key, (signal) => shortestPaths(from.id, to!, all ? null : kinds, signal));
  const toggle = (k: RelationKind) => {
    setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : RELATION_KINDS.filter((x) => x === k || ks.includes(x))));
    setShown(null);
  };

  const show = (path: GraphPath, i: number) => {
    controller.showPath(path);
    controller.emphasize(
      path.nodes.map((n) => n.id),
      'path',
    );
    setShown(i);
  };

  return (
    <section className="analysis path-finder" aria-labelledby="path-heading" data-testid="path-finder">
      <h3 id="path-heading">{t('path.title')}</h3>
      <p className="hint">{t('path.from', { name: from.name })}</p>
      <SearchBox
        label={t('path.to')}
        placeholder={t('path.placeholder')}
        shortcut={false}
        onOpen={(id) => {
          setTo(id);
          setShown(null);
        }}
      />
      <details className="path-kinds" data-testid="path-kinds">
        <summary>
          {all ? t('path.overAll') : t('path.overSome', { count: kinds.length, total: RELATION_KINDS.length })}
          {!kinds.includes('LOCATED_IN') && t('path.notLocatedIn', { label: relationLabel('LOCATED_IN') })}
        </summary>
        {RELATION_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="checkbox" checked={kinds.includes(k)} onChange={() => toggle(k)} data-kind={k} /> {relationLabel(k)}
          </label>
        ))}
      </details>
      {kinds.length === 0 && <p className="hint">{t('path.chooseKind')}</p>}
      {to === from.id && <p className="hint">{t('path.pickOther', { name: from.name })}</p>}
      <LoadState loaded={loaded} loading={t('path.loading')} empty={t('path.none', { hops: 6 })} isEmpty={(v) => v.length === 0} />
      {loaded?.state === 'done' &&
        loaded.value.map((path, i) => (
          <div key={i} className="path" data-testid="path">
            <h4>
              {t('path.heading', { index: i + 1, total: loaded.value.length, count: path.length })}{' '}
              <button type="button" onClick={() => show(path, i)} aria-pressed={shown === i}>
                {t('path.show')}
              </button>
            </h4>
            <ol className="hops">
              {path.relations.map((r, j) => {
                const a = path.nodes[j]!;
                const b = path.nodes[j + 1]!;
                const verb = r.source === a.id ? relationLabel(r.kind as RelationKind) : relationInverse(r.kind as RelationKind);
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
                      <p className="hint">{t('path.noSource')}</p>
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
