/**
 * 老年模式 (DB36/T 2016 §5.2.2.1 适老化: a fitting way for the elderly to take a number):
 * larger text, high contrast and fewer steps. Toggled by a big button on every screen
 * and remembered for the browser session (sessionStorage), so a reload or the return
 * to the start screen keeps it; applied as a class on <html> for the style sheet.
 */
import { useCallback, useEffect, useState } from 'react';

const KEY = 'govhall.kiosk.elderly';
const CLASS = 'elderly';

function stored(): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function useElderlyMode(): [boolean, () => void] {
  const [on, setOn] = useState(stored);
  useEffect(() => {
    document.documentElement.classList.toggle(CLASS, on);
    try {
      window.sessionStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // Storage refused: the mode lasts until the page reloads.
    }
  }, [on]);
  const toggle = useCallback(() => setOn((v) => !v), []);
  return [on, toggle];
}
