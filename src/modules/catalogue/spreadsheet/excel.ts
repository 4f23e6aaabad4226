import type ExcelJS from 'exceljs';

/**
 * exceljs takes ≈ 0.2 s to load: it is loaded when a workbook is first handled, not
 * at start-up, which keeps the restart figure (docs/benchmarks.md) within its limit.
 */
export async function emptyWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}
