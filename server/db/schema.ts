// Drizzle table definitions mirroring migrations/*.sql (the SQL files are the source of truth).
import {
  bigint,
  bigserial,
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const units = pgTable('units', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind').notNull(),
  region: text('region').notNull(),
  provinceCode: text('province_code').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export const divisions = pgTable('divisions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
  unitCode: text('unit_code'),
});

export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
  sortOrder: integer('sort_order').notNull(),
});

export const campaigns = pgTable('campaigns', {
  year: integer('year').primaryKey(),
  noticeNo: text('notice_no'),
  noticeDate: date('notice_date', { mode: 'string' }),
  status: text('status').notNull(),
  opensAt: date('opens_at', { mode: 'string' }),
  countyDeadline: date('county_deadline', { mode: 'string' }),
  unitDeadline: date('unit_deadline', { mode: 'string' }),
  quotas: jsonb('quotas').notNull(),
  standardsVersion: text('standards_version').notNull(),
  formVersion: text('form_version').notNull(),
  annualReportDue: text('annual_report_due'),
  rules: jsonb('rules').notNull(),
  listNoticeNo: text('list_notice_no'),
  identifiedCount: integer('identified_count'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  divisionCode: text('division_code'),
  unitCode: text('unit_code'),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  prefix: text('prefix').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  expiresAt: ts('expires_at'),
  revokedAt: ts('revoked_at'),
});

export const countyProfiles = pgTable('county_profiles', {
  divisionCode: text('division_code').primaryKey(),
  unitCode: text('unit_code').notNull(),
  authorityName: text('authority_name').notNull().default(''),
  address: text('address').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  contactName: text('contact_name').notNull().default(''),
  contactPhone: text('contact_phone').notNull().default(''),
  contactEmail: text('contact_email').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  actorRole: text('actor_role'),
  scope: text('scope'),
  action: text('action').notNull(),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const declarations = pgTable('declarations', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignYear: integer('campaign_year').notNull(),
  divisionCode: text('division_code').notNull(),
  unitCode: text('unit_code').notNull(),
  formVersion: text('form_version').notNull(),
  standardsVersion: text('standards_version').notNull(),
  status: text('status').notNull(),
  version: integer('version').notNull().default(1),
  content: jsonb('content').notNull(),
  clusterName: text('cluster_name').notNull().default(''),
  submittedVersion: integer('submitted_version'),
  submittedAt: ts('submitted_at'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const declarationVersions = pgTable('declaration_versions', {
  declarationId: uuid('declaration_id').notNull(),
  version: integer('version').notNull(),
  status: text('status').notNull(),
  content: jsonb('content').notNull(),
  attachments: jsonb('attachments').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const declarationEvents = pgTable('declaration_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  declarationId: uuid('declaration_id').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  version: integer('version').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  comment: text('comment'),
  at: ts('at').notNull().defaultNow(),
});

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  declarationId: uuid('declaration_id').notNull(),
  category: text('category').notNull(),
  filename: text('filename').notNull(),
  storageKey: text('storage_key').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  contentType: text('content_type').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  deletedAt: ts('deleted_at'),
});

export const preliminaryReviews = pgTable('preliminary_reviews', {
  declarationId: uuid('declaration_id').primaryKey(),
  checklist: jsonb('checklist').notNull(),
  result: text('result'),
  notes: text('notes').notNull().default(''),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: ts('reviewed_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const recommendations = pgTable('recommendations', {
  campaignYear: integer('campaign_year').notNull(),
  unitCode: text('unit_code').notNull(),
  rank: integer('rank').notNull(),
  declarationId: uuid('declaration_id').notNull(),
  westernJustification: text('western_justification'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const cityRecommendations = pgTable('city_recommendations', {
  campaignYear: integer('campaign_year').notNull(),
  unitCode: text('unit_code').notNull(),
  cityCode: text('city_code').notNull(),
  rank: integer('rank').notNull(),
  declarationId: uuid('declaration_id').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const inspections = pgTable('inspections', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignYear: integer('campaign_year'),
  unitCode: text('unit_code').notNull(),
  declarationId: uuid('declaration_id'),
  clusterId: uuid('cluster_id'),
  reReviewId: uuid('re_review_id'),
  purpose: text('purpose').notNull(),
  status: text('status').notNull(),
  plannedOn: date('planned_on', { mode: 'string' }).notNull(),
  place: text('place').notNull(),
  team: jsonb('team').notNull(),
  checklist: jsonb('checklist').notNull(),
  verdict: text('verdict'),
  notes: text('notes').notNull().default(''),
  version: integer('version').notNull().default(1),
  signedOffBy: uuid('signed_off_by'),
  signedOffAt: ts('signed_off_at'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const inspectionFiles = pgTable('inspection_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  inspectionId: uuid('inspection_id').notNull(),
  filename: text('filename').notNull(),
  storageKey: text('storage_key').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  contentType: text('content_type').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const expertAssignments = pgTable('expert_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  declarationId: uuid('declaration_id').notNull(),
  expertId: uuid('expert_id').notNull(),
  level: text('level').notNull(),
  assignedBy: uuid('assigned_by'),
  assignedAt: ts('assigned_at').notNull().defaultNow(),
  conflictDeclaredAt: ts('conflict_declared_at'),
  conflictReason: text('conflict_reason'),
  panelId: uuid('panel_id'),
  provincialCampaignId: uuid('provincial_campaign_id'),
});

export const expertScores = pgTable('expert_scores', {
  assignmentId: uuid('assignment_id').primaryKey(),
  scores: jsonb('scores').notNull(),
  total: numeric('total', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  comment: text('comment').notNull().default(''),
  submittedAt: ts('submitted_at').notNull().defaultNow(),
  initialScores: jsonb('initial_scores'),
  initialTotal: numeric('initial_total', { precision: 6, scale: 2, mode: 'number' }),
  revisionReason: text('revision_reason'),
  revisedAt: ts('revised_at'),
});

export const panels = pgTable('panels', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignYear: integer('campaign_year').notNull(),
  name: text('name').notNull(),
  phase: text('phase').notNull().default('scoring'),
  expertsPerDeclaration: integer('experts_per_declaration').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const panelMembers = pgTable('panel_members', {
  panelId: uuid('panel_id').notNull(),
  expertId: uuid('expert_id').notNull(),
  addedAt: ts('added_at').notNull().defaultNow(),
});

export const panelDeclarations = pgTable('panel_declarations', {
  declarationId: uuid('declaration_id').primaryKey(),
  panelId: uuid('panel_id').notNull(),
  consensusComment: text('consensus_comment').notNull().default(''),
  consensusBy: uuid('consensus_by'),
  consensusAt: ts('consensus_at'),
  addedAt: ts('added_at').notNull().defaultNow(),
});

export const notices = pgTable('notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  campaignYear: integer('campaign_year'),
  noticeNo: text('notice_no'),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  unitCode: text('unit_code'),
  body: text('body').notNull().default(''),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const publicityPeriods = pgTable('publicity_periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The ministry's period of a campaign; null for a unit's provincial period. */
  campaignYear: integer('campaign_year'),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  workingDays: integer('working_days').notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  noticeId: uuid('notice_id'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  provincialCampaignId: uuid('provincial_campaign_id'),
});

export const publicityItems = pgTable('publicity_items', {
  publicityId: uuid('publicity_id').notNull(),
  declarationId: uuid('declaration_id').notNull(),
  position: integer('position').notNull(),
  level: text('level').notNull().default('national'),
});

export const objections = pgTable('objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  publicityId: uuid('publicity_id').notNull(),
  declarationId: uuid('declaration_id').notNull(),
  realName: text('real_name').notNull(),
  contact: text('contact').notNull(),
  reason: text('reason').notNull(),
  evidenceFilename: text('evidence_filename'),
  evidenceKey: text('evidence_key'),
  evidenceSize: bigint('evidence_size', { mode: 'number' }),
  evidenceSha256: text('evidence_sha256'),
  evidenceType: text('evidence_type'),
  submittedIp: text('submitted_ip'),
  status: text('status').notNull().default('open'),
  resolution: text('resolution'),
  resolvedBy: uuid('resolved_by'),
  resolvedAt: ts('resolved_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const clusters = pgTable('clusters', {
  id: uuid('id').primaryKey().defaultRandom(),
  declarationId: uuid('declaration_id'),
  name: text('name').notNull(),
  campaignYear: integer('campaign_year').notNull(),
  divisionCode: text('division_code').notNull(),
  unitCode: text('unit_code').notNull(),
  leadingIndustry: text('leading_industry').notNull().default(''),
  industryCode: text('industry_code'),
  subSector: text('sub_sector'),
  noticeNo: text('notice_no'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('valid'),
  createdAt: ts('created_at').notNull().defaultNow(),
  level: text('level').notNull().default('national'),
  provincialCampaignId: uuid('provincial_campaign_id'),
  sourceDeclarationId: uuid('source_declaration_id'),
  revokedOn: date('revoked_on', { mode: 'string' }),
  revocationReason: text('revocation_reason'),
  operatingBody: text('operating_body'),
  spatialBoundary: text('spatial_boundary'),
});

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id'),
  unitCode: text('unit_code'),
  divisionCode: text('division_code'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  link: text('link'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const notificationReads = pgTable('notification_reads', {
  notificationId: uuid('notification_id').notNull(),
  userId: uuid('user_id').notNull(),
  readAt: ts('read_at').notNull().defaultNow(),
});

export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  notificationId: uuid('notification_id'),
  userId: uuid('user_id'),
  kind: text('kind').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  status: text('status').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
  lastError: text('last_error'),
  messageId: text('message_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey(),
  emailOptOuts: text('email_opt_outs').array().notNull().default([]),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const jobs = pgTable('jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  data: jsonb('data').notNull().default({}),
  singletonKey: text('singleton_key'),
  state: text('state').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(5),
  timeoutSeconds: integer('timeout_seconds').notNull().default(600),
  runAfter: ts('run_after').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
});

export const remindersSent = pgTable('reminders_sent', {
  kind: text('kind').notNull(),
  target: text('target').notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  sentAt: ts('sent_at').notNull().defaultNow(),
});

// --- identified clusters after identification (0010) ---------------------------------------------------------

export const provincialCampaigns = pgTable('provincial_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitCode: text('unit_code').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  standardsVersion: text('standards_version').notNull(),
  status: text('status').notNull().default('open'),
  noticeNo: text('notice_no'),
  publishedOn: date('published_on', { mode: 'string' }),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const clusterEvents = pgTable('cluster_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  clusterId: uuid('cluster_id').notNull(),
  kind: text('kind').notNull(),
  onDate: date('on_date', { mode: 'string' }).notNull(),
  actorId: uuid('actor_id'),
  actorRole: text('actor_role'),
  summary: text('summary').notNull().default(''),
  data: jsonb('data').notNull().default({}),
  refId: uuid('ref_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const annualReports = pgTable('annual_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  clusterId: uuid('cluster_id').notNull(),
  year: integer('year').notNull(),
  status: text('status').notNull().default('draft'),
  content: jsonb('content').notNull(),
  version: integer('version').notNull().default(1),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  submittedAt: ts('submitted_at'),
  submittedLate: boolean('submitted_late'),
  returnReason: text('return_reason'),
  forwardedAt: ts('forwarded_at'),
  figuresPublic: boolean('figures_public').notNull().default(false),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const annualReportEvents = pgTable('annual_report_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  reportId: uuid('report_id').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status').notNull(),
  toStatus: text('to_status').notNull(),
  version: integer('version').notNull(),
  content: jsonb('content'),
  comment: text('comment'),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  at: ts('at').notNull().defaultNow(),
});

export const cultivationPlans = pgTable('cultivation_plans', {
  clusterId: uuid('cluster_id').primaryKey(),
  content: jsonb('content').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const policySupport = pgTable('policy_support', {
  id: uuid('id').primaryKey().defaultRandom(),
  clusterId: uuid('cluster_id').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  amount: numeric('amount', { precision: 14, scale: 4, mode: 'number' }),
  grantedOn: date('granted_on', { mode: 'string' }).notNull(),
  grantor: text('grantor').notNull().default(''),
  documentNo: text('document_no'),
  description: text('description').notNull().default(''),
  recordedBy: uuid('recorded_by'),
  recordedRole: text('recorded_role').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const changeReports = pgTable('change_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  clusterId: uuid('cluster_id').notNull(),
  kind: text('kind').notNull(),
  description: text('description').notNull(),
  beforeValue: text('before_value').notNull().default(''),
  afterValue: text('after_value').notNull().default(''),
  effectiveOn: date('effective_on', { mode: 'string' }),
  status: text('status').notNull().default('reported'),
  reportedBy: uuid('reported_by'),
  reportedAt: ts('reported_at').notNull().defaultNow(),
  resolution: text('resolution'),
  resolvedBy: uuid('resolved_by'),
  resolvedAt: ts('resolved_at'),
});

export const reReviews = pgTable('re_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  clusterId: uuid('cluster_id').notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('draft'),
  form: jsonb('form').notNull(),
  version: integer('version').notNull().default(1),
  standardsVersion: text('standards_version').notNull(),
  standards: jsonb('standards'),
  submittedAt: ts('submitted_at'),
  returnReason: text('return_reason'),
  unitPassed: boolean('unit_passed'),
  unitItems: jsonb('unit_items'),
  unitComment: text('unit_comment'),
  inspection: jsonb('inspection'),
  verifiedBy: uuid('verified_by'),
  verifiedAt: ts('verified_at'),
  decision: text('decision'),
  decisionReason: text('decision_reason'),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  newValidTo: date('new_valid_to', { mode: 'string' }),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const clusterFiles = pgTable('cluster_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  clusterId: uuid('cluster_id').notNull(),
  ownerKind: text('owner_kind').notNull(),
  ownerId: uuid('owner_id').notNull(),
  filename: text('filename').notNull(),
  storageKey: text('storage_key').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  contentType: text('content_type').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const noticeAttachments = pgTable('notice_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  noticeId: uuid('notice_id').notNull(),
  filename: text('filename').notNull(),
  storageKey: text('storage_key').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  contentType: text('content_type').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
