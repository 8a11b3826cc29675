import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startBootstrap } from './ipc/bootstrap';
import './styles/tokens.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/datasets.css';
import './styles/runs.css';

startBootstrap();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
