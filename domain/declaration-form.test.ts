import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  completeness,
  type DeclarationContent,
  declarationContentSchema,
  ENTERPRISE_FIELDS,
  EVIDENCE_CATEGORIES,
  EVIDENCE_CATEGORY_KEYS,
  emptyDeclarationContent,
  FORM_SECTIONS,
  indicatorYears,
  mergePatch,
  missingItems,
  NARRATIVE_KEYS,
} from './declaration-form.ts';

const REQUIRED_EVIDENCE = EVIDENCE_CATEGORIES.filter((c) => c.required).map((c) => c.key);

/** A declaration with everything a submission needs (the api.md example, filled in). */
function complete(): DeclarationContent {
  return declarationContentSchema.parse({
    clusterName: '浙江省绍兴市诸暨市袜业产业集群',
    zoneName: null,
    leadingIndustry: { name: '袜业', industryCode: '1763', subSector: '功能性袜品' },
    landAreaKm2: 85.5,
    operator: {
      name: '诸暨市袜业产业集群发展促进中心',
      kind: 'management_committee',
      contact: '0575-0000000',
    },
    contacts: [{ name: '张三', title: '主任', phone: '0575-1234567', email: 'zhang@example.cn' }],
    indicators: {
      years: [2020, 2021, 2022],
      baseYearOutput: 380,
      output: [400, 450, 520],
      smeOutput: [300, 340, 400],
      leadingIndustryOutput: [320, 360, 420],
      enterprises: {
        total: 500,
        sme: 480,
        singleChampion: 1,
        littleGiant: 2,
        specializedSme: 12,
        innovativeSme: 20,
        highTech: 15,
      },
      smeRdSpending: [8, 9, 10.5],
      innovationPlatforms: 6,
      standardsParticipated: 3,
      validInventionPatents: 120,
      industrialInternetPenetration: 45,
      digitalToolPenetration: 60,
      greenFactories: 2,
      energyPerOutputReduction: 3.5,
      exportValue: [100, 110, 130],
      beltAndRoadProjects: 4,
      publicServiceBodies: 5,
    },
    narratives: Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, `${k}：集群发展情况说明。`])),
    developmentPlan: {
      targets: [{ indicator: 'output', year: 2025, value: 700 }],
      measures: '固链强链补链延链，培育专精特新中小企业。',
    },
    integrityPledge: { noSeriousIncidents: true, materialsAuthentic: true },
  });
}

const paths = (c: DeclarationContent, attached: readonly string[] = []) =>
  missingItems(c, attached).map((m) => m.path);

describe('emptyDeclarationContent', () => {
  it('parses with the content schema', () => {
    const r = declarationContentSchema.safeParse(emptyDeclarationContent());
    assert.equal(r.success, true, r.success ? '' : JSON.stringify(r.error.issues));
    assert.deepEqual(r.data, emptyDeclarationContent());
  });
  it('leaves every field empty and no pledge given', () => {
    const c = emptyDeclarationContent();
    assert.equal(c.clusterName, null);
    assert.deepEqual(c.indicators.output, [null, null, null]);
    assert.ok(ENTERPRISE_FIELDS.every((k) => c.indicators.enterprises[k] === null));
    assert.ok(NARRATIVE_KEYS.every((k) => c.narratives[k] === ''));
    assert.deepEqual(c.contacts, []);
    assert.deepEqual(c.integrityPledge, { noSeriousIncidents: false, materialsAuthentic: false });
  });
  it('returns a fresh object each time', () => {
    const a = emptyDeclarationContent();
    a.indicators.output[0] = 1;
    a.contacts.push({ name: 'x', title: '', phone: '', email: '' });
    const b = emptyDeclarationContent();
    assert.deepEqual(b.indicators.output, [null, null, null]);
    assert.deepEqual(b.contacts, []);
  });
  it('the complete fixture parses too', () => {
    assert.equal(declarationContentSchema.safeParse(complete()).success, true);
  });
});

describe('mergePatch', () => {
  it('merges nested objects key by key, keeping what the patch does not mention', () => {
    const base = emptyDeclarationContent();
    const merged = mergePatch(base, {
      clusterName: '某集群',
      leadingIndustry: { name: '袜业' },
      indicators: { enterprises: { littleGiant: 2 } },
    }) as DeclarationContent;
    assert.equal(merged.clusterName, '某集群');
    assert.deepEqual(merged.leadingIndustry, { name: '袜业', industryCode: null, subSector: null });
    assert.equal(merged.indicators.enterprises.littleGiant, 2);
    assert.equal(merged.indicators.enterprises.singleChampion, null);
    assert.deepEqual(merged.indicators.output, [null, null, null]);
    assert.equal(declarationContentSchema.safeParse(merged).success, true);
  });
  it('replaces arrays whole', () => {
    const base = complete();
    const merged = mergePatch(base, {
      indicators: { output: [1, null, 3] },
      contacts: [{ name: '李四', title: '', phone: '1', email: '' }],
    }) as DeclarationContent;
    assert.deepEqual(merged.indicators.output, [1, null, 3]);
    assert.equal(merged.contacts.length, 1);
    assert.equal(merged.contacts[0]?.name, '李四');
    assert.deepEqual(mergePatch({ a: [1, 2, 3] }, { a: [] }), { a: [] });
    assert.deepEqual(mergePatch({ a: [{ x: 1, y: 2 }] }, { a: [{ x: 9 }] }), { a: [{ x: 9 }] });
  });
  it('lets null replace a value or a whole object (no deletion)', () => {
    const merged = mergePatch(complete(), {
      landAreaKm2: null,
      indicators: { years: null },
    }) as DeclarationContent;
    assert.equal(merged.landAreaKm2, null);
    assert.ok('landAreaKm2' in merged);
    assert.equal(merged.indicators.years, null);
    assert.deepEqual(mergePatch({ a: { b: 1 }, c: 2 }, { a: null }), { a: null, c: 2 });
  });
  it('replaces a value by an object, an object by a value, and adds new keys', () => {
    assert.deepEqual(mergePatch({ a: 1 }, { a: { b: 2 } }), { a: { b: 2 } });
    assert.deepEqual(mergePatch({ a: { b: 2 } }, { a: 'x' }), { a: 'x' });
    assert.deepEqual(mergePatch({ a: 1 }, { b: { c: 1 } }), { a: 1, b: { c: 1 } });
  });
  it('returns a patch that is not an object as is', () => {
    assert.equal(mergePatch({ a: 1 }, null), null);
    assert.deepEqual(mergePatch({ a: 1 }, [1]), [1]);
    assert.deepEqual(mergePatch(null, { a: 1 }), { a: 1 });
    assert.deepEqual(mergePatch([1, 2], { a: 1 }), { a: 1 });
  });
  it('an empty patch changes nothing', () => {
    assert.deepEqual(mergePatch(complete(), {}), complete());
  });
  it('leaves its inputs unchanged', () => {
    const base = complete();
    const patch = { leadingIndustry: { name: '针织' }, indicators: { output: [1, 2, 3] } };
    const before = structuredClone(base);
    const patchBefore = structuredClone(patch);
    mergePatch(base, patch);
    assert.deepEqual(base, before);
    assert.deepEqual(patch, patchBefore);
  });
  it('never sets a prototype from a "__proto__" key and merges only own keys', () => {
    const patch = JSON.parse('{"__proto__": {"clusterName": "injected"}, "toString": {"a": 1}}');
    const merged = mergePatch({ zoneName: null }, patch) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.equal(merged.clusterName, undefined);
    assert.deepEqual(merged.toString, { a: 1 });
  });
});

describe('missingItems', () => {
  it('lists every required item of an empty form at once', () => {
    const items = missingItems(emptyDeclarationContent(), []);
    const p = items.map((m) => m.path);
    for (const expected of [
      'clusterName',
      'leadingIndustry.name',
      'leadingIndustry.industryCode',
      'leadingIndustry.subSector',
      'landAreaKm2',
      'operator.name',
      'operator.kind',
      'contacts',
      'indicators.baseYearOutput',
      'indicators.output[0]',
      'indicators.output[2]',
      'indicators.smeOutput[1]',
      'indicators.leadingIndustryOutput[2]',
      'indicators.smeRdSpending[0]',
      'indicators.industrialInternetPenetration',
      'developmentPlan.targets',
      'developmentPlan.measures',
      'integrityPledge.noSeriousIncidents',
      'integrityPledge.materialsAuthentic',
    ]) {
      assert.ok(p.includes(expected), expected);
    }
    for (const k of ENTERPRISE_FIELDS) assert.ok(p.includes(`indicators.enterprises.${k}`), k);
    for (const k of NARRATIVE_KEYS) assert.ok(p.includes(`narratives.${k}`), k);
    for (const k of REQUIRED_EVIDENCE) assert.ok(p.includes(`attachments.${k}`), k);
    // 8 basic, 21 indicators, 8 narratives, 2 plan, 2 pledge, 7 evidence
    assert.equal(items.length, 48);
    assert.equal(new Set(p).size, p.length, 'no item twice');
    // every section of the form has something missing
    assert.deepEqual(new Set(items.map((m) => m.section)), new Set(FORM_SECTIONS.map((s) => s.key)));
  });
  it('asks for every required evidence category and none of the optional ones', () => {
    const evidence = missingItems(emptyDeclarationContent(), []).filter((m) => m.section === 'evidence');
    assert.deepEqual(
      evidence.map((m) => m.path),
      REQUIRED_EVIDENCE.map((k) => `attachments.${k}`),
    );
    assert.ok(REQUIRED_EVIDENCE.length >= 7);
    assert.ok(!evidence.some((m) => m.path === 'attachments.other'));
    assert.ok(!evidence.some((m) => m.path === 'attachments.innovation_evidence'));
    for (const m of evidence) assert.match(m.message, /evidence required/);
  });
  it('lists nothing for a complete form with every required category attached', () => {
    assert.deepEqual(missingItems(complete(), REQUIRED_EVIDENCE), []);
    assert.deepEqual(missingItems(complete(), EVIDENCE_CATEGORY_KEYS), []);
  });
  it('lists only the evidence still to attach', () => {
    const attached = REQUIRED_EVIDENCE.filter((k) => k !== 'spatial_boundary');
    assert.deepEqual(paths(complete(), [...attached, 'other']), ['attachments.spatial_boundary']);
  });
  it('lists a contact without a phone, and a blank name', () => {
    const c = complete();
    c.contacts = [
      { name: '张三', title: '', phone: '', email: '' },
      { name: '  ', title: '主任', phone: '13800000000', email: '' },
    ];
    assert.deepEqual(paths(c, REQUIRED_EVIDENCE), ['contacts[0].phone', 'contacts[1].name']);
  });
  it('asks for at least one contact', () => {
    const c = complete();
    c.contacts = [];
    assert.deepEqual(paths(c, REQUIRED_EVIDENCE), ['contacts']);
  });
  it('treats whitespace-only text as blank and 0 as filled in', () => {
    const c = complete();
    c.clusterName = '   ';
    c.narratives.green = '\n';
    c.indicators.enterprises.singleChampion = 0;
    c.indicators.output[1] = 0;
    c.indicators.industrialInternetPenetration = 0;
    assert.deepEqual(paths(c, REQUIRED_EVIDENCE), ['clusterName', 'narratives.green']);
  });
  it('lists each missing indicator year separately', () => {
    const c = complete();
    c.indicators.smeOutput = [1, null, null];
    assert.deepEqual(paths(c, REQUIRED_EVIDENCE), ['indicators.smeOutput[1]', 'indicators.smeOutput[2]']);
  });
  it('requires both pledges', () => {
    const c = complete();
    c.integrityPledge = { noSeriousIncidents: false, materialsAuthentic: true };
    assert.deepEqual(paths(c, REQUIRED_EVIDENCE), ['integrityPledge.noSeriousIncidents']);
    c.integrityPledge = { noSeriousIncidents: true, materialsAuthentic: false };
    assert.deepEqual(paths(c, REQUIRED_EVIDENCE), ['integrityPledge.materialsAuthentic']);
  });
  it('does not require optional fields', () => {
    const c = complete();
    c.zoneName = null;
    c.operator.contact = null;
    c.indicators.years = null;
    c.indicators.validInventionPatents = null;
    c.indicators.exportValue = [null, null, null];
    assert.deepEqual(paths(c, REQUIRED_EVIDENCE), []);
  });
});

describe('completeness', () => {
  it('is 0 for an empty form and 100 for a complete one', () => {
    assert.equal(completeness(emptyDeclarationContent(), []), 0);
    assert.equal(completeness(complete(), REQUIRED_EVIDENCE), 100);
  });
  it('is in between for a partial form, and grows as items are filled in', () => {
    const noEvidence = completeness(complete(), []);
    assert.ok(noEvidence > 0 && noEvidence < 100);
    assert.equal(noEvidence, Math.round((41 / 48) * 100));
    const c = emptyDeclarationContent();
    c.clusterName = '某集群';
    const one = completeness(c, []);
    assert.equal(one, Math.round((1 / 48) * 100));
    c.landAreaKm2 = 10;
    assert.ok(completeness(c, []) > one);
  });
  it('stays within 0–100 even when contacts add more missing items than an empty form has', () => {
    const c = emptyDeclarationContent();
    c.contacts = Array.from({ length: 5 }, () => ({ name: '', title: '', phone: '', email: '' }));
    const v = completeness(c, []);
    assert.ok(v >= 0 && v <= 100);
  });
});

describe('indicatorYears', () => {
  it('is the three years before the campaign year, oldest first', () => {
    assert.deepEqual(indicatorYears(2023), [2020, 2021, 2022]);
    assert.deepEqual(indicatorYears(2022), [2019, 2020, 2021]);
    assert.deepEqual(indicatorYears(2025), [2022, 2023, 2024]);
  });
});
