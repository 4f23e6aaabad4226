import type ExcelJS from 'exceljs';

/**
 * exceljs takes ≈ 0.2 s to load: it is loaded when a workbook is first handled, not
 * at start-up, which keeps the restart figure (docs/benchmarks.md) within its limit.
 */
export async function emptyWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}

/** A workbook with fixed dates, so that the same content gives the same file. */
export async function newWorkbook(title: string): Promise<ExcelJS.Workbook> {
  const wb = await emptyWorkbook();
  wb.creator = 'GovHall';
  wb.title = title;
  wb.created = new Date(0);
  wb.modified = new Date(0);
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
