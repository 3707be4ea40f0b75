import { z } from 'zod';
import { renderLabelsPdf } from '../../labels/render-labels';
import { templateModuleProblem } from '../../labels/stamp-fit';
import { LABEL_TEMPLATES } from '../../labels/templates';
import { stampUrl } from '../../domain/stamp-codec';
import { AppError, invalid, notFound } from '../shared/errors';
import { labelContent, loadPrintJob } from './load-print-context';
import { partSize } from './create-print-job';
import { service } from '../shared/service';

/** One part of a job as PDF bytes: derived from the job row, so every download is identical. */
export const renderPrintPart = service({
  action: 'print.read',
  input: z.object({ jobId: z.uuid(), part: z.number().int().min(1).max(10_000) }),
  run: async ({ ctx, input: { jobId, part } }) => {
    const row = await loadPrintJob(ctx, jobId);
    const size = partSize(row.job.templateId);
    const first = (part - 1) * size;
    if (first >= row.job.quantity) throw notFound(`phần ${part} của lệnh in`);
    const signer = await ctx.keys.signerFor(row.range.kid);
    if (!signer || !ctx.labelFont)
      throw new AppError('unavailable', 'Máy chủ chưa sẵn sàng để in (thiếu khóa ký hoặc phông chữ).');
    const template = LABEL_TEMPLATES.get(row.job.templateId)!;
    // The job was checked when it was made; PUBLIC_ORIGIN may have grown since.
    const problem = templateModuleProblem(template, ctx.config.PUBLIC_ORIGIN, row.range.kid, row.range.lastSerial);
    if (problem) throw invalid(problem, [{ path: 'template', message: problem }]);
    const count = Math.min(size, row.job.quantity - first);
    const stamps = [];
    for (let i = 0; i < count; i++) {
      const serial = row.range.firstSerial + first + i;
      stamps.push({ serial, url: stampUrl(ctx.config.PUBLIC_ORIGIN, await signer.signStamp(serial)) });
    }
    const pdf = await renderLabelsPdf({
      template,
      content: labelContent(row),
      stamps,
      fontBytes: await ctx.labelFont(),
      createdAt: row.job.createdAt,
      title: `Tem OCOP – ${row.product.name} – lô ${row.batch.lot} – phần ${part}`,
    });
    return { pdf, fileName: partFileName(row.batch.lot, row.job.id, part) };
  },
});

/**
 * A part's file name, telling jobs and parts apart in a downloads folder: the lot as typed
 * (Vietnamese kept; the route adds an ASCII fallback), the job's first 8 hex digits, the part.
 */
export function partFileName(lot: string, jobId: string, part: number): string {
  const safeLot =
    lot
      .normalize('NFC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not hold
      .replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'lo';
  return `tem-${safeLot}-${jobId.slice(0, 8)}-phan-${part}.pdf`;
}
