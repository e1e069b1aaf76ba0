import { Form, Tabs } from 'antd';
import { type ComponentType, useMemo } from 'react';
import { FORM_SECTIONS, type FormSectionKey } from '../../../../domain/declaration-form.ts';
import type { Declaration } from '../../api/declarations.ts';
import { useLanguage } from '../../i18n/index.ts';
import { BasicSection } from '../declaration/basic-section.tsx';
import { contentOf } from '../declaration/content-patch.ts';
import { EvidenceSection } from '../declaration/evidence-section.tsx';
import { DeclarationFormContext, type DeclarationFormContextValue } from '../declaration/form-context.tsx';
import { IndicatorsSection } from '../declaration/indicators-section.tsx';
import { NarrativesSection } from '../declaration/narratives-section.tsx';
import { PlanSection } from '../declaration/plan-section.tsx';
import { PledgeSection } from '../declaration/pledge-section.tsx';

const SECTIONS: Record<Exclude<FormSectionKey, 'evidence'>, ComponentType> = {
  basic: BasicSection,
  indicators: IndicatorsSection,
  narratives: NarrativesSection,
  plan: PlanSection,
  pledge: PledgeSection,
};

const NO_MISSING: ReadonlyMap<string, string> = new Map();
const noChange = () => {};

/** The county's Declaration Form, every section read-only, one tab per step (the county's own sections). */
export function ReadOnlyDeclaration({
  declaration,
  section,
  onSection,
  label,
}: {
  declaration: Declaration;
  section: FormSectionKey;
  onSection: (section: FormSectionKey) => void;
  label: string;
}) {
  const lang = useLanguage();
  const context: DeclarationFormContextValue = useMemo(
    () => ({
      content: contentOf(declaration),
      setField: noChange,
      editable: false,
      campaignYear: declaration.campaignYear,
      missing: NO_MISSING,
    }),
    [declaration],
  );

  return (
    <DeclarationFormContext.Provider value={context}>
      <Tabs
        // The six parts wrap onto a second line where they do not fit (longer in English) rather than
        // overflow into antd's "more" menu, whose button sits inside the tablist (not allowed there).
        className="readonly-tabs"
        aria-label={label}
        activeKey={section}
        onChange={(key) => onSection(key as FormSectionKey)}
        items={FORM_SECTIONS.map((s, i) => {
          const Section = s.key === 'evidence' ? null : SECTIONS[s.key];
          return {
            key: s.key,
            label: `${i + 1}. ${lang === 'en' ? s.en : s.zh}`,
            children: Section ? (
              <Form layout="vertical" disabled requiredMark={false} className="decl-form">
                <Section />
              </Form>
            ) : (
              <EvidenceSection declaration={declaration} onChanged={noChange} />
            ),
          };
        })}
      />
    </DeclarationFormContext.Provider>
  );
}
