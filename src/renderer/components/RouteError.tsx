import { Link } from 'react-router';
import { t } from '../app/i18n/t';

/** Shown when a screen fails to render: a Dutch message and a way back, never a stack trace. */
export function RouteError() {
  return (
    <main className="login" id="inhoud">
      <div className="login__panel" role="alert">
        <h1>{t('routeError.title')}</h1>
        <p>{t('routeError.body')}</p>
        <Link to="/werkvoorraad">{t('notFound.back')}</Link>
      </div>
    </main>
  );
}
