import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../../server/src/store/ports.js';
import { analyticsContract } from './analyticsContract.js';

analyticsContract('embedded (memory)', async () => portsOf(new MemoryGraphStore()), { randomRuns: 60 });
