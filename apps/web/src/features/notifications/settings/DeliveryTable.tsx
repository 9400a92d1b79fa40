import { NOTIFICATION_DELIVERIES, NOTIFICATION_TYPES } from '@atrium/contracts';
import { Alert, Button, Card, DataTable, PageSpinner, Select } from '../../../components/ui/index.ts';
import { errorMessage, fieldErrorOf } from '../../../lib/api.ts';
import { DELIVERY_LABELS, TYPE_LABELS } from '../labels.ts';
import type { NotificationDelivery, NotificationType } from '../types.ts';
import { usePreferences, useSetPreference } from './api.ts';

export const DELIVERY_OPTIONS = NOTIFICATION_DELIVERIES.map((delivery) => ({
  value: delivery,
  label: DELIVERY_LABELS[delivery],
}));

export const isDelivery = (value: string): value is NotificationDelivery =>
  (NOTIFICATION_DELIVERIES as readonly string[]).includes(value);

/** Types × delivery: one select per type, saved as soon as it changes. */
export function DeliveryTable() {
  const preferences = usePreferences();
  return (
    <Card title="How notifications reach you" id="notifications">
      <p className="muted">
        In Atrium: the bell and the notification center only. Email at once also sends an email, held during
        quiet hours and while you are on do not disturb. Email digest gathers them into one email.
      </p>
      {preferences.isPending ? (
        <PageSpinner label="Loading your preferences…" />
      ) : preferences.isError ? (
        <Alert
          tone="danger"
          title="Could not load your preferences"
          actions={<Button onClick={() => void preferences.refetch()}>Try again</Button>}
        >
          {errorMessage(preferences.error)}
        </Alert>
      ) : (
        <DataTable
          label="Notification types"
          caption="Delivery for each type"
          columns={['Type', 'Delivery']}
          className="preference-table"
        >
          {NOTIFICATION_TYPES.map((type) => (
            <TypeRow key={type} type={type} delivery={preferences.data.defaults[type]} />
          ))}
        </DataTable>
      )}
    </Card>
  );
}

function TypeRow({ type, delivery }: { type: NotificationType; delivery: NotificationDelivery | undefined }) {
  const save = useSetPreference();
  const { label, description } = TYPE_LABELS[type];
  const error = save.isError ? (fieldErrorOf(save.error, 'delivery') ?? errorMessage(save.error)) : undefined;
  return (
    <tr>
      <th scope="row" className="preference-type">
        {label}
        <span className="field-hint">{description}</span>
      </th>
      <td>
        <Select
          label={`Delivery for ${label.toLowerCase()}`}
          hideLabel
          value={save.isPending && save.variables.delivery ? save.variables.delivery : (delivery ?? 'in_app')}
          options={DELIVERY_OPTIONS}
          error={error}
          onChange={(event) => {
            if (isDelivery(event.target.value)) save.mutate({ type, delivery: event.target.value });
          }}
        />
        <span className="visually-hidden" role="status">
          {save.isSuccess ? `${label}: saved.` : ''}
        </span>
      </td>
    </tr>
  );
}
