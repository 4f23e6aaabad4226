/**
 * The part of pdfmake 0.3 (server build, CommonJS singleton) that GovHall uses; the
 * package ships no types. Document definitions are typed in ./types.ts.
 */
declare module 'pdfmake' {
  export interface PdfMakeFontFiles {
    normal: string;
    bold?: string;
    italics?: string;
    bolditalics?: string;
  }
  export interface PdfMakeOutput {
    getBuffer(): Promise<Buffer>;
  }
  export interface PdfMake {
    readonly virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
    setFonts(fonts: Record<string, PdfMakeFontFiles>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(docDefinition: object): PdfMakeOutput;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
