import { t, type MessageKey } from '../app/i18n/t';

/** An honest placeholder for an area whose issue has not landed yet. */
export function ComingSoonPage({ title, description }: { title: MessageKey; description: MessageKey }) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t(title)}</h1>
      <p className="tag">{t('comingSoon.label')}</p>
      <p>{t(description)}</p>
    </section>
  );
}
