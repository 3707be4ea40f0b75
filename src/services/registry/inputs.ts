import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../../domain/calendar';
import { isValidGtin } from '../../domain/gtin';
import { isProvinceCode } from '../../data/provinces';
import { NOT_PLAIN_TEXT_MESSAGE } from '../../domain/plain-text';

/** Input schemas shared by routes (validation + OpenAPI) and services (types). */
export const isoDate = z
  .string()
  .refine(isIsoDate, 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.')
  .openapi({ example: '2025-09-15', format: 'date' });
export const provinceCode = z
  .string()
  .refine(isProvinceCode, 'Mã tỉnh không thuộc 34 đơn vị hiện hành.')
  .openapi({ example: '20', description: 'Mã tỉnh 2 chữ số (QĐ 19/2025/QĐ-TTg)' });
export const communeCode = z.string().regex(/^\d{5}$/, 'Mã xã gồm 5 chữ số.');
export const text = (max: number) => z.string().trim().min(1, 'Không được để trống.').max(max);
export const uuid = z.uuid('Mã định danh không hợp lệ.');

export const createSubjectInput = z
  .object({
    kind: z.enum(['htx', 'to_hop_tac', 'doanh_nghiep', 'ho_kinh_doanh']),
    name: text(200),
    registrationNumber: text(40),
    provinceCode,
    communeCode: communeCode.optional(),
    addressAsIssued: text(300),
  })
  .openapi('CreateSubject');

const standard = z.object({
  name: text(60).openapi({ example: 'VietGAP' }),
  certificateNumber: text(60).optional(),
  expiresOn: isoDate,
});

export const createAreaInput = z
  .object({
    subjectId: uuid,
    kind: z.enum(['growing_area', 'packing_house', 'other']),
    name: text(200),
    officialCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{3,40}$/, 'Mã vùng trồng/cơ sở đóng gói gồm chữ in hoa, số và dấu gạch.')
      .optional(),
    provinceCode,
    communeCode: communeCode.optional(),
    geojson: z.object({ type: z.string() }).loose().optional(),
    standards: z.array(standard).max(20).default([]),
  })
  .openapi('CreateRawMaterialArea');

export const createProductInput = z
  .object({
    subjectId: uuid,
    name: text(200),
    taxonomyVersion: z.enum(['2022', '2019']).default('2022'),
    groupCode: z.string().regex(/^[1-6]$/, 'Nhóm sản phẩm từ 1 đến 6.'),
    subgroupCode: z.string().regex(/^[1-6]\.\d{1,2}$/, 'Phân nhóm có dạng 1.1.'),
    gtin: z.string().refine(isValidGtin, 'GTIN sai độ dài hoặc sai số kiểm tra.').optional(),
  })
  .openapi('CreateProduct');

export const createCertificateInput = z
  .object({
    productId: uuid,
    number: text(60),
    score: z.number().int().min(0).max(100),
    stars: z.number().int().min(3, 'Chỉ sản phẩm từ 3 sao trở lên được chứng nhận OCOP.').max(5),
    issuerName: text(200),
    issuerLevel: z.enum(['district', 'province', 'central']),
    decisionNumber: text(60),
    decisionDate: isoDate,
  })
  .openapi('CreateCertificate');

const batchFields = {
  productId: uuid,
  certificateId: uuid.optional(),
  lot: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._/-]{1,20}$/, 'Số lô tối đa 20 ký tự: chữ, số, . _ / -'),
  productionDate: isoDate,
  bestBefore: isoDate.optional(),
  quantity: z.number().int().min(1).max(10_000_000),
  areaIds: z.array(uuid).max(20).default([]),
};

export const createBatchInput = z
  .object(batchFields)
  .refine((b) => !b.bestBefore || b.bestBefore >= b.productionDate, {
    message: 'Hạn sử dụng phải sau ngày sản xuất.',
    path: ['bestBefore'],
  })
  .openapi('CreateBatch');

/** Edits: any subset of the editable fields; owners and links (subjectId, productId…) are fixed. */
export const updateSubjectInput = createSubjectInput.partial().openapi('UpdateSubject');
export const updateAreaInput = createAreaInput.omit({ subjectId: true }).partial().openapi('UpdateRawMaterialArea');
export const updateProductInput = createProductInput.omit({ subjectId: true }).partial().openapi('UpdateProduct');
export const updateBatchInput = z
  .object(batchFields)
  .omit({ productId: true, certificateId: true, areaIds: true })
  .partial()
  .openapi('UpdateBatch');

/**
 * What a person types into a search box. Beside NUL and lone surrogates (refused for every input),
 * U+FFFD is refused: it is what a decoder leaves of bytes that were not UTF-8, so the words were
 * broken on the way and would silently find nothing.
 */
export const searchQuery = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((q) => !q.includes('\uFFFD'), NOT_PLAIN_TEXT_MESSAGE);

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: searchQuery(100).optional(),
});

export type CreateSubjectInput = z.infer<typeof createSubjectInput>;
export type CreateAreaInput = z.infer<typeof createAreaInput>;
export type CreateProductInput = z.infer<typeof createProductInput>;
export type CreateCertificateInput = z.infer<typeof createCertificateInput>;
export type CreateBatchInput = z.infer<typeof createBatchInput>;
export type ListQuery = z.infer<typeof listQuery>;
