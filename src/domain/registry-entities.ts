/**
 * The five registry entities, described once. The API routes, the console pages, the search
 * columns and the tenancy joins are all derived from this table (services/registry/entities.ts
 * adds the service functions and schemas; web/console/entity-specs.ts adds the form fields).
 */
export const REGISTRY_KINDS = ['subjects', 'areas', 'products', 'certificates', 'batches'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export type RegistryEntity = {
  kind: RegistryKind;
  /** `/api/v1/{path}`; the console page is `/console/{kind}`. */
  path: string;
  /** The key of its words in each vocabulary (web/words: `registry[labels]`). */
  labels: RegistryKind;
  /** How the audit log names a record of it. */
  auditEntity: 'subject' | 'raw_material_area' | 'product' | 'certificate' | 'batch';
  /** Fields folded into its `search_text` column, which `q` searches. */
  searched: readonly string[];
  /** Fields a list shows, in order. */
  listed: readonly string[];
  /** Policy actions (services/shared/policy.ts) of its create and edit; null: never edited. */
  creates: `${string}.create`;
  updates: `${string}.update` | null;
  /**
   * The column that leads to its subject, the unit of tenancy: `id` for a subject itself,
   * `subjectId`, or `productId` (through the product's subject).
   */
  scope: 'id' | 'subjectId' | 'productId';
  /** Links an edit may not move: the record's owner. */
  fixed: readonly string[];
};

export const REGISTRY_ENTITIES = {
  subjects: {
    kind: 'subjects',
    path: 'subjects',
    labels: 'subjects',
    auditEntity: 'subject',
    searched: ['name', 'registrationNumber', 'addressAsIssued'],
    listed: ['name', 'registrationNumber', 'provinceCode'],
    creates: 'subject.create',
    updates: 'subject.update',
    scope: 'id',
    fixed: [],
  },
  areas: {
    kind: 'areas',
    path: 'raw-material-areas',
    labels: 'areas',
    auditEntity: 'raw_material_area',
    searched: ['name', 'officialCode'],
    listed: ['name', 'officialCode'],
    creates: 'area.create',
    updates: 'area.update',
    scope: 'subjectId',
    fixed: ['subjectId'],
  },
  products: {
    kind: 'products',
    path: 'products',
    labels: 'products',
    auditEntity: 'product',
    searched: ['name', 'gtin'],
    listed: ['name', 'subgroupCode', 'gtin'],
    creates: 'product.create',
    updates: 'product.update',
    scope: 'subjectId',
    fixed: ['subjectId'],
  },
  // A certificate is never edited: a re-evaluation issues a new one.
  certificates: {
    kind: 'certificates',
    path: 'certificates',
    labels: 'certificates',
    auditEntity: 'certificate',
    searched: ['number', 'decisionNumber', 'issuerName'],
    listed: ['number', 'stars', 'validFrom', 'validUntil', 'status'],
    creates: 'certificate.create',
    updates: null,
    scope: 'productId',
    fixed: ['productId'],
  },
  batches: {
    kind: 'batches',
    path: 'batches',
    labels: 'batches',
    auditEntity: 'batch',
    searched: ['lot'],
    listed: ['lot', 'productionDate', 'quantity', 'recalledOn'],
    creates: 'batch.create',
    updates: 'batch.update',
    scope: 'productId',
    fixed: ['productId', 'certificateId'],
  },
} as const satisfies { [K in RegistryKind]: RegistryEntity & { kind: K } };

/** The entities, in the order the console lists them. */
export const registryEntities = (): RegistryEntity[] => REGISTRY_KINDS.map((kind) => REGISTRY_ENTITIES[kind]);
