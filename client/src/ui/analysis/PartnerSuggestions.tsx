import { useTranslation } from 'react-i18next';
import { suggestPartners, type PartnerSuggestion } from '../../api/graphApi.js';
import { describeVia, formatScore } from '../../state/analysis/index.js';
import type { Controller } from '../../state/controller.js';
import { KindSwatch } from '../KindSwatch.js';
import { LoadState } from '../LoadState.js';
import { useLoad } from '../useLoad.js';

interface Props {
  id: string;
  controller: Controller;
}

/** Who the selected municipality could work with, and the two-step paths that suggest it. */
export function PartnerSuggestions({ id, controller }: Props) {
  const { t } = useTranslation();
  const loaded = useLoad(id, (signal) => suggestPartners(id, signal));
  return (
    <section className="analysis suggestions" aria-labelledby="suggestions-heading" data-testid="suggestions">
      <h3 id="suggestions-heading">{t('suggestions.title')}</h3>
      <LoadState loaded={loaded} loading={t('suggestions.loading')} empty={t('suggestions.none')} isEmpty={(v) => v.length === 0} />
      {loaded?.state === 'done' && loaded.value.length > 0 && (
        <ol className="suggestion-list">
          {loaded.value.map((s) => (
            <Suggestion key={s.candidate.id} suggestion={s} controller={controller} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Suggestion({ suggestion: s, controller }: { suggestion: PartnerSuggestion; controller: Controller }) {
  const { t } = useTranslation();
  return (
    <li className="suggestion" data-candidate={s.candidate.id}>
      <button type="button" className="link" onClick={() => controller.focus(s.candidate.id)}>
        <KindSwatch kind={s.candidate.kind} size={11} /> {s.candidate.name}
      </button>{' '}
      <span className="count">{t('suggestions.score', { score: formatScore(s.score), count: s.pathCount })}</span>
      <ul className="via">
        {s.paths.map((p, i) => (
          <li key={i}>
            {describeVia(p)}{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                controller.showPath(p);
                controller.emphasize(
                  p.nodes.map((n) => n.id),
                  'suggestion',
                );
              }}
            >
              {t('suggestions.show')}
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}
