import { useSyncExternalStore } from 'react';
import type { Controller, Session } from '../state/controller.js';

export function useSession(controller: Controller): Session {
  return useSyncExternalStore(controller.store.subscribe, controller.store.get);
}
