/**
 * The layers, checked by `npm test` (`npm run lint`). Domain rules are pure; services hold policy
 * and data; routes and pages are thin adapters over services. Each rule below names the import
 * that would blur one of those lines.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain rules take values and return values: no database, services, routes or pages.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(db|services|routes|middleware|node|cli)|web)/' },
    },
    {
      name: 'services-know-no-http',
      comment: 'Services are called by routes, the CLI and the console alike; they never reach up into them.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^(src/(routes|middleware|cli|node)|web)/' },
    },
    {
      name: 'web-reads-no-database',
      comment: 'Pages render what services return; they read no database and reach no route. (That web/ takes '
        + 'only types from services is lint/web-imports-only-types.grit, a Biome plugin: this parser cannot see '
        + '`import type`.)',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(db|routes|middleware)/' },
    },
    {
      name: 'routes-do-not-import-each-other',
      comment: 'What two route modules share lives in src/routes/shared (or a top-level helper), not in one of them.',
      severity: 'error',
      from: { path: '^src/routes/([^/]+)/' },
      to: { path: '^src/routes/([^/]+)/', pathNot: ['^src/routes/$1/', '^src/routes/shared/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc reads the imports.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(web/generated|dist)/' },
  },
};
