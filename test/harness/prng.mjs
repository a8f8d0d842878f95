// mulberry32: a tiny, fast, well-mixed 32-bit PRNG — the same numbers for the same seed on every
// run and machine, so generated test and bench inputs reproduce. Shared by the hostile-UA corpus and
// bench/coverage.mjs's generated logs.

/** A function giving the next number in [0, 1) of the sequence for `seed`. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
