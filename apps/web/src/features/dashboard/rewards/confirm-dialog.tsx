import { useTranslation } from 'react-i18next';
import { Button, Dialog } from '../../../ui/index.ts';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before an action that cannot be undone; Cancel has focus first. */
export function ConfirmDialog({ open, title, body, confirmLabel, pending, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} description={body} onClose={onClose} closeLabel={t('dashboard.common.close')}>
      <div className="hb-dialog__actions">
        <Button variant="secondary" onClick={onClose} data-autofocus>
          {t('dashboard.common.cancel')}
        </Button>
        <Button variant="danger" loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
