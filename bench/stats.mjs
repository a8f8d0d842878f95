// The order statistics every benchmark here reports: a quantile by linear interpolation, the median.

/** The `q` quantile (0–1) of `xs`, interpolated between the two nearest values; NaN for none. */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
};

export const median = (xs) => quantile(xs, 0.5);
