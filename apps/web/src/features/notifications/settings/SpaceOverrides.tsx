import { NOTIFICATION_TYPES, type NotificationType } from '@atrium/contracts';
import { type FormEvent, useState } from 'react';
import { Alert, Button, Card, EmptyState, FormError, Select } from '../../../components/ui/index.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useFormErrors } from '../../../lib/formErrors.ts';
import { useMySpaces } from '../../posts/useMySpaces.ts';
import { DELIVERY_LABELS, TYPE_LABELS } from '../labels.ts';
import type { NotificationDelivery, SpacePreference } from '../types.ts';
import { usePreferences, useSetPreference } from './api.ts';
import { DELIVERY_OPTIONS, isDelivery } from './DeliveryTable.tsx';

const TYPE_OPTIONS = NOTIFICATION_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type].label }));
const isType = (value: string): value is NotificationType =>
  (NOTIFICATION_TYPES as readonly string[]).includes(value);

/** Exceptions for particular spaces ("announcements in All Company: off"), added and removed one by one. */
export function SpaceOverrides() {
  const preferences = usePreferences();
  const overrides = preferences.data?.spaces ?? [];
  return (
    <Card title="Exceptions for spaces">
      <p className="muted">A setting for one space replaces your default for that type in it.</p>
      {overrides.length === 0 ? (
        preferences.isSuccess ? (
          <EmptyState title="No exceptions" />
        ) : null
      ) : (
        <ul className="override-list" aria-label="Exceptions for spaces">
          {overrides.map((override) => (
            <OverrideRow key={`${override.spaceId}:${override.type}`} override={override} />
          ))}
        </ul>
      )}
      <AddOverride />
    </Card>
  );
}

function OverrideRow({ override }: { override: SpacePreference }) {
  const save = useSetPreference();
  const typeLabel = TYPE_LABELS[override.type].label;
  const what = `${typeLabel.toLowerCase()} in ${override.spaceName}`;
  return (
    <li className="override-item">
      <p className="override-name">
        <strong>{override.spaceName}</strong> · {typeLabel}
      </p>
      <div className="override-controls">
        <Select
          label={`Delivery for ${what}`}
          hideLabel
          value={override.delivery}
          options={DELIVERY_OPTIONS}
          error={save.isError ? errorMessage(save.error) : undefined}
          onChange={(event) => {
            const delivery = event.target.value;
            if (isDelivery(delivery))
              save.mutate({ type: override.type, spaceId: override.spaceId, delivery });
          }}
        />
        <Button
          size="sm"
          variant="ghost"
          loading={save.isPending && save.variables.delivery === null}
          aria-label={`Remove the exception for ${what}`}
          onClick={() => save.mutate({ type: override.type, spaceId: override.spaceId, delivery: null })}
        >
          Remove
        </Button>
      </div>
    </li>
  );
}

function AddOverride() {
  const spaces = useMySpaces();
  const add = useSetPreference();
  const [spaceId, setSpaceId] = useState('');
  const [type, setType] = useState<NotificationType>('announcement');
  const [delivery, setDelivery] = useState<NotificationDelivery>('off');
  const [missingSpace, setMissingSpace] = useState(false);
  const errors = useFormErrors(add, { spaceId: 'Space', type: 'Type', delivery: 'Delivery' });
  const mine = spaces.data?.items ?? [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!spaceId) {
      setMissingSpace(true);
      return;
    }
    add.mutate({ type, delivery, spaceId }, { onSuccess: () => setSpaceId('') });
  };
  return (
    <form ref={errors.formRef} className="stack" onSubmit={onSubmit} noValidate>
      <h3 className="section-heading">Add an exception</h3>
      <FormError banner={errors.banner} announcement={errors.announcement} />
      <div className="override-fields">
        <Select
          label="Space"
          required
          value={spaceId}
          options={[
            { value: '', label: spaces.isPending ? 'Loading your spaces…' : 'Choose a space' },
            ...mine.map((space) => ({ value: space.id, label: space.name })),
          ]}
          onChange={(event) => {
            setSpaceId(event.target.value);
            setMissingSpace(false);
          }}
          error={errors.field('spaceId') ?? (missingSpace ? 'Choose a space.' : undefined)}
        />
        <Select
          label="Type"
          value={type}
          options={TYPE_OPTIONS}
          onChange={(event) => {
            if (isType(event.target.value)) setType(event.target.value);
          }}
          error={errors.field('type')}
        />
        <Select
          label="Delivery"
          value={delivery}
          options={DELIVERY_OPTIONS}
          onChange={(event) => {
            if (isDelivery(event.target.value)) setDelivery(event.target.value);
          }}
          error={errors.field('delivery')}
        />
      </div>
      {add.isSuccess ? (
        <Alert tone="success">
          Saved: {TYPE_LABELS[add.variables.type].label.toLowerCase()} —{' '}
          {DELIVERY_LABELS[add.variables.delivery ?? 'in_app'].toLowerCase()}.
        </Alert>
      ) : null}
      <div>
        <Button type="submit" variant="primary" loading={add.isPending}>
          Add exception
        </Button>
      </div>
    </form>
  );
}
