import { describe, expect, it } from 'vitest';
import { emptyDeclarationContent } from '../../../../domain/declaration-form.ts';
import {
  applyPatch,
  buildPatch,
  contentOf,
  defaultChoice,
  fieldDifferences,
  getAtPath,
  keepMine,
  parsePath,
  rebaseAfterSave,
  resolveFields,
  setAtPath,
} from './content-patch.ts';

const base = () => emptyDeclarationContent();

describe('buildPatch', () => {
  it('is null when nothing changed', () => {
    expect(buildPatch(base(), base())).toBeNull();
  });

  it('holds only changed fields, nested objects merged, arrays whole', () => {
    const after = base();
    after.clusterName = '余姚市模具产业集群';
    after.leadingIndustry.industryCode = '3525';
    after.indicators.output = [null, 45.5, null];
    after.contacts = [{ name: '张三', title: '科长', phone: '0574-1', email: '' }];
    expect(buildPatch(base(), after)).toEqual({
      clusterName: '余姚市模具产业集群',
      leadingIndustry: { industryCode: '3525' },
      indicators: { output: [null, 45.5, null] },
      contacts: [{ name: '张三', title: '科长', phone: '0574-1', email: '' }],
    });
  });

  it('sends a cleared field as null', () => {
    const before = base();
    before.landAreaKm2 = 12;
    const after = base();
    expect(buildPatch(before, after)).toEqual({ landAreaKm2: null });
  });

  it('round-trips through applyPatch', () => {
    const after = base();
    after.narratives.green = '光伏屋顶';
    after.developmentPlan.targets = [{ indicator: 'output', year: 2026, value: 600 }];
    expect(applyPatch(base(), buildPatch(base(), after))).toEqual(after);
  });
});

describe('rebaseAfterSave', () => {
  it('keeps edits typed while the save was in flight', () => {
    const sent = base();
    sent.clusterName = 'A';
    const local = { ...sent, zoneName: 'Z' };
    const saved = { ...sent, clusterName: 'A' };
    expect(rebaseAfterSave(sent, local, saved)).toEqual({ ...saved, zoneName: 'Z' });
  });

  it('takes what the server normalised in the part that was sent', () => {
    const sent = { ...base(), clusterName: ' A ' };
    const saved = { ...base(), clusterName: 'A' };
    const result = rebaseAfterSave(sent, sent, saved);
    expect(result.clusterName).toBe('A');
    expect(buildPatch(saved, result)).toBeNull();
  });
});

describe('contentOf', () => {
  it('picks content fields and fills missing nested keys', () => {
    const c = contentOf({ id: 'x', version: 3, clusterName: 'A', leadingIndustry: { name: '模具' } });
    expect(c.clusterName).toBe('A');
    expect(c.leadingIndustry).toEqual({ name: '模具', industryCode: null, subSector: null });
    expect('id' in c).toBe(false);
    expect(c.narratives.green).toBe('');
  });
});

describe('paths', () => {
  it('parses and reads indexed paths', () => {
    expect(parsePath('indicators.output[2]')).toEqual(['indicators', 'output', 2]);
    expect(parsePath('contacts[0].name')).toEqual(['contacts', 0, 'name']);
    const c = base();
    c.indicators.output[2] = 7;
    expect(getAtPath(c, 'indicators.output[2]')).toBe(7);
    expect(getAtPath(c, 'contacts[3].name')).toBeUndefined();
  });

  it('sets without mutating', () => {
    const c = base();
    const next = setAtPath(c, 'indicators.output[1]', 9);
    expect(next.indicators.output).toEqual([null, 9, null]);
    expect(c.indicators.output).toEqual([null, null, null]);
    expect(next.narratives).toBe(c.narratives);
  });
});

describe('conflicts', () => {
  const start = () => ({ ...base(), clusterName: 'old', zoneName: 'zone' });

  it('lists differing fields with who changed them', () => {
    const mine = { ...start(), zoneName: 'my zone' };
    const theirs = { ...start(), clusterName: 'their name' };
    theirs.indicators = { ...theirs.indicators, output: [1, null, null] };
    const diffs = fieldDifferences(start(), mine, theirs);
    expect(diffs.map((d) => d.path)).toEqual(['clusterName', 'zoneName', 'indicators.output[0]']);
    const byPath = Object.fromEntries(diffs.map((d) => [d.path, d]));
    expect(byPath.clusterName).toMatchObject({ mine: 'old', theirs: 'their name', changedByMe: false });
    expect(byPath.zoneName).toMatchObject({ mine: 'my zone', theirs: 'zone', changedByMe: true });
    expect(defaultChoice(byPath.zoneName!)).toBe('mine');
    expect(defaultChoice(byPath.clusterName!)).toBe('theirs');
  });

  it('treats arrays of objects as one field', () => {
    const mine = { ...start(), contacts: [{ name: 'a', title: '', phone: '1', email: '' }] };
    const diffs = fieldDifferences(start(), mine, start());
    expect(diffs.map((d) => d.path)).toEqual(['contacts']);
  });

  it('keep mine re-applies only my edits on top of theirs', () => {
    const mine = { ...start(), zoneName: 'my zone' };
    const theirs = { ...start(), clusterName: 'their name' };
    const merged = keepMine(start(), mine, theirs);
    expect(merged.clusterName).toBe('their name');
    expect(merged.zoneName).toBe('my zone');
  });

  it('keep mine wins where both changed the same field', () => {
    const mine = { ...start(), clusterName: 'mine' };
    const theirs = { ...start(), clusterName: 'theirs' };
    expect(keepMine(start(), mine, theirs).clusterName).toBe('mine');
  });

  it('resolves field by field', () => {
    const mine = { ...start(), clusterName: 'mine', zoneName: 'my zone' };
    const theirs = { ...start(), clusterName: 'theirs', zoneName: 'their zone' };
    const out = resolveFields(mine, theirs, { clusterName: 'mine', zoneName: 'theirs' });
    expect(out.clusterName).toBe('mine');
    expect(out.zoneName).toBe('their zone');
  });
});
