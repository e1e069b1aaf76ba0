// The authorization matrix: every route of the API, keyed `METHOD url` exactly as Fastify registers it, with
// one request (the probe) and the expected answer for each of the nine parties, in the column order of
// PARTIES:
//
//   anonymous  countyA  countyB  unitA  unitB  expertAssigned  expertOther  ministry  admin
//
// `ok` is any 2xx; a number is that exact status. The records belong to county A (余姚) and its unit A (宁波):
// county B, unit B and the unassigned expert must get 404 for them, never 403 (that would reveal they exist).
// Probes are chosen so that an allowed party is stopped by the workflow (409), a stale If-Match or an empty
// file rather than changing anything where possible; the few that must change something run last.
//
// A new route fails the test until it has a row here. Run with JIQUN_MATRIX_PRINT=1 to print the observed
// row of every route, then review each cell before pasting it.
import type { Fixture } from './support.ts';

export type Probe = {
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  headers?: Record<string, string>;
  /** multipart/form-data fields (in order); `file` adds a file part. */
  multipart?: { fields?: Record<string, string>; file?: { name: string; data: Buffer } };
  /** A raw body with its content type. */
  raw?: { type: string; data: string };
  /** The probe ends or changes the caller's session: use a fresh one. */
  freshSession?: boolean;
  /** Changes state the other probes rely on: run after every other route. */
  last?: boolean;
  /** Nine tokens, one per party (see the column order above). */
  expect: string;
  /** A demo account outside the nine parties that may call the route: the fuzzer signs in as it. */
  fuzzAs?: string;
};

const EMPTY_FILE = { name: 'empty.pdf', data: Buffer.alloc(0) };
const RANDOM = '00000000-0000-4000-8000-000000000000';
const PUBLIC = 'ok ok ok ok ok ok ok ok ok';
const SIGNED_IN = '401 ok ok ok ok ok ok ok ok';
const MINISTRY_ADMIN = '401 403 403 403 403 403 403 ok ok';

export const MATRIX: Record<string, Probe> = {
  // --- operations and metadata ------------------------------------------------------------------------
  'GET /healthz': { path: () => '/healthz', expect: PUBLIC },
  'GET /readyz': { path: () => '/readyz', expect: PUBLIC },
  'GET /metrics': { path: () => '/metrics', expect: PUBLIC },
  'GET /api/v1/openapi.json': { path: () => '/api/v1/openapi.json', expect: PUBLIC },
  'GET /api/v1/meta': { path: () => '/api/v1/meta', expect: PUBLIC },
  'GET /api/v1/ops/clock': { path: () => '/api/v1/ops/clock', expect: MINISTRY_ADMIN },
  'PUT /api/v1/ops/clock': {
    path: () => '/api/v1/ops/clock',
    body: () => ({ offsetDays: 0 }),
    expect: '401 403 403 403 403 403 403 403 ok',
  },
  'GET /api/v1/ops/mail': { path: () => '/api/v1/ops/mail', expect: '401 403 403 403 403 403 403 403 ok' },
  'GET /api/v1/ops/mail/:id': {
    path: () => `/api/v1/ops/mail/${RANDOM}`,
    expect: '401 403 403 403 403 403 403 403 404',
  },
  'GET /api/v1/audit': {
    path: (f) => `/api/v1/audit?entity=declaration:${f.submittedId}`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'GET /api/v1/audit/verify': { path: () => '/api/v1/audit/verify', expect: MINISTRY_ADMIN },

  // --- authentication -----------------------------------------------------------------------------------
  'POST /api/v1/auth/login': {
    path: () => '/api/v1/auth/login',
    body: () => ({ username: 'no-such-user', password: 'wrong' }),
    expect: '401 401 401 401 401 401 401 401 401',
  },
  'POST /api/v1/auth/logout': {
    path: () => '/api/v1/auth/logout',
    freshSession: true,
    expect: SIGNED_IN,
  },
  'GET /api/v1/auth/me': { path: () => '/api/v1/auth/me', expect: SIGNED_IN },
  'POST /api/v1/auth/password': {
    path: () => '/api/v1/auth/password',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'Another-passw0rd-2027' }),
    expect: '401 400 400 400 400 400 400 400 400',
  },
  'GET /api/v1/auth/tokens': { path: () => '/api/v1/auth/tokens', expect: SIGNED_IN },
  'POST /api/v1/auth/tokens': {
    path: () => '/api/v1/auth/tokens',
    body: () => ({ name: 'matrix probe' }),
    expect: SIGNED_IN,
  },
  'DELETE /api/v1/auth/tokens/:id': {
    path: (f) => `/api/v1/auth/tokens/${f.tokenId}`,
    expect: '401 ok 404 404 404 404 404 404 404',
  },

  // --- reference data and the calendar (public) ----------------------------------------------------------
  'GET /api/v1/units': { path: () => '/api/v1/units', expect: PUBLIC },
  'GET /api/v1/units/:code': { path: () => '/api/v1/units/330200', expect: PUBLIC },
  'GET /api/v1/divisions': { path: () => '/api/v1/divisions?parent=330200', expect: PUBLIC },
  'GET /api/v1/divisions/:code': { path: () => '/api/v1/divisions/330281', expect: PUBLIC },
  'GET /api/v1/industries': { path: () => '/api/v1/industries?q=模具', expect: PUBLIC },
  'GET /api/v1/industries/:code': { path: () => '/api/v1/industries/3525', expect: PUBLIC },
  'GET /api/v1/calendar/add-working-days': {
    path: () => '/api/v1/calendar/add-working-days?from=2024-09-30&days=5',
    expect: PUBLIC,
  },

  // --- campaigns ------------------------------------------------------------------------------------------
  'GET /api/v1/campaigns': { path: () => '/api/v1/campaigns', expect: PUBLIC },
  'GET /api/v1/campaigns/:year': { path: (f) => `/api/v1/campaigns/${f.year}`, expect: PUBLIC },
  'POST /api/v1/campaigns': {
    path: () => '/api/v1/campaigns',
    body: () => ({ year: 2099 }),
    expect: '401 403 403 403 403 403 403 400 400',
  },
  'PATCH /api/v1/campaigns/:year': {
    path: (f) => `/api/v1/campaigns/${f.year}`,
    body: () => ({ status: 'no-such-status' }),
    expect: '401 403 403 403 403 403 403 400 400',
  },

  // --- accounts -------------------------------------------------------------------------------------------
  'GET /api/v1/users': { path: () => '/api/v1/users', expect: '401 ok ok ok ok 403 403 ok ok' },
  'POST /api/v1/users': {
    path: () => '/api/v1/users',
    body: () => ({ username: 'x' }),
    expect: '401 403 403 403 403 403 403 403 400',
  },
  'GET /api/v1/users/:id': {
    path: (f) => `/api/v1/users/${f.userIds.countyA}`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'PATCH /api/v1/users/:id': {
    path: (f) => `/api/v1/users/${f.userIds.countyA}`,
    body: () => ({}),
    expect: '401 403 403 403 403 403 403 403 400',
  },
  'POST /api/v1/users/:id/password': {
    path: () => `/api/v1/users/${RANDOM}/password`,
    body: () => ({ password: 'Not-used-2027x' }),
    expect: '401 403 403 403 403 403 403 403 404',
  },
  'GET /api/v1/experts': { path: () => '/api/v1/experts', expect: '401 403 403 ok ok 403 403 ok ok' },
  'GET /api/v1/counties/:code/profile': {
    path: () => '/api/v1/counties/330281/profile',
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'PUT /api/v1/counties/:code/profile': {
    path: () => '/api/v1/counties/330281/profile',
    headers: { 'if-match': '999' },
    body: () => ({
      authorityName: '余姚市经济和信息化局',
      address: '余姚市',
      postalCode: '315400',
      contactName: '张三',
      contactPhone: '0574-00000000',
      contactEmail: '',
    }),
    expect: '401 409 404 403 404 403 403 403 409',
  },

  // --- declarations ---------------------------------------------------------------------------------------
  'GET /api/v1/declarations': {
    path: (f) => `/api/v1/declarations?campaignYear=${f.year}`,
    expect: '401 ok ok ok ok ok ok ok ok',
  },
  'POST /api/v1/declarations': {
    path: () => '/api/v1/declarations',
    body: () => ({ clusterName: 'no campaign year' }),
    expect: '401 400 400 403 403 403 403 403 403',
  },
  'GET /api/v1/declarations/:id': {
    path: (f) => `/api/v1/declarations/${f.submittedId}`,
    expect: '401 ok 404 ok 404 ok 404 ok ok',
  },
  'PATCH /api/v1/declarations/:id': {
    path: (f) => `/api/v1/declarations/${f.draftId}`,
    headers: { 'if-match': '999' },
    body: () => ({ landAreaKm2: 12 }),
    // A county's draft is its own until submitted: even its unit gets 404.
    expect: '401 409 404 404 404 404 404 403 403',
  },
  'POST /api/v1/declarations/:id/actions/:action': {
    // Returning needs the reasons written down: the unit is stopped by the missing comment.
    path: (f) => `/api/v1/declarations/${f.submittedId}/actions/return`,
    body: () => ({}),
    expect: '401 403 404 400 404 403 404 403 403',
  },
  'POST /api/v1/declarations/bulk-actions/:action': {
    path: () => '/api/v1/declarations/bulk-actions/accept',
    body: (f) => ({ ids: [f.draftId] }),
    expect: '401 ok ok ok ok ok ok ok ok',
  },
  'GET /api/v1/declarations/:id/history': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/history`,
    expect: '401 ok 404 ok 404 ok 404 ok ok',
  },
  'GET /api/v1/declarations/:id/versions/:version': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/versions/1`,
    expect: '401 ok 404 ok 404 ok 404 ok ok',
  },
  'GET /api/v1/declarations/:id/diff': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/diff?from=1&to=current`,
    expect: '401 ok 404 ok 404 ok 404 ok ok',
  },
  'GET /api/v1/declarations/:id/standards': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/standards`,
    expect: '401 ok 404 ok 404 ok 404 ok ok',
  },
  'GET /api/v1/declarations/:id/form.pdf': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/form.pdf`,
    expect: '401 ok 404 ok 404 ok 404 ok ok',
  },
  'POST /api/v1/declarations/:id/attachments': {
    path: (f) => `/api/v1/declarations/${f.draftId}/attachments`,
    multipart: { fields: { category: 'output_statistics' }, file: EMPTY_FILE },
    expect: '401 400 404 404 404 404 404 403 403',
  },
  'GET /api/v1/declarations/:id/attachments/:aid': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/attachments/${f.submittedAttachmentId}`,
    expect: '401 ok 404 ok 404 ok 404 ok ok',
  },
  'DELETE /api/v1/declarations/:id/attachments/:aid': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/attachments/${f.submittedAttachmentId}`,
    expect: '401 409 404 403 404 403 404 403 403',
  },
  'GET /api/v1/declarations/:id/review': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/review`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'PUT /api/v1/declarations/:id/review': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/review`,
    headers: { 'if-match': '999' },
    body: () => ({ checklist: {}, result: null, notes: '' }),
    expect: '401 403 403 409 404 403 403 403 403',
  },
  'GET /api/v1/declarations/:id/scores': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/scores`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'POST /api/v1/declarations/:id/experts': {
    path: (f) => `/api/v1/declarations/${f.submittedId}/experts`,
    body: () => ({ expertIds: [RANDOM] }),
    expect: '401 403 403 400 404 403 403 403 403',
  },

  // --- unit review, recommendation and inspections ----------------------------------------------------------
  'GET /api/v1/units/:code/recommendations/:year': {
    path: (f) => `/api/v1/units/330200/recommendations/${f.year}`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'PUT /api/v1/units/:code/recommendations/:year': {
    path: (f) => `/api/v1/units/330200/recommendations/${f.year}`,
    body: (f) => ({ items: [{ declarationId: f.draftId, rank: 1 }] }),
    expect: '401 403 403 409 404 403 403 403 403',
  },
  'GET /api/v1/units/:code/recommendations/:year(^\\d{4}).xlsx': {
    path: (f) => `/api/v1/units/330200/recommendations/${f.year}.xlsx`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'GET /api/v1/units/:code/recommendations/:year(^\\d{4}).pdf': {
    path: (f) => `/api/v1/units/330200/recommendations/${f.year}.pdf`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'GET /api/v1/units/:code/dashboard/:year': {
    path: (f) => `/api/v1/units/330200/dashboard/${f.year}`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  // The city tier: 宁波's own prefecture (3302) is in unit A's scope, not unit B's; only a city account changes
  // a city's list (none of the nine parties is one: server/modules/city-tier/city-tier.test.ts covers them).
  'GET /api/v1/cities/:code/declarations/:year': {
    path: (f) => `/api/v1/cities/3302/declarations/${f.year}`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'GET /api/v1/cities/:code/recommendations/:year': {
    path: (f) => `/api/v1/cities/3302/recommendations/${f.year}`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'PUT /api/v1/cities/:code/recommendations/:year': {
    path: (f) => `/api/v1/cities/3302/recommendations/${f.year}`,
    body: () => ({ items: [] }),
    expect: '401 403 403 403 403 403 403 403 403',
    // Another city's list (404 once the body is valid): the fuzzer's refusals never reach a change.
    fuzzAs: 'city-5101',
  },
  'GET /api/v1/units/:code/city-recommendations/:year': {
    path: (f) => `/api/v1/units/330200/city-recommendations/${f.year}`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'GET /api/v1/inspections': { path: () => '/api/v1/inspections', expect: '401 403 403 ok ok 403 403 ok ok' },
  'POST /api/v1/inspections': {
    path: () => '/api/v1/inspections',
    body: (f) => ({
      declarationId: f.submittedId,
      plannedOn: `${f.year}-06-01`,
      place: '余姚',
      team: [{ name: '王强', role: '组长', affiliation: '宁波市经信局' }],
    }),
    expect: '401 403 403 ok 404 403 403 403 403',
  },
  'GET /api/v1/inspections/:id': {
    path: (f) => `/api/v1/inspections/${f.inspectionId}`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'PATCH /api/v1/inspections/:id': {
    path: (f) => `/api/v1/inspections/${f.inspectionId}`,
    headers: { 'if-match': '999' },
    body: () => ({ notes: 'probe' }),
    expect: '401 403 403 409 404 403 403 403 403',
  },
  'POST /api/v1/inspections/:id/sign-off': {
    path: (f) => `/api/v1/inspections/${f.inspectionId}/sign-off`,
    expect: '401 403 403 400 404 403 403 403 403',
  },
  'POST /api/v1/inspections/:id/files': {
    path: (f) => `/api/v1/inspections/${f.inspectionId}/files`,
    multipart: { file: EMPTY_FILE },
    expect: '401 403 403 400 404 403 403 403 403',
  },
  'GET /api/v1/inspections/:id/files/:fileId': {
    path: (f) => `/api/v1/inspections/${f.inspectionId}/files/${f.inspectionFileId}`,
    expect: '401 403 403 ok 404 403 403 ok ok',
  },

  // --- expert scoring -------------------------------------------------------------------------------------
  'GET /api/v1/expert/assignments': {
    path: () => '/api/v1/expert/assignments',
    expect: '401 403 403 403 403 ok ok 403 403',
  },
  'PUT /api/v1/expert/assignments/:assignmentId/score': {
    path: (f) => `/api/v1/expert/assignments/${f.assignmentId}/score`,
    body: () => ({ scores: [80, 80, 80, 80, 80, 80, 80, 80], comment: '矩阵' }),
    expect: '401 403 403 403 403 ok 404 403 403',
  },
  'GET /api/v1/expert/assignments/:assignmentId/peers': {
    // Peer scores exist for ministry panels only: a unit's invitation has none (404 for its expert too).
    path: (f) => `/api/v1/expert/assignments/${f.assignmentId}/peers`,
    expect: '401 403 403 403 403 404 404 403 403',
  },
  'POST /api/v1/expert/assignments/:assignmentId/conflict': {
    path: (f) => `/api/v1/expert/assignments/${f.assignmentId}/conflict`,
    body: () => ({ reason: '矩阵测试' }),
    last: true,
    expect: '401 403 403 403 403 ok 404 403 403',
  },

  // --- the ministry's national review -----------------------------------------------------------------------
  'GET /api/v1/campaigns/:year/overview': {
    path: (f) => `/api/v1/campaigns/${f.year}/overview`,
    expect: MINISTRY_ADMIN,
  },
  'GET /api/v1/campaigns/:year/panels': {
    path: (f) => `/api/v1/campaigns/${f.year}/panels`,
    expect: MINISTRY_ADMIN,
  },
  'POST /api/v1/campaigns/:year/panels': {
    path: (f) => `/api/v1/campaigns/${f.year}/panels`,
    body: () => ({ name: '' }),
    expect: '401 403 403 403 403 403 403 400 403',
  },
  'POST /api/v1/campaigns/:year/panels/auto-assign': {
    path: (f) => `/api/v1/campaigns/${f.year}/panels/auto-assign`,
    expect: '401 403 403 403 403 403 403 ok 403',
  },
  'GET /api/v1/panels/:id': { path: (f) => `/api/v1/panels/${f.panelId}`, expect: MINISTRY_ADMIN },
  'PATCH /api/v1/panels/:id': {
    path: (f) => `/api/v1/panels/${f.panelId}`,
    body: () => ({ expertsPerDeclaration: -1 }),
    expect: '401 403 403 403 403 403 403 400 403',
  },
  'POST /api/v1/panels/:id/declarations': {
    path: (f) => `/api/v1/panels/${f.panelId}/declarations`,
    body: (f) => ({ declarationIds: [f.draftId] }),
    expect: '401 403 403 403 403 403 403 409 403',
  },
  'DELETE /api/v1/panels/:id/declarations/:declarationId': {
    path: (f) => `/api/v1/panels/${f.panelId}/declarations/${f.draftId}`,
    expect: '401 403 403 403 403 403 403 404 403',
  },
  'POST /api/v1/panels/:id/declarations/:declarationId/experts': {
    path: (f) => `/api/v1/panels/${f.panelId}/declarations/${f.draftId}/experts`,
    body: (f) => ({ expertId: f.userIds.expertOther }),
    expect: '401 403 403 403 403 403 403 404 403',
  },
  'PUT /api/v1/panels/:id/declarations/:declarationId/consensus': {
    path: (f) => `/api/v1/panels/${f.panelId}/declarations/${f.draftId}/consensus`,
    body: () => ({ comment: '矩阵' }),
    expect: '401 403 403 403 403 403 403 409 403',
  },
  'DELETE /api/v1/panels/:id/assignments/:assignmentId': {
    path: (f) => `/api/v1/panels/${f.panelId}/assignments/${f.assignmentId}`,
    expect: '401 403 403 403 403 403 403 404 403',
  },
  'POST /api/v1/panels/:id/phase': {
    path: (f) => `/api/v1/panels/${f.panelId}/phase`,
    body: () => ({ phase: 'scoring' }),
    expect: '401 403 403 403 403 403 403 400 403',
  },
  'GET /api/v1/campaigns/:year/results': {
    path: (f) => `/api/v1/campaigns/${f.year}/results`,
    expect: MINISTRY_ADMIN,
  },
  'PUT /api/v1/campaigns/:year/shortlist': {
    path: (f) => `/api/v1/campaigns/${f.year}/shortlist`,
    body: (f) => ({ declarationIds: [f.draftId] }),
    expect: '401 403 403 403 403 403 403 409 403',
  },

  // --- 公示, objections, identification, notices -----------------------------------------------------------
  'POST /api/v1/campaigns/:year/publicity': {
    path: (f) => `/api/v1/campaigns/${f.year}/publicity`,
    body: () => ({ declarationIds: [] }),
    expect: '401 403 403 403 403 403 403 400 403',
  },
  'GET /api/v1/campaigns/:year/publicity': {
    path: (f) => `/api/v1/campaigns/${f.year}/publicity`,
    expect: MINISTRY_ADMIN,
  },
  'GET /api/v1/public/publicity': { path: () => '/api/v1/public/publicity', expect: PUBLIC },
  'POST /api/v1/public/objections': {
    path: () => '/api/v1/public/objections',
    multipart: { fields: { realName: '' } },
    expect: '400 400 400 400 400 400 400 400 400',
  },
  'GET /api/v1/campaigns/:year/objections': {
    path: (f) => `/api/v1/campaigns/${f.year}/objections`,
    expect: MINISTRY_ADMIN,
  },
  'GET /api/v1/objections/:id/evidence': {
    // No objection exists in the fixture: the ministry's answer is the plain 404 of an unknown id.
    path: () => `/api/v1/objections/${RANDOM}/evidence`,
    expect: '401 403 403 403 403 403 403 404 404',
  },
  'POST /api/v1/objections/:id/resolve': {
    path: () => `/api/v1/objections/${RANDOM}/resolve`,
    body: () => ({ decision: 'dismissed', reason: '矩阵' }),
    expect: '401 403 403 403 403 403 403 404 403',
  },
  'POST /api/v1/campaigns/:year/identification': {
    path: (f) => `/api/v1/campaigns/${f.year}/identification`,
    body: () => ({ declarationIds: [] }),
    expect: '401 403 403 403 403 403 403 400 403',
  },
  'POST /api/v1/notices': {
    path: () => '/api/v1/notices',
    body: () => ({ kind: 'other' }),
    // Units publish their own notices too.
    expect: '401 403 403 400 400 403 403 400 400',
  },
  'GET /api/v1/public/notices': { path: () => '/api/v1/public/notices', expect: PUBLIC },
  'GET /api/v1/public/notices/:id': { path: (f) => `/api/v1/public/notices/${f.noticeId}`, expect: PUBLIC },

  // --- clusters and the public registry -------------------------------------------------------------------
  'GET /api/v1/clusters': { path: () => '/api/v1/clusters', expect: '401 ok ok ok ok 403 403 ok ok' },
  'POST /api/v1/clusters/import': {
    path: () => '/api/v1/clusters/import',
    raw: { type: 'text/csv', data: 'not,a,cluster,list\n' },
    expect: '401 403 403 403 403 403 403 400 400',
  },
  'GET /api/v1/clusters/:id': {
    path: (f) => `/api/v1/clusters/${f.clusterId}`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'GET /api/v1/clusters/:id/certificate.pdf': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/certificate.pdf`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'GET /api/v1/public/clusters': { path: () => '/api/v1/public/clusters', expect: PUBLIC },
  'GET /api/v1/public/clusters.csv': { path: () => '/api/v1/public/clusters.csv', expect: PUBLIC },
  'GET /api/v1/public/clusters.xlsx': { path: () => '/api/v1/public/clusters.xlsx', expect: PUBLIC },
  'GET /api/v1/public/stats': { path: () => '/api/v1/public/stats', expect: PUBLIC },

  // --- notifications ----------------------------------------------------------------------------------------
  'GET /api/v1/notifications': { path: () => '/api/v1/notifications', expect: SIGNED_IN },
  'POST /api/v1/notifications/read-all': { path: () => '/api/v1/notifications/read-all', expect: SIGNED_IN },
  'GET /api/v1/me/notification-preferences': {
    path: () => '/api/v1/me/notification-preferences',
    expect: SIGNED_IN,
  },
  'PUT /api/v1/me/notification-preferences': {
    path: () => '/api/v1/me/notification-preferences',
    body: () => ({}),
    expect: SIGNED_IN,
  },
  'POST /api/v1/notifications/:id/read': {
    path: (f) => `/api/v1/notifications/${f.notificationId}/read`,
    expect: '401 ok 404 404 404 404 404 404 404',
  },

  // --- cluster lifecycle: annual reports, change reports, re-review, revocation, cultivation ----------
  // Bodies are empty where a valid one would change the record: the allowed party's 400 shows it got past
  // its role and scope checks only for routes that check scope first; the GETs show the scope.
  'POST /api/v1/notices/:id/attachments': {
    path: (f) => `/api/v1/notices/${f.noticeId}/attachments`,
    multipart: { file: EMPTY_FILE },
    expect: '401 403 403 404 404 403 403 400 400',
  },
  'DELETE /api/v1/notices/:id/attachments/:attachmentId': {
    path: (f) => `/api/v1/notices/${f.noticeId}/attachments/${RANDOM}`,
    expect: '401 403 403 404 404 403 403 404 404',
  },
  'GET /api/v1/public/notices/:id/attachments/:attachmentId': {
    path: (f) => `/api/v1/public/notices/${f.noticeId}/attachments/${RANDOM}`,
    expect: '404 404 404 404 404 404 404 404 404',
  },
  'GET /api/v1/public/clusters/:id': {
    path: (f) => `/api/v1/public/clusters/${f.clusterId}`,
    expect: 'ok ok ok ok ok ok ok ok ok',
  },
  'PUT /api/v1/clusters/:id/annual-reports/:year/publication': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/annual-reports/2024/publication`,
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 400 403',
  },
  'GET /api/v1/clusters/:id/history': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/history`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'GET /api/v1/clusters/:id/files/:fileId': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/files/${RANDOM}`,
    expect: '401 404 404 404 404 403 403 404 404',
  },
  'GET /api/v1/clusters/:id/change-reports': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/change-reports`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'POST /api/v1/clusters/:id/change-reports': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/change-reports`,
    body: () => ({}),
    expect: '401 400 400 403 403 403 403 403 403',
  },
  'GET /api/v1/clusters/:id/change-reports/:reportId': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/change-reports/${RANDOM}`,
    expect: '401 404 404 404 404 403 403 404 404',
  },
  'POST /api/v1/clusters/:id/change-reports/:reportId/files': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/change-reports/${RANDOM}/files`,
    multipart: { file: EMPTY_FILE },
    expect: '401 404 404 403 403 403 403 403 403',
  },
  'POST /api/v1/clusters/:id/change-reports/:reportId/actions/:action': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/change-reports/${RANDOM}/actions/submit`,
    body: () => ({}),
    expect: '401 403 403 403 403 403 403 400 403',
  },
  'GET /api/v1/re-reviews/due': {
    path: () => '/api/v1/re-reviews/due',
    expect: '401 ok ok ok ok 403 403 ok ok',
  },
  'POST /api/v1/re-reviews/revoke-lapsed': {
    path: () => '/api/v1/re-reviews/revoke-lapsed',
    body: () => ({ dryRun: 'not a boolean' }),
    expect: '401 403 403 ok ok 403 403 ok ok',
  },
  'GET /api/v1/clusters/:id/re-review': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/re-review`,
    expect: '401 404 404 404 404 403 403 404 404',
  },
  'PUT /api/v1/clusters/:id/re-review': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/re-review`,
    body: () => ({}),
    expect: '401 400 400 403 403 403 403 403 403',
  },
  'POST /api/v1/clusters/:id/re-review/actions/submit': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/re-review/actions/submit`,
    body: () => ({}),
    expect: '401 404 404 403 403 403 403 403 403',
  },
  'POST /api/v1/clusters/:id/re-review/actions/return': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/re-review/actions/return`,
    body: () => ({}),
    expect: '401 403 403 404 404 403 403 403 403',
  },
  'POST /api/v1/clusters/:id/re-review/actions/verify': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/re-review/actions/verify`,
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 403 403',
  },
  'POST /api/v1/clusters/:id/re-review/actions/decide': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/re-review/actions/decide`,
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 400 403',
  },
  'POST /api/v1/clusters/:id/re-review/files': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/re-review/files`,
    multipart: { file: EMPTY_FILE },
    expect: '401 404 404 404 404 403 403 403 403',
  },
  'POST /api/v1/clusters/:id/actions/revoke': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/actions/revoke`,
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 400 400',
  },
  'POST /api/v1/clusters/:id/revocation/files': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/revocation/files`,
    multipart: { file: EMPTY_FILE },
    expect: '401 403 403 403 404 403 403 409 409',
  },
  // The fixture's cluster is not revoked: 404 for everyone who passes the role check (scope: lifecycle tests).
  'GET /api/v1/clusters/:id/revocation': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/revocation`,
    expect: '401 404 404 404 404 403 403 404 404',
  },
  'GET /api/v1/clusters/:id/annual-reports': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/annual-reports`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'GET /api/v1/clusters/:id/annual-reports/:year': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/annual-reports/2024`,
    expect: '401 404 404 404 404 403 403 404 404',
  },
  'PUT /api/v1/clusters/:id/annual-reports/:year': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/annual-reports/2024`,
    headers: { 'if-match': '999' },
    body: () => ({}),
    expect: '401 400 400 403 403 403 403 403 403',
  },
  'POST /api/v1/clusters/:id/annual-reports/:year/actions/:action': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/annual-reports/2024/actions/forward`,
    body: () => ({}),
    expect: '401 403 403 404 404 403 403 403 403',
  },
  'GET /api/v1/clusters/:id/trends': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/trends`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'GET /api/v1/annual-reports': {
    path: () => '/api/v1/annual-reports',
    expect: '401 ok ok ok ok 403 403 ok ok',
  },
  'GET /api/v1/annual-reports/completion/:year': {
    path: () => '/api/v1/annual-reports/completion/2024',
    expect: '401 403 403 ok ok 403 403 ok ok',
  },
  'GET /api/v1/annual-reports/totals': {
    path: () => '/api/v1/annual-reports/totals',
    expect: '401 ok ok ok ok 403 403 ok ok',
  },
  'GET /api/v1/clusters/:id/plan': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/plan`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'PUT /api/v1/clusters/:id/plan': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/plan`,
    headers: { 'if-match': '999' },
    body: () => ({}),
    expect: '401 400 400 400 400 403 403 403 403',
  },
  'GET /api/v1/clusters/:id/support': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/support`,
    expect: '401 ok 404 ok 404 403 403 ok ok',
  },
  'POST /api/v1/clusters/:id/support': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/support`,
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 400 403',
  },
  'DELETE /api/v1/clusters/:id/support/:supportId': {
    path: (f) => `/api/v1/clusters/${f.clusterId}/support/${RANDOM}`,
    expect: '401 403 403 404 404 403 403 404 403',
  },
  'GET /api/v1/policy-support/totals': {
    path: () => '/api/v1/policy-support/totals',
    expect: '401 ok ok ok ok 403 403 ok ok',
  },
  'GET /api/v1/units/:code/provincial-campaigns': {
    path: () => '/api/v1/units/330200/provincial-campaigns',
    expect: '401 403 403 ok 404 403 403 ok ok',
  },
  'POST /api/v1/units/:code/provincial-campaigns': {
    path: () => '/api/v1/units/330200/provincial-campaigns',
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 403 403',
  },
  'GET /api/v1/units/:code/provincial-campaigns/:year/candidates': {
    path: () => '/api/v1/units/330200/provincial-campaigns/2024/candidates',
    expect: '401 403 403 404 404 403 403 404 404',
  },
  'POST /api/v1/units/:code/provincial-campaigns/:year/identification': {
    path: () => '/api/v1/units/330200/provincial-campaigns/2024/identification',
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 403 403',
  },
  // The provincial pipeline (no 2024 round exists: its reader gets 404 like another unit).
  'POST /api/v1/units/:code/provincial-campaigns/:year/experts': {
    path: () => '/api/v1/units/330200/provincial-campaigns/2024/experts',
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 403 403',
  },
  'GET /api/v1/units/:code/provincial-campaigns/:year/scores': {
    path: () => '/api/v1/units/330200/provincial-campaigns/2024/scores',
    expect: '401 403 403 404 404 403 403 404 404',
  },
  'POST /api/v1/units/:code/provincial-campaigns/:year/publicity': {
    path: () => '/api/v1/units/330200/provincial-campaigns/2024/publicity',
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 403 403',
  },
  'GET /api/v1/units/:code/provincial-campaigns/:year/publicity': {
    path: () => '/api/v1/units/330200/provincial-campaigns/2024/publicity',
    expect: '401 403 403 404 404 403 403 404 404',
  },
  'GET /api/v1/units/:code/provincial-campaigns/:year/objections': {
    path: () => '/api/v1/units/330200/provincial-campaigns/2024/objections',
    expect: '401 403 403 404 404 403 403 404 404',
  },
  'GET /api/v1/units/:code/provincial-campaigns/:year/objections/:objectionId/evidence': {
    path: () => `/api/v1/units/330200/provincial-campaigns/2024/objections/${RANDOM}/evidence`,
    expect: '401 403 403 404 404 403 403 404 404',
  },
  'POST /api/v1/units/:code/provincial-campaigns/:year/objections/:objectionId/resolve': {
    path: () => `/api/v1/units/330200/provincial-campaigns/2024/objections/${RANDOM}/resolve`,
    body: () => ({}),
    expect: '401 403 403 400 400 403 403 403 403',
  },
  'GET /api/v1/public/provincial-publicity': {
    path: () => '/api/v1/public/provincial-publicity',
    expect: PUBLIC,
  },
};
