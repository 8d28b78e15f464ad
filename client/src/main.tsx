// First: before any schema parses (see the file for why).
import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles/global.css';
import './styles/answers.css';
import './styles/screen.css';
import './styles/stage.css';
import './styles/play.css';
import './styles/answer-pad.css';
import './styles/host.css';
import './styles/reports.css';
import './styles/under-the-hood.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
