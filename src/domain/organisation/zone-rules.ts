/** Rules of a centre's functional areas (§6.1.3) and their surfaces (§6.1.4). */
import type { ZoneKind } from './types.ts';

/**
 * Whether citizens use an area of this kind, when the caller does not say: every
 * area of §6.1.3 serves the public except the office and auxiliary areas.
 */
export function defaultPublicUse(kind: ZoneKind): boolean {
  switch (kind) {
    case 'office':
    case 'auxiliary':
      return false;
    case 'consultation':
    case 'counter':
    case 'self_service':
    case 'enterprise':
    case 'form_filling':
    case 'public_information':
    case 'waiting':
    case 'complaint':
      return true;
  }
}

export interface AreaBalance {
  /** m² of areas used by citizens. */
  readonly publicM2: number;
  /** m² of areas used by staff only. */
  readonly staffM2: number;
  /** §6.1.4: 服务对象使用面积应大于工作人员使用面积 (null when no area is measured). */
  readonly publicExceedsStaff: boolean | null;
}

/** §6.1.4: the surface used by citizens should exceed the surface used by staff. */
export function areaBalance(zones: readonly { readonly areaM2: number | null; readonly publicUse: boolean }[]): AreaBalance {
  let publicM2 = 0;
  let staffM2 = 0;
  let measured = false;
  for (const z of zones) {
    if (z.areaM2 === null) continue;
    measured = true;
    if (z.publicUse) publicM2 += z.areaM2;
    else staffM2 += z.areaM2;
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return { publicM2: round(publicM2), staffM2: round(staffM2), publicExceedsStaff: measured ? publicM2 > staffM2 : null };
}
