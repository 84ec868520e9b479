import { describe, expect, it } from 'vitest';
import { neutralizeResources } from '../../src/report/html/neutralize-resources.js';

describe('email HTML loses what it could fetch', () => {
  it('replaces fetchable attribute values, quoted or not, entity-encoded or not', () => {
    const out = neutralizeResources('<img src="http://x/a.png"><img SRC=http://x/b.png><link rel="stylesheet" href=\'//x/s.css\'><img src="h&#116;tp://x/c"><video poster="https://x/p"><a href="https://x/">link</a>');
    expect(out).not.toMatch(/x\//);
    expect(out.match(/#blocked/g)).toHaveLength(6);
    expect(out).toContain('>link</a>');
  });

  it('removes a meta refresh, whose URL hides in its content', () => {
    const out = neutralizeResources('<head><META HTTP-EQUIV="Refresh" content="0;url=http://x/leak"><meta http-equiv=refresh content=\'1; URL=//x/\'></head><p>hi</p>');
    expect(out).not.toMatch(/x\/|http-equiv/i);
    expect(out).toContain('<p>hi</p>');
  });

  it('keeps in-page anchors and inline images', () => {
    const html = '<a href="#top">top</a><img src="data:image/png;base64,iVBOR">';
    expect(neutralizeResources(html)).toBe(html);
  });

  it('disables url(), image-set() and @import in style blocks and attributes, escapes included', () => {
    const out = neutralizeResources('<style>@import "http://x/a.css"; p { background: url(http://x/b.png) } q { background: u\\72l(http://x/c) }</style><p style="background-image: url(\'http://x/d\')">hi</p>');
    expect(out).not.toMatch(/url\(|@import|\\/i);
    expect(out).toContain('>hi</p>');
  });
});
