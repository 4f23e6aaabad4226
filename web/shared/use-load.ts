/** Loads data for a screen, with loading and error state, and reloads on demand. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './api.ts';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly loading: boolean;
  readonly error: string | null;
  readonly reload: () => void;
}

/**
 * `load` runs again whenever `key` changes (e.g. the selected centre); a null key
 * loads nothing. Answers of a superseded load are dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string | null): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    setError(null);
    loadRef
      .current()
      .then((value) => {
        if (current) setData(value);
      })
      .catch((e: unknown) => {
        if (current) setError(messageOf(e));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, reload };
}
