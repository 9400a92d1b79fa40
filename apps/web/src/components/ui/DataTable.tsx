import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll.tsx';

interface DataTableProps {
  /** Names the scroll region, e.g. "People table". */
  label: string;
  /** The table's caption, for assistive technology only. */
  caption: string;
  columns: string[];
  /** Adds a last column for row buttons, its header read out as "Actions". */
  actions?: boolean;
  className?: string;
  /** Column sizing (<col> elements), when the table needs it. */
  colgroup?: ReactNode;
  /** The rows. */
  children: ReactNode;
}

/** A scrollable table with a hidden caption and a header row. */
export function DataTable({
  label,
  caption,
  columns,
  actions,
  className,
  colgroup,
  children,
}: DataTableProps) {
  return (
    <TableScroll label={label}>
      <table className={className ? `table ${className}` : 'table'}>
        <caption className="visually-hidden">{caption}</caption>
        {colgroup ? <colgroup>{colgroup}</colgroup> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
