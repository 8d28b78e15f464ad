import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { I18nProvider } from './i18n/i18n-provider.tsx';
import './styles/global.css';
import './styles/answers.css';
import './styles/screen.css';
import './styles/stage.css';
import './styles/play.css';
import './styles/teams.css';
import './styles/answer-pad.css';
import './styles/host.css';
import './styles/reports.css';
import './styles/under-the-hood.css';
import './styles/event-flow.css';
import './styles/sound.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
