import { Form, Tabs } from 'antd';
import { type ComponentType, useEffect, useMemo, useRef } from 'react';
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

  const tabsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = tabsRef.current;
    if (!root) return;
    // When the section titles overflow (English, a narrow column), antd adds a "more" button inside the
    // tablist, where only tabs may be (axe: aria-required-children). The arrow keys reach every tab, so the
    // button stays for the mouse only: out of the tab order and of the accessibility tree.
    const hideMore = () => {
      for (const more of root.querySelectorAll('.ant-tabs-nav-more')) {
        if (more.getAttribute('aria-hidden') !== 'true') more.setAttribute('aria-hidden', 'true');
        if (more.getAttribute('tabindex') !== '-1') more.setAttribute('tabindex', '-1');
      }
    };
    hideMore();
    const observer = new MutationObserver(hideMore);
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['tabindex'],
    });
    return () => observer.disconnect();
  }, []);

  return (
    <DeclarationFormContext.Provider value={context}>
      <div ref={tabsRef}>
        <Tabs
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
      </div>
    </DeclarationFormContext.Provider>
  );
}
