import { useState } from 'react';
import { recommendApproaches, type ApproachRecommendation } from '../../api/graphApi.js';
import type { ApproachFeature } from '../../gql/graphql.js';
import { NO_WISH, formatScore, setWish, toWishes, type AdvisorForm } from '../../state/analysis/index.js';
import { useLoad } from '../useLoad.js';

const LEVELS = ['−', '+', '++', '+++'];

interface Props {
  features: readonly { feature: ApproachFeature; label: string }[];
  onOpen(id: string): void;
}

/** "Which approach fits?": a wished range and a weight per feature, the approaches ranked for them. */
export function ApproachAdvisor({ features, onOpen }: Props) {
  const [form, setForm] = useState<AdvisorForm>({});
  const wishes = toWishes(form);
  const key = wishes.length > 0 ? JSON.stringify(wishes) : null;
  const loaded = useLoad(key, (signal) => recommendApproaches(wishes, signal));
  const level = (v: string) => (v === '' ? null : Number(v));

  return (
    <section className="analysis advisor" aria-labelledby="advisor-heading" data-testid="advisor">
      <h3 id="advisor-heading">Which approach fits?</h3>
      <p className="hint">Say what you want of each feature (from − none to +++ very much) and how much it matters.</p>
      <table className="advisor-form">
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">At least</th>
            <th scope="col">At most</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {features.map(({ feature, label }) => {
            const w = form[feature] ?? NO_WISH;
            return (
              <tr key={feature}>
                <th scope="row">{label}</th>
                <td>
                  <select
                    aria-label={`${label}: at least`}
                    value={w.min ?? ''}
                    onChange={(e) => setForm((f) => setWish(f, feature, { min: level(e.target.value) }))}
                  >
                    <option value="">any</option>
                    {LEVELS.map((l, i) => (
                      <option key={i} value={i}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`${label}: at most`}
                    value={w.max ?? ''}
                    onChange={(e) => setForm((f) => setWish(f, feature, { max: level(e.target.value) }))}
                  >
                    <option value="">any</option>
                    {LEVELS.map((l, i) => (
                      <option key={i} value={i}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`${label}: weight`}
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
      {!key && <p className="hint">No wish yet.</p>}
      {loaded?.state === 'loading' && <p role="status">Ranking the approaches…</p>}
      {loaded?.state === 'error' && (
        <p className="error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded?.state === 'done' && (
        <ol className="recommendations" aria-label="Approaches ranked for your wishes">
          {loaded.value.map((r) => (
            <Recommendation key={r.approach.id} r={r} onOpen={onOpen} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Recommendation({ r, onOpen }: { r: ApproachRecommendation; onOpen(id: string): void }) {
  return (
    <li className="recommendation" data-approach={r.approach.id}>
      <strong>
        {r.approach.number}. {r.approach.name}
      </strong>{' '}
      <span className="count">score {formatScore(r.score)}</span>{' '}
      {r.meetsAll ? <span className="meets">meets all your wishes</span> : <span className="misses">misses {r.missed.length}</span>}
      {r.met.length > 0 && <p className="met">✓ {r.met.map((m) => `${m.label} (${m.printed})`).join(', ')}</p>}
      {r.missed.length > 0 && <p className="missed">✗ {r.missed.map((m) => `${m.label} (${m.printed})`).join(', ')}</p>}
      {r.cases.length > 0 && (
        <p className="cases">
          Examples:{' '}
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
        <p className="hint">Through: {[...r.networks, ...r.programs].map((n) => n.name).join(', ')}</p>
      )}
    </li>
  );
}
