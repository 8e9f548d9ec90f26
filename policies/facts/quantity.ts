// Kubernetes quantities as numbers. Lives in the policy pack, which must be self-contained
// (`pulumi policy publish` uploads only its folder); the program re-exports it from components/lib.

/** Parse a quantity into a number in base units (cores or bytes) so rules can compare sizes. */
export function quantityToNumber(q: string): number {
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(q);
  if (!m) return NaN;
  const factors: Record<string, number> = {
    "": 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
  };
  const f = factors[m[2]];
  return f === undefined ? NaN : Number(m[1]) * f;
}
