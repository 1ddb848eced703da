/**
 * Property runs are reproducible: CI and `npm test` draw the same cases every time (a failure is the code's,
 * never the draw's), and `npm run test:explore` draws new ones, more of them (`PROPERTY_SEED=random`,
 * `PROPERTY_SCALE`), to look for cases the fixed draw misses; a failure prints its seed to replay it.
 */
import fc from 'fast-check';

const FIXED_SEED = 20261201;
const asked = process.env.PROPERTY_SEED;
const seed = asked === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : asked ? Number(asked) : FIXED_SEED;
fc.configureGlobal({ seed });
