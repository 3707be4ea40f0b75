import type { ImportReport } from '../../src/services/imports/import-certificates';
import type { ProductDossier } from '../../src/services/inspections/product-dossier';
import type { REVOCATION_GROUNDS } from '../../src/services/lifecycle/inputs';
import type { REPORT_PROBLEMS } from '../../src/services/reports/inputs';
import type { Role } from '../../src/services/shared/policy';
import type { REGISTRY_ENTITIES, RegistryKind } from '../../src/domain/registry-entities';
import type { PointsOfSaleWords } from './points-of-sale-types';
import type { StatisticsWords } from './statistics-types';

/**
 * The codes services and the domain return, as types only: each vocabulary must word every one
 * of them, so a new code the service starts returning fails the type check until it has words.
 */
type Dossier = ProductDossier;
/** The console's menu entries other than the registry's own lists. */
export type ConsoleNavItem =
  | 'imports'
  | 'expiring'
  | 'statistics'
  | 'print'
  | 'inspect'
  | 'reports'
  | 'suspicious'
  | 'intake'
  | 'people'
  | 'tokens'
  | 'audit'
  | 'passkeys';
export type IssuerLevel = Dossier['certificates'][number]['issuerLevel'];
export type SubjectKind = Dossier['subject']['kind'];
export type AreaKind = Dossier['areas'][number]['kind'];
export type CertificateState = Dossier['certificates'][number]['status'] | 'expired';
export type LifecycleEvent =
  | Dossier['certificates'][number]['events'][number]['kind']
  | Dossier['batches'][number]['events'][number]['kind'];
export type InspectionResult = Dossier['inspections'][number]['result'];
export type ReportState = Dossier['reports'][number]['state'];
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];
export type ReportProblem = (typeof REPORT_PROBLEMS)[number];
export type ImportOutcome = NonNullable<ImportReport['rows'][number]['subject']>;
export type ImportProblemCode = ImportReport['problems'][number]['code'];

/** Every action code the audit log records (appendAudit calls across src/). */
export const AUDIT_ACTIONS = [
  'subject.create',
  'subject.update',
  'area.create',
  'area.update',
  'area.flag',
  'product.create',
  'product.update',
  'certificate.create',
  'certificate.suspend',
  'certificate.reinstate',
  'certificate.revoke',
  'certificate.correct',
  'certificate.reevaluate',
  'batch.create',
  'batch.update',
  'batch.recall',
  'batch.correct_recall',
  'stamps.issue',
  'stamps.void',
  'print.create',
  'inspection.record',
  'report.submit',
  'report.close',
  'intake.record',
  'person.invite',
  'person.enrol',
  'person.disable',
  'person.enable',
  'enrolment.withdraw',
  'passkey.add',
  'passkey.remove',
  'session.start',
  'session.end',
  'token.create',
  'token.revoke',
  'keys.create',
  'keys.import',
  'keys.rotate',
  'keys.compromise',
  'keys.rewrap',
  'scans.prune',
  'copies.reevaluate',
  'certificate.import',
  'retail.register',
  'retail.update',
  'retail.status',
  'target.set',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of record the audit log names (its `entity` column). */
export const AUDIT_ENTITIES = [
  'subject',
  'raw_material_area',
  'product',
  'certificate',
  'batch',
  'stamp_range',
  'print_job',
  'inspection',
  'report',
  'intake',
  'person',
  'enrolment',
  'api_token',
  'signing_key',
  'scans',
  'suspected_copies',
  'certificate_import',
  'retail_organisation',
  'point_of_sale',
  'plan_target',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** One language's words for everything the pages show from a code. */
export type Words = {
  roles: Record<Role, string>;
  /** "cấp tỉnh": the level of the body that recognised a certificate, as it reads inside a sentence. */
  levels: Record<IssuerLevel, string>;
  subjectKinds: Record<SubjectKind, string>;
  areaKinds: Record<AreaKind, string>;
  certificateStates: Record<CertificateState, string>;
  /** A lifecycle event as it reads after a certificate number or a lot: "thu hồi", "đình chỉ". */
  events: Record<LifecycleEvent, string>;
  grounds: Record<RevocationGround, string>;
  problems: Record<ReportProblem, string>;
  inspectionResults: Record<InspectionResult, string>;
  reportStates: Record<ReportState, string>;
  auditActions: Record<AuditAction, string>;
  auditEntities: Record<AuditEntity, string>;
  /** Who acted, when it was not a person or a token. */
  actors: {
    anonymous: string;
    cli: (user: string | null) => string;
    seed: string;
    serviceStart: string;
    firstStart: string;
    system: (id: string) => string;
    token: (name: string) => string;
    unknownPerson: string;
  };
  timeline: {
    certificate: (number: string, event: string) => string;
    batch: (lot: string, event: string) => string;
    stampsIssued: (lot: string, count: number) => string;
    serials: (first: number, last: number) => string;
    inspection: (result: string, agency: string) => string;
    areaFlagged: (standard: string) => string;
    report: (state: string) => string;
  };
  /** A certificate list's dry run: what a row does to a record, and the kinds of problem. */
  importOutcomes: Record<ImportOutcome, string>;
  importProblems: Record<ImportProblemCode, string>;
  messages: {
    personDisabled: (name: string, sessionsEnded: number) => string;
    personEnabled: (name: string) => string;
    invitationWithdrawn: (name: string) => string;
    saved: string;
    recorded: string;
    reportClosed: string;
    voided: string;
    fixFields: string;
    scopeCentral: string;
    province: (code: string) => string;
    /** What a void did: how many stamps, and which serials ("1000001, 1000005–1000010"). */
    stampsVoided: (count: number, serials: string) => string;
  };
  /** Each registry entity (src/domain/registry-entities.ts): its name, and a heading for each field its lists show. */
  registry: {
    [K in RegistryKind]: {
      title: string;
      singular: string;
      columns: Record<(typeof REGISTRY_ENTITIES)[K]['listed'][number], string>;
    };
  };
  /** The console's frame: its menu (besides the registry's, named in `registry`), sign-out and the step-up dialog. */
  console: {
    nav: Record<ConsoleNavItem, string>;
    navLabel: string;
    skip: string;
    signOut: string;
    home: string;
    stepUp: { title: string; explain: string; confirm: string; back: string };
  };
  /** The search boxes: the console's one search and each registry list's. */
  search: {
    label: string;
    hint: string;
    submit: string;
    results: string;
    none: string;
    matchedIn: string;
    /** The query could not be read: a NUL, or text that was not UTF-8 on its way. */
    unreadable: string;
  };
  /** Retailer organisations and their points of sale: the console and the public register. */
  pointsOfSale: PointsOfSaleWords;
  statistics: StatisticsWords;
};
