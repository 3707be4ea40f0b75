import { and, getTableColumns, like, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { FOLD_FROM, FOLD_TO, searchTerms } from '../domain/search-fold';

/*
 * SQL side of the folded search (src/domain/search-fold.ts). The two strings are SQL literals,
 * not parameters: a generated column's expression must be a constant, and they hold no quote.
 */
const from = sql.raw(`'${FOLD_FROM}'`);
const to = sql.raw(`'${FOLD_TO}'`);

/** `expression` folded in SQL exactly as foldForSearch folds it in TypeScript. */
export function foldedSql(expression: SQL | PgColumn): SQL {
  return sql`translate(${expression}, ${from}, ${to})`;
}

/**
 * The expression of a table's generated `search_text` column: its searched fields, folded and
 * joined by spaces. Only immutable functions (coalesce, ||, translate), as PostgreSQL requires
 * of a stored generated column. Column names are written unqualified, as the DDL needs them.
 */
export function searchTextExpression(columnNames: readonly string[]): SQL {
  const joined = columnNames.map((name) => `coalesce(${snakeCase(name)}, '')`).join(` || ' ' || `);
  return foldedSql(sql.raw(joined));
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** LIKE's own characters in a term are literal text, never wildcards. */
export function likeContaining(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * Every word of the query is in `searchText` (a folded column), in any order: "dau hoi tinh"
 * finds "Tinh dầu hồi". Null for a query with no words. The pg_trgm GIN index on the column
 * serves each `LIKE '%…%'`.
 */
export function matchesAllTerms(searchText: PgColumn, query: string): SQL | undefined {
  const terms = searchTerms(query);
  return terms.length ? and(...terms.map((term) => like(searchText, likeContaining(term)))) : undefined;
}

/**
 * A registry table's columns without `search_text`: what reads return and the audit records. The
 * folded copy is an index aid, not part of the record or of the public API's shapes.
 */
export function withoutSearchText<T extends PgTable>(table: T): Omit<T['_']['columns'], 'searchText'> {
  const { searchText: _folded, ...columns } = getTableColumns(table) as T['_']['columns'] & { searchText?: unknown };
  return columns;
}
