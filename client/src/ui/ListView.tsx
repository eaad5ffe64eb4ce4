import { useTranslation } from 'react-i18next';
import { nodeKindLabel } from '../graph/kinds.js';
import { drawnNeighbours } from '../graph/model.js';
import type { Controller, Session } from '../state/controller.js';
import { isExpanded } from '../state/view/index.js';
import { edgeLabel } from '../graph/toElements.js';
import { KindSwatch } from './KindSwatch.js';

/**
 * The drawn graph as a table, for screen readers and keyboards: the same nodes and relationships
 * the canvas shows, each node with its drawn relations, and the same actions.
 */
export function ListView({ controller, session }: { controller: Controller; session: Session }) {
  const { t } = useTranslation();
  const g = session.visible;
  const names = new Map(g.nodes.map((n) => [n.id, n.name]));
  const selected = session.app.selection?.type === 'node' ? session.app.selection.id : null;
  const nodes = [...g.nodes].sort((a, b) => Number(b.focus) - Number(a.focus) || a.name.localeCompare(b.name));
  return (
    <div className="list-view" data-testid="list-view">
      <table>
        <caption>
          {t('list.caption', {
            nodes: t('count.nodes', { count: g.nodes.length }),
            relationships: t('count.relationships', { count: g.edges.length }),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('list.name')}</th>
            <th scope="col">{t('list.kind')}</th>
            <th scope="col">{t('list.country')}</th>
            <th scope="col">{t('list.relationsInView')}</th>
            <th scope="col">{t('list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => {
            const rels = drawnNeighbours(g, n.id);
            return (
              <tr key={n.id} aria-selected={selected === n.id} className={selected === n.id ? 'selected' : undefined}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => controller.select({ type: 'node', id: n.id })}>
                    {n.name}
                  </button>
                  {n.focus && <span className="pill">{t('list.focus')}</span>}
                </th>
                <td>
                  <KindSwatch kind={n.kind} size={11} /> {nodeKindLabel(n.kind)}
                </td>
                <td>{n.countryCode ?? ''}</td>
                <td>
                  {rels.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="inline-list">
                      {rels.map(({ edge, other }) => (
                        <li key={edge.id}>
                          {edgeLabel(edge)}{' '}
                          <button type="button" className="link" onClick={() => controller.select({ type: 'node', id: other })}>
                            {names.get(other) ?? other}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <button type="button" onClick={() => controller.toggleExpand(n.id)}>
                    {isExpanded(session.app.view, n.id) ? t('list.collapse') : t('list.expand')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
