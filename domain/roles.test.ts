import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COUNTY_PROFILE_ACTIONS, divisionScopeOf, type Principal, roleMay, scopeIncludes } from './roles.ts';

const p = (
  role: Principal['role'],
  divisionCode: string | null = null,
  unitCode: string | null = null,
): Principal => ({
  id: 'x',
  role,
  divisionCode,
  unitCode,
});

const yuyao = { divisionCode: '330281', unitCode: '330200' };
const changshu = { divisionCode: '320581', unitCode: '320000' };

describe('division scope', () => {
  it('a county sees only its own division', () => {
    const scope = divisionScopeOf(p('county', '330281', '330200'));
    assert.equal(scopeIncludes(scope, yuyao), true);
    assert.equal(scopeIncludes(scope, { divisionCode: '330282', unitCode: '330200' }), false);
    assert.equal(scopeIncludes(scope, changshu), false);
  });
  it('a unit sees the counties of its unit only', () => {
    const ningbo = divisionScopeOf(p('unit', null, '330200'));
    assert.equal(scopeIncludes(ningbo, yuyao), true);
    assert.equal(scopeIncludes(ningbo, changshu), false);
    // Zhejiang does not see Ningbo's counties: they count against Ningbo.
    assert.equal(scopeIncludes(divisionScopeOf(p('unit', null, '330000')), yuyao), false);
  });
  it('ministry and admin see all; experts see nothing by division', () => {
    assert.equal(scopeIncludes(divisionScopeOf(p('ministry')), changshu), true);
    assert.equal(scopeIncludes(divisionScopeOf(p('admin')), changshu), true);
    assert.equal(scopeIncludes(divisionScopeOf(p('expert')), changshu), false);
  });
  it('a county or unit account without its code sees nothing', () => {
    assert.deepEqual(divisionScopeOf(p('county')), { kind: 'none' });
    assert.deepEqual(divisionScopeOf(p('unit')), { kind: 'none' });
  });
});

describe('role table', () => {
  it('only the county and admins update a county profile', () => {
    assert.equal(roleMay(COUNTY_PROFILE_ACTIONS, 'update', 'county'), true);
    assert.equal(roleMay(COUNTY_PROFILE_ACTIONS, 'update', 'unit'), false);
    assert.equal(roleMay(COUNTY_PROFILE_ACTIONS, 'read', 'expert'), false);
    assert.equal(roleMay(COUNTY_PROFILE_ACTIONS, 'delete', 'admin'), false);
  });
});
