import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { approaches as loadApproaches, type ApproachRow } from '../api/graphApi.js';
import { ApproachAdvisor } from './analysis/ApproachAdvisor.js';

type Row = Pick<ApproachRow, 'id' | 'name' | 'number' | 'ratings'>;

const SCORE_WORDS = ['none (−)', 'some (+)', 'much (++)', 'very much (+++)'];
const SCORE_COLOURS = ['#f2f2f2', '#c6dbef', '#6baed6', '#2171b5'];

/** The summary table of the source: approaches down, features across, the printed symbol in each cell. */
export function RatingsTable({ approaches, caption }: { approaches: readonly Row[]; caption: string }) {
  const features = approaches[0]?.ratings ?? [];
  return (
    <div className="table-scroll">
      <table className="ratings">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Approach</th>
            {features.map((f) => (
              <th scope="col" key={f.feature}>
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {approaches.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.number}. {a.name}
              </th>
              {a.ratings.map((r) => (
                <td
                  key={r.feature}
                  style={{
                    background: r.score === null ? undefined : SCORE_COLOURS[r.score],
                    color: (r.score ?? 0) >= 2 ? '#fff' : undefined,
                  }}
                  title={r.score === null ? `printed “${r.printed}”` : SCORE_WORDS[r.score]}
                >
                  {r.printed}
                  <span className="visually-hidden"> ({r.score === null ? 'not a rating' : SCORE_WORDS[r.score]})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same ratings as bars: one small chart per feature, the eight approaches side by side. */
export function RatingsChart({ approaches }: { approaches: readonly Row[] }) {
  const features = approaches[0]?.ratings ?? [];
  const barW = 14;
  const gap = 3;
  const h = 60;
  const w = approaches.length * (barW + gap);
  return (
    <figure className="ratings-chart">
      <div className="chart-grid" aria-hidden="true">
        {features.map((f, fi) => (
          <svg key={f.feature} width={w + 10} height={h + 30} viewBox={`0 0 ${w + 10} ${h + 30}`}>
            <text x={0} y={12} fontSize={11} fontWeight="bold">
              {f.label}
            </text>
            {[1, 2, 3].map((s) => (
              <line key={s} x1={0} x2={w} y1={h + 16 - (s * h) / 3.3} y2={h + 16 - (s * h) / 3.3} stroke="#e5e5e5" />
            ))}
            {approaches.map((a, ai) => {
              const score = a.ratings[fi]?.score ?? 0;
              const bh = (score * h) / 3.3;
              return (
                <g key={a.id}>
                  <rect
                    x={ai * (barW + gap)}
                    y={h + 16 - bh}
                    width={barW}
                    height={Math.max(bh, 1)}
                    fill={SCORE_COLOURS[Math.max(score, 1)]}
                  >
                    <title>{`${a.name}: ${a.ratings[fi]?.printed}`}</title>
                  </rect>
                  <text x={ai * (barW + gap) + barW / 2} y={h + 28} fontSize={9} textAnchor="middle">
                    {a.number}
                  </text>
                </g>
              );
            })}
          </svg>
        ))}
      </div>
      <figcaption>
        Bars: 0 (−) to 3 (+++); numbers under the bars are the approaches’ chapter numbers:{' '}
        {approaches.map((a) => `${a.number} ${a.name}`).join(' · ')}. The table above gives the same values.
      </figcaption>
    </figure>
  );
}

/** The ratings of the eight approaches, as a table and a chart, in a dialog. */
export function ApproachRatingsDialog({ onClose, onOpen }: { onClose(): void; onOpen(id: string): void }) {
  const [rows, setRows] = useState<ApproachRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    loadApproaches(abort.signal).then(
      (d) => setRows(d.approaches),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? e.userMessage : 'Could not load the ratings.');
      },
    );
    return () => abort.abort();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ratings-title"
        onClick={(e) => e.stopPropagation()}
        data-testid="ratings"
      >
        <header>
          <h2 id="ratings-title">The eight approaches, rated</h2>
          <button type="button" onClick={onClose} autoFocus aria-label="Close">
            ×
          </button>
        </header>
        <p className="hint">As the source’s summary table rates them: − none, + some, ++ much, +++ very much.</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {!rows && !error && <p role="status">Loading the ratings…</p>}
        {rows && (
          <>
            <RatingsTable approaches={rows} caption="Ratings of the eight approaches by feature" />
            <RatingsChart approaches={rows} />
            <ApproachAdvisor features={rows[0]?.ratings ?? []} onOpen={onOpen} />
            <p>
              Open an approach on the canvas:{' '}
              {rows.map((a) => (
                <button key={a.id} type="button" className="link" onClick={() => onOpen(a.id)}>
                  {a.name}
                </button>
              ))}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
