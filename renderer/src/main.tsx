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

// elkjs needs most of a second of warming before it lays out a big chain quickly: that happens in its own worker
// thread from the start, while the app loads and the user is on other pages (this thread only starts it)
void import('./features/chains/layoutEngine').then((m) => m.layoutEngine());
