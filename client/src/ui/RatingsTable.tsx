import { useTranslation } from 'react-i18next';
import type { ApproachRow } from '../api/graphApi.js';
import { approachName, featureLabel } from '../graph/kinds.js';
import { t as tr } from '../i18n/index.js';

/**
 * The source's summary table of the approaches, apart from the ratings dialog (ApproachRatings.tsx)
 * so that the detail panel, which shows it for an approach, does not pull the dialog and the
 * advisor into the first screen's script.
 */

export type Row = Pick<ApproachRow, 'id' | 'name' | 'number' | 'ratings'>;

const SCORE_KEYS = ['ratings.score.0', 'ratings.score.1', 'ratings.score.2', 'ratings.score.3'] as const;
/** A score in words: "none (−)" … "very much (+++)". */
const scoreWords = (score: number): string => tr(SCORE_KEYS[score] ?? SCORE_KEYS[0]);
export const SCORE_COLOURS = ['#f2f2f2', '#c6dbef', '#6baed6', '#2171b5'];

/**
 * The summary table of the source: approaches down, features across, the printed symbol in each
 * cell. Each feature in the active language, with the source's printed (English) label quoted beside
 * it where the words differ.
 */
export function RatingsTable({ approaches, caption }: { approaches: readonly Row[]; caption: string }) {
  const { t } = useTranslation();
  const features = approaches[0]?.ratings ?? [];
  return (
    <div className="table-scroll">
      <table className="ratings">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ratings.approach')}</th>
            {features.map((f) => {
              const label = featureLabel(f.feature);
              return (
                <th scope="col" key={f.feature} data-feature={f.feature}>
                  <span className="feature-label">{label}</span>
                  {f.printedLabel !== label && (
                    <>
                      {' '}
                      <q lang="en" className="printed-label" title={t('ratings.printedLabel', { label: f.printedLabel })}>
                        {f.printedLabel}
                      </q>
                    </>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {approaches.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.number}. {approachName(a)}
              </th>
              {a.ratings.map((r) => (
                <td
                  key={r.feature}
                  style={{
                    background: r.score === null ? undefined : SCORE_COLOURS[r.score],
                    color: (r.score ?? 0) >= 2 ? '#fff' : undefined,
                  }}
                  title={r.score === null ? t('ratings.printed', { printed: r.printed }) : scoreWords(r.score)}
                >
                  {r.printed}
                  <span className="visually-hidden"> ({r.score === null ? t('ratings.notRating') : scoreWords(r.score)})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
