import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LoadState } from '../../../client/src/ui/LoadState.js';
import type { Loaded } from '../../../client/src/ui/useLoad.js';

/** The markup the panels showed before LoadState, for each state: the e2e tests and screen readers rely on it. */
const render = (loaded: Loaded<string[]> | null, extra: { loadingClassName?: string; empty?: string } = {}) =>
  renderToStaticMarkup(
    createElement(LoadState<string[]>, { loaded, loading: 'Loading the peers…', isEmpty: (v) => v.length === 0, ...extra }),
  );

describe('LoadState: a panel’s loading, failure and nothing-found lines', () => {
  it('says what is loading in a status line, with the panel’s class', () => {
    expect(render({ state: 'loading' })).toBe('<p role="status">Loading the peers…</p>');
    expect(render({ state: 'loading' }, { loadingClassName: 'details-loading' })).toBe(
      '<p class="details-loading" role="status">Loading the peers…</p>',
    );
  });

  it('gives a failure’s message in an alert', () => {
    expect(render({ state: 'error', message: 'The server cannot be reached. Try again.' })).toBe(
      '<p class="error" role="alert">The server cannot be reached. Try again.</p>',
    );
  });

  it('says when nothing was found, and nothing when there is something to show or nothing was asked', () => {
    expect(render({ state: 'done', value: [] }, { empty: 'No peers found.' })).toBe('<p class="hint">No peers found.</p>');
    expect(render({ state: 'done', value: [] })).toBe('');
    expect(render({ state: 'done', value: ['roeselare'] }, { empty: 'No peers found.' })).toBe('');
    expect(render(null)).toBe('');
  });
});
