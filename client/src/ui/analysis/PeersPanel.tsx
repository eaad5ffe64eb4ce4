import { useTranslation } from 'react-i18next';
import { similarMunicipalities, type SimilarPeer } from '../../api/graphApi.js';
import type { FeatureWeighting, MunicipalityLevel, SimilarityBasis, SimilarityMetric } from '../../gql/graphql.js';
import {
  BASIS_STYLE,
  MUNICIPALITY_LEVELS,
  PEER_METRICS,
  PEER_WEIGHTINGS,
  basisChosen,
  basisLabel,
  levelLabel,
  metricLabel,
  weightingLabel,
  basisSegments,
  describeSegments,
  formatScore,
  peerEvidence,
  toggleBasis,
  type BarSegment,
  type PeerOptions,
} from '../../state/analysis/index.js';
import type { Controller } from '../../state/controller.js';
import { LoadState } from '../LoadState.js';
import { useLoad } from '../useLoad.js';
import { useSession } from '../useSession.js';

interface Props {
  id: string;
  controller: Controller;
  onOpen(id: string): void;
}

/**
 * "Similar municipalities": peers of the selected one (never its partners), each with a score bar
 * split by basis and, in words, what the two share and how the score is formed; its partners
 * apart ("Already partners"). The settings live in the URL (state/analysis).
 */
export function PeersPanel({ id, controller, onOpen }: Props) {
  const { t } = useTranslation();
  const { peers: options, lang } = useSession(controller).app;
  const set = (fn: (o: PeerOptions) => PeerOptions) => controller.setPeerOptions(fn);
  // The language too: the server words each peer's explanation in it.
  const key = `${id}|${JSON.stringify(options)}|${lang}`;
  const loaded = useLoad(key, (signal) => similarMunicipalities(id, options, false, signal));
  const partners = useLoad(`${key}|partners`, (signal) => similarMunicipalities(id, options, true, signal));
  const peers = loaded?.state === 'done' ? loaded.value : [];
  const partnerList = partners?.state === 'done' ? partners.value : [];
  const max = Math.max(0, ...peers.map((p) => p.score), ...partnerList.map((p) => p.score));
  const usedBases = [...new Set([...peers, ...partnerList].flatMap((p) => p.byBasis.filter((b) => b.score > 0).map((b) => b.basis)))];

  return (
    <section className="analysis peers" aria-labelledby="peers-heading" data-testid="peers">
      <h3 id="peers-heading">{t('peers.title')}</h3>
      <PeerSettings options={options} set={set} />
      <LoadState loaded={loaded} loading={t('peers.loading')} empty={t('peers.none')} isEmpty={(v) => v.length === 0} />
      {usedBases.length > 0 && (
        <ul className="basis-legend" aria-label={t('peers.basisColours')}>
          {usedBases.map((b) => (
            <li key={b}>
              <span className="swatch" style={{ background: BASIS_STYLE[b].colour }} aria-hidden="true" /> {basisLabel(b)}
            </li>
          ))}
        </ul>
      )}
      {peers.length > 0 && (
        <>
          <ol className="peer-list">
            {peers.map((p) => (
              <PeerRow key={p.peer.id} peer={p} max={max} controller={controller} onOpen={onOpen} />
            ))}
          </ol>
          <p className="hint">{t('peers.hint')}</p>
        </>
      )}
      {partnerList.length > 0 && (
        <div data-testid="already-partners">
          <h4>{t('peers.alreadyPartners')}</h4>
          <ul className="peer-list partner-list">
            {partnerList.map((p) => (
              <PeerRow key={p.peer.id} peer={p} max={max} controller={controller} onOpen={onOpen} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function PeerSettings({ options, set }: { options: PeerOptions; set(fn: (o: PeerOptions) => PeerOptions): void }) {
  const { t } = useTranslation();
  return (
    <div className="analysis-options peer-settings">
      <label>
        {t('peers.measure')}{' '}
        <select
          aria-label={t('peers.measure')}
          value={options.metric}
          onChange={(e) => set((o) => ({ ...o, metric: e.target.value as SimilarityMetric }))}
        >
          {PEER_METRICS.map((m) => (
            <option key={m} value={m}>
              {metricLabel(m)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('peers.weight')}{' '}
        <select
          aria-label={t('peers.weight')}
          value={options.weighting}
          onChange={(e) => set((o) => ({ ...o, weighting: e.target.value as FeatureWeighting }))}
        >
          {PEER_WEIGHTINGS.map((w) => (
            <option key={w} value={w}>
              {weightingLabel(w)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="peer-bases">
        <legend>{t('peers.compare')}</legend>
        {(Object.keys(BASIS_STYLE) as SimilarityBasis[]).map((b) => (
          <label key={b}>
            <input type="checkbox" checked={basisChosen(options, b)} onChange={(e) => set((o) => toggleBasis(o, b, e.target.checked))} />{' '}
            {basisLabel(b)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('peers.country')}{' '}
        <input
          type="text"
          size={8}
          placeholder={t('peers.countryPlaceholder')}
          aria-label={t('peers.countryLabel')}
          defaultValue={options.countries.join(', ')}
          onBlur={(e) => set((o) => ({ ...o, countries: countryCodes(e.target.value) }))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set((o) => ({ ...o, countries: countryCodes(e.currentTarget.value) }));
          }}
        />
      </label>
      <label>
        {t('peers.level')}{' '}
        <select
          aria-label={t('peers.level')}
          value={options.levels[0] ?? ''}
          onChange={(e) => set((o) => ({ ...o, levels: e.target.value ? [e.target.value as MunicipalityLevel] : [] }))}
        >
          <option value="">{t('peers.any')}</option>
          {MUNICIPALITY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={options.excludeDirectTies}
          onChange={(e) => set((o) => ({ ...o, excludeDirectTies: e.target.checked }))}
        />{' '}
        {t('peers.leaveOutDirect')}
      </label>
    </div>
  );
}

const countryCodes = (text: string) =>
  [
    ...new Set(
      text
        .toUpperCase()
        .split(/[^A-Z]+/)
        .filter((c) => c.length === 2),
    ),
  ].sort();

function PeerRow({ peer, max, controller, onOpen }: { peer: SimilarPeer; max: number; controller: Controller; onOpen(id: string): void }) {
  const segments = basisSegments(peer.byBasis, max);
  const on = () => controller.emphasize(peerEvidence(peer.peer.id, peer.byBasis), 'peers');
  const off = () => controller.clearEmphasis('peers');
  return (
    <li className="peer" data-peer={peer.peer.id}>
      <button
        type="button"
        className="link peer-open"
        onClick={() => onOpen(peer.peer.id)}
        onMouseEnter={on}
        onMouseLeave={off}
        onFocus={on}
        onBlur={off}
        aria-describedby={`peer-why-${peer.peer.id}`}
      >
        {peer.peer.name} <span className="count">{formatScore(peer.score)}</span>
      </button>
      <ScoreBar segments={segments} label={describeSegments(segments)} />
      <p id={`peer-why-${peer.peer.id}`} className="peer-why">
        {peer.explanation}
      </p>
    </li>
  );
}

function ScoreBar({ segments, label }: { segments: readonly BarSegment[]; label: string }) {
  return (
    <div className="score-bar" role="img" aria-label={label}>
      {segments.map((s) => (
        <span
          key={s.basis}
          className="score-seg"
          data-basis={s.basis}
          style={{ width: `${(s.width * 100).toFixed(2)}%`, background: s.colour }}
          title={`${s.label}: ${formatScore(s.score)}${s.shared.length ? ` (${s.shared.join(', ')})` : ''}`}
        />
      ))}
    </div>
  );
}
