import { useId, useState, type FormEvent } from 'react';
import { downloadPdf } from '../../components/download-file';
import { CompensationPanel } from './CompensationPanel';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/format';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { CheckboxField, FormField, LabelledField, TextAreaField } from '../../components/FormField';
import { DateField } from '../../components/DateField';
import { QueryGate } from '../../components/QueryGate';
import {
  useNotifyVictimMutation,
  useRecordWishesMutation,
  useSavePreferencesMutation,
  useVictimCaseQuery,
  useVictimContactMutation,
  useVictimLetterMutation,
} from './slachtoffers-api';
import { todayInAmsterdam } from '../../../shared/domain/amsterdam-clock';

export function VictimPage() {
  const { victimId = '' } = useParams();
  const { data, error } = useVictimCaseQuery(victimId);
  return (
    <QueryGate data={data} error={error}>
      {(view) => <Victim view={view} />}
    </QueryGate>
  );
}

function Victim({ view: data }: { view: ResponseOf<'slachtoffers.victim'> }) {
  const { victim } = data;
  return (
    <section aria-labelledby="page-title">
      <Link to="/slachtofferinformatie">{t('slachtoffers.back')}</Link>
      <h1 id="page-title">{t('slachtoffers.victimTitle', { name: victim.displayName })}</h1>
      <div className="assessment__columns">
        <div>
          <Preferences victim={victim} />
          <ContactPanel victimId={victim.id} />
          <CompensationPanel view={data} />
        </div>
        <div>
          <h2>{t('slachtoffers.eventsTitle')}</h2>
          <ol className="timeline">
            {data.events.map((event) => {
              const notification = data.notifications.find((n) => n.eventId === event.id);
              return (
                <li key={event.id} className="arrangement">
                  <p className="arrangement__head">
                    <strong>{t(`slachtoffers.events.${event.kind}`)}</strong> · {formatDate(event.eventDate)}
                  </p>
                  <p className="note__meta">
                    {t('slachtoffers.columns.deadline')}: {formatDate(event.deadline)}
                  </p>
                  {notification ? (
                    <p>
                      {t('slachtoffers.notified', {
                        date: formatDate(notification.notifiedOn),
                        channel: t(`slachtoffers.channels.${notification.channel}`),
                      })}
                      {notification.late ? <span className="tag tag--pending">{t('slachtoffers.late')}</span> : null}
                      {notification.pending ? (
                        <span className="tag tag--pending">{t('betalingsonmacht.notSent')}</span>
                      ) : null}
                    </p>
                  ) : victim.optedIn && victim.wantsInformation ? (
                    <NotifyForm
                      victimId={victim.id}
                      eventId={event.id}
                      defaultChannel={victim.preferredChannel}
                      label={`${t('slachtoffers.notifyTitle')}: ${t(`slachtoffers.events.${event.kind}`)} ${formatDate(event.eventDate)}`}
                    />
                  ) : null}
                  <Wishes
                    victimId={victim.id}
                    eventId={event.id}
                    wish={data.wishes.find((w) => w.eventId === event.id)}
                  />
                </li>
              );
            })}
          </ol>
        </div>
      </div>
    </section>
  );
}

type Contact = ResponseOf<'slachtoffers.contact'>;

/** Contact data stays hidden until the worker gives a reason; closing the panel drops it from memory. */
function ContactPanel({ victimId }: { victimId: string }) {
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState<Contact | null>(null);
  const [read, { error, isLoading, reset }] = useVictimContactMutation();
  const reasonId = useId();
  const failure = appError(error);
  const show = async (event: FormEvent) => {
    event.preventDefault();
    const result = await read({ victimId, reason });
    if ('data' in result && result.data) setContact(result.data);
  };
  return (
    <section aria-labelledby={`${reasonId}-title`} className="breakdown">
      <h2 id={`${reasonId}-title`}>{t('slachtoffers.contact')}</h2>
      <p className="hint">{t('slachtoffers.contactIntro')}</p>
      {contact ? (
        <>
          <dl className="details">
            <dt>{t('slachtoffers.mailTo')}</dt>
            <dd>{contact.mailTo}</dd>
            <dt>{t('slachtoffers.address')}</dt>
            <dd>
              {contact.street} {contact.houseNumber}, {contact.postalCode} {contact.city}
            </dd>
            {contact.domicilieAddress ? (
              <>
                <dt>{t('slachtoffers.domicilie')}</dt>
                <dd>{contact.domicilieAddress}</dd>
              </>
            ) : null}
            <dt>{t('slachtoffers.phone')}</dt>
            <dd>{contact.phone ?? '–'}</dd>
            <dt>{t('slachtoffers.email')}</dt>
            <dd>{contact.email ?? '–'}</dd>
          </dl>
          <button
            type="button"
            onClick={() => {
              setContact(null);
              setReason('');
              reset();
            }}
          >
            {t('slachtoffers.hideContact')}
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void show(e)} noValidate>
          <FormField
            label={t('slachtoffers.reason')}
            type="text"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={failure ? (failure.issues?.reason ?? failure.message) : undefined}
          />
          <button type="submit" disabled={isLoading}>
            {t('slachtoffers.showContact')}
          </button>
        </form>
      )}
    </section>
  );
}

function NotifyForm({
  victimId,
  eventId,
  defaultChannel,
  label,
}: {
  victimId: string;
  eventId: string;
  defaultChannel: 'brief' | 'telefoon' | 'email';
  /** Unique per event: several forms on one screen are separate landmarks. */
  label: string;
}) {
  const [channel, setChannel] = useState(defaultChannel);
  const [content, setContent] = useState('');
  const [notifiedOn, setNotifiedOn] = useState(todayInAmsterdam());
  const [notify, { error, isLoading, isSuccess }] = useNotifyVictimMutation();
  const [makeLetter, letter] = useVictimLetterMutation();
  const failure = appError(error);
  const letterFailure = appError(letter.error);
  const writeLetter = async () => {
    const result = await makeLetter({ victimId, eventId });
    if (!('data' in result) || !result.data) return;
    downloadPdf(result.data.fileName, result.data.pdfBase64);
    setContent(result.data.text);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void notify({ victimId, eventId, channel, content, notifiedOn });
  };
  return (
    <form onSubmit={submit} noValidate className="note-form" aria-label={label}>
      <ChannelSelect value={channel} onChange={setChannel} />
      {channel === 'brief' ? (
        <div className="field">
          <button type="button" disabled={letter.isLoading} onClick={() => void writeLetter()}>
            {t('slachtoffers.makeLetter')}
          </button>
          <span className="hint">{t('slachtoffers.letterHint')}</span>
          {letterFailure ? (
            <p role="alert" className="field__error">
              {letterFailure.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <TextAreaField
        label={t('slachtoffers.content')}
        rows={3}
        value={content}
        onChange={(e) => setContent(e.target.value)}
        error={failure ? (failure.issues?.content ?? failure.message) : undefined}
      />
      <DateField label={t('slachtoffers.notifiedOn')} value={notifiedOn} onChange={setNotifiedOn} />
      <button type="submit" className="button--primary" disabled={isLoading}>
        {t('slachtoffers.record')}
      </button>
      {isSuccess ? (
        <p role="status" className="note-form__saved">
          {t('slachtoffers.recorded')}
        </p>
      ) : null}
    </form>
  );
}

type Wish = ResponseOf<'slachtoffers.victim'>['wishes'][number];

/** The wensenformulier for one event: what is recorded, or the form to record and forward it. */
function Wishes({ victimId, eventId, wish }: { victimId: string; eventId: string; wish: Wish | undefined }) {
  const [contactverbod, setContactverbod] = useState(false);
  const [gebiedsverbod, setGebiedsverbod] = useState(false);
  const [zone, setZone] = useState('');
  const [remarks, setRemarks] = useState('');
  const [record, { error, isLoading }] = useRecordWishesMutation();
  const failure = appError(error);
  if (wish) {
    const parts = [
      wish.contactverbod ? t('slachtoffers.wishContactverbod') : null,
      wish.gebiedsverbod ? t('slachtoffers.wishGebiedsverbod', { zone: wish.zoneDescription ?? '' }) : null,
    ].filter(Boolean);
    return (
      <p className="note__meta">
        {t('slachtoffers.wishesRecorded', {
          date: formatDate(wish.recordedOn),
          forwarded: formatDate(wish.forwardedToOmOn),
        })}{' '}
        ({parts.length ? parts.join('; ') : t('slachtoffers.noWishes')})
        {wish.pending ? <span className="tag tag--pending">{t('betalingsonmacht.notSent')}</span> : null}
      </p>
    );
  }
  return (
    <details className="waive">
      <summary>{t('slachtoffers.wishesTitle')}</summary>
      <form
        noValidate
        aria-label={`${t('slachtoffers.wishesTitle')} ${eventId.slice(0, 8)}`}
        onSubmit={(e) => {
          e.preventDefault();
          void record({
            victimId,
            eventId,
            contactverbod,
            gebiedsverbod,
            zoneDescription: gebiedsverbod ? zone : null,
            remarks,
          });
        }}
      >
        <CheckboxField label={t('slachtoffers.contactverbod')} checked={contactverbod} onChange={setContactverbod} />
        <CheckboxField label={t('slachtoffers.gebiedsverbod')} checked={gebiedsverbod} onChange={setGebiedsverbod} />
        {gebiedsverbod ? (
          <>
            <p className="alert" role="note">
              {t('slachtoffers.zoneWarning')}
            </p>
            <TextAreaField
              label={t('slachtoffers.zone')}
              rows={2}
              value={zone}
              onChange={(e) => setZone(e.target.value)}
              error={failure?.issues?.zoneDescription}
            />
          </>
        ) : null}
        <TextAreaField
          label={t('slachtoffers.remarks')}
          rows={2}
          value={remarks}
          onChange={(e) => setRemarks(e.target.value)}
        />
        {failure && !failure.issues ? <p className="field__error">{failure.message}</p> : null}
        <button type="submit" disabled={isLoading}>
          {t('slachtoffers.recordWishes')}
        </button>
      </form>
    </details>
  );
}

/** What the victim wants; saved as a command, so a change made offline is not lost. */
function Preferences({ victim }: { victim: ResponseOf<'slachtoffers.victim'>['victim'] }) {
  const [optedIn, setOptedIn] = useState(victim.optedIn);
  const [wantsInformation, setWantsInformation] = useState(victim.wantsInformation);
  const [channel, setChannel] = useState(victim.preferredChannel);
  const [representative, setRepresentative] = useState(victim.representative ?? '');
  const [save, { isLoading, isSuccess, error }] = useSavePreferencesMutation();
  const failure = appError(error);
  return (
    <form
      noValidate
      aria-label={t('slachtoffers.preferences')}
      className="preferences"
      onSubmit={(e) => {
        e.preventDefault();
        void save({
          victimId: victim.id,
          optedIn,
          wantsInformation,
          preferredChannel: channel,
          representative: representative.trim() || null,
        });
      }}
    >
      <h2>{t('slachtoffers.preferences')}</h2>
      <CheckboxField label={t('slachtoffers.optedInForm')} checked={optedIn} onChange={setOptedIn} />
      <CheckboxField label={t('slachtoffers.optedIn')} checked={wantsInformation} onChange={setWantsInformation} />
      <ChannelSelect value={channel} onChange={setChannel} />
      <FormField
        label={t('slachtoffers.representative')}
        type="text"
        value={representative}
        onChange={(e) => setRepresentative(e.target.value)}
      />
      <dl className="details">
        <dt>{t('slachtoffers.naturalPerson')}</dt>
        <dd>{victim.isNaturalPerson ? t('slachtoffers.yes') : t('slachtoffers.no')}</dd>
        <dt>{t('slachtoffers.offence')}</dt>
        <dd>{victim.offenceCategory}</dd>
      </dl>
      {failure ? <p className="field__error">{failure.message}</p> : null}
      <button type="submit" disabled={isLoading}>
        {t('slachtoffers.savePreferences')}
      </button>
      {isSuccess ? (
        <p role="status" className="note-form__saved">
          {t('slachtoffers.recorded')}
        </p>
      ) : null}
    </form>
  );
}

type Channel = 'brief' | 'telefoon' | 'email';

function ChannelSelect({ value, onChange }: { value: Channel; onChange: (channel: Channel) => void }) {
  return (
    <LabelledField
      label={t('slachtoffers.channel')}
      control={(link) => (
        <select {...link} value={value} onChange={(e) => onChange(e.target.value as Channel)}>
          {(['brief', 'telefoon', 'email'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`slachtoffers.channels.${c}`)}
            </option>
          ))}
        </select>
      )}
    />
  );
}
