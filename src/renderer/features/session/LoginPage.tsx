import { useState, type FormEvent } from 'react';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { FormField } from '../../components/FormField';
import { useLoginMutation } from './session-api';

export function LoginPage() {
  const [login, { isLoading, error }] = useLoginMutation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const failure = appError(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void login({ username, password });
  };

  return (
    <main className="login" id="inhoud">
      <div className="login__panel">
        <div className="app-header__brand login__brand">
          <span className="app-header__logo" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </div>
        <h1>{t('login.title')}</h1>
        <p>{t('login.intro')}</p>
        {failure && !failure.issues ? (
          <div className="alert alert--error" role="alert">
            {failure.message}
          </div>
        ) : null}
        <form onSubmit={submit} noValidate>
          <FormField
            label={t('login.username')}
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={failure?.issues?.username}
          />
          <FormField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={failure?.issues?.password}
          />
          <button type="submit" className="button--primary" disabled={isLoading}>
            {isLoading ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
