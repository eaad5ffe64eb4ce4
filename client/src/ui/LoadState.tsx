import type { Loaded } from './useLoad.js';

interface Props<T> {
  /** The load (useLoad's answer); null: nothing asked, nothing shown. */
  loaded: Loaded<T> | null;
  /** What is loading, in words, from the catalogue ("Loading the details…"). */
  loading: string;
  /** Class of the loading line (the detail panel's: details-loading). */
  loadingClassName?: string;
  /** Said, as a hint, when the load is done and `isEmpty` finds nothing in its value. */
  empty?: string;
  isEmpty?: (value: T) => boolean;
}

/**
 * A panel's load in one place: while loading, a status line; when it failed, an alert with the
 * message (what happened and what to do); when it found nothing, a hint. Nothing once there is
 * something to show: the panel shows it.
 */
export function LoadState<T>({ loaded, loading, loadingClassName, empty, isEmpty }: Props<T>) {
  if (!loaded) return null;
  if (loaded.state === 'loading')
    return (
      <p className={loadingClassName} role="status">
        {loading}
      </p>
    );
  if (loaded.state === 'error')
    return (
      <p className="error" role="alert">
        {loaded.message}
      </p>
    );
  if (empty !== undefined && isEmpty?.(loaded.value)) return <p className="hint">{empty}</p>;
  return null;
}
