import { type FormEvent, useId, useState } from 'react';
import { Alert, Button, Card, FormError, PageSpinner, TextField } from '../../components/ui/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/formErrors.ts';
import { WEEKDAYS } from '../notifications/labels.ts';
import { useMyStatus, useSetWorkingHours, type WorkingHours } from './api.ts';

const DEFAULT_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/** My working hours in my time zone: outside them, emails wait and others see I am off. */
export function WorkingHoursCard() {
  const status = useMyStatus();
  return (
    <Card title="Working hours">
      {status.isPending ? (
        <PageSpinner label="Loading your working hours…" />
      ) : status.isError ? (
        <Alert
          tone="danger"
          title="Could not load your working hours"
          actions={<Button onClick={() => void status.refetch()}>Try again</Button>}
        >
          {errorMessage(status.error)}
        </Alert>
      ) : (
        <WorkingHoursForm initial={status.data.workingHours} />
      )}
    </Card>
  );
}

function WorkingHoursForm({ initial }: { initial: WorkingHours | null }) {
  const groupId = useId();
  const [hours, setHours] = useState<WorkingHours>(initial ?? DEFAULT_HOURS);
  const save = useSetWorkingHours();
  const errors = useFormErrors(save, { days: 'Days', start: 'From', end: 'Until' });
  const [noDays, setNoDays] = useState(false);
  const daysError = errors.field('days') ?? (noDays ? 'Choose at least one day.' : undefined);

  const toggleDay = (day: number, on: boolean) => {
    setNoDays(false);
    setHours((old) => ({
      ...old,
      days: on ? [...new Set([...old.days, day])].sort((a, b) => a - b) : old.days.filter((d) => d !== day),
    }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (hours.days.length === 0) {
      setNoDays(true);
      return;
    }
    save.mutate(hours);
  };

  return (
    <form ref={errors.formRef} className="stack narrow-form" onSubmit={onSubmit} noValidate>
      <p className="muted">
        {initial
          ? 'In the time zone of your notification settings.'
          : 'Not set: you are treated as available at any time.'}
      </p>
      <FormError banner={errors.banner} announcement={errors.announcement} />
      {save.isSuccess ? (
        <Alert tone="success">
          {save.data.workingHours ? 'Working hours saved.' : 'Working hours cleared.'}
        </Alert>
      ) : null}
      <fieldset
        className="fieldset weekday-group"
        aria-describedby={daysError ? `${groupId}-error` : undefined}
      >
        <legend>Days</legend>
        <div className="weekday-options">
          {WEEKDAYS.map((day) => (
            <label key={day.value} className="weekday-option">
              <input
                type="checkbox"
                checked={hours.days.includes(day.value)}
                onChange={(event) => toggleDay(day.value, event.target.checked)}
              />
              {day.label}
            </label>
          ))}
        </div>
        {daysError ? (
          <div id={`${groupId}-error`} className="field-error">
            {daysError}
          </div>
        ) : null}
      </fieldset>
      <div className="grid-2">
        <TextField
          label="From"
          type="time"
          required
          value={hours.start}
          onChange={(event) => setHours((old) => ({ ...old, start: event.target.value }))}
          error={errors.field('start')}
        />
        <TextField
          label="Until"
          type="time"
          required
          value={hours.end}
          onChange={(event) => setHours((old) => ({ ...old, end: event.target.value }))}
          error={errors.field('end')}
        />
      </div>
      <div className="row">
        <Button type="submit" variant="primary" loading={save.isPending && save.variables !== null}>
          Save working hours
        </Button>
        {initial ? (
          <Button
            variant="ghost"
            loading={save.isPending && save.variables === null}
            onClick={() => save.mutate(null)}
          >
            Clear working hours
          </Button>
        ) : null}
      </div>
    </form>
  );
}
