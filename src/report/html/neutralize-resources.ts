// An email body is hostile HTML shown in a sandboxed frame under a strict CSP. Beside those, the
// body loses every way it has to name something to fetch before it is embedded: a meta CSP in a
// srcdoc document was seen to let a speculative fetch of an <img> or stylesheet through.

/** Attributes whose value the browser may fetch or navigate to. */
const URL_ATTRIBUTES = 'src|srcset|href|xlink:href|background|poster|data|action|formaction|ping|lowsrc|dynsrc|cite|longdesc|manifest|icon|codebase|archive|profile|usemap|imagesrcset';
const ATTRIBUTE = new RegExp(`(\\s)(${URL_ATTRIBUTES})(\\s*=\\s*)("[^"]*"|'[^']*'|[^\\s"'>]+)`, 'gi');

/** Values kept: in-page anchors and inline images (entities or tricks in anything else are moot: it is replaced). */
const SAFE_VALUE = /^\s*(#|data:image\/)/i;

/** CSS that fetches: url(), image-set(), @import; and backslash escapes that could spell them. */
const CSS_FETCH = /url\s*\(|image-set\s*\(|@import/gi;
const STYLE_BLOCK = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>|$)/gi;
const STYLE_ATTRIBUTE = /(\sstyle\s*=\s*)("[^"]*"|'[^']*')/gi;

function neutralizeCss(css: string): string {
  return css.replace(/\\/g, '').replace(CSS_FETCH, 'blocked(');
}

/** `<meta http-equiv="refresh" content="0;url=…">` names its URL inside `content`: the whole tag goes. */
const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?\s*refresh[^>]*>/gi;

/** The HTML with every fetchable URL replaced by "#blocked" and fetching CSS disabled. */
export function neutralizeResources(html: string): string {
  return html
    .replace(META_REFRESH, '<!-- meta refresh removed -->')
    .replace(ATTRIBUTE, (whole, space: string, name: string, eq: string, value: string) => {
      const inner = /^["']/.test(value) ? value.slice(1, -1) : value;
      return SAFE_VALUE.test(inner) ? whole : `${space}${name}${eq}"#blocked"`;
    })
    .replace(STYLE_BLOCK, (_, open: string, css: string, close: string) => `${open}${neutralizeCss(css)}${close}`)
    .replace(STYLE_ATTRIBUTE, (_, lead: string, value: string) => `${lead}${value[0]}${neutralizeCss(value.slice(1, -1))}${value[0]}`);
}
