import { z } from '@hono/zod-openapi';
import { TARGET_KINDS } from '../../domain/plan-targets';
import { GRANULARITIES } from '../../domain/statistics-periods';
import { isoDate, provinceCode } from '../registry/inputs';

/** Input schemas of the statistics: routes validate with them, services take their types. */
/** The query as a route declares it (OpenAPI parameters); `statisticsQuery` adds the checks across fields. */
export const statisticsQueryParams = z
  .object({
    granularity: z
      .enum(GRANULARITIES, 'Kỳ báo cáo phải là tháng (month), quý (quarter) hoặc năm (year).')
      .default('quarter')
      .openapi({ description: 'Kỳ báo cáo: month, quarter hoặc year (giờ Việt Nam)' }),
    from: isoDate.optional().openapi({ description: 'Từ ngày (mặc định 01/01 năm nay); kỳ đầu được lấy trọn' }),
    to: isoDate.optional().openapi({ description: 'Đến ngày (mặc định hôm nay); kỳ cuối được lấy trọn' }),
    province: provinceCode
      .optional()
      .openapi({ description: 'Chỉ một tỉnh (cơ quan Trung ương); tài khoản cấp tỉnh luôn chỉ thấy tỉnh mình' }),
  })
  .openapi('StatisticsQuery');
export const statisticsQuery = statisticsQueryParams.refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: 'Ngày bắt đầu phải trước ngày kết thúc.',
  path: ['to'],
});
export type StatisticsQuery = z.output<typeof statisticsQuery>;

const year = z
  .number('Năm phải là một số.')
  .int('Năm phải là số nguyên.')
  .min(2018, 'Năm phải từ 2018 (năm bắt đầu Chương trình OCOP giai đoạn 2018–2020) trở đi.')
  .max(2100, 'Năm không hợp lệ.');

export const recordTargetInput = z
  .object({
    kind: z.enum(TARGET_KINDS, 'Loại chỉ tiêu không hợp lệ.'),
    value: z
      .number('Chỉ tiêu phải là một số.')
      .int('Chỉ tiêu phải là số nguyên.')
      .min(1, 'Chỉ tiêu phải lớn hơn 0.')
      .max(1_000_000, 'Chỉ tiêu quá lớn.'),
    units: z
      .number('Số xã (huyện) phải là một số.')
      .int('Số xã (huyện) phải là số nguyên.')
      .min(1, 'Số xã (huyện) phải lớn hơn 0.')
      .max(10_000, 'Số xã (huyện) quá lớn.')
      .nullish()
      .openapi({ description: 'Số xã (hoặc huyện) kế hoạch bao phủ: mẫu số của chỉ tiêu theo xã' }),
    sinceYear: year.optional().openapi({ description: 'Năm bắt đầu tính (mặc định: năm của chỉ tiêu)' }),
    year,
    note: z.string().trim().max(300, 'Ghi chú tối đa 300 ký tự.').optional(),
    province: provinceCode
      .nullish()
      .openapi({ description: 'Tỉnh của kế hoạch; để trống với kế hoạch toàn quốc (cơ quan Trung ương)' }),
  })
  .refine((t) => t.kind !== 'share_upgraded' || t.value <= 100, {
    message: 'Tỷ lệ nâng hạng tính theo phần trăm: tối đa 100.',
    path: ['value'],
  })
  .refine((t) => (t.sinceYear ?? t.year) <= t.year, {
    message: 'Năm bắt đầu phải trước hoặc bằng năm của chỉ tiêu.',
    path: ['sinceYear'],
  })
  .openapi('RecordPlanTarget');
export type RecordTargetInput = z.output<typeof recordTargetInput>;
