import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DeclarationContent, emptyDeclarationContent } from './declaration-form.ts';
import {
  compare,
  displayNumber,
  evaluateStandards,
  evaluateStandardsWith,
  isStandardsVersion,
  NEGATIVE_LIST_AREA,
  OPTIONAL_INDICATORS,
  STANDARDS_AREAS,
  STANDARDS_EPSILON,
  STANDARDS_VERSIONS,
  type StandardsDefinition,
  type StandardsItem,
  type StandardsResult,
} from './standards.ts';

/** A cluster that meets every 2022 rule comfortably (the api.md example). */
function passing(): DeclarationContent {
  const c = emptyDeclarationContent();
  c.indicators.years = [2020, 2021, 2022];
  c.indicators.baseYearOutput = 380;
  c.indicators.output = [400, 450, 520];
  c.indicators.smeOutput = [300, 340, 400];
  c.indicators.leadingIndustryOutput = [320, 360, 420];
  c.landAreaKm2 = 85.5;
  c.indicators.enterprises = {
    total: 500,
    sme: 480,
    singleChampion: 1,
    littleGiant: 2,
    specializedSme: 12,
    innovativeSme: 20,
    highTech: 15,
  };
  c.integrityPledge = { noSeriousIncidents: true, materialsAuthentic: true };
  return c;
}

const run = (edit: (c: DeclarationContent) => void, version = '2022'): StandardsResult => {
  const c = passing();
  edit(c);
  return evaluateStandards(c, version);
};
const item = (r: StandardsResult, code: string): StandardsItem => {
  const found = r.items.find((i) => i.code === code);
  assert.ok(found, `no item ${code}`);
  return found;
};
const check = (code: string, edit: (c: DeclarationContent) => void): StandardsItem => item(run(edit), code);
const resultOf = (code: string, edit: (c: DeclarationContent) => void) => check(code, edit).result;

/** Sets the latest year's output and a part of it (SME or leading-industry output). */
const latest = (
  c: DeclarationContent,
  key: 'smeOutput' | 'leadingIndustryOutput',
  part: number | null,
  total: number | null,
) => {
  c.indicators.output[2] = total;
  c.indicators[key][2] = part;
};

describe('standards data', () => {
  it('holds every 2022 threshold as data', () => {
    const s = STANDARDS_VERSIONS['2022'];
    assert.ok(s);
    assert.deepEqual(s.outputEachYear, { operator: '>=', value: 40 });
    assert.deepEqual(s.smeOutputShare, { operator: '>=', value: 70 });
    assert.deepEqual(s.leadingOutputShare, { operator: '>', value: 70 });
    assert.deepEqual(s.outputGrowth, { operator: '>', value: 10, periods: 3 });
    assert.deepEqual(s.landArea, { operator: '<=', value: 100, soft: true });
    assert.deepEqual(s.qualitySmes, {
      topTier: { operator: '>=', value: 1 },
      broad: { operator: '>=', value: 10 },
    });
    assert.ok(Object.values(s.optional).every((b) => b === null));
    assert.equal(Object.keys(s.optional).length, Object.keys(OPTIONAL_INDICATORS).length);
  });
  it('is frozen, so no caller can change the thresholds for everyone', () => {
    const s = STANDARDS_VERSIONS['2022'];
    assert.ok(s && Object.isFrozen(s) && Object.isFrozen(s.outputEachYear) && Object.isFrozen(s.optional));
  });
  it('names the eight areas and the negative list in both languages', () => {
    assert.deepEqual(
      STANDARDS_AREAS.map((a) => a.area),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    for (const a of [...STANDARDS_AREAS, NEGATIVE_LIST_AREA]) assert.ok(a.zh.length > 0 && a.en.length > 0);
    assert.equal(NEGATIVE_LIST_AREA.area, 0);
  });
  it('knows its versions, and only its own keys', () => {
    assert.equal(isStandardsVersion('2022'), true);
    assert.equal(isStandardsVersion('2021'), false);
    assert.equal(isStandardsVersion('toString'), false);
  });
});

describe('evaluateStandards: the shape', () => {
  it('reports every 2022 item in order, each with bilingual messages', () => {
    const r = evaluateStandards(passing(), '2022');
    assert.equal(r.standardsVersion, '2022');
    assert.equal(r.overall, 'pass');
    assert.deepEqual(
      r.items.map((i) => [i.area, i.code, i.operator, i.threshold, i.unit, i.result]),
      [
        [1, 'output_each_year', '>=', 40, '亿元', 'pass'],
        [1, 'sme_output_share', '>=', 70, '%', 'pass'],
        [1, 'leading_output_share', '>', 70, '%', 'pass'],
        [1, 'output_growth', '>', 10, '%', 'pass'],
        [1, 'land_area', '<=', 100, 'km²', 'pass'],
        [2, 'quality_smes', 'any', null, '家', 'pass'],
        [0, 'negative_list', '==', null, null, 'pass'],
      ],
    );
    for (const i of r.items) {
      assert.match(i.message, /\p{Script=Han}/u, i.code);
      assert.ok(i.messageEn.length > 0, i.code);
    }
  });
  it('gives bilingual messages for every item of an empty draft too', () => {
    const r = evaluateStandards(emptyDeclarationContent(), '2022');
    for (const i of r.items) assert.ok(i.message.length > 0 && i.messageEn.length > 0, i.code);
  });
  it('shows values: the three outputs, percentages rounded to two decimals, counts per branch', () => {
    const r = evaluateStandards(passing(), '2022');
    assert.deepEqual(item(r, 'output_each_year').value, [400, 450, 520]);
    assert.equal(item(r, 'sme_output_share').value, 76.92); // 400 / 520
    assert.equal(item(r, 'leading_output_share').value, 80.77); // 420 / 520
    assert.equal(item(r, 'output_growth').value, 11.02); // (520 / 380)^(1/3) − 1
    assert.equal(item(r, 'land_area').value, 85.5);
    assert.deepEqual(item(r, 'quality_smes').value, [3, 47]);
    assert.equal(item(r, 'negative_list').value, true);
  });
  it('names the indicator years in the messages when they are known', () => {
    const r = evaluateStandards(passing(), '2022');
    assert.match(item(r, 'output_each_year').message, /2020年400亿元/);
    assert.match(item(r, 'sme_output_share').message, /^2022年/);
    assert.match(item(r, 'output_growth').message, /2019年/);
  });
  it('throws a RangeError for an unknown version', () => {
    for (const v of ['2099', '', '2022 ', 'toString', '__proto__', 'constructor']) {
      assert.throws(() => evaluateStandards(passing(), v), RangeError, v);
    }
  });
  it('does not change the content it checks', () => {
    const c = passing();
    const before = structuredClone(c);
    evaluateStandards(c, '2022');
    assert.deepEqual(c, before);
  });
});

describe('output_each_year: ≥ 40 亿元 in each of the three years', () => {
  for (const i of [0, 1, 2]) {
    it(`year index ${i}: exactly 40 passes, 39.99 fails, 40.01 passes, null is missing`, () => {
      const at = (v: number | null) => (c: DeclarationContent) => {
        c.indicators.output[i] = v;
      };
      assert.equal(resultOf('output_each_year', at(40)), 'pass');
      assert.equal(resultOf('output_each_year', at(39.99)), 'fail');
      assert.equal(resultOf('output_each_year', at(40.01)), 'pass');
      assert.equal(resultOf('output_each_year', at(0)), 'fail');
      const missing = check('output_each_year', at(null));
      assert.equal(missing.result, 'missing');
      assert.equal(missing.value, null);
      assert.match(missing.message, new RegExp(`${2020 + i}年`));
    });
  }
  it('names the year that falls short', () => {
    const r = check('output_each_year', (c) => {
      c.indicators.output[1] = 39;
    });
    assert.equal(r.result, 'fail');
    assert.deepEqual(r.value, [400, 39, 520]);
    assert.match(r.message, /2021年未达到/);
    assert.match(r.messageEn, /2021 falls short/);
  });
  it('shows a value just under the bound with enough decimals not to look like 40', () => {
    const r = check('output_each_year', (c) => {
      c.indicators.output[0] = 39.999;
    });
    assert.equal(r.result, 'fail');
    assert.match(r.message, /39\.999亿元/);
  });
});

describe('sme_output_share: ≥ 70 % of cluster output in the latest year', () => {
  const at = (part: number | null, total: number | null) => (c: DeclarationContent) =>
    latest(c, 'smeOutput', part, total);
  it('passes at exactly 70 % (280 / 400), fails just below, passes just above', () => {
    const exact = check('sme_output_share', at(280, 400));
    assert.equal(exact.result, 'pass');
    assert.equal(exact.value, 70);
    assert.equal(resultOf('sme_output_share', at(279.99, 400)), 'fail');
    assert.equal(resultOf('sme_output_share', at(280.01, 400)), 'pass');
  });
  it('passes every exact 70 % ratio however floating point rounds it', () => {
    const pairs: [number, number][] = [
      [0.7, 1],
      [0.07, 0.1],
      [2.8, 4],
      [7, 10],
      [49, 70],
      [280.7, 401],
      [35.7, 51],
      [69.3, 99],
      [700.7, 1001],
      [4.9, 7],
      // These compute to 69.99999999999999 in floating point:
      [0.567, 0.81],
      [5.81, 8.3],
      [11.62, 16.6],
      [46.48, 66.4],
      [91.21, 130.3],
    ];
    assert.ok((91.21 / 130.3) * 100 < 70); // the noise the epsilon absorbs
    for (let d = 41; d <= 1000; d += 7) pairs.push([Number(((d * 7) / 10).toFixed(1)), d]);
    for (const [part, total] of pairs) {
      const r = check('sme_output_share', at(part, total));
      assert.equal(r.result, 'pass', `${part} / ${total}`);
      assert.equal(r.value, 70, `${part} / ${total}`);
    }
  });
  it('compares the unrounded share: 69.9975 % fails and is not shown as 70', () => {
    const r = check('sme_output_share', at(279.99, 400));
    assert.equal(r.result, 'fail');
    assert.notEqual(r.value, 70);
    assert.ok(typeof r.value === 'number' && r.value < 70);
    assert.doesNotMatch(r.message, /的70%/);
  });
  it('judges the latest year only', () => {
    const r = check('sme_output_share', (c) => {
      c.indicators.smeOutput[0] = 1;
      c.indicators.smeOutput[1] = 1;
    });
    assert.equal(r.result, 'pass');
  });
  it('is missing when the SME output or the cluster output of the latest year is blank', () => {
    const noPart = check('sme_output_share', at(null, 400));
    assert.equal(noPart.result, 'missing');
    assert.equal(noPart.value, null);
    assert.match(noPart.message, /中小企业产值/);
    const noTotal = check('sme_output_share', at(280, null));
    assert.equal(noTotal.result, 'missing');
    assert.match(noTotal.message, /集群总产值未填写/);
  });
  it('is missing, with a clear message, when cluster output is 0', () => {
    const r = check('sme_output_share', at(0, 0));
    assert.equal(r.result, 'missing');
    assert.equal(r.value, null);
    assert.match(r.message, /为0，无法计算占比/);
    assert.match(r.messageEn, /is 0/);
  });
});

describe('leading_output_share: > 70 % of cluster output in the latest year (strict)', () => {
  const at = (part: number | null, total: number | null) => (c: DeclarationContent) =>
    latest(c, 'leadingIndustryOutput', part, total);
  it('fails at exactly 70 % (280 / 400), fails just below, passes just above', () => {
    const exact = check('leading_output_share', at(280, 400));
    assert.equal(exact.result, 'fail');
    assert.equal(exact.value, 70);
    assert.equal(resultOf('leading_output_share', at(279.99, 400)), 'fail');
    assert.equal(resultOf('leading_output_share', at(280.01, 400)), 'pass');
  });
  it('fails every exact 70 % ratio however floating point rounds it', () => {
    assert.ok((512.267 / 731.81) * 100 > 70); // the noise the epsilon absorbs
    for (const [part, total] of [
      [0.7, 1],
      [0.07, 0.1],
      [2.8, 4],
      [280.7, 401],
      [35.7, 51],
      [700.7, 1001],
      // These compute to 70.00000000000001 in floating point:
      [64.799, 92.57],
      [128.723, 183.89],
      [256.571, 366.53],
      [512.267, 731.81],
    ] as const) {
      assert.equal(resultOf('leading_output_share', at(part, total)), 'fail', `${part} / ${total}`);
    }
  });
  it('shows a share just above 70 with enough decimals to tell it from 70', () => {
    const r = check('leading_output_share', at(280.001, 400));
    assert.equal(r.result, 'pass');
    assert.ok(typeof r.value === 'number' && r.value > 70);
  });
  it('judges the latest year only', () => {
    assert.equal(
      resultOf('leading_output_share', (c) => {
        c.indicators.leadingIndustryOutput[0] = 0;
      }),
      'pass',
    );
  });
  it('is missing when an input is blank or cluster output is 0', () => {
    assert.equal(resultOf('leading_output_share', at(null, 400)), 'missing');
    assert.equal(resultOf('leading_output_share', at(280, null)), 'missing');
    assert.equal(resultOf('leading_output_share', at(null, null)), 'missing');
    const zero = check('leading_output_share', at(10, 0));
    assert.equal(zero.result, 'missing');
    assert.match(zero.message, /为0/);
  });
});

describe('output_growth: compound average > 10 % a year over three years (strict)', () => {
  const at = (base: number | null, last: number | null) => (c: DeclarationContent) => {
    c.indicators.baseYearOutput = base;
    c.indicators.output[2] = last;
  };
  it('fails at exactly 10 % (100 → 133.1), fails just below, passes just above', () => {
    const exact = check('output_growth', at(100, 133.1));
    assert.equal(exact.result, 'fail');
    assert.equal(exact.value, 10);
    assert.equal(resultOf('output_growth', at(100, 133.09)), 'fail');
    const above = check('output_growth', at(100, 133.11));
    assert.equal(above.result, 'pass');
    assert.ok(typeof above.value === 'number' && above.value > 10);
  });
  it('fails every exact 10 % path however floating point rounds it', () => {
    const bases = [1, 3, 7, 10, 30, 45, 60, 100, 300, 380, 1000, 2500, 12345];
    for (const base of bases) {
      const last = Number((base * 1.331).toFixed(6));
      const r = check('output_growth', at(base, last));
      assert.equal(r.result, 'fail', `${base} → ${last}`);
      assert.equal(r.value, 10, `${base} → ${last}`);
    }
  });
  it('is the compound rate, not the simple average', () => {
    // 100 → 130: simple average 10 %, compound 9.14 %.
    const r = check('output_growth', at(100, 130));
    assert.equal(r.result, 'fail');
    assert.equal(r.value, 9.14);
  });
  it('uses the base year and the latest year only', () => {
    assert.equal(
      resultOf('output_growth', (c) => {
        c.indicators.output[0] = null;
        c.indicators.output[1] = null;
      }),
      'pass',
    );
  });
  it('is missing when the base-year or the latest output is blank', () => {
    const noBase = check('output_growth', at(null, 520));
    assert.equal(noBase.result, 'missing');
    assert.match(noBase.message, /2019年（基年）产值/);
    const noLast = check('output_growth', at(380, null));
    assert.equal(noLast.result, 'missing');
    assert.match(noLast.message, /2022年产值/);
    assert.equal(resultOf('output_growth', at(null, null)), 'missing');
  });
  it('is missing, with a clear message, when the base-year output is 0', () => {
    const r = check('output_growth', at(0, 520));
    assert.equal(r.result, 'missing');
    assert.equal(r.value, null);
    assert.match(r.message, /产值为0，无法计算年均增速/);
    assert.match(r.messageEn, /is 0/);
  });
  it('fails (−100 %) when the latest output is 0 on a positive base', () => {
    const r = check('output_growth', at(380, 0));
    assert.equal(r.result, 'fail');
    assert.equal(r.value, -100);
  });
});

describe('land_area: ≤ 100 km², a soft limit', () => {
  const at = (v: number | null) => (c: DeclarationContent) => {
    c.landAreaKm2 = v;
  };
  it('passes at exactly 100 and just below, warns (never fails) just above', () => {
    assert.equal(resultOf('land_area', at(100)), 'pass');
    assert.equal(resultOf('land_area', at(99.99)), 'pass');
    assert.equal(resultOf('land_area', at(0)), 'pass');
    const over = check('land_area', at(100.01));
    assert.equal(over.result, 'warn');
    assert.equal(over.value, 100.01);
    assert.match(over.message, /超出/);
    assert.equal(resultOf('land_area', at(5000)), 'warn');
  });
  it('is missing when blank', () => {
    assert.equal(resultOf('land_area', at(null)), 'missing');
  });
  it('a warning alone leaves the overall result a pass', () => {
    assert.equal(run(at(250)).overall, 'pass');
  });
});

describe('quality_smes: ≥ 1 champion or little giant, OR ≥ 10 specialised / innovative / high-tech', () => {
  type E = DeclarationContent['indicators']['enterprises'];
  const at = (e: Partial<E>) => (c: DeclarationContent) => {
    Object.assign(c.indicators.enterprises, e);
  };
  const none = { singleChampion: 0, littleGiant: 0, specializedSme: 0, innovativeSme: 0, highTech: 0 };
  it('passes with exactly one single-item champion, or exactly one little giant', () => {
    assert.equal(resultOf('quality_smes', at({ ...none, singleChampion: 1 })), 'pass');
    assert.equal(resultOf('quality_smes', at({ ...none, littleGiant: 1 })), 'pass');
  });
  it('passes with exactly ten across the three categories, fails with nine', () => {
    assert.equal(resultOf('quality_smes', at({ ...none, specializedSme: 10 })), 'pass');
    assert.equal(resultOf('quality_smes', at({ ...none, innovativeSme: 10 })), 'pass');
    assert.equal(resultOf('quality_smes', at({ ...none, highTech: 10 })), 'pass');
    assert.equal(
      resultOf('quality_smes', at({ ...none, specializedSme: 4, innovativeSme: 3, highTech: 3 })),
      'pass',
    );
    assert.equal(resultOf('quality_smes', at({ ...none, specializedSme: 11 })), 'pass');
    assert.equal(
      resultOf('quality_smes', at({ ...none, specializedSme: 3, innovativeSme: 3, highTech: 3 })),
      'fail',
    );
  });
  it('is an OR: either branch alone suffices, both short fails', () => {
    assert.equal(resultOf('quality_smes', at({ ...none, singleChampion: 1 })), 'pass');
    assert.equal(resultOf('quality_smes', at({ ...none, highTech: 10 })), 'pass');
    assert.equal(resultOf('quality_smes', at({ ...none, littleGiant: 1, highTech: 10 })), 'pass');
    const fail = check('quality_smes', at({ ...none, highTech: 9 }));
    assert.equal(fail.result, 'fail');
    assert.deepEqual(fail.value, [0, 9]);
    assert.equal(resultOf('quality_smes', at(none)), 'fail');
  });
  it('says that the categories may overlap and people must check', () => {
    for (const e of [{ ...none, highTech: 10 }, none, {}]) {
      const r = check('quality_smes', at(e));
      assert.match(r.message, /重叠/);
      assert.match(r.message, /人工核对/);
      assert.match(r.messageEn, /overlap/);
      assert.match(r.messageEn, /people must check/);
    }
  });
  it('is missing when a blank count could still decide it', () => {
    for (const f of Object.keys(none) as (keyof typeof none)[]) {
      const r = check('quality_smes', at({ ...none, highTech: 9, [f]: null }));
      assert.equal(r.result, 'missing', f);
      assert.equal(r.value, null, f);
      assert.match(r.message, /未填写/, f);
    }
    const all = {
      singleChampion: null,
      littleGiant: null,
      specializedSme: null,
      innovativeSme: null,
      highTech: null,
    };
    assert.equal(resultOf('quality_smes', at(all)), 'missing');
  });
  it('passes despite blanks when the filled-in counts already meet one branch', () => {
    assert.equal(resultOf('quality_smes', at({ ...none, singleChampion: null, littleGiant: 1 })), 'pass');
    assert.equal(
      resultOf('quality_smes', at({ ...none, singleChampion: 2, specializedSme: null, highTech: null })),
      'pass',
    );
    assert.equal(resultOf('quality_smes', at({ ...none, specializedSme: 10, innovativeSme: null })), 'pass');
  });
  it('ignores the total and SME counts (not part of the rule)', () => {
    assert.equal(resultOf('quality_smes', at({ total: null, sme: null })), 'pass');
  });
});

describe('negative_list: the county pledge', () => {
  it('passes when no serious incidents are pledged, fails otherwise', () => {
    const yes = check('negative_list', (c) => {
      c.integrityPledge.noSeriousIncidents = true;
    });
    assert.deepEqual([yes.area, yes.value, yes.operator, yes.result], [0, true, '==', 'pass']);
    const no = check('negative_list', (c) => {
      c.integrityPledge.noSeriousIncidents = false;
    });
    assert.deepEqual([no.area, no.value, no.result], [0, false, 'fail']);
  });
  it('does not depend on the authenticity pledge', () => {
    assert.equal(
      resultOf('negative_list', (c) => {
        c.integrityPledge.materialsAuthentic = false;
      }),
      'pass',
    );
  });
});

describe('overall', () => {
  it('passes when every item passes or warns', () => {
    assert.equal(run(() => {}).overall, 'pass');
    assert.equal(
      run((c) => {
        c.landAreaKm2 = 120;
      }).overall,
      'pass',
    );
  });
  it('is incomplete when something is missing and nothing fails', () => {
    const r = run((c) => {
      c.landAreaKm2 = null;
    });
    assert.equal(r.overall, 'incomplete');
    assert.equal(
      run((c) => {
        c.indicators.baseYearOutput = 0;
      }).overall,
      'incomplete',
    );
  });
  it('fails when any item fails, even with others missing or warning', () => {
    const r = run((c) => {
      c.landAreaKm2 = 150;
      c.indicators.baseYearOutput = null;
      c.indicators.output[0] = 30;
    });
    assert.deepEqual(
      r.items.map((i) => i.result),
      ['fail', 'pass', 'pass', 'missing', 'warn', 'pass', 'pass'],
    );
    assert.equal(r.overall, 'fail');
  });
  it('an empty draft: everything missing, the unpledged negative list fails', () => {
    const r = evaluateStandards(emptyDeclarationContent(), '2022');
    assert.deepEqual(
      r.items.map((i) => i.result),
      ['missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'fail'],
    );
    assert.equal(r.overall, 'fail');
    const pledged = emptyDeclarationContent();
    pledged.integrityPledge.noSeriousIncidents = true;
    assert.equal(evaluateStandards(pledged, '2022').overall, 'incomplete');
  });
});

describe('thresholds a later version may set (areas 3–8)', () => {
  const base = STANDARDS_VERSIONS['2022'];
  assert.ok(base);
  const withOptional = (
    optional: Partial<StandardsDefinition['optional']>,
    extra: Partial<StandardsDefinition> = {},
  ) =>
    ({
      ...base,
      ...extra,
      version: 'test',
      optional: { ...base.optional, ...optional },
    }) as StandardsDefinition;
  const evalWith = (std: StandardsDefinition, edit: (c: DeclarationContent) => void) => {
    const c = passing();
    edit(c);
    return evaluateStandardsWith(c, std);
  };
  it('are not checked in 2022', () => {
    const r = evaluateStandards(passing(), '2022');
    const codes = new Set<string>(Object.values(OPTIONAL_INDICATORS).map((m) => m.code));
    assert.ok(r.items.every((i) => !codes.has(i.code)));
  });
  it('are checked like area 1 when a version sets them', () => {
    const std = withOptional({ industrialInternetPenetration: { operator: '>=', value: 30 } });
    const at = (v: number | null) =>
      item(
        evalWith(std, (c) => {
          c.indicators.industrialInternetPenetration = v;
        }),
        'industrial_internet_penetration',
      );
    const exact = at(30);
    assert.deepEqual(
      [exact.area, exact.operator, exact.threshold, exact.unit, exact.result],
      [5, '>=', 30, '%', 'pass'],
    );
    assert.equal(at(29.99).result, 'fail');
    assert.equal(at(30.01).result, 'pass');
    assert.equal(at(null).result, 'missing');
    const r = evalWith(std, (c) => {
      c.indicators.industrialInternetPenetration = 10;
    });
    assert.equal(r.standardsVersion, 'test');
    assert.equal(r.overall, 'fail');
    assert.equal(r.items.at(-1)?.code, 'negative_list');
  });
  it('computes SME R&D growth over the three years; a zero base is missing', () => {
    const std = withOptional({ smeRdSpendingGrowth: { operator: '>', value: 10 } });
    const at = (rd: [number | null, number | null, number | null]) =>
      item(
        evalWith(std, (c) => {
          c.indicators.smeRdSpending = rd;
        }),
        'sme_rd_spending_growth',
      );
    assert.equal(at([100, 110, 121]).result, 'fail'); // exactly 10 % a year
    assert.equal(at([100, 110, 121.01]).result, 'pass');
    assert.equal(at([null, 110, 121]).result, 'missing');
    const zero = at([0, 1, 2]);
    assert.equal(zero.result, 'missing');
    assert.match(zero.message, /为0/);
  });
  it('any area-1 threshold may be made soft: it then warns instead of failing', () => {
    const std = withOptional({}, { outputEachYear: { operator: '>=', value: 40, soft: true } });
    const r = evalWith(std, (c) => {
      c.indicators.output[0] = 39;
    });
    assert.equal(item(r, 'output_each_year').result, 'warn');
    assert.equal(r.overall, 'pass');
  });
  it('a soft threshold warns, and a version without a land-area limit omits the item', () => {
    const std = withOptional(
      { greenFactories: { operator: '>=', value: 2, soft: true } },
      { landArea: null },
    );
    const r = evalWith(std, (c) => {
      c.indicators.greenFactories = 1;
    });
    assert.equal(item(r, 'green_factories').result, 'warn');
    assert.equal(
      r.items.find((i) => i.code === 'land_area'),
      undefined,
    );
    assert.equal(r.overall, 'pass');
  });
});

describe('compare and displayNumber', () => {
  it('treats differences within the epsilon as equal, and nothing more', () => {
    assert.equal(STANDARDS_EPSILON, 1e-9);
    assert.equal(compare(70 - 1e-12, '>=', 70), true);
    assert.equal(compare(70 - 1e-6, '>=', 70), false);
    assert.equal(compare(70 + 1e-12, '>', 70), false);
    assert.equal(compare(70 + 1e-6, '>', 70), true);
    assert.equal(compare(100 + 1e-12, '<=', 100), true);
    assert.equal(compare(100 + 1e-6, '<=', 100), false);
  });
  it('rounds to two decimals, but never shows a different number as the threshold', () => {
    assert.equal(displayNumber(76.923076), 76.92);
    assert.equal(displayNumber(10.000000000000009, 10), 10);
    assert.equal(displayNumber(69.9975, 70), 69.998);
    assert.ok(displayNumber(69.99995, 70) < 70);
    assert.equal(displayNumber(70.0004, 70), 70.0004);
    assert.equal(displayNumber(-0.001), 0);
  });
});
