/**
 * 大字模式 (DB36/T 2016 §5.2.2.2 无障碍网页): a larger root font and stronger contrast,
 * remembered in localStorage and applied as a class on <html>.
 */
import { useCallback, useEffect, useState } from 'react';

const KEY = 'govhall.portal.largeText';
const CLASS = 'large-text';

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function useLargeText(): [boolean, () => void] {
  const [large, setLarge] = useState(stored);
  useEffect(() => {
    document.documentElement.classList.toggle(CLASS, large);
    try {
      window.localStorage.setItem(KEY, large ? '1' : '0');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, [large]);
  const toggle = useCallback(() => setLarge((v) => !v), []);
  return [large, toggle];
}
