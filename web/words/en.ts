import type { Words } from './types';

/** English: the same keys as vi.ts (the type makes a missing one an error). */
export const en: Words = {
  roles: { retailer: 'Retailer', producer: 'Producer', inspector: 'Inspector', authority: 'Authority', admin: 'Administrator' },
  levels: { district: 'district level', province: 'provincial level', central: 'central level' },
  subjectKinds: { htx: 'Cooperative', to_hop_tac: 'Cooperative group', doanh_nghiep: 'Enterprise', ho_kinh_doanh: 'Household business' },
  areaKinds: { growing_area: 'Growing area', packing_house: 'Packing house', other: 'Other' },
  certificateStates: { active: 'In force', suspended: 'Suspended', revoked: 'Revoked', expired: 'Expired' },
  events: {
    issued: 'issued', suspended: 'suspended', reinstated: 'reinstated', revoked: 'revoked', superseded: 'superseded after re-evaluation',
    corrected: 'decision corrected', recalled: 'batch recalled', recall_corrected: 'recall corrected',
  },
  grounds: {
    no_reevaluation: 'Not re-evaluated within 36 months',
    failed_criteria: 'Failed mandatory criteria at re-evaluation',
    violation: 'Food safety, quality or traceability violation',
    production_stopped: 'Production stopped',
    mark_misuse: 'Misuse of the OCOP certification mark',
  },
  problems: {
    counterfeit: 'Suspected fake product or stamp', quality: 'Problem with product quality', label: 'Wrong label or information',
    expired_or_recalled: 'On sale although expired or recalled', other: 'Other',
  },
  inspectionResults: { pass: 'passed', violations: 'violations found' },
  reportStates: { open: 'open', closed: 'closed' },
  auditActions: {
    'subject.create': 'Registered a producer', 'subject.update': 'Edited a producer',
    'area.create': 'Registered a raw-material area', 'area.update': 'Edited a raw-material area', 'area.flag': 'Recorded a lapsed area standard',
    'product.create': 'Registered a product', 'product.update': 'Edited a product',
    'certificate.create': 'Recorded a certificate', 'certificate.suspend': 'Suspended a certificate',
    'certificate.reinstate': 'Reinstated a certificate', 'certificate.revoke': 'Revoked a certificate',
    'certificate.correct': 'Corrected a certificate decision', 'certificate.reevaluate': 'Re-evaluated: new certificate',
    'batch.create': 'Declared a batch', 'batch.update': 'Edited a batch', 'batch.recall': 'Recalled a batch', 'batch.correct_recall': 'Corrected a recall',
    'stamps.issue': 'Issued stamps', 'stamps.void': 'Voided stamps', 'print.create': 'Created a print job',
    'inspection.record': 'Recorded an inspection', 'report.submit': 'Consumer report received', 'report.close': 'Closed a report',
    'intake.record': 'Recorded a goods intake',
    'person.invite': 'Invited a person', 'person.enrol': 'Enrolled a passkey from an invitation', 'person.disable': 'Disabled a person',
    'person.enable': 'Re-enabled a person', 'enrolment.withdraw': 'Withdrew an invitation', 'passkey.add': 'Added a passkey', 'passkey.remove': 'Removed a passkey',
    'session.start': 'Signed in', 'session.end': 'Signed out', 'token.create': 'Created an API token', 'token.revoke': 'Revoked an API token',
    'keys.create': 'Created a signing key', 'keys.import': 'Imported signing keys', 'keys.rotate': 'Rotated the signing key',
    'keys.compromise': 'Marked a signing key compromised', 'keys.rewrap': 'Re-wrapped signing keys',
  },
  auditEntities: {
    subject: 'Producer', raw_material_area: 'Raw-material area', product: 'Product', certificate: 'Certificate', batch: 'Batch',
    stamp_range: 'Stamp range', print_job: 'Print job', inspection: 'Inspection', report: 'Consumer report', intake: 'Goods intake',
    person: 'Person', enrolment: 'Invitation', api_token: 'API token', signing_key: 'Signing key',
  },
  actors: {
    anonymous: 'Consumer (not signed in)', cli: (user) => `Operators' command line${user ? ` (${user})` : ''}`,
    seed: 'Demo data', serviceStart: 'The service, at start-up', firstStart: 'The service, on first start',
    system: (id) => `The service (${id})`, token: (name) => `API token “${name}”`, unknownPerson: 'A person no longer on record',
  },
  timeline: {
    certificate: (number, event) => `Certificate ${number}: ${event}`, batch: (lot, event) => `Lot ${lot}: ${event}`,
    stampsIssued: (lot, count) => `Lot ${lot}: ${count} stamps printed`, serials: (first, last) => `Serials ${first}–${last}`,
    inspection: (result, agency) => `Inspection: ${result} (${agency})`, areaFlagged: (standard) => `Raw-material area: ${standard} lapsed`,
    report: (state) => `Consumer report (${state})`,
  },
  messages: {
    personDisabled: (name, n) => `Disabled ${name}: ${n} session${n === 1 ? '' : 's'} ended; their passkeys no longer sign in.`,
    personEnabled: (name) => `Re-enabled ${name}.`,
    invitationWithdrawn: (name) => `Withdrew the invitation of ${name}: the link no longer works.`,
    saved: 'Saved.', recorded: 'Recorded. Every scan from now on shows the new status.', reportClosed: 'Report closed.',
    voided: 'The chosen stamps are void: a scan now shows "Voided stamp".', fixFields: 'Please correct the marked fields.',
    scopeCentral: 'Central (nationwide)', province: (code) => `Province ${code}`,
    stampsVoided: (count, serials) => `Voided ${count} stamp${count === 1 ? '' : 's'}, serials ${serials}: a scan now shows them as voided.`,
  },
  registry: {
    subjects: { title: 'OCOP subjects', singular: 'subject', columns: { name: 'Name', registrationNumber: 'Registration no.', provinceCode: 'Province' } },
    areas: { title: 'Raw-material areas', singular: 'raw-material area', columns: { name: 'Name', officialCode: 'Area code' } },
    products: { title: 'Products', singular: 'product', columns: { name: 'Name', subgroupCode: 'Subgroup', gtin: 'GTIN' } },
    certificates: {
      title: 'OCOP certificates', singular: 'certificate',
      columns: { number: 'Number', stars: 'Stars', validFrom: 'Valid from', validUntil: 'Valid until', status: 'Status' },
    },
    batches: {
      title: 'Batches', singular: 'batch',
      columns: { lot: 'Lot', productionDate: 'Produced', quantity: 'Quantity', recalledOn: 'Recalled' },
    },
  },
  search: {
    label: 'Search by stamp code or link, serial, product, subject, address, certificate number, lot or raw-material area',
    hint: 'With or without Vietnamese marks, in any case: “tinh dau hoi” finds “Tinh dầu hồi”.',
    submit: 'Search', results: 'Results', none: 'No product within your scope matches.', matchedIn: 'matched in',
    unreadable: 'The search could not be read: it may not hold a NUL or broken Unicode. Please type it again.',
  },
};
