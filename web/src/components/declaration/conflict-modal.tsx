import { Alert, Button, Modal, Radio, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclarationContent } from '../../../../domain/declaration-form.ts';
import { useLanguage } from '../../i18n/index.ts';
import {
  type Choice,
  contentOf,
  defaultChoice,
  type FieldDifference,
  fieldDifferences,
} from './content-patch.ts';
import { fieldLabel } from './field-paths.ts';
import type { Conflict } from './use-declaration-editor.ts';
import { displayValue } from './value-display.ts';

/**
 * A 409 VERSION_CONFLICT (or edits restored from the browser over a newer version): lists the fields where
 * the current version differs from mine and lets me keep mine, take theirs, or choose field by field.
 */
export function ConflictModal({
  open,
  conflict,
  mine,
  campaignYear,
  onResolve,
}: {
  open: boolean;
  conflict: Conflict;
  mine: DeclarationContent;
  campaignYear: number;
  onResolve: (how: 'mine' | 'theirs' | { choices: Record<string, Choice> }) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const theirs = useMemo(() => contentOf(conflict.current), [conflict.current]);
  const diffs = useMemo(() => fieldDifferences(conflict.base, mine, theirs), [conflict.base, mine, theirs]);
  const [mode, setMode] = useState<'summary' | 'fields'>('summary');
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const choiceOf = (d: FieldDifference) => choices[d.path] ?? defaultChoice(d);
  const who = conflict.current.updatedBy?.displayName ?? t('conflict.someone');

  const columns: TableColumnsType<FieldDifference> = [
    {
      key: 'field',
      title: t('conflict.field'),
      render: (_, d) => (
        <div>
          <div className="conflict-field">{fieldLabel(d.path, t, lang, campaignYear)}</div>
          <Space size={4} wrap>
            {d.changedByMe && <Tag color="blue">{t('conflict.changedByMe')}</Tag>}
            {d.changedByThem && <Tag color="orange">{t('conflict.changedByThem')}</Tag>}
          </Space>
        </div>
      ),
    },
    {
      key: 'mine',
      title: t('conflict.mine'),
      render: (_, d) => <span className="conflict-value">{displayValue(d.path, d.mine, t, lang)}</span>,
    },
    {
      key: 'theirs',
      title: t('conflict.theirs'),
      render: (_, d) => <span className="conflict-value">{displayValue(d.path, d.theirs, t, lang)}</span>,
    },
  ];
  if (mode === 'fields') {
    columns.push({
      key: 'choice',
      title: t('conflict.choice'),
      render: (_, d) => (
        <Radio.Group
          aria-label={`${t('conflict.choice')}: ${fieldLabel(d.path, t, lang, campaignYear)}`}
          value={choiceOf(d)}
          onChange={(e) => setChoices((c) => ({ ...c, [d.path]: e.target.value as Choice }))}
          optionType="button"
          size="small"
          options={[
            { value: 'mine', label: t('conflict.chooseMine') },
            { value: 'theirs', label: t('conflict.chooseTheirs') },
          ]}
        />
      ),
    });
  }

  const applyFields = () =>
    onResolve({ choices: Object.fromEntries(diffs.map((d) => [d.path, choiceOf(d)])) });

  const footer =
    mode === 'summary' ? (
      <Space wrap className="conflict-actions">
        <Button onClick={() => onResolve('theirs')} title={t('conflict.takeTheirsHint')}>
          {t('conflict.takeTheirs')}
        </Button>
        <Button onClick={() => setMode('fields')} disabled={diffs.length === 0}>
          {t('conflict.fieldByField')}
        </Button>
        <Button type="primary" onClick={() => onResolve('mine')} title={t('conflict.keepMineHint')}>
          {t('conflict.keepMine')}
        </Button>
      </Space>
    ) : (
      <Space wrap className="conflict-actions">
        <Button onClick={() => setMode('summary')}>{t('conflict.back')}</Button>
        <Button type="primary" onClick={applyFields}>
          {t('conflict.apply')}
        </Button>
      </Space>
    );

  return (
    <Modal
      open={open}
      title={t('conflict.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={880}
      footer={footer}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('conflict.intro', { who, version: conflict.current.version })}
      </Typography.Paragraph>
      {diffs.length === 0 ? (
        <Alert type="info" showIcon message={t('conflict.noDifferences')} />
      ) : (
        <Table<FieldDifference>
          rowKey="path"
          size="small"
          columns={columns}
          dataSource={diffs}
          pagination={false}
          scroll={{ x: 600, y: 360 }}
        />
      )}
      {mode === 'summary' && (
        <ul className="conflict-hints">
          <li>
            <strong>{t('conflict.keepMine')}</strong>：{t('conflict.keepMineHint')}
          </li>
          <li>
            <strong>{t('conflict.takeTheirs')}</strong>：{t('conflict.takeTheirsHint')}
          </li>
        </ul>
      )}
    </Modal>
  );
}
