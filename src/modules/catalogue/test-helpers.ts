/** Request bodies for the catalogue's module tests (and the route walk). */
import { FIXTURE_USCC, guide } from '../../domain/catalogue/test-fixtures.ts';
import type { ItemGuide } from '../../domain/catalogue/guide.ts';
import { nextSeq } from '../../test/factories.ts';

/** A fresh 12-character basic code. */
export function basicCode(): string {
  return `${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}${String(nextSeq()).padStart(6, '0')}`;
}

/** 31 characters: the fixture body's USCC, level 3 (市级), the basic code. */
export function implementationCodeOf(basic: string, level = '3'): string {
  return `${FIXTURE_USCC}${level}${basic}`;
}

/** A main item with a complete, publishable guide. */
export function itemInput(departmentId: string, overrides: Record<string, unknown> = {}, guideOverrides: Partial<ItemGuide> = {}) {
  const basic = basicCode();
  return {
    departmentId,
    level: 'main',
    basicCode: basic,
    implementationCode: implementationCodeOf(basic),
    guide: guide(guideOverrides),
    ...overrides,
  };
}
