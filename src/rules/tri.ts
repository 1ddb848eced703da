/** Three-valued (Kleene) logic: `null` is "unknown". Monotone: learning a fact never flips a known value. */
export type Tri = boolean | null;

type Thunk = () => Tri;

/** Lazy Kleene AND (`decisive` false) or OR (`decisive` true): stops at the first decisive value. */
function lazily(decisive: boolean, terms: readonly Thunk[]): Tri {
  let unknown = false;
  for (const term of terms) {
    const v = term();
    if (v === decisive) return decisive;
    if (v === null) unknown = true;
  }
  return unknown ? null : !decisive;
}

/** Lazy AND: stops at the first false, so facts after it are not read (and not asked). */
export function andThen(...terms: Thunk[]): Tri {
  return lazily(false, terms);
}

/** Lazy OR: stops at the first true. */
export function orElse(...terms: Thunk[]): Tri {
  return lazily(true, terms);
}

/** `test(value)` when the value is known, unknown otherwise. */
export function known<T>(value: T | undefined, test: (v: T) => Tri): Tri {
  return value === undefined ? null : test(value);
}

/** `then()` when `cond` holds, `otherwise` when it fails, unknown when it is unknown. */
export function when(cond: Tri, then: () => Tri, otherwise: Tri): Tri {
  if (cond === null) return null;
  return cond ? then() : otherwise;
}

export function not(value: Tri): Tri {
  return value === null ? null : !value;
}
