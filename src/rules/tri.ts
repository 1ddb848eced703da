/** Three-valued (Kleene) logic: `null` is "unknown". Monotone: learning a fact never flips a known value. */
export type Tri = boolean | null;

export function and(...values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

export function or(...values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

export function not(value: Tri): Tri {
  return value === null ? null : !value;
}

type Thunk = () => Tri;

/**
 * Kleene AND (`decisive` false) or OR (`decisive` true), evaluated lazily: stops at the first decisive
 * value. Up to four terms, as parameters rather than a rest array: the rules call it on every
 * evaluation, and V8 inlines this form.
 */
function lazily(decisive: boolean, a: Thunk, b: Thunk, c?: Thunk, d?: Thunk): Tri {
  const va = a();
  if (va === decisive) return decisive;
  const vb = b();
  if (vb === decisive) return decisive;
  const vc = c ? c() : !decisive;
  if (vc === decisive) return decisive;
  const vd = d ? d() : !decisive;
  if (vd === decisive) return decisive;
  return va === null || vb === null || vc === null || vd === null ? null : !decisive;
}

/** Lazy AND: stops at the first false, so facts after it are not read (and not asked). */
export function andThen(a: Thunk, b: Thunk, c?: Thunk, d?: Thunk): Tri {
  return lazily(false, a, b, c, d);
}

/** Lazy OR: stops at the first true. */
export function orElse(a: Thunk, b: Thunk, c?: Thunk, d?: Thunk): Tri {
  return lazily(true, a, b, c, d);
}

/** `test(value)` when the value is known, unknown otherwise. */
export function known<T>(value: T | undefined, test: (v: T) => boolean): Tri {
  return value === undefined ? null : test(value);
}

/** `then()` when `cond` holds, `otherwise` when it fails, unknown when it is unknown. */
export function when(cond: Tri, then: () => Tri, otherwise: Tri): Tri {
  if (cond === null) return null;
  return cond ? then() : otherwise;
}
