import type { CSSProperties, ReactNode } from 'react';
import { Button } from './Button.tsx';
import { TextField } from './TextField.tsx';

interface FilterBarProps {
  /** The search box's label, e.g. "Search people". */
  searchLabel: string;
  query: string;
  onQueryChange: (value: string) => void;
  placeholder?: string;
  /**
   * `grid`: a directory's search row (search box, `filters` selects, then "Clear filters" on one
   * line); `compact`: a wrapping row above a table.
   */
  layout?: 'grid' | 'compact';
  /** How many selects follow the search box in the grid layout. */
  filters?: number;
  /** Shows a "Clear filters" button that calls this. */
  onClear?: (() => void) | undefined;
  /** The filter selects. */
  children?: ReactNode;
}

/** The search box and filters above a list. */
export function FilterBar({
  searchLabel,
  query,
  onQueryChange,
  placeholder,
  layout = 'compact',
  filters = 0,
  onClear,
  children,
}: FilterBarProps) {
  const grid = layout === 'grid';
  return (
    <search
      className={grid ? 'filter-bar' : 'admin-filters'}
      style={grid ? ({ '--filter-count': filters } as CSSProperties) : undefined}
    >
      <TextField
        label={searchLabel}
        type="search"
        placeholder={placeholder}
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        className={grid ? 'filter-bar-search' : undefined}
      />
      {children}
      {onClear ? (
        <Button variant="ghost" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </search>
  );
}
