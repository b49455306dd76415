// Entry point: start the store from the URL, keep the URL in sync, render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { syncUrl, useQs } from './state/store.ts';
import { App } from './ui/App.tsx';
import './styles.css';

useQs.getState().init(window.location.href, navigator.languages ?? [navigator.language]);
syncUrl();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
