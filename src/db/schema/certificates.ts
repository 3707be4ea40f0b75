import { date, integer, pgEnum, pgTable, text, timestamp, uuid, index, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { products } from './products';
import { REGISTRY_ENTITIES } from '../../domain/registry-entities';
import { searchTextExpression } from '../search-text';

export const certificateScheme = pgEnum('certificate_scheme', ['1048', '148', '1489']);
export const issuerLevel = pgEnum('issuer_level', ['district', 'province', 'central']);
export const certificateStatus = pgEnum('certificate_status', ['active', 'suspended', 'revoked']);

/**
 * One rating decision. A re-evaluation is a new row that supersedes the old one, never an edit.
 * `status` is the latest state change; `expired` is computed from validUntil, never stored.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid().primaryKey(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    number: text().notNull(),
    scheme: certificateScheme().notNull(),
    score: integer().notNull(),
    stars: integer().notNull(),
    issuerName: text().notNull(),
    issuerLevel: issuerLevel().notNull(),
    issuerProvinceCode: text(),
    decisionNumber: text().notNull(),
    decisionDate: date().notNull(),
    validFrom: date().notNull(),
    validUntil: date().notNull(),
    status: certificateStatus().notNull().default('active'),
    statusChangedOn: date(),
    statusReason: text(),
    statusBasis: text(),
    supersedesId: uuid().references((): AnyPgColumn => certificates.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Folded text that `q` searches (src/domain/search-fold.ts); PostgreSQL keeps it current. */
    searchText: text().notNull().generatedAlwaysAs(searchTextExpression(REGISTRY_ENTITIES.certificates.searched)),
  },
  (t) => [index().on(t.productId), index().using('gin', t.searchText.op('gin_trgm_ops'))],
);
