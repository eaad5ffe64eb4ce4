import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { t } from '../i18n/index.js';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; value: T };

/**
 * Loads `key`'s value (again when the key changes; the previous load is aborted). A failure's
 * message is the API's (what happened, what to do), else `failed` (a catalogue message).
 */
export function useLoad<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  failed: () => string = () => t('messages:error.loadFailed'),
): Loaded<T> | null {
  const [result, setResult] = useState<{ key: string; value: Loaded<T> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    setResult({ key, value: { state: 'loading' } });
    load(abort.signal).then(
      (value) => setResult({ key, value: { state: 'done', value } }),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError')
          setResult({
            key,
            value: { state: 'error', message: e instanceof ApiError ? e.userMessage : failed() },
          });
      },
    );
    return () => abort.abort();
  }, [key]);
  if (key === null) return null;
  return result?.key === key ? result.value : { state: 'loading' };
}
