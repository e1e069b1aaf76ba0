import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StandardsOverall } from '../../../../domain/standards.ts';
import { useLanguage } from '../../i18n/index.ts';
import { standardsItemName } from '../declaration/standards-format.ts';
import type { EntryError, RankedEntry } from './ranking.ts';
import { StandardsTag } from './standards-tag.tsx';

export type FocusTarget = 'handle' | 'up' | 'down';

const MAX_JUSTIFICATION = 2000;

/**
 * The ranked list: rank, name, standards, up/down buttons, a drag handle (native drag and drop, or the
 * arrow keys while it has focus), remove, and the western-relaxation justification where one is needed.
 */
export function RankedList({
  entries,
  readOnly,
  hintId,
  overall,
  relaxation,
  errors,
  showRequired,
  errorText,
  onMove,
  onRemove,
  onJustification,
}: {
  entries: RankedEntry[];
  readOnly: boolean;
  hintId: string;
  overall: (id: string) => StandardsOverall | null;
  relaxation: (id: string) => { needed: boolean; failedItems: string[] };
  errors: ReadonlyMap<string, EntryError[]>;
  showRequired: boolean;
  errorText: (error: EntryError) => string;
  onMove: (from: number, to: number, focus: FocusTarget) => void;
  onRemove: (index: number) => void;
  onJustification: (index: number, text: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dragFrom = useRef<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommend.emptyList')} />;
  const gap = lang === 'en' ? ' ' : '';
  const names = (codes: string[]) =>
    codes.map((c) => standardsItemName(c, t, lang)).join(lang === 'en' ? ', ' : '、');

  return (
    <ol className="ranked-list">
      {entries.map((e, i) => {
        const name = e.clusterName;
        const need = relaxation(e.declarationId);
        const entryErrors = errors.get(e.declarationId) ?? [];
        const justificationMissing = need.needed && showRequired && !e.justification.trim();
        const justId = `just-${e.declarationId}`;
        return (
          <li
            key={e.declarationId}
            className={`ranked${dropAt === i ? ' ranked-drop' : ''}${entryErrors.length ? ' ranked-error' : ''}`}
            draggable={!readOnly}
            onDragStart={(ev) => {
              dragFrom.current = i;
              ev.dataTransfer.effectAllowed = 'move';
              ev.dataTransfer.setData('text/plain', e.declarationId);
            }}
            onDragOver={(ev) => {
              if (dragFrom.current === null) return;
              ev.preventDefault();
              ev.dataTransfer.dropEffect = 'move';
              setDropAt(i);
            }}
            onDragLeave={() => setDropAt((d) => (d === i ? null : d))}
            onDrop={(ev) => {
              ev.preventDefault();
              if (dragFrom.current !== null) onMove(dragFrom.current, i, 'handle');
              dragFrom.current = null;
              setDropAt(null);
            }}
            onDragEnd={() => {
              dragFrom.current = null;
              setDropAt(null);
            }}
          >
            <div className="ranked-row">
              <Button
                id={`handle-${e.declarationId}`}
                type="text"
                className="drag-handle"
                icon={<HolderOutlined />}
                disabled={readOnly}
                aria-label={t('recommend.handle', { name })}
                aria-describedby={hintId}
                onKeyDown={(ev) => {
                  if (ev.key === 'ArrowUp' && i > 0) {
                    ev.preventDefault();
                    onMove(i, i - 1, 'handle');
                  } else if (ev.key === 'ArrowDown' && i < entries.length - 1) {
                    ev.preventDefault();
                    onMove(i, i + 1, 'handle');
                  }
                }}
              />
              <span className="rank-badge" aria-hidden="true">
                {i + 1}
              </span>
              <div className="ranked-main">
                <span className="visually-hidden">{t('recommend.rank', { rank: i + 1 })} </span>
                <Link to={`/review/${encodeURIComponent(e.declarationId)}`} className="candidate-name">
                  {name}
                </Link>
                <div className="candidate-meta">
                  <span>{e.countyName}</span>
                  <StandardsTag overall={overall(e.declarationId)} loading />
                  {need.needed && (
                    <Tag color="orange" bordered={false}>
                      {t('recommend.relaxedTag')}
                    </Tag>
                  )}
                </div>
              </div>
              <div className="ranked-buttons">
                <Button
                  id={`up-${e.declarationId}`}
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={readOnly || i === 0}
                  aria-label={t('recommend.moveUpNamed', { name })}
                  title={t('recommend.moveUp')}
                  onClick={() => onMove(i, i - 1, 'up')}
                />
                <Button
                  id={`down-${e.declarationId}`}
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={readOnly || i === entries.length - 1}
                  aria-label={t('recommend.moveDownNamed', { name })}
                  title={t('recommend.moveDown')}
                  onClick={() => onMove(i, i + 1, 'down')}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={readOnly}
                  aria-label={t('recommend.removeNamed', { name })}
                  onClick={() => onRemove(i)}
                >
                  <span className="remove-label">{t('recommend.remove')}</span>
                </Button>
              </div>
            </div>
            {entryErrors.length > 0 && (
              <ul className="entry-errors" role="alert">
                {entryErrors.map((err) => (
                  <li key={`${err.message}-${err.failedItems.join()}`}>
                    {errorText(err)}
                    {err.failedItems.length > 0 &&
                      `${gap}${t('recommend.failedItems', { items: names(err.failedItems) })}`}
                  </li>
                ))}
              </ul>
            )}
            {need.needed && (
              <Form.Item
                className="justification"
                label={t('recommend.justification')}
                htmlFor={justId}
                required
                validateStatus={justificationMissing ? 'error' : undefined}
                help={justificationMissing ? t('recommend.justificationRequired') : undefined}
                extra={
                  <>
                    {t('recommend.failedItems', { items: names(need.failedItems) })}
                    {gap}
                    {t('recommend.justificationHint')}
                  </>
                }
                layout="vertical"
              >
                <Input.TextArea
                  id={justId}
                  rows={3}
                  maxLength={MAX_JUSTIFICATION}
                  showCount
                  disabled={readOnly}
                  aria-required
                  aria-invalid={justificationMissing || undefined}
                  value={e.justification}
                  onChange={(ev) => onJustification(i, ev.target.value)}
                />
              </Form.Item>
            )}
          </li>
        );
      })}
    </ol>
  );
}
