import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app-env';
import { findNonPlainText, isPlainText, NOT_PLAIN_TEXT_MESSAGE } from '../../src/domain/plain-text';
import { validationHook } from '../../src/routes/errors';

describe('plain text', () => {
  it.each([
    ['', true],
    ['Chè Shan tuyết Mẫu Sơn', true],
    ['emoji 🍵 pair', true],
    ['\uD83C\uDF75', true],
    ['tab\tand\nnewline', true],
    ['\0', false],
    ['a\0b', false],
    ['\uD800', false],
    ['x\uDBFFy', false],
    ['\uDC00', false],
    ['end\uDFFF', false],
    ['\uDF75\uD83C', false],
    ['\uD83C\uD83C\uDF75', false],
  ])('%j is plain text: %s', (value, expected) => {
    expect(isPlainText(value)).toBe(expected);
  });

  it('names the first offending path, keys included, and nothing for dates or numbers', () => {
    expect(findNonPlainText({ a: 'ok', b: [1, 'fine', { c: 'x\0' }], d: '\uD800' })).toEqual(['b', 2, 'c']);
    expect(findNonPlainText({ geojson: { 'ty\0pe': 'Point' } })).toEqual(['geojson', 'ty\uFFFDpe']);
    expect(findNonPlainText('\uDC00')).toEqual([]);
    expect(findNonPlainText({ at: new Date(0), n: 5, ok: true, none: null, list: ['a', 'b'] })).toBeNull();
  });

  it('finds any NUL or lone surrogate wherever it is injected', () => {
    const bad = fc.constantFrom('\0', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        bad,
        fc.string({ unit: 'grapheme' }),
        fc.nat(3),
        (a, b, c, depth) => {
          let value: unknown = a + b + c;
          const path: (string | number)[] = [];
          for (let i = 0; i < depth; i++) {
            value = i % 2 ? { k: value } : ['ok', value];
            path.unshift(i % 2 ? 'k' : 1);
          }
          expect(findNonPlainText(value)).toEqual(path);
        },
      ),
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => isPlainText(s) === !s.includes('\0')));
  });
});

describe('the validation hook checks text on every target', () => {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const ok = { 200: { description: 'ok' } };
  const text = z.object({ t: z.string() });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/json',
      request: { body: { content: { 'application/json': { schema: text } }, required: true } },
      responses: ok,
    }),
    (c) => c.text(c.req.valid('json').t, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/form',
      request: { body: { content: { 'application/x-www-form-urlencoded': { schema: text } }, required: true } },
      responses: ok,
    }),
    (c) => c.text(c.req.valid('form').t, 200),
  );
  app.openapi(createRoute({ method: 'get', path: '/query', request: { query: text }, responses: ok }), (c) =>
    c.text(c.req.valid('query').t, 200),
  );
  app.openapi(createRoute({ method: 'get', path: '/param/{t}', request: { params: text }, responses: ok }), (c) =>
    c.text(c.req.valid('param').t, 200),
  );

  const requests = (t: string): [string, RequestInit?][] => [
    ['/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ t }) }],
    [
      '/form',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ t }).toString(),
      },
    ],
    [`/query?${new URLSearchParams({ t })}`],
    [`/param/${encodeURIComponent(t)}`],
  ];

  it('lets plain text through', async () => {
    for (const [path, init] of requests('Mẫu Sơn 🍵')) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe('Mẫu Sơn 🍵');
    }
  });

  it('answers a NUL with 400 invalid_input and the field, on json, form, query and param', async () => {
    for (const [path, init] of requests('Mẫu\0Sơn')) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'invalid_input', fields: [{ path: 't', message: NOT_PLAIN_TEXT_MESSAGE }] },
      });
    }
  });

  it('answers a lone surrogate in JSON the same way', async () => {
    const res = await app.request('/json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"t":"x\\uD800"}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: [{ path: 't', message: NOT_PLAIN_TEXT_MESSAGE }] } });
  });
});
