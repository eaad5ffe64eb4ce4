import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { approaches as loadApproaches, type ApproachRow } from '../api/graphApi.js';
import { approachName, featureLabel } from '../graph/kinds.js';
import { t as tr } from '../i18n/index.js';
import { ApproachAdvisor } from './analysis/ApproachAdvisor.js';
import { LoadState } from './LoadState.js';
import { useLoad } from './useLoad.js';
import { RatingsTable, SCORE_COLOURS, type Row } from './RatingsTable.js';

/** The same ratings as bars: one small chart per feature, the eight approaches side by side. */
export function RatingsChart({ approaches }: { approaches: readonly Row[] }) {
  const { t } = useTranslation();
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
              {featureLabel(f.feature)}
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
                    <title>{`${approachName(a)}: ${a.ratings[fi]?.printed}`}</title>
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
      <figcaption>{t('ratings.chartCaption', { list: approaches.map((a) => `${a.number} ${approachName(a)}`).join(' · ') })}</figcaption>
    </figure>
  );
}

/** The ratings of the eight approaches, as a table and a chart, in a dialog. */
export function ApproachRatingsDialog({ onClose, onOpen }: { onClose(): void; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const loaded = useLoad(
    'approaches',
    (signal) => loadApproaches(signal).then((d): ApproachRow[] => d.approaches),
    () => tr('messages:error.ratings'),
  );
  const rows = loaded?.state === 'done' ? loaded.value : null;
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
          <h2 id="ratings-title">{t('ratings.title')}</h2>
          <button type="button" onClick={onClose} autoFocus aria-label={t('ratings.close')}>
            ×
          </button>
        </header>
        <p className="hint">{t('ratings.hint')}</p>
        <LoadState loaded={loaded} loading={t('ratings.loading')} />
        {rows && (
          <>
            <RatingsTable approaches={rows} caption={t('ratings.caption')} />
            <RatingsChart approaches={rows} />
            <ApproachAdvisor features={rows[0]?.ratings ?? []} onOpen={onOpen} />
            <p>
              {t('ratings.openOnCanvas')}{' '}
              {rows.map((a) => (
                <button key={a.id} type="button" className="link" onClick={() => onOpen(a.id)}>
                  {approachName(a)}
                </button>
              ))}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
