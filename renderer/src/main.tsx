import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// elkjs needs most of a second of warming before it lays out a big chain quickly: do that in its worker while the
// user is still on another page, so a chain opens in well under a second (the section would start it anyway)
requestIdleCallback(() => void import('./features/chains/layoutEngine').then((m) => m.layoutEngine()), { timeout: 3000 });
