import { formatDate } from '../../lib/format.ts';
import type { RecordField } from './types.ts';

const numberFormat = new Intl.NumberFormat();
const moneyFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function FieldValue({ field }: { field: RecordField }) {
  const { value } = field;
  if (value === null || value === '') return <span className="muted">—</span>;
  switch (field.type) {
    case 'number':
      return <>{typeof value === 'number' ? numberFormat.format(value) : value}</>;
    case 'money':
      return <>{typeof value === 'number' ? moneyFormat.format(value) : value}</>;
    case 'date':
      return <time dateTime={String(value)}>{formatDate(String(value))}</time>;
    case 'url':
      return /^https?:\/\//i.test(String(value)) ? (
        <a href={String(value)} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </a>
      ) : (
        String(value)
      );
    default:
      return <>{value}</>;
  }
}

/** The record's fields in its type's order. */
export function RecordFields({ fields }: { fields: RecordField[] }) {
  if (fields.length === 0) return <p className="muted">This record type has no fields.</p>;
  return (
    <dl className="detail-list">
      {fields.map((field) => (
        <div key={field.key}>
          <dt>{field.label}</dt>
          <dd>
            <FieldValue field={field} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
