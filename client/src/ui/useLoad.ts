import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; value: T };

export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> | null {
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
            value: { state: 'error', message: e instanceof ApiError ? e.userMessage : 'Could not load the details. Try again.' },
          });
      },
    );
    return () => abort.abort();
  }, [key]);
  if (key === null) return null;
  return result?.key === key ? result.value : { state: 'loading' };
}
