/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `input` for a "did you mean …?" hint, or undefined when
 * nothing is close enough to be a plausible typo. Case is ignored so that
 * "Payment.Succeeded" finds "payment.succeeded"; ties go to the earlier candidate
 * so the hint is deterministic.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  // A third of the input's length, at least 2: catches typos and swapped separators
  // ("payment_succeeded") without proposing unrelated names for short inputs.
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= limit) return best;
  // A part of one name only ("jpy" for "currency-jpy"): that name.
  const containing = needle.length >= 3 ? candidates.filter((c) => c.toLowerCase().includes(needle)) : [];
  return containing.length === 1 ? containing[0] : undefined;
}
