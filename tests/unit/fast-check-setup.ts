import fc from 'fast-check';

/**
 * Property tests are reproducible. Every run draws a fresh seed unless FC_SEED gives one; a failure prints its seed
 * and path (fast-check's report), and `FC_SEED=<seed> npm run test:unit` replays it. CI runs both: a fixed seed, so a
 * change is judged on the same cases every time, and a fresh one, to keep finding new ones.
 */
const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') {
  const value = Number(seed);
  if (!Number.isInteger(value)) throw new Error(`FC_SEED must be an integer, not "${seed}"`);
  fc.configureGlobal({ seed: value });
}
