import { createRoot } from 'react-dom/client';
import { resolveCjibApi } from './api/transport';
import { App } from './app/App';
import { installNavigationGuard } from './app/navigation-guard';
import './styles/tokens.css';
import './styles/app.css';

const cjib = resolveCjibApi(window);
installNavigationGuard(window);

const container = document.getElementById('root');
if (!container) throw new Error('#root ontbreekt in index.html');
createRoot(container).render(<App cjib={cjib} />);
