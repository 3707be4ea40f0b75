import type { AreaFlag, StateChange } from '../verification/verdict-types';

/** A certificate's standing today: the three stored states, and `expired` read from the calendar. */
export type CertificateLiveStatus = 'valid' | 'suspended' | 'revoked' | 'expired';

/**
 * What a GS1 barcode alone tells about a product (and a lot): public registry facts, never a
 * verdict. No stamp was checked, so nothing here says the pack in someone's hand is genuine.
 */
export type ProductInfo = {
  productId: string;
  subjectId: string;
  product: {
    name: string;
    gtin: string;
    group: {
      taxonomyVersion: string;
      code: string;
      name: string;
      nameEn: string;
      subgroupCode: string;
      subgroupName: string;
    } | null;
  };
  subject: {
    name: string;
    kind: string;
    provinceCode: string;
    provinceName: string | null;
    communeCode: string | null;
    address: string;
    demo: boolean;
  };
  /** The lot's certificate when a lot was asked for, else the product's current one; null when it has none. */
  certificate: {
    id: string;
    number: string;
    stars: number;
    decisionNumber: string;
    decisionDate: string;
    issuerName: string;
    issuerLevel: string;
    validFrom: string;
    validUntil: string;
    status: CertificateLiveStatus;
    statusChange: StateChange;
  } | null;
  /** Null when no lot was asked for, or when the product has no lot of that name. */
  batch: {
    id: string;
    lot: string;
    productionDate: string;
    bestBefore: string | null;
    recall: StateChange;
    areas: {
      name: string;
      kind: string;
      officialCode: string | null;
      provinceCode: string;
      communeCode: string | null;
      standards: { name: string; certificateNumber?: string; expiresOn: string }[];
      flags: AreaFlag[];
    }[];
  } | null;
};
