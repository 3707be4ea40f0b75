import { describe, expect, it } from 'vitest';
import { consolePage } from '../../web/console/layout';
import { html, raw } from '../../web/view';

const TITLE = '</title><meta http-equiv=refresh content="0;url=https://evil.example">';
const NAME = '"><form action="/console/people/invite">';

describe('the view layer', () => {
  it('escapes text and keeps markup it made itself, at any depth', () => {
    const items = ['<b>', 'a&b'].map((s) => html`<li>${s}</li>`);
    expect(String(html`<ul>${items}</ul><p title="${`"'`}">${null}${undefined}${false}${0}</p>`)).toBe(
      '<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul><p title="&quot;&#39;">0</p>',
    );
    expect(String(html`<style>${raw('a{font:"Segoe UI"}')}</style>`)).toBe('<style>a{font:"Segoe UI"}</style>');
  });

  it('gives a console page a hostile title and person name as text only', () => {
    const page = String(
      consolePage(
        TITLE,
        {
          actor: { kind: 'session', id: 'p1', role: 'admin', provinceCode: null, subjectId: null },
          personName: NAME,
          csrfToken: 'tok"en',
        },
        html`<p>${TITLE}</p>`,
      ),
    );
    expect(page).not.toContain('<meta http-equiv=refresh');
    expect(page).not.toContain('<form action="/console/people/invite"');
    expect(page).toContain(
      '<title>&lt;/title&gt;&lt;meta http-equiv=refresh content=&quot;0;url=https://evil.example&quot;&gt; · OCOP</title>',
    );
    expect(page).toContain('<h1>&lt;/title&gt;&lt;meta http-equiv=refresh');
    expect(page).toContain(
      '<span class="who">&quot;&gt;&lt;form action=&quot;/console/people/invite&quot;&gt; · Quản trị</span>',
    );
    expect(page).toContain('<input type="hidden" name="_csrf" value="tok&quot;en">');
    // Exactly one <title> and one sign-out form: nothing the values held became an element.
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(page.match(/<form /g)).toHaveLength(1);
  });
});
