import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { analyticsContract } from './analyticsContract.js';

analyticsContract('embedded (memory)', async () => new MemoryGraphStore(), { randomRuns: 60 });
