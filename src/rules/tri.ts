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

/** Lazy AND: stops at the first false, so facts after it are not read (and not asked). */
export function andThen(...thunks: (() => Tri)[]): Tri {
  let unknown = false;
  for (const t of thunks) {
    const v = t();
    if (v === false) return false;
    if (v === null) unknown = true;
  }
  return unknown ? null : true;
}

/** Lazy OR: stops at the first true. */
export function orElse(...thunks: (() => Tri)[]): Tri {
  let unknown = false;
  for (const t of thunks) {
    const v = t();
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
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
