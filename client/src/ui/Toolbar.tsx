import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, explainError } from '../api/client.js';
import { API_LIMITS, exportSelection } from '../api/graphApi.js';
import type { GraphCanvas } from '../graph/GraphCanvas.js';
import { exportSelectionOf, withView } from '../graph/exportData.js';
import type { PartnershipMode } from '../graph/model.js';
import { wholeGraphElements, type Controller, type Session } from '../state/controller.js';
import { LANGUAGES, LANGUAGE_NAMES, isLang } from '../i18n/languages.js';
import { LAYOUTS, isLayoutName, layoutLabel } from '../state/display/index.js';
import { download } from './download.js';

interface Props {
  controller: Controller;
  session: Session;
  canvas: GraphCanvas | null;
  onRatings(): void;
}

/** View controls: whole graph, layout, partnership drawing, size, list/graph, exports, language. */
export function Toolbar({ controller, session, canvas, onRatings }: Props) {
  const { t } = useTranslation();
  const { display, view } = session.app;
  const [copied, setCopied] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  const closeMenu = () => menu.current?.removeAttribute('open');
  const stamp = new Date().toISOString().slice(0, 10);
  // The image exporters load when first used (ADR 0030).
  const downloadPng = async () => {
    if (!canvas) return;
    const { exportPng } = await import('../graph/imageExport.js');
    download(`cooperation-atlas-${stamp}.png`, await exportPng(canvas.cy));
  };
  const downloadSvg = async () => {
    if (!canvas) return;
    const { exportSvg } = await import('../graph/imageExport.js');
    download(`cooperation-atlas-${stamp}.svg`, exportSvg(canvas.cy), 'image/svg+xml');
  };
  // Data downloads: the server writes them (as npm run export does, with every fact's sources), so they import back (ADR 0028).
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const selection = exportSelectionOf(session.visible, session.app.filters.hiddenRelationKinds);
  const dataTitle =
    selection.ids.length === 0
      ? t('toolbar.exportNothing')
      : selection.ids.length > API_LIMITS.exportIds
        ? t('toolbar.exportTooMany', { limit: API_LIMITS.exportIds })
        : t('toolbar.exportDataTitle');
  const dataDisabled = exporting || selection.ids.length === 0 || selection.ids.length > API_LIMITS.exportIds;
  /** Asks the server for the view's data in `format` and saves its file number `index` (CSV: 0 nodes, 1 edges). */
  const exportData = async (format: 'JSON' | 'CSV', index: number, filename: string) => {
    setExporting(true);
    setExportError(null);
    try {
      const file = (await exportSelection(selection.ids, selection.relationKinds, format)).files[index]!;
      const content =
        format === 'JSON' ? withView(file.content, { url: window.location.href, exportedAt: new Date().toISOString() }) : file.content;
      download(filename, content, file.mediaType);
    } catch (e) {
      setExportError(e instanceof ApiError ? e.userMessage : explainError('INTERNAL', undefined));
    } finally {
      setExporting(false);
    }
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt(t('toolbar.copyPrompt'), window.location.href);
    }
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button
        type="button"
        aria-pressed={view.showAll}
        onClick={() => controller.setShowAll(!view.showAll)}
        title={
          session.scope === 'overview' || (session.size && !view.showAll && wholeGraphElements(session.size) > session.budgets.overview)
            ? t('toolbar.showAllOverBudget')
            : t('toolbar.showAllTitle')
        }
      >
        {t('toolbar.showAll')}
      </button>
      <label>
        {t('toolbar.layout')}{' '}
        <select
          value={display.layout}
          onChange={(e) => isLayoutName(e.target.value) && controller.setDisplay({ layout: e.target.value })}
          data-testid="layout"
        >
          {LAYOUTS.map((l) => (
            <option key={l.name} value={l.name}>
              {layoutLabel(l.name)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('toolbar.partnershipsAs')}{' '}
        <select
          value={display.partnerships}
          onChange={(e) => controller.setDisplay({ partnerships: partnershipMode(e.target.value) })}
          data-testid="partnerships"
        >
          <option value="auto">{t('toolbar.partnershipMode.auto')}</option>
          <option value="edges">{t('toolbar.partnershipMode.edges')}</option>
          <option value="nodes">{t('toolbar.partnershipMode.nodes')}</option>
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={display.sizeByDegree} onChange={(e) => controller.setDisplay({ sizeByDegree: e.target.checked })} />{' '}
        {t('toolbar.sizeByRelations')}
      </label>
      <div className="segmented" role="group" aria-label={t('toolbar.showAs')}>
        <button type="button" aria-pressed={display.panel === 'graph'} onClick={() => controller.setDisplay({ panel: 'graph' })}>
          {t('toolbar.panel.graph')}
        </button>
        <button type="button" aria-pressed={display.panel === 'list'} onClick={() => controller.setDisplay({ panel: 'list' })}>
          {t('toolbar.panel.list')}
        </button>
        <button type="button" aria-pressed={display.panel === 'map'} onClick={() => controller.setDisplay({ panel: 'map' })}>
          {t('toolbar.panel.map')}
        </button>
      </div>
      <button type="button" onClick={onRatings}>
        {t('toolbar.ratings')}
      </button>
      <details className="menu" ref={menu}>
        <summary>{t('toolbar.export')}</summary>
        <div className="menu-items" onClick={closeMenu}>
          <button type="button" onClick={() => void downloadPng()} disabled={!canvas}>
            {t('toolbar.exportPng')}
          </button>
          <button type="button" onClick={downloadSvg} disabled={!canvas}>
            {t('toolbar.exportSvg')}
          </button>
          <button
            type="button"
            onClick={() => void exportData('JSON', 0, `cooperation-atlas-${stamp}.json`)}
            disabled={dataDisabled}
            title={dataTitle}
          >
            {t('toolbar.exportJson')}
          </button>
          <button
            type="button"
            onClick={() => void exportData('CSV', 0, `cooperation-atlas-nodes-${stamp}.csv`)}
            disabled={dataDisabled}
            title={dataTitle}
          >
            {t('toolbar.exportNodes')}
          </button>
          <button
            type="button"
            onClick={() => void exportData('CSV', 1, `cooperation-atlas-relations-${stamp}.csv`)}
            disabled={dataDisabled}
            title={dataTitle}
          >
            {t('toolbar.exportRelations')}
          </button>
        </div>
      </details>
      {exportError && (
        <p className="error toolbar-error" role="alert" data-testid="export-error">
          {t('toolbar.exportFailed', { detail: exportError })}
        </p>
      )}
      <button type="button" onClick={() => void copyLink()} title={t('toolbar.copyLinkTitle')}>
        {copied ? t('toolbar.linkCopied') : t('toolbar.copyLink')}
      </button>
      <label className="language">
        <span className="visually-hidden">{t('toolbar.language')}</span>
        <select
          value={session.app.lang}
          onChange={(e) => isLang(e.target.value) && controller.setLanguage(e.target.value)}
          data-testid="language"
        >
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

const partnershipMode = (value: string): PartnershipMode => (value === 'edges' || value === 'nodes' ? value : 'auto');
