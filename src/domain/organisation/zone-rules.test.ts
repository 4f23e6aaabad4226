import { describe, expect, it } from 'vitest';
import { ZONE_KINDS } from './types.ts';
import { areaBalance, defaultPublicUse } from './zone-rules.ts';

describe('§6.1.3 functional areas', () => {
  it('are public except the office and auxiliary areas', () => {
    const privateKinds = ZONE_KINDS.filter((k) => !defaultPublicUse(k));
    expect(privateKinds).toEqual(['office', 'auxiliary']);
  });
});

describe('§6.1.4 citizens use more surface than staff', () => {
  it('sums public and staff surfaces', () => {
    const b = areaBalance([
      { areaM2: 900.5, publicUse: true },
      { areaM2: 120, publicUse: true },
      { areaM2: 600, publicUse: false },
      { areaM2: null, publicUse: false },
    ]);
    expect(b).toEqual({ publicM2: 1020.5, staffM2: 600, publicExceedsStaff: true });
  });
  it('flags a centre whose staff areas are as large as the public ones', () => {
    expect(areaBalance([{ areaM2: 300, publicUse: true }, { areaM2: 300, publicUse: false }]).publicExceedsStaff).toBe(false);
  });
  it('says nothing when no area is measured', () => {
    expect(areaBalance([{ areaM2: null, publicUse: true }]).publicExceedsStaff).toBeNull();
    expect(areaBalance([]).publicExceedsStaff).toBeNull();
  });
});
