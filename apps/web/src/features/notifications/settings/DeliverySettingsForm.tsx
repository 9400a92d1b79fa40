import { DIGEST_FREQUENCIES, type DigestFrequency } from '@atrium/contracts';
import { type FormEvent, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  FormError,
  PageSpinner,
  Select,
  TextField,
} from '../../../components/ui/index.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useFormErrors } from '../../../lib/formErrors.ts';
import { DIGEST_LABELS, WEEKDAYS } from '../labels.ts';
import type { NotificationSettings } from '../types.ts';
import { useNotificationSettings, useSaveNotificationSettings } from './api.ts';

const DIGEST_OPTIONS = DIGEST_FREQUENCIES.map((value) => ({ value, label: DIGEST_LABELS[value] }));
const HOUR_OPTIONS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));
const WEEKDAY_OPTIONS = WEEKDAYS.map((day) => ({ value: String(day.value), label: day.label }));

/** Every zone this browser knows, the saved one included even if it does not. */
function timeZoneOptions(current: string | null) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const list = current && !zones.includes(current) ? [current, ...zones] : zones;
  return [
    { value: '', label: 'Not set' },
    ...list.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
  ];
}

const isDigest = (value: string): value is DigestFrequency =>
  (DIGEST_FREQUENCIES as readonly string[]).includes(value);

/** Digest, quiet hours and time zone: the settings every email is timed by. */
export function DeliverySettingsForm() {
  const settings = useNotificationSettings();
  return (
    <Card title="Digest, quiet hours and time zone">
      {settings.isPending ? (
        <PageSpinner label="Loading your settings…" />
      ) : settings.isError ? (
        <Alert
          tone="danger"
          title="Could not load your settings"
          actions={<Button onClick={() => void settings.refetch()}>Try again</Button>}
        >
          {errorMessage(settings.error)}
        </Alert>
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </Card>
  );
}

function SettingsForm({ initial }: { initial: NotificationSettings }) {
  const [form, setForm] = useState(initial);
  const [quiet, setQuiet] = useState(initial.quietStart !== null);
  const save = useSaveNotificationSettings();
  const errors = useFormErrors(save, {
    digest: 'Digest',
    digestHour: 'Send at',
    digestWeekday: 'On',
    quietStart: 'Quiet from',
    quietEnd: 'Quiet until',
    timeZone: 'Time zone',
  });
  const set = (changes: Partial<NotificationSettings>) => setForm((old) => ({ ...old, ...changes }));
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...form,
      quietStart: quiet ? form.quietStart || null : null,
      quietEnd: quiet ? form.quietEnd || null : null,
    });
  };

  return (
    <form ref={errors.formRef} className="stack narrow-form" onSubmit={onSubmit} noValidate>
      <FormError banner={errors.banner} announcement={errors.announcement} />
      {save.isSuccess ? <Alert tone="success">Settings saved.</Alert> : null}
      <Select
        label="Digest"
        value={form.digest}
        options={DIGEST_OPTIONS}
        onChange={(event) => {
          if (isDigest(event.target.value)) set({ digest: event.target.value });
        }}
        hint="Notifications set to “Email digest” arrive together."
        error={errors.field('digest')}
      />
      {form.digest !== 'off' ? (
        <div className="grid-2">
          <Select
            label="Send at"
            value={String(form.digestHour)}
            options={HOUR_OPTIONS}
            onChange={(event) => set({ digestHour: Number(event.target.value) })}
            error={errors.field('digestHour')}
          />
          {form.digest === 'weekly' ? (
            <Select
              label="On"
              value={String(form.digestWeekday)}
              options={WEEKDAY_OPTIONS}
              onChange={(event) => set({ digestWeekday: Number(event.target.value) })}
              error={errors.field('digestWeekday')}
            />
          ) : null}
        </div>
      ) : null}
      <Checkbox
        label="Quiet hours"
        hint="No emails right away and no pop-ups in this window; they wait until it ends."
        checked={quiet}
        onChange={(event) => setQuiet(event.target.checked)}
      />
      {quiet ? (
        <div className="grid-2">
          <TextField
            label="Quiet from"
            type="time"
            required
            value={form.quietStart ?? ''}
            onChange={(event) => set({ quietStart: event.target.value || null })}
            error={errors.field('quietStart')}
          />
          <TextField
            label="Quiet until"
            type="time"
            required
            hint="Before the start: runs over midnight."
            value={form.quietEnd ?? ''}
            onChange={(event) => set({ quietEnd: event.target.value || null })}
            error={errors.field('quietEnd')}
          />
        </div>
      ) : null}
      <Select
        label="Time zone"
        value={form.timeZone ?? ''}
        options={timeZoneOptions(form.timeZone)}
        onChange={(event) => set({ timeZone: event.target.value || null })}
        hint={
          form.timeZone === browserZone ? (
            'Digest, quiet hours and working hours follow this time zone.'
          ) : (
            <>
              Digest, quiet hours and working hours follow this time zone.{' '}
              <button type="button" className="link-button" onClick={() => set({ timeZone: browserZone })}>
                Use this device’s ({browserZone})
              </button>
            </>
          )
        }
        error={errors.field('timeZone')}
      />
      <div>
        <Button type="submit" variant="primary" loading={save.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
