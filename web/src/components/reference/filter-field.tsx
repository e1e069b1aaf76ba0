import type { ReactNode } from 'react';

/** A visible label beside a filter control; `htmlFor` must match the control's id. */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
