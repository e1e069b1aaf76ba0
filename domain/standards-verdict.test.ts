import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type DeclarationContent, emptyDeclarationContent } from './declaration-form.ts';
import { recommendationEligibility } from './recommendation.ts';
import {
  type Bound,
  checkStandards,
  checkStandardsWith,
  evaluateStandards,
  evaluateStandardsWith,
  failingCodes,
  OPTIONAL_INDICATORS,
  type OptionalIndicatorKey,
  STANDARDS_VERSIONS,
  type StandardsDefinition,
} from './standards.ts';

/** Numbers that matter to the thresholds: blanks, zero, the bounds themselves and a hair either side. */
const edgy = fc.constantFrom(0, 1, 10, 40, 60, 70, 100, 40 - 1e-12, 70 + 1e-12, 70 - 1e-6, 100 + 1e-6);
const money = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: edgy },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 2_000, noNaN: true }) },
);
const count = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 30 }));
const percent = fc.oneof(fc.constant(null), edgy, fc.double({ min: 0, max: 100, noNaN: true }));
const triple = <T>(a: fc.Arbitrary<T>) => fc.tuple(a, a, a);

const content: fc.Arbitrary<DeclarationContent> = fc
  .record({
    years: fc.option(fc.constant([2022, 2023, 2024] as [number, number, number])),
    baseYearOutput: money,
    output: triple(money),
    smeOutput: triple(money),
    leadingIndustryOutput: triple(money),
    landAreaKm2: money,
    enterprises: fc.record({
      singleChampion: count,
      littleGiant: count,
      specializedSme: count,
      innovativeSme: count,
      highTech: count,
    }),
    smeRdSpending: triple(money),
    exportValue: triple(money),
    counts: triple(count),
    percents: triple(percent),
    pledge: fc.boolean(),
  })
  .map((r) => {
    const c = emptyDeclarationContent();
    const ind = c.indicators;
    ind.years = r.years;
    ind.baseYearOutput = r.baseYearOutput;
    ind.output = r.output;
    ind.smeOutput = r.smeOutput;
    ind.leadingIndustryOutput = r.leadingIndustryOutput;
    c.landAreaKm2 = r.landAreaKm2;
    ind.enterprises = { ...ind.enterprises, ...r.enterprises };
    ind.smeRdSpending = r.smeRdSpending;
    ind.exportValue = r.exportValue;
    [ind.innovationPlatforms, ind.greenFactories, ind.publicServiceBodies] = r.counts;
    [ind.standardsParticipated, ind.validInventionPatents, ind.beltAndRoadProjects] = r.counts;
    [ind.industrialInternetPenetration, ind.digitalToolPenetration, ind.energyPerOutputReduction] =
      r.percents;
    c.integrityPledge.noSeriousIncidents = r.pledge;
    return c;
  });

/** A draft edition that sets every optional threshold (one of them soft) and no land-area limit. */
const everyOptional: StandardsDefinition = {
  ...STANDARDS_VERSIONS['2022']!,
  version: 'test-every-optional',
  landArea: null,
  optional: Object.fromEntries(
    (Object.keys(OPTIONAL_INDICATORS) as OptionalIndicatorKey[]).map((k, i): [string, Bound] => [
      k,
      { operator: i % 3 === 0 ? '>=' : i % 3 === 1 ? '>' : '<=', value: 10, soft: i === 4 },
    ]),
  ) as StandardsDefinition['optional'],
};

describe('the message-free standards check', () => {
  it('gives the same item results and overall verdict as the full evaluation, for any content', () => {
    fc.assert(
      fc.property(content, fc.constantFrom(...Object.keys(STANDARDS_VERSIONS)), (c, version) => {
        const full = evaluateStandards(c, version);
        const quick = checkStandards(c, version);
        assert.deepEqual(quick, {
          standardsVersion: full.standardsVersion,
          overall: full.overall,
          items: full.items.map((i) => ({ code: i.code, result: i.result })),
        });
      }),
      { numRuns: 2_000 },
    );
  });
  it('agrees on editions with optional thresholds and without a land-area limit', () => {
    fc.assert(
      fc.property(content, (c) => {
        const full = evaluateStandardsWith(c, everyOptional);
        const quick = checkStandardsWith(c, everyOptional);
        assert.equal(quick.overall, full.overall);
        assert.deepEqual(
          quick.items,
          full.items.map((i) => ({ code: i.code, result: i.result })),
        );
      }),
      { numRuns: 1_000 },
    );
  });
  it('gives the same recommendation eligibility and failing codes', () => {
    fc.assert(
      fc.property(
        content,
        fc.constantFrom('east', 'west'),
        fc.option(fc.constant('理由')),
        (c, region, why) => {
          const full = evaluateStandards(c, '2022');
          const quick = checkStandards(c, '2022');
          assert.deepEqual(
            recommendationEligibility(quick, region, why),
            recommendationEligibility(full, region, why),
          );
          assert.deepEqual(failingCodes(quick), failingCodes(full));
        },
      ),
      { numRuns: 500 },
    );
  });
  it('fails an empty declaration on every numeric item and the pledge, and refuses an unknown version', () => {
    const c = emptyDeclarationContent();
    assert.equal(checkStandards(c, '2022').overall, 'fail');
    assert.deepEqual(failingCodes(checkStandards(c, '2022')), [
      'output_each_year',
      'sme_output_share',
      'leading_output_share',
      'output_growth',
      'land_area',
      'quality_smes',
      'negative_list',
    ]);
    assert.throws(() => checkStandards(c, '1999'), RangeError);
  });
});
