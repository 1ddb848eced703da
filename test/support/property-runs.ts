/** A property's number of runs, scaled by `PROPERTY_SCALE` when exploring (test/support/property-setup.ts). */
export const runs = (n: number): number => Math.round(n * Number(process.env.PROPERTY_SCALE ?? 1));
