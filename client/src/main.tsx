import { createRoot } from 'react-dom/client';
import { Controller } from './state/controller.js';
import { App } from './ui/App.js';
import './ui/app.css';

const controller = new Controller();
window.addEventListener('popstate', () => controller.onPopState());
createRoot(document.getElementById('root')!).render(<App controller={controller} />);
void controller.start();
