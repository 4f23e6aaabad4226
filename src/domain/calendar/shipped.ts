/**
 * The holiday arrangements shipped with the platform, from the notices of the
 * General Office of the State Council (国务院办公厅关于部分节假日安排的通知) in
 * holiday-cn format; see data/. An administrator loads later years (or corrects
 * one of these) through the API without a release.
 */
import y2024 from './data/2024.json' with { type: 'json' };
import y2025 from './data/2025.json' with { type: 'json' };
import y2026 from './data/2026.json' with { type: 'json' };
import type { HolidayYear } from './types.ts';

export const SHIPPED_YEARS: readonly HolidayYear[] = [y2024, y2025, y2026];
