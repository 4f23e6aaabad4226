/** Pieces both screens share: the clock, the scrolling notice, the connection badge, the flash. */
import { useEffect, useState } from 'react';
import { formatDate, formatTime, formatWeekday, useNow } from './clock.ts';
import type { LinkState } from './live.ts';
import { noticePieces } from './state.ts';

export function Clock() {
  const now = useNow();
  return (
    <div className="clock" data-testid="clock">
      <span className="clock-date">
        {formatDate(now)} {formatWeekday(now)}
      </span>
      <span className="clock-time num">{formatTime(now)}</span>
    </div>
  );
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia(reducedMotionQuery).matches);
  useEffect(() => {
    const query = window.matchMedia(reducedMotionQuery);
    const update = () => setReduced(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}

/** Scroll speed of the notice: 12u (120 px at 1920) per second, slow enough to read from afar. */
const SPEED_U_PER_S = 12;
const FONT_U = 4.6;
const TRACK_U = 170;
const PIECE_MS = 8_000;

/**
 * The centre's notice, scrolling right to left; with reduced motion (an OS setting the
 * hall's screen may carry, DB36/T 2016 §5.2.2.2), a sentence at a time, standing still.
 */
export function Notice({ text }: { readonly text: string }) {
  const reduced = useReducedMotion();
  const pieces = noticePieces(text);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    setIndex(0);
    if (!reduced || pieces.length < 2) return;
    const timer = window.setInterval(() => setIndex((i) => i + 1), PIECE_MS);
    return () => window.clearInterval(timer);
  }, [reduced, pieces.length, text]);
  if (!text.trim()) return null;
  const seconds = Math.max(12, (TRACK_U + text.length * FONT_U) / SPEED_U_PER_S);
  return (
    <footer className="notice" aria-label="通知公告">
      <span className="notice-label">公告</span>
      <div className="notice-track">
        {reduced ? (
          <span className="notice-text" data-testid="notice-text">
            {pieces[index % pieces.length] ?? text}
          </span>
        ) : (
          <span className="notice-text" data-testid="notice-text" style={{ ['--notice-seconds' as string]: `${seconds.toFixed(1)}s` }}>
            {text}
          </span>
        )}
      </div>
    </footer>
  );
}

export function LinkBadge({ state }: { readonly state: LinkState }) {
  if (state === 'live') return null;
  const text = state === 'connecting' ? '正在连接…' : '连接中断，正在重连…';
  return (
    <div className="link-badge" role="status" data-testid="link-badge">
      {text}
    </div>
  );
}

/** True for `ms` after `key` changes (not at first render): drives the flash of a new call. */
export function useFlash(key: number, ms = 2_600): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (key === 0) return;
    setOn(true);
    const timer = window.setTimeout(() => setOn(false), ms);
    return () => window.clearTimeout(timer);
  }, [key, ms]);
  return on;
}
