import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { html } from '../../web/view';

const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'OCOP stamps and traceability API',
    version: '1.0.0',
    description:
      'Signed QR stamps, verification and the OCOP registry. Error bodies are { error: { code, message, requestId } }; messages are in Vietnamese, codes are stable.',
  },
};

/** `/openapi.json` is generated from the routes; `/docs` renders it without any external asset. */
export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Token from `npm run cli -- token create --role …`',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'ocop_session',
    description:
      'A person signed in with a passkey (console). Writes also need the X-CSRF-Token header; suspensions, revocations and recalls need a passkey assertion under 5 minutes old.',
  });
  app.doc31('/openapi.json', OPENAPI_INFO);
  app.get('/docs', (c) => {
    const doc = app.getOpenAPI31Document(OPENAPI_INFO);
    const rows = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { summary?: string; tags?: string[] }>).map(
        ([method, op]) =>
          html`<tr><td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td><td>${op.tags?.join(', ')}</td><td>${op.summary}</td></tr>`,
      ),
    );
    return c.html(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>API · OCOP</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:auto;padding:1rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}</style></head><body>
<h1>${OPENAPI_INFO.info.title}</h1><p>${OPENAPI_INFO.info.description}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Keys: <a href="/.well-known/jwks.json">/.well-known/jwks.json</a>.</p>
<table><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Area</th><th scope="col">What it does</th></tr></thead><tbody>${rows}</tbody></table></body></html>`);
  });
}
