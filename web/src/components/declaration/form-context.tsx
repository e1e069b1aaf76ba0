import { createContext, useContext } from 'react';
import type { DeclarationContent } from '../../../../domain/declaration-form.ts';

/** What every section of the form needs: the content shown, how to change it, and what is missing. */
export interface DeclarationFormContextValue {
  content: DeclarationContent;
  setField: (path: string, value: unknown) => void;
  editable: boolean;
  campaignYear: number;
  /** Missing items by path, shown as field errors once a submission was attempted. */
  missing: ReadonlyMap<string, string>;
}

export const DeclarationFormContext = createContext<DeclarationFormContextValue | null>(null);

export function useDeclarationForm(): DeclarationFormContextValue {
  const value = useContext(DeclarationFormContext);
  if (!value) throw new Error('useDeclarationForm outside DeclarationFormContext');
  return value;
}
