import { z } from '@hono/zod-openapi';
import { stampUrl } from '../../domain/stamp-codec';
import { fontMeasure, previewSheetSvg } from '../../labels/preview-svg';
import { LABEL_TEMPLATES } from '../../labels/templates';
import { uuid } from '../registry/inputs';
import type { ServiceContext } from '../shared/context';
import { AppError, invalid } from '../shared/errors';
import { authorize } from '../shared/policy';
import { batchLabelContent } from './load-print-context';

const previewInput = z.object({
  batchId: uuid.or(z.literal('').transform(() => null)).refine((v) => v !== null, 'Chọn sản phẩm và lô.'),
  template: z.string().refine((id) => LABEL_TEMPLATES.has(id), 'Chọn một mẫu nhãn trong danh sách.'),
});

/**
 * The first sheet of a batch's labels, as the print will lay it out, with a sample QR of a
 * stamp's length that verifies as nothing: looking reserves no stamp and writes nothing.
 */
export async function previewPrintSheet({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { batchId: string; template: string };
}) {
  authorize(ctx.actor, 'print.read');
  const parsed = previewInput.safeParse(input);
  if (!parsed.success) {
    throw invalid(
      'Vui lòng sửa các trường được đánh dấu.',
      parsed.error.issues.map((i) => ({
        path: i.path[0] === 'batchId' ? 'batch' : String(i.path[0] ?? ''),
        message: i.message,
      })),
    );
  }
  const template = LABEL_TEMPLATES.get(parsed.data.template)!;
  const content = await batchLabelContent(ctx, parsed.data.batchId!);
  if (!ctx.labelFont) throw new AppError('unavailable', 'Máy chủ chưa sẵn sàng để in (thiếu phông chữ nhãn).');
  const sample = stampUrl(ctx.config.PUBLIC_ORIGIN, `MAU-1000000-${'X'.repeat(103)}`);
  return { template, svg: previewSheetSvg(template, content, fontMeasure(await ctx.labelFont()), sample) };
}
