import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/session.ts';
import { Button } from '../../ui/index.ts';
import { OfficerClaimCard } from './officer-claim-card.tsx';

/** For the few citizens who are officers on another email: a link that opens the claim form, not the whole form for everyone. */
export function OfficerClaimDisclosure({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (open) return <OfficerClaimCard session={session} />;
  return (
    <p className="hb-officer-claim__link">
      <Button variant="ghost" size="sm" aria-expanded={false} onClick={() => setOpen(true)}>
        {t('officerClaim.open')}
      </Button>
    </p>
  );
}
