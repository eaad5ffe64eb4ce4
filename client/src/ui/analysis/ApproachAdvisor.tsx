import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recommendApproaches, type ApproachRecommendation } from '../../api/graphApi.js';
import type { ApproachFeature } from '../../gql/graphql.js';
import { approachName, featureLabel } from '../../graph/kinds.js';
import { NO_WISH, formatScore, setWish, toWishes, type AdvisorForm } from '../../state/analysis/index.js';
import { LoadState } from '../LoadState.js';
import { useLoad } from '../useLoad.js';

const LEVELS = ['−', '+', '++', '+++'];

interface Props {
  features: readonly { feature: ApproachFeature }[];
  onOpen(id: string): void;
}

/** "Which approach fits?": a wished range and a weight per feature, the approaches ranked for them. */
export function ApproachAdvisor({ features, onOpen }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AdvisorForm>({});
  const wishes = toWishes(form);
  const key = wishes.length > 0 ? JSON.stringify(wishes) : null;
  const loaded = useLoad(key, (signal) => recommendApproaches(wishes, signal));
  const level = (v: string) => (v === '' ? null : Number(v));

  return (
    <section className="analysis advisor" aria-labelledby="advisor-heading" data-testid="advisor">
      <h3 id="advisor-heading">{t('advisor.title')}</h3>
      <p className="hint">{t('advisor.hint')}</p>
      <table className="advisor-form">
        <thead>
          <tr>
            <th scope="col">{t('advisor.feature')}</th>
            <th scope="col">{t('advisor.atLeast')}</th>
            <th scope="col">{t('advisor.atMost')}</th>
            <th scope="col">{t('advisor.weight')}</th>
          </tr>
        </thead>
        <tbody>
          {features.map(({ feature }) => {
            const w = form[feature] ?? NO_WISH;
            const label = featureLabel(feature);
            return (
              <tr key={feature}>
                <th scope="row">{label}</th>
                <td>
                  <select
                    aria-label={t('advisor.atLeastOf', { feature: label })}
                    value={w.min ?? ''}
                    onChange={(e) => setForm((f) => setWish(f, feature, { min: level(e.target.value) }))}
                  >
                    <option value="">{t('advisor.any')}</option>
                    {LEVELS.map((l, i) => (
                      <option key={i} value={i}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('advisor.atMostOf', { feature: label })}
                    value={w.max ?? ''}
                    onChange={(e) => setForm((f) => setWish(f, feature, { max: level(e.target.value) }))}
                  >
                    <option value="">{t('advisor.any')}</option>
                    {LEVELS.map((l, i) => (
                      <option key={i} value={i}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('advisor.weightOf', { feature: label })}
                    value={w.weight}
                    onChange={(e) => setForm((f) => setWish(f, feature, { weight: Number(e.target.value) }))}
                  >
                    {[0, 1, 2, 3].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!key && <p className="hint">{t('advisor.noWish')}</p>}
      <LoadState loaded={loaded} loading={t('advisor.ranking')} />
      {loaded?.state === 'done' && (
        <ol className="recommendations" aria-label={t('advisor.ranked')}>
          {loaded.value.map((r) => (
            <Recommendation key={r.approach.id} r={r} onOpen={onOpen} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Recommendation({ r, onOpen }: { r: ApproachRecommendation; onOpen(id: string): void }) {
  const { t } = useTranslation();
  return (
    <li className="recommendation" data-approach={r.approach.id}>
      <strong>
        {r.approach.number}. {approachName(r.approach)}
      </strong>{' '}
      <span className="count">{t('advisor.score', { score: formatScore(r.score) })}</span>{' '}
      {r.meetsAll ? (
        <span className="meets">{t('advisor.meetsAll')}</span>
      ) : (
        <span className="misses">{t('advisor.misses', { count: r.missed.length })}</span>
      )}
      {r.met.length > 0 && <p className="met">✓ {r.met.map((m) => `${featureLabel(m.feature)} (${m.printed})`).join(', ')}</p>}
      {r.missed.length > 0 && <p className="missed">✗ {r.missed.map((m) => `${featureLabel(m.feature)} (${m.printed})`).join(', ')}</p>}
      {r.cases.length > 0 && (
        <p className="cases">
          {t('advisor.examples')}{' '}
          {r.cases.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <button type="button" className="link" onClick={() => onOpen(c.id)}>
                {c.name}
              </button>
            </span>
          ))}
        </p>
      )}
      {r.networks.length + r.programs.length > 0 && (
        <p className="hint">{t('advisor.through', { names: [...r.networks, ...r.programs].map((n) => n.name).join(', ') })}</p>
      )}
    </li>
  );
}
