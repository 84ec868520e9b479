// Whether a request key names an amount of money. Segment's spec words (ecommerce v2 "Order
// Completed": revenue, total, subtotal, shipping, tax, discount, products[].price; track: revenue,
// value) and the seeds' own "amount"; words that make a key an identifier or label rather than an
// amount (tax_id, total_count, price_currency) rule it out.

const MONEY_WORDS = new Set(['revenue', 'total', 'subtotal', 'price', 'amount', 'value', 'tax', 'shipping', 'discount', 'fee']);
const NOT_MONEY_WORDS = new Set(['id', 'ids', 'code', 'number', 'name', 'currency', 'type', 'method', 'status', 'count', 'rate', 'percent', 'pct', 'quantity', 'seats']);

export function isMoneyKey(key: string): boolean {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return words.some((w) => MONEY_WORDS.has(w)) && !words.some((w) => NOT_MONEY_WORDS.has(w));
}
