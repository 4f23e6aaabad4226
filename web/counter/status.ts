/** Colours of a counter's service status (§5.1.5.1), the same on the picker and the workbench. */
import type { CounterStatus } from '../../src/domain/organisation/types.ts';

export const STATUS_COLOURS: Readonly<Record<CounterStatus, string>> = {
  serving: 'green',
  paused: 'orange',
  away: 'gold',
  closed: 'default',
};
