/**
 * Phone and ID number entry at a public kiosk: an on-screen number pad for touch, the
 * physical keyboard for everyone else, and a masked echo — the number is never shown
 * in full on a screen others can see (personal data; DB36/T 2016 §5.2.2.1: 注意保护服务对象隐私).
 */
import type { KeyboardEvent } from 'react';
import { cleanIdNumber, cleanPhone, echoIdNumber, echoPhone } from '../shared/public-queue.ts';

export type EntryKind = 'phone' | 'idNumber';

const MAX: Record<EntryKind, number> = { phone: 11, idNumber: 18 };

function clean(kind: EntryKind, raw: string): string {
  return kind === 'phone' ? cleanPhone(raw) : cleanIdNumber(raw);
}

function echo(kind: EntryKind, value: string): string {
  return kind === 'phone' ? echoPhone(value) : echoIdNumber(value);
}

/** The value after one key (a digit, X, 删除 or 清空). */
export function applyKey(kind: EntryKind, value: string, key: string): string {
  if (key === 'Backspace') return value.slice(0, -1);
  if (key === 'Clear') return '';
  if (value.length >= MAX[kind]) return value;
  return clean(kind, value + key);
}

interface FieldProps {
  readonly id: string;
  readonly kind: EntryKind;
  readonly label: string;
  readonly hint: string;
  readonly value: string;
  readonly error: string | null;
  readonly active: boolean;
  readonly onActivate: () => void;
  readonly onChange: (value: string) => void;
}

export function KeypadField({ id, kind, label, hint, value, error, active, onActivate, onChange }: FieldProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Tab' || e.key === 'Enter' || e.key.startsWith('Arrow') || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    if (e.key === 'Backspace' || e.key === 'Delete') onChange(applyKey(kind, value, 'Backspace'));
    else if (e.key === 'Escape') onChange('');
    else if (/^[0-9xX]$/.test(e.key)) onChange(applyKey(kind, value, e.key.toUpperCase()));
  };
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`k-field${active ? ' is-active' : ''}`}>
      <label htmlFor={id}>
        {label}
        <span className="k-optional">（选填）</span>
      </label>
      <input
        id={id}
        className="k-entry"
        type="text"
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        value={echo(kind, value)}
        placeholder="点此后用数字键输入"
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onFocus={onActivate}
        onClick={onActivate}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          e.preventDefault();
          onChange(clean(kind, e.clipboardData.getData('text')));
        }}
        // Every change goes through onKeyDown and the pad; the shown value is the masked echo.
        onChange={() => undefined}
      />
      <p id={hintId} className="k-hint">
        {hint}
      </p>
      {error && (
        <p id={errorId} className="k-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The number pad; it types into the field that is active. */
export function Keypad({ kind, targetLabel, onKey }: { kind: EntryKind; targetLabel: string; onKey: (key: string) => void }) {
  return (
    <div className="keypad" role="group" aria-label={`数字键盘，正在输入${targetLabel}`}>
      {DIGIT_KEYS.map((k) => (
        <button key={k} type="button" className="key" onClick={() => onKey(k)}>
          {k}
        </button>
      ))}
      {kind === 'idNumber' ? (
        <button type="button" className="key" onClick={() => onKey('X')} aria-label="字母 X（身份证号最后一位）">
          X
        </button>
      ) : (
        <span className="key key-blank" aria-hidden="true" />
      )}
      <button type="button" className="key" onClick={() => onKey('0')}>
        0
      </button>
      <button type="button" className="key key-action" onClick={() => onKey('Backspace')} aria-label="删除一位">
        删除
      </button>
      <button type="button" className="key key-action key-wide" onClick={() => onKey('Clear')} aria-label={`清空${targetLabel}`}>
        清空
      </button>
    </div>
  );
}
