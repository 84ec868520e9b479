import { describe, expect, it } from 'vitest';
import { DESTINATIONS } from '../../src/destinations/registry.js';
import { selectStrings } from '../../src/destinations/select-fields.js';

describe('markup field selectors', () => {
  const paths = (root: unknown, selector: string) => selectStrings(root, selector).map((f) => `${f.path}=${f.value}`);

  it('follows keys, every element and equality filters on objects and arrays', () => {
    expect(paths({ html: '<b>x</b>', text: 'x' }, '$.html')).toEqual(['$.html=<b>x</b>']);
    expect(paths([{ html: 'a' }, { text: 'b' }, { html: 'c' }], '$[*].html')).toEqual(['$[0].html=a', '$[2].html=c']);
    const content = { content: [{ type: 'text/plain', value: 'p' }, { type: 'text/html', value: 'h' }] };
    expect(paths(content, '$.content[?(@.type=="text/html")].value')).toEqual(['$.content[1].value=h']);
    expect(paths({ is_html: true, body: 'b' }, '$[?(@.is_html==true)].body')).toEqual(['$.body=b']);
    expect(paths({ is_html: false, body: 'b' }, '$[?(@.is_html==true)].body')).toEqual([]);
  });

  it('.. reaches matching objects at any depth, each once, and stops at a bounded depth', () => {
    const card = { body: [{ type: 'TextBlock', text: 'a' }, { type: 'Container', items: [{ type: 'TextBlock', text: 'b' }, { type: 'TextRun', text: 'c' }] }] };
    expect(paths(card, '$..[?(@.type=="TextBlock")].text')).toEqual(['$.body[0].text=a', '$.body[1].items[0].text=b']);
    let deep: unknown = { type: 'TextBlock', text: 'deep' };
    for (let i = 0; i < 200; i++) deep = { items: [deep] };
    expect(paths(deep, '$..[?(@.type=="TextBlock")].text')).toEqual([]);
  });

  it('skips what is not there or not a string', () => {
    expect(paths(null, '$.html')).toEqual([]);
    expect(paths({ html: 5 }, '$.html')).toEqual([]);
    expect(paths({ html: { x: 'y' } }, '$.html.x')).toEqual(['$.html.x=y']);
  });

  it('every destination\'s declared selectors parse', () => {
    for (const d of DESTINATIONS) {
      for (const selectors of Object.values(d.markup)) for (const s of selectors ?? []) expect(() => selectStrings({}, s), `${d.id}: ${s}`).not.toThrow();
    }
  });
});
