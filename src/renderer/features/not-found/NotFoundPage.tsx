import { Link } from 'react-router';
import { t } from '../../app/i18n/t';

export function NotFoundPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/werkvoorraad">{t('notFound.back')}</Link>
    </section>
  );
}
