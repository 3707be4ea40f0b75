import { html as honoHtml, raw as honoRaw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * The one view layer for every page: hono/html escapes each interpolated value, so a name typed
 * into the registry is text on the page, never markup. This file only narrows hono's types.
 */

/** Markup made by `html` (already escaped): interpolating it again keeps it as markup. */
export type Html = HtmlEscapedString;

/**
 * What a template may hold: text and numbers (escaped), markup made by `html`, and nothing
 * (null, undefined, false: omitted). Promises and arbitrary objects are refused by the types, so
 * every page renders synchronously and nothing reaches the page through an object's toString.
 */
export type Interpolation = string | number | boolean | null | undefined | Html | readonly Interpolation[];

/** hono/html's tagged template, narrowed to its synchronous result. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  const markup = honoHtml(strings, ...values);
  // Only a promise (or an async JSX child) among the values makes hono return a promise; the types exclude both.
  if (markup instanceof Promise) throw new TypeError('A page template was given an asynchronous value.');
  return markup;
}

/**
 * Marks a string as markup, unescaped. Only for constants written in this repository (style
 * sheets): never for anything read from a request, the database or a configuration value.
 */
export function raw(markup: string): Html {
  return honoRaw(markup);
}
