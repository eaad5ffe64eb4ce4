import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { graphStoreContract } from './graphStoreContract.js';

graphStoreContract('embedded (memory)', async () => new MemoryGraphStore());
