/**
 * A minimal typing of pdfmake 0.3 document definitions: the nodes GovHall's documents
 * use. See https://pdfmake.github.io/docs/0.3/document-definition-object/.
 */
export type Margins = number | [number, number] | [number, number, number, number];

export interface TextRun {
  text: string | TextRun[];
  bold?: boolean;
  fontSize?: number;
  color?: string;
  style?: string | string[];
}

interface NodeStyle {
  style?: string | string[];
  margin?: Margins;
  fontSize?: number;
  bold?: boolean;
  color?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  width?: number | '*' | 'auto';
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  /** Marks a heading for {@link DocDefinition.pageBreakBefore}. */
  headlineLevel?: number;
  /** Indent of a paragraph's first line, in points (两字缩进 of official documents). */
  leadingIndent?: number;
}

export interface TableCell extends NodeStyle {
  text?: string | TextRun[];
  stack?: Content[];
  colSpan?: number;
  fillColor?: string;
}

export type Content =
  | string
  | Content[]
  | (NodeStyle & { text: string | (string | TextRun)[] })
  | (NodeStyle & { stack: Content[] })
  | (NodeStyle & { columns: Content[]; columnGap?: number })
  | (NodeStyle & { ol: Content[] } )
  | (NodeStyle & { ul: Content[] })
  | (NodeStyle & { image: string; fit?: [number, number] })
  | (NodeStyle & {
      table: { widths?: (number | '*' | 'auto')[]; headerRows?: number; dontBreakRows?: boolean; body: (TableCell | string)[][] };
      layout?: string;
    });

export interface StyleDef {
  fontSize?: number;
  bold?: boolean;
  color?: string;
  margin?: Margins;
  alignment?: 'left' | 'center' | 'right';
  lineHeight?: number;
  fillColor?: string;
  leadingIndent?: number;
}

export interface DocDefinition {
  /** PDF metadata (Title is required: it names the document in a viewer's title bar). */
  info: { title: string; subject?: string; author?: string; keywords?: string; creationDate?: Date };
  pageSize?: 'A4' | 'A5';
  pageMargins?: Margins;
  content: Content;
  styles?: Record<string, StyleDef>;
  defaultStyle?: StyleDef;
  footer?: (currentPage: number, pageCount: number) => Content;
  /** Images by name, as data URLs (never file paths or remote URLs: both are refused). */
  images?: Record<string, string>;
  /** Asked of each node after layout: true moves it to a new page (and lays out again). */
  pageBreakBefore?: (node: { headlineLevel?: number; startPosition?: { verticalRatio: number; pageInnerHeight: number } }) => boolean;
  language?: string;
}
