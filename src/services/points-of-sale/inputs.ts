import { z } from '@hono/zod-openapi';
import { communeCode, isoDate, provinceCode, text, uuid } from '../registry/inputs';

/** Input schemas of retailer organisations and points of sale, shared by routes, console and services. */
export const REGISTRATION_STATUSES = ['open', 'suspended', 'closed'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const registerOrganisationInput = z
  .object({
    name: text(200).openapi({ example: 'Công ty TNHH Đặc sản Xứ Lạng' }),
    registrationNumber: text(40).openapi({ example: '4900123456' }),
    address: text(300),
    provinceCode,
    communeCode: communeCode.optional(),
  })
  .openapi('RegisterRetailOrganisation');

/** An organisation stays in its province: moving it is closing it and registering it elsewhere. */
export const updateOrganisationInput = registerOrganisationInput
  .omit({ provinceCode: true })
  .partial()
  .openapi('UpdateRetailOrganisation');

export const registerPointOfSaleInput = z
  .object({
    organisationId: uuid,
    name: text(200).openapi({ example: 'Điểm giới thiệu và bán sản phẩm OCOP Chợ Đông Kinh' }),
    address: text(300),
    communeCode: communeCode.openapi({ example: '06265' }),
    communeName: text(100).openapi({ example: 'Phường Đông Kinh' }),
    openedOn: isoDate,
  })
  .openapi('RegisterPointOfSale');

export const updatePointOfSaleInput = registerPointOfSaleInput
  .omit({ organisationId: true })
  .partial()
  .openapi('UpdatePointOfSale');

/**
 * A change of standing, with its reason. Closing is for good (a closed shop reopening is a new
 * registration, so its plaque's history stays true); `closedOn` defaults to today in Vietnam.
 */
export const changeRegistrationStatusInput = z
  .object({
    status: z.enum(REGISTRATION_STATUSES),
    reason: text(500).openapi({ example: 'Tạm dừng chờ kiểm tra nguồn hàng' }),
    closedOn: isoDate.optional(),
  })
  .openapi('ChangeRegistrationStatus');

export const pointsOfSaleQuery = z.object({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const idInput = z.object({ id: uuid });
