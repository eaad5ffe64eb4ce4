import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { graphStoreChangesContract } from './graphStoreChangesContract.js';

graphStoreChangesContract('embedded (memory)', async () => new MemoryGraphStore());
