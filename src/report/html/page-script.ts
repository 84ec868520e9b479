// The report's only script (its CSP allows this exact text by hash, nothing else). Previews are
// HTML built and escaped at build time, kept as JSON, and put into the page when their event is
// opened: a report of thousands of samples opens fast. Filters and search work on data-*
// attributes and need no server.
export const PAGE_SCRIPT = String.raw`(() => {
  'use strict';
  const previews = JSON.parse(document.getElementById('dt-previews').textContent);
  const lower = new Map();
  const previewText = (id) => {
    if (!lower.has(id)) lower.set(id, String(previews[id] ?? '').replace(/<[^>]*>/g, ' ').toLowerCase());
    return lower.get(id);
  };
  const OMITTED = '<p class="note">This preview was left out to keep the report small; see it with dodo-transform preview.</p>';
  const fill = (root) => {
    for (const el of root.querySelectorAll('[data-pv]:not([data-filled])')) {
      const html = previews[Number(el.dataset.pv)];
      el.innerHTML = typeof html === 'string' ? html : OMITTED;
      el.setAttribute('data-filled', '');
    }
  };
  document.addEventListener('toggle', (event) => {
    const target = event.target;
    if (target instanceof HTMLDetailsElement && target.open) fill(target);
  }, true);

  const $ = (id) => document.getElementById(id);
  const controls = { event: $('f-event'), severity: $('f-severity'), variant: $('f-variant'), search: $('f-search') };
  // The search box matches words as shown: a query typed with < or & finds them in payload text too.
  const apply = () => {
    const event = controls.event.value;
    const severity = controls.severity.value;
    const variant = controls.variant.value;
    const query = controls.search.value.trim().toLowerCase();
    let shown = 0;
    for (const row of document.querySelectorAll('[data-row]')) {
      const d = row.dataset;
      // Each filter attribute is a space-separated list of tokens (a finding group can span events).
      const has = (list, token) => (' ' + (list || '') + ' ').includes(' ' + token + ' ');
      let ok = !event || has(d.event, event);
      if (ok && severity && d.row !== 'event') ok = has(d.sev, severity);
      if (ok && variant && d.row !== 'event') ok = has(d.variants, variant);
      if (ok && query) ok = row.textContent.toLowerCase().includes(query) || (d.pvid !== undefined && previewText(d.pvid).includes(query));
      row.hidden = !ok;
      if (ok && d.row !== 'event') shown++;
    }
    // A gallery or a finding group with nothing left to show is hidden; with a query, the matching ones open.
    for (const group of document.querySelectorAll('[data-group]')) {
      const visible = group.querySelector('[data-row]:not([hidden])') !== null;
      group.hidden = !visible;
      if (visible && query && group instanceof HTMLDetailsElement && !group.open) group.open = true;
    }
    $('f-count').textContent = shown + ' shown';
    document.body.classList.toggle('filtered', Boolean(event || severity || variant || query));
  };
  for (const control of Object.values(controls)) control.addEventListener('input', apply);
  apply();
  document.documentElement.setAttribute('data-ready', '');
})();`;
