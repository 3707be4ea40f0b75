import type { CopySignal } from '../../domain/copy-detection';
import type { VerdictStatus } from '../../domain/verdict';

export type ForgedReason = 'malformed' | 'bad_signature' | 'unknown_key' | 'compromised_key';

/** An inspector's finding that an area's standard certificate has lapsed. */
export type AreaFlag = { standard: string; on: string; reason: string };

export type StateChange = { on: string; reason: string | null; basis: string | null } | null;

/** The one answer every channel gives (DESIGN.md, "Verdict"). */
export type Verdict = {
  status: VerdictStatus;
  code: string;
  serial: number | null;
  kid: string | null;
  /** false when the database could not be reached and only the signature was checked. */
  live: boolean;
  checkedAt: string;
  forgedReason?: ForgedReason;
  productId?: string;
  subjectId?: string;
  batchId?: string;
  certificateId?: string;
  product?: {
    name: string;
    stars: number;
    gtin: string | null;
    group: {
      taxonomyVersion: string;
      code: string;
      name: string;
      nameEn: string;
      subgroupCode: string;
      subgroupName: string;
    } | null;
  };
  subject?: {
    name: string;
    kind: string;
    provinceCode: string;
    provinceName: string | null;
    communeCode: string | null;
    address: string;
    demo: boolean;
  };
  batch?: {
    lot: string;
    productionDate: string;
    bestBefore: string | null;
    recall: StateChange;
    areas: {
      id: string;
      name: string;
      kind: string;
      officialCode: string | null;
      provinceCode: string;
      communeCode: string | null;
      standards: { name: string; certificateNumber?: string; expiresOn: string }[];
      flags: AreaFlag[];
    }[];
  };
  certificate?: {
    number: string;
    scheme: string;
    score: number;
    decisionNumber: string;
    decisionDate: string;
    issuerName: string;
    issuerLevel: string;
    validFrom: string;
    validUntil: string;
    status: 'active' | 'suspended' | 'revoked';
    statusChange: StateChange;
  };
  /** `suspicious` is true when any copy-detection rule fires; `signals` says which and why. */
  scans?: {
    count: number;
    firstAt: string | null;
    firstPlace: string | null;
    suspicious: boolean;
    signals: CopySignal[];
  };
  digitalLink?: string;
};
