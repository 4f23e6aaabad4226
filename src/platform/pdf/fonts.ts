/**
 * The font of PDF documents. A fresh server has no CJK font installed, so the default
 * is Noto Sans SC (SIL OFL) from the npm package @expo-google-fonts/noto-sans-sc,
 * which ships the full TrueType files: every GB 18030 hanzi a guide can contain, with
 * no system dependency. GOVHALL_PDF_FONT replaces it with a font of the centre's
 * choosing (one file, used for bold too).
 */
import { createRequire } from 'node:module';

/** Resolved against this module, so it holds from src/ and from the bundle in dist/server. */
const requireFrom = createRequire(import.meta.url);

export interface FontFiles {
  readonly normal: string;
  readonly bold: string;
}

export function fontFiles(custom?: string): FontFiles {
  if (custom) return { normal: custom, bold: custom };
  return {
    normal: requireFrom.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: requireFrom.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
}
