import fontkit from '@pdf-lib/fontkit';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PrintScaling } from 'pdf-lib';
import { labelCorner, modulePitch, pt, symbolOrigin } from './label-geometry';
import { serialText } from './label-layout';
import { fixedLabelOps, glyphCache, serialPrefix, type LabelContent } from './label-text';
import { BAND_ROWS, embedModuleFont, writeSymbolBands } from './module-font';
import { stampSymbol, type QrEncode } from './qr-symbol';
import type { LabelTemplate } from './template-schema';

export type { LabelContent } from './label-text';
export type LabelStamp = { serial: number; url: string };

/**
 * Renders labels to a PDF. The fixed part of a label is one Form XObject drawn on every label;
 * each QR is its bands shown in the module font at a whole number of printer dots a module,
 * from a corner on the printer's dot grid (label-geometry.ts); the text font is the TTF in
 * labels/, embedded once and subset. Page contents are written as bytes and deflated by the
 * platform's zlib (node:zlib, which Workers have with nodejs_compat), not through pdf-lib's
 * operators and JavaScript deflate: that was most of the time of a large job. Output is
 * deterministic for the same input (fixed dates, fixed subset name, zlib at a fixed level), so a
 * job downloaded twice is byte-identical.
 *
 * `encode` is the QR encoder, replaceable so that `npm run bench` can time the whole job with
 * the general library instead.
 */
export async function renderLabelsPdf(opts: {
  template: LabelTemplate;
  content: LabelContent;
  stamps: LabelStamp[];
  fontBytes: Uint8Array;
  createdAt: Date;
  title: string;
  encode?: QrEncode;
}): Promise<Uint8Array> {
  const { template: t, stamps, encode = stampSymbol } = opts;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(opts.title);
  doc.setProducer('OCOP stamps');
  doc.setCreationDate(opts.createdAt);
  doc.setModificationDate(opts.createdAt);
  // A print dialog's "fit to page" would shrink every label off its die-cut and its modules off
  // the printer's dots: viewers that honour this preset actual size (100%).
  doc.catalog.getOrCreateViewerPreferences().setPrintScaling(PrintScaling.None);
  const font = await doc.embedFont(opts.fontBytes, { subset: true, customName: 'OCOPLB+DejaVuSansCondensed' });
  const moduleFont = embedModuleFont(doc);
  const fixed = doc.context.register(
    doc.context.flateStream(fixedLabelOps(t, opts.content, font), {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, pt(t.label.widthMm), pt(t.label.heightMm)],
      Resources: { Font: { F1: font.ref } },
    }),
  );

  const glyphs = glyphCache(font);
  const slots = new SlotText(t, serialPrefix(t));
  const perSheet = t.grid.columns * t.grid.rows;
  for (let first = 0; first < stamps.length; first += perSheet) {
    const sheet = stamps.slice(first, first + perSheet);
    const symbols = sheet.map((stamp) => encode(stamp.url));
    const out = new Uint8Array(
      symbols.reduce((sum, s) => sum + 320 + Math.ceil(s.size / BAND_ROWS) * (s.size + 3), 16),
    );
    let at = ascii(out, 0, `${BAND_ROWS} TL\n`);
    sheet.forEach((stamp, i) => {
      at = ascii(out, at, slots.label(i));
      at = ascii(out, at, glyphs(serialText(stamp.serial)));
      at = ascii(out, at, slots.qr(i, symbols[i]!.size));
      at = writeSymbolBands(symbols[i]!, out, at);
      at = ascii(out, at, ' ET\n');
    });
    const { node } = doc.addPage([pt(t.page.widthMm), pt(t.page.heightMm)]);
    node.setFontDictionary(PDFName.of('F1'), font.ref);
    node.setFontDictionary(PDFName.of('Q'), moduleFont);
    node.setXObject(PDFName.of('L'), fixed);
    const contents = deflateSync(out.subarray(0, at), { level: 9 });
    node.set(
      PDFName.of('Contents'),
      doc.context.register(
        doc.context.stream(new Uint8Array(contents.buffer, contents.byteOffset, contents.length), {
          Filter: 'FlateDecode',
        }),
      ),
    );
  }
  return doc.save({ useObjectStreams: true });
}

/**
 * The text around each label of a sheet that depends only on its place on the sheet, worked out
 * once per place: the fixed part and the serial's position, then the QR's text matrix, which
 * scales text space to one module and sets its origin on the dot grid.
 */
class SlotText {
  private readonly labels: string[] = [];
  private readonly qrs = new Map<number, string>();
  constructor(
    private readonly t: LabelTemplate,
    private readonly serial: string,
  ) {}

  label(i: number): string {
    return (this.labels[i] ??= (() => {
      const { leftMm, topMm } = labelCorner(this.t, i);
      return `q 1 0 0 1 ${pt(leftMm)} ${Math.round((pt(this.t.page.heightMm) - pt(topMm) - pt(this.t.label.heightMm)) * 100) / 100} cm /L Do ${this.serial}`;
    })());
  }

  qr(i: number, size: number): string {
    const key = size * 10_000 + i;
    let text = this.qrs.get(key);
    if (text === undefined) {
      const { leftMm, topMm } = labelCorner(this.t, i);
      const origin = symbolOrigin(this.t, size, leftMm, topMm);
      const dot = 72 / this.t.printerDpi;
      // Six decimals: the corner lands within a millionth of a point of its dot, far inside
      // what a rasteriser rounds away (Ghostscript works in 1/256 of a pixel).
      const pitch = modulePitch(this.t, size);
      if (pitch.dots < 1) throw new Error(`template ${this.t.id} has no room for a ${size}-module QR`);
      const m = micro(pitch.pt);
      text = `Tj ET Q\nBT /Q 1 Tf ${m} 0 0 ${m} ${micro(origin.x * dot)} ${micro(origin.y * dot)} Tm `;
      this.qrs.set(key, text);
    }
    return text;
  }
}

const micro = (value: number) => String(Math.round(value * 1e6) / 1e6);

function ascii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}
