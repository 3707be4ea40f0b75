import type { Standing } from '../../src/domain/registration-standing';

/** Retailer organisations and their points of sale: the console and the public register. */
export type PointsOfSaleWords = {
  /** The designation's official name, as the plaque and the register print it. */
  designation: string;
  statuses: Record<Standing, string>;
  /** What each standing means to someone reading the plaque or the register. */
  statusNotes: Record<Standing, string>;
  fields: {
    organisation: string;
    name: string;
    registrationNumber: string;
    address: string;
    province: string;
    commune: string;
    communeCode: string;
    communeName: string;
    openedOn: string;
    closedOn: string;
    status: string;
    reason: string;
    since: string;
  };
  register: {
    title: string;
    intro: string;
    anyProvince: string;
    anyCommune: string;
    filter: string;
    count: (shown: number, total: number) => string;
    none: string;
    previous: string;
    next: string;
    openData: string;
    pointTitle: string;
    checkedAt: (when: string) => string;
    backToList: string;
  };
  console: {
    title: string;
    organisations: string;
    newOrganisation: string;
    points: string;
    newPoint: string;
    noPoints: string;
    noOrganisations: string;
    clerks: string;
    tokens: string;
    organisationHint: string;
    disabled: string;
    noAccounts: string;
    notRecorded: string;
    changeStatus: string;
    register: string;
    save: string;
    publicPage: string;
    pointsCount: (n: number) => string;
  };
};
