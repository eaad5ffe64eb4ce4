import { parseArgs } from 'node:util';
import { benchMemoryStore } from './memoryBench.js';
import { SIZES } from './syntheticGraph.js';

/**
 * npm run bench [-- --sizes xs,m,l --samples 2000]
 * Prints one JSON line per result: {"name": ..., "value": ..., "unit": ...}. Run with --expose-gc
 * (the npm script does) so heap figures are measured after a full collection.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'xs,m,l' },
    samples: { type: 'string', default: '2000' },
  },
});

const sizes = values.sizes.split(',').map((name) => {
  const size = SIZES[name.trim()];
  if (!size) {
    console.error(`Unknown size "${name}". Choose from: ${Object.keys(SIZES).join(', ')}.`);
    process.exit(2);
  }
  return size;
});
const samples = Number(values.samples);
if (!Number.isInteger(samples) || samples < 10) {
  console.error('--samples must be a whole number of at least 10.');
  process.exit(2);
}
if (!(globalThis as { gc?: unknown }).gc) console.error('(run with node --expose-gc for exact heap figures)');

for (const size of sizes) {
  console.error(`# embedded store, ${size.name}: ${size.municipalities} municipalities, ${size.partners} partners, ${size.edges} relationships`);
  await benchMemoryStore(size, samples);
}
