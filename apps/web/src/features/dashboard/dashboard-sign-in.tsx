import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeChallenge, CodeChannel, VerifiedSignIn } from '../../api/auth.ts';
import { AlertIcon, BuildingIcon, Card, ClipboardIcon, Notice, PageHeader, UploadIcon, UsersIcon } from '../../ui/index.ts';
import { splitAround } from '../../i18n/split-around.ts';
import { SignInAlternatives } from '../auth/sign-in-alternatives.tsx';
import { AddressStep, CodeStep } from '../auth/sign-in-page.tsx';
import { useSession } from '../auth/session-context.tsx';
import './dashboard.css';

type Step = { kind: 'address'; returning: boolean } | { kind: 'code'; challenge: CodeChallenge; address: string; sentAt: number };

/**
 * The dashboard's sign-in screen, in place of any dashboard page while signed out: the same one-time
 * code flow (and passkey or organisation sign-in) as the app's `/sign-in`, laid out for a desktop;
 * the person stays on the page they asked for once signed in.
 */
export function DashboardSignIn() {
  const { t } = useTranslation();
  const { session, restoreError } = useSession();
  const titleId = useId();
  const [channel, setChannel] = useState<CodeChannel>('email');
  const [addresses, setAddresses] = useState<Record<CodeChannel, string>>({ email: '', sms: '' });
  const [step, setStep] = useState<Step>({ kind: 'address', returning: false });

  async function finish(result: VerifiedSignIn) {
    await session.signIn(result);
  }

  let heading: string;
  let description;
  if (step.kind === 'code') {
    heading = channel === 'email' ? t('auth.code.titleEmail') : t('auth.code.titlePhone');
    const text = t('auth.code.description', { address: step.address });
    const [before, after] = splitAround(text, step.address);
    description = (
      <>
        {before}
        <strong className="hb-sign-in__address">{step.address}</strong>
        {after}
      </>
    );
  } else {
    heading = t('dashboard.signIn.cardTitle');
    description = t('auth.signIn.description');
  }

  const points = [
    { icon: <BuildingIcon size={22} />, text: t('dashboard.signIn.pointRequest') },
    { icon: <UsersIcon size={22} />, text: t('dashboard.signIn.pointTeam') },
    { icon: <UploadIcon size={22} />, text: t('dashboard.signIn.pointRoster') },
    { icon: <ClipboardIcon size={22} />, text: t('dashboard.signIn.pointAdmin') },
  ];

  return (
    <div className="hb-dash-sign-in">
      <div className="hb-dash-sign-in__intro">
        <PageHeader eyebrow={t('dashboard.eyebrow')} title={t('dashboard.signIn.title')} description={t('dashboard.signIn.description')} />
        <ul className="hb-dash-sign-in__points">
          {points.map((point) => (
            <li key={point.text}>
              <span className="hb-dash-sign-in__point-icon" aria-hidden="true">
                {point.icon}
              </span>
              <span>{point.text}</span>
            </li>
          ))}
        </ul>
      </div>
      <Card className="hb-dash-sign-in__card" aria-labelledby={titleId}>
        <div className="hb-dash-sign-in__card-head">
          <h2 id={titleId} className="hb-card__title">
            {heading}
          </h2>
          <p className="hb-dash-sign-in__card-text">{description}</p>
        </div>
        {restoreError ? (
          <Notice tone="warning" icon={<AlertIcon />}>
            {t('dashboard.signIn.restoreFailed')}
          </Notice>
        ) : null}
        {step.kind === 'address' ? (
          <AddressStep
            channel={channel}
            addresses={addresses}
            focusOnMount={step.returning}
            onChannel={setChannel}
            onAddress={(value) => setAddresses((previous) => ({ ...previous, [channel]: value }))}
            onSent={(challenge, address) => setStep({ kind: 'code', challenge, address, sentAt: Date.now() })}
          />
        ) : (
          <CodeStep
            key={step.address}
            channel={channel}
            address={step.address}
            challenge={step.challenge}
            sentAt={step.sentAt}
            onResent={(challenge) => setStep({ ...step, challenge, sentAt: Date.now() })}
            onChangeAddress={() => setStep({ kind: 'address', returning: true })}
            onVerified={finish}
          />
        )}
        {step.kind === 'address' ? <SignInAlternatives onVerified={finish} /> : null}
      </Card>
    </div>
  );
}
