import { useState } from 'react';
import { similarMunicipalities, type SimilarPeer } from '../../api/graphApi.js';
import type { SimilarityMetric } from '../../gql/graphql.js';
import { BASIS_STYLE, PEER_METRICS, basisSegments, describeSegments, formatScore, initialPeerOptions, peerEvidence, type BarSegment, type PeerOptions } from '../../state/analysis/index.js';
import type { Controller } from '../../state/controller.js';
import { useLoad } from '../useLoad.js';

interface Props {
  id: string;
  controller: Controller;
  onOpen(id: string): void;
}

/** "Similar municipalities": peers of the selected one, each with a score bar split by basis. */
export function PeersPanel({ id, controller, onOpen }: Props) {
  const [options, setOptions] = useState<PeerOptions>(initialPeerOptions);
  const key = `${id}|${options.metric}|${options.excludePartners}`;
  const loaded = useLoad(key, (signal) => similarMunicipalities(id, options, signal));
  const peers = loaded?.state === 'done' ? loaded.value : [];
  const max = Math.max(0, ...peers.map((p) => p.score));
  const usedBases = [...new Set(peers.flatMap((p) => p.byBasis.filter((b) => b.score > 0).map((b) => b.basis)))];

  return (
    <section className="analysis peers" aria-labelledby="peers-heading" data-testid="peers">
      <h3 id="peers-heading">Similar municipalities</h3>
      <div className="analysis-options">
        <label>
          Measure{' '}
          <select value={options.metric} onChange={(e) => setOptions((o) => ({ ...o, metric: e.target.value as SimilarityMetric }))}>
            {PEER_METRICS.map((m) => (
              <option key={m.metric} value={m.metric}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={options.excludePartners} onChange={(e) => setOptions((o) => ({ ...o, excludePartners: e.target.checked }))} /> Exclude existing partners
        </label>
      </div>
      {loaded?.state === 'loading' && <p role="status">Finding similar municipalities…</p>}
      {loaded?.state === 'error' && <p className="error" role="alert">{loaded.message}</p>}
      {loaded?.state === 'done' && peers.length === 0 && <p className="hint">No similar municipality found.</p>}
      {peers.length > 0 && (
        <>
          <ul className="basis-legend" aria-label="Colours of the bases">
            {usedBases.map((b) => (
              <li key={b}>
                <span className="swatch" style={{ background: BASIS_STYLE[b].colour }} aria-hidden="true" /> {BASIS_STYLE[b].label}
              </li>
            ))}
          </ul>
          <ol className="peer-list">
            {peers.map((p) => (
              <PeerRow key={p.peer.id} peer={p} max={max} controller={controller} onOpen={onOpen} />
            ))}
          </ol>
          <p className="hint">Point at a peer (or tab to it) to see it and what it shares on the graph; click to open it.</p>
        </>
      )}
    </section>
  );
}

function PeerRow({ peer, max, controller, onOpen }: { peer: SimilarPeer; max: number; controller: Controller; onOpen(id: string): void }) {
  const segments = basisSegments(peer.byBasis, max);
  const words = describeSegments(segments);
  const on = () => controller.emphasize(peerEvidence(peer.peer.id, peer.byBasis), 'peers');
  const off = () => controller.clearEmphasis('peers');
  return (
    <li className="peer" data-peer={peer.peer.id}>
      <button type="button" className="link peer-open" onClick={() => onOpen(peer.peer.id)} onMouseEnter={on} onMouseLeave={off} onFocus={on} onBlur={off} aria-describedby={`peer-why-${peer.peer.id}`}>
        {peer.peer.name} <span className="count">{formatScore(peer.score)}</span>
      </button>
      <ScoreBar segments={segments} />
      <p id={`peer-why-${peer.peer.id}`} className="visually-hidden peer-why">
        Score {formatScore(peer.score)}: {words}
      </p>
    </li>
  );
}

function ScoreBar({ segments }: { segments: readonly BarSegment[] }) {
  return (
    <div className="score-bar" aria-hidden="true">
      {segments.map((s) => (
        <span key={s.basis} className="score-seg" data-basis={s.basis} style={{ width: `${(s.width * 100).toFixed(2)}%`, background: s.colour }} title={`${s.label}: ${formatScore(s.score)}${s.shared.length ? ` (${s.shared.join(', ')})` : ''}`} />
      ))}
    </div>
  );
}
