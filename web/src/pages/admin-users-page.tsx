import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ComponentProps, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.ts';
import { useSession, useUnits } from '../api/queries.ts';
import { ROLES, type Role, type Unit } from '../api/types.ts';
import { type ListedUser, type NewUserBody, type UserListQuery, userKeys, usersApi } from '../api/users.ts';
import {
  emailForApi,
  type FieldError,
  randomPassword,
  scopeFieldsFor,
  userFieldErrors,
} from '../components/admin/admin-users.ts';
import { errorText, QueryError } from '../components/ministry/query-error.tsx';
import { FilterField } from '../components/reference/filter-field.tsx';
import { NARROW_SCREEN, useMediaQuery } from '../components/use-media-query.ts';
import { useLanguage } from '../i18n/index.ts';
import '../components/admin/admin.css';

const PAGE_SIZE = 20;
const ROLE_COLORS: Record<Role, string> = {
  county: 'blue',
  unit: 'geekblue',
  expert: 'purple',
  ministry: 'red',
  admin: 'gold',
  city: 'cyan',
};

/** 用户: every account for the administrator — find, filter, create, edit, disable, reset passwords. */
export default function AdminUsersPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  if (session?.user.role !== 'admin')
    return <Result status="403" title={<h1 className="result-title">{t('adminUsers.adminOnly')}</h1>} />;
  return <Users selfId={session.user.id} />;
}

/**
 * A Select inside a required Form.Item: antd puts the item's aria-required on the Select's wrapper div,
 * where ARIA does not allow it (axe: aria-allowed-attr, critical). The asterisk and the error stay.
 */
function FormSelect(props: ComponentProps<typeof Select>) {
  const { 'aria-required': _required, ...rest } = props as ComponentProps<typeof Select> & {
    'aria-required'?: unknown;
  };
  return <Select {...rest} />;
}

type Filters = { q: string; role: Role | ''; unitCode: string; status: '' | 'active' | 'disabled' };

function useUnitNames() {
  const units = useUnits();
  const lang = useLanguage();
  return useMemo(() => {
    const items: Unit[] = units.data?.items ?? [];
    const names = new Map(items.map((u) => [u.code, lang === 'en' ? u.nameEn : u.name]));
    const options = items.map((u) => ({ value: u.code, label: `${names.get(u.code)} (${u.code})` }));
    return { names, options };
  }, [units.data, lang]);
}

function Users({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ q: '', role: '', unitCode: '', status: '' });
  // Cursor pagination: the cursors of the pages before this one, so "previous" goes back exactly.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ListedUser | null>(null);
  const [resetting, setResetting] = useState<ListedUser | null>(null);
  const { names: unitNames, options: unitOptions } = useUnitNames();

  const cursor = cursors.at(-1);
  const query: UserListQuery = {
    q: filters.q || undefined,
    role: filters.role || undefined,
    unitCode: filters.unitCode || undefined,
    disabled: filters.status === '' ? undefined : filters.status === 'disabled' ? 'true' : 'false',
    limit: PAGE_SIZE,
    cursor,
  };
  const list = useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => usersApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setCursors([undefined]);
  };

  const scopeOf = (u: ListedUser) => {
    const unit = u.unitCode ? (unitNames.get(u.unitCode) ?? u.unitCode) : null;
    if (u.role === 'county' || u.role === 'city') return `${unit ?? ''} · ${u.divisionCode ?? ''}`;
    return unit ?? '—';
  };

  const pageNo = cursors.length;
  const data = list.data;

  return (
    <section aria-labelledby="users-title" className="page admin-page">
      <div className="page-head">
        <Typography.Title level={1} id="users-title" className="page-title">
          {t('adminUsers.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('adminUsers.newUser')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('adminUsers.intro')}</Typography.Paragraph>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 16 }}>
          <FilterField id="users-q" label={t('adminUsers.search')}>
            <Input.Search
              id="users-q"
              allowClear
              maxLength={50}
              placeholder={t('adminUsers.searchPlaceholder')}
              style={{ width: 240 }}
              onSearch={(v) => setFilter('q', v.trim())}
            />
          </FilterField>
          <FilterField id="users-role" label={t('adminUsers.role')}>
            <Select
              id="users-role"
              style={{ width: 180 }}
              value={filters.role}
              onChange={(v) => setFilter('role', v)}
              options={[
                { value: '', label: t('adminUsers.allRoles') },
                ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
              ]}
            />
          </FilterField>
          <FilterField id="users-unit" label={t('adminUsers.unit')}>
            <Select
              id="users-unit"
              style={{ width: 240 }}
              showSearch
              optionFilterProp="label"
              value={filters.unitCode}
              onChange={(v) => setFilter('unitCode', v)}
              options={[{ value: '', label: t('adminUsers.allUnits') }, ...unitOptions]}
            />
          </FilterField>
          <FilterField id="users-status" label={t('adminUsers.status')}>
            <Select
              id="users-status"
              style={{ width: 140 }}
              value={filters.status}
              onChange={(v) => setFilter('status', v)}
              options={[
                { value: '', label: t('adminUsers.allStatuses') },
                { value: 'active', label: t('adminUsers.active') },
                { value: 'disabled', label: t('adminUsers.disabled') },
              ]}
            />
          </FilterField>
        </div>
        {list.isError ? (
          <QueryError error={list.error} retry={() => void list.refetch()} />
        ) : (
          <>
            <Table<ListedUser>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={data?.items ?? []}
              pagination={false}
              locale={{ emptyText: t('adminUsers.empty') }}
              scroll={{ x: 900 }}
              columns={[
                {
                  key: 'username',
                  title: t('adminUsers.username'),
                  render: (_, u) => (
                    <Space size={4} wrap>
                      <code>{u.username}</code>
                      {u.id === selfId && <Tag>{t('adminUsers.you')}</Tag>}
                    </Space>
                  ),
                },
                { key: 'name', title: t('adminUsers.displayName'), dataIndex: 'displayName' },
                {
                  key: 'role',
                  title: t('adminUsers.role'),
                  render: (_, u) => <Tag color={ROLE_COLORS[u.role]}>{t(`roles.${u.role}`)}</Tag>,
                },
                { key: 'scope', title: t('adminUsers.scope'), render: (_, u) => scopeOf(u) },
                { key: 'email', title: t('adminUsers.email'), render: (_, u) => u.email || '—' },
                {
                  key: 'status',
                  title: t('adminUsers.status'),
                  render: (_, u) =>
                    u.disabled ? (
                      <Tag color="red">{t('adminUsers.disabled')}</Tag>
                    ) : (
                      <Tag color="green">{t('adminUsers.active')}</Tag>
                    ),
                },
                {
                  key: 'actions',
                  title: t('adminUsers.actions'),
                  render: (_, u) => (
                    <Space wrap>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('adminUsers.editOne', { username: u.username })}
                        onClick={() => setEditing(u)}
                      >
                        {t('adminUsers.edit')}
                      </Button>
                      <Button
                        size="small"
                        icon={<KeyOutlined />}
                        aria-label={t('adminUsers.resetOne', { username: u.username })}
                        onClick={() => setResetting(u)}
                      >
                        {t('adminUsers.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            <nav
              aria-label={t('adminUsers.page', { page: pageNo })}
              style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginTop: 16 }}
            >
              <Typography.Text>
                {t('adminUsers.total', { total: data?.total ?? 0 })} ·{' '}
                {t('adminUsers.page', { page: pageNo })}
              </Typography.Text>
              <Button disabled={pageNo <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('adminUsers.previous')}
              </Button>
              <Button
                disabled={!data?.nextCursor}
                onClick={() => {
                  const next = data?.nextCursor;
                  if (next) setCursors((c) => [...c, next]);
                }}
              >
                {t('adminUsers.next')}
              </Button>
            </nav>
          </>
        )}
      </Card>
      <CreateUserDrawer open={creating} onClose={() => setCreating(false)} unitOptions={unitOptions} />
      <EditUserDrawer
        key={editing?.id ?? 'none'}
        user={editing}
        selfId={selfId}
        scope={editing ? scopeOf(editing) : ''}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal
        key={resetting?.id ?? 'none'}
        user={resetting}
        self={resetting?.id === selfId}
        onClose={() => setResetting(null)}
      />
    </section>
  );
}

/** Shows an API failure: validation details on their fields, anything else above the form. */
function useFailure() {
  const { t } = useTranslation();
  const [general, setGeneral] = useState<string[]>([]);
  const fail = (err: unknown, setFields: (fields: FieldError[]) => void) => {
    if (err instanceof ApiError && err.details.length > 0) {
      const { fields, general: rest } = userFieldErrors(err.details, (k) => t(k as 'adminUsers.title'));
      setFields(fields);
      setGeneral(rest.length ? rest : fields.length ? [] : [err.message]);
    } else setGeneral([t('adminUsers.saveFailed', { message: errorText(err) })]);
  };
  return { general, setGeneral, fail };
}

type CreateValues = {
  role: Role;
  username: string;
  displayName: string;
  divisionCode?: string;
  unitCode?: string;
  email?: string;
  password: string;
};

function CreateUserDrawer({
  open,
  onClose,
  unitOptions,
}: {
  open: boolean;
  onClose: () => void;
  unitOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [form] = Form.useForm<CreateValues>();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const [divisionQ, setDivisionQ] = useState('');
  const { general, setGeneral, fail } = useFailure();
  const need = scopeFieldsFor(role);

  const divisionLevel = need.division === 'city' ? 'prefecture' : 'county';
  const divisions = useQuery({
    queryKey: ['divisions', 'user-picker', divisionLevel, divisionQ],
    queryFn: ({ signal }) =>
      api.divisions({ level: divisionLevel, q: divisionQ || undefined, limit: 30 }, signal),
    enabled: open && need.division !== null,
    placeholderData: keepPreviousData,
  });

  const close = () => {
    form.resetFields();
    setGenerated(null);
    setGeneral([]);
    onClose();
  };

  const submit = async (v: CreateValues) => {
    setSaving(true);
    setGeneral([]);
    const body: NewUserBody = {
      role: v.role,
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
      ...(need.division && v.divisionCode ? { divisionCode: v.divisionCode } : {}),
      ...(need.unit && v.unitCode ? { unitCode: v.unitCode } : {}),
      ...(emailForApi(v.email) ? { email: emailForApi(v.email) ?? '' } : {}),
    };
    try {
      const created = await usersApi.create(body);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(t('adminUsers.created', { username: created.username }));
      close();
    } catch (err) {
      fail(err, (fields) => form.setFields(fields));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      width={narrow ? '100%' : 560}
      title={t('adminUsers.newTitle')}
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          {t('adminUsers.create')}
        </Button>
      }
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="new-user"
        initialValues={{ role: 'county' }}
        onValuesChange={(changed: Partial<CreateValues>) => {
          // A county and a city are different levels of division: a new role starts the choice again.
          if (changed.role) {
            form.setFieldValue('divisionCode', undefined);
            setDivisionQ('');
          }
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="role" label={t('adminUsers.role')} rules={[{ required: true }]}>
          <FormSelect options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('adminUsers.username')}
          extra={t('adminUsers.usernameRule')}
          rules={[
            { required: true, message: t('adminUsers.required') },
            { pattern: /^\s*[A-Za-z0-9._@-]{3,64}\s*$/, message: t('adminUsers.usernameRule') },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('adminUsers.displayName')}
          rules={[{ required: true, whitespace: true, message: t('adminUsers.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {need.division && (
          <Form.Item
            name="divisionCode"
            label={need.division === 'city' ? t('adminUsers.city') : t('adminUsers.county')}
            extra={need.division === 'city' ? t('adminUsers.cityHint') : t('adminUsers.countyHint')}
            rules={[{ required: true, message: t('adminUsers.required') }]}
          >
            <FormSelect
              showSearch
              filterOption={false}
              onSearch={(v) => setDivisionQ(v.trim())}
              placeholder={
                need.division === 'city' ? t('adminUsers.cityPlaceholder') : t('adminUsers.countyPlaceholder')
              }
              loading={divisions.isFetching}
              options={(divisions.data?.items ?? []).map((d) => ({
                value: d.code,
                label: `${[...d.path.map((p) => p.name), d.name].join(' / ')} (${d.code})`,
              }))}
            />
          </Form.Item>
        )}
        {need.unit && (
          <Form.Item
            name="unitCode"
            label={t('adminUsers.unit')}
            extra={need.unit === 'required' ? t('adminUsers.unitHint') : t('adminUsers.expertUnitHint')}
            rules={need.unit === 'required' ? [{ required: true, message: t('adminUsers.required') }] : []}
          >
            <FormSelect
              showSearch
              allowClear={need.unit === 'optional'}
              optionFilterProp="label"
              placeholder={need.unit === 'optional' ? t('adminUsers.noUnit') : undefined}
              options={unitOptions}
            />
          </Form.Item>
        )}
        <Form.Item
          name="email"
          label={t('adminUsers.email')}
          extra={t('adminUsers.emailHint')}
          rules={[{ type: 'email', message: t('adminUsers.emailInvalid') }]}
        >
          <Input type="email" autoComplete="off" maxLength={254} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('adminUsers.password')}
          extra={t('adminUsers.passwordHint')}
          rules={[{ required: true, message: t('adminUsers.required') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button
            onClick={() => {
              const password = randomPassword();
              form.setFieldValue('password', password);
              void form.validateFields(['password']);
              setGenerated(password);
            }}
          >
            {t('adminUsers.generate')}
          </Button>
          {generated && (
            <Alert
              type="info"
              showIcon
              message={t('adminUsers.generated')}
              description={
                <Typography.Text code copyable={{ tooltips: [t('adminUsers.copy'), t('adminUsers.copied')] }}>
                  {generated}
                </Typography.Text>
              }
            />
          )}
          {general.length > 0 && <Alert type="error" showIcon role="alert" message={general.join('；')} />}
        </Space>
      </Form>
    </Drawer>
  );
}

type EditValues = { displayName: string; email: string; disabled: boolean };

function EditUserDrawer({
  user,
  selfId,
  scope,
  onClose,
}: {
  user: ListedUser | null;
  selfId: string;
  scope: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = useMediaQuery(NARROW_SCREEN);
  const [form] = Form.useForm<EditValues>();
  const [saving, setSaving] = useState(false);
  const { general, setGeneral, fail } = useFailure();
  // The list may be a minute old: the drawer shows the account as it is now.
  const fresh = useQuery({
    queryKey: userKeys.one(user?.id ?? ''),
    queryFn: ({ signal }) => usersApi.get(user?.id ?? '', signal),
    enabled: user !== null,
  });
  const current = fresh.data ?? user;
  const self = user?.id === selfId;

  const save = async (v: EditValues) => {
    if (!current) return;
    const patch = {
      displayName: v.displayName.trim(),
      email: emailForApi(v.email),
      disabled: v.disabled,
    };
    const run = async () => {
      setSaving(true);
      setGeneral([]);
      try {
        const saved = await usersApi.update(current.id, patch);
        queryClient.setQueryData(userKeys.one(saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: userKeys.all });
        void message.success(t('adminUsers.saved', { username: saved.username }));
        onClose();
      } catch (err) {
        fail(err, (fields) =>
          form.setFields(fields.map((f) => ({ name: f.name as keyof EditValues, errors: f.errors }))),
        );
      } finally {
        setSaving(false);
      }
    };
    if (patch.disabled && !current.disabled) {
      modal.confirm({
        title: t('adminUsers.confirmDisable', { username: current.username }),
        content: t('adminUsers.disableHint'),
        okText: t('adminUsers.confirm'),
        cancelText: t('adminUsers.cancel'),
        onOk: run,
      });
    } else await run();
  };

  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      width={narrow ? '100%' : 520}
      title={user ? t('adminUsers.editTitle', { username: user.username }) : ''}
      loading={user !== null && fresh.isPending}
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          {t('adminUsers.save')}
        </Button>
      }
    >
      {fresh.isError && <QueryError error={fresh.error} retry={() => void fresh.refetch()} />}
      {current && fresh.data && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('adminUsers.username')}>
              <code>{current.username}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('adminUsers.role')}>{t(`roles.${current.role}`)}</Descriptions.Item>
            <Descriptions.Item label={t('adminUsers.scope')}>{scope}</Descriptions.Item>
          </Descriptions>
          <Form<EditValues>
            form={form}
            layout="vertical"
            name="edit-user"
            initialValues={{
              displayName: current.displayName,
              email: current.email ?? '',
              disabled: current.disabled,
            }}
            onFinish={(v) => void save(v)}
          >
            <Form.Item
              name="displayName"
              label={t('adminUsers.displayName')}
              rules={[{ required: true, whitespace: true, message: t('adminUsers.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="email"
              label={t('adminUsers.email')}
              extra={t('adminUsers.emailHint')}
              rules={[{ type: 'email', message: t('adminUsers.emailInvalid') }]}
            >
              <Input type="email" maxLength={254} />
            </Form.Item>
            <Form.Item
              name="disabled"
              label={t('adminUsers.disableLabel')}
              valuePropName="checked"
              extra={self ? t('adminUsers.cannotDisableSelf') : t('adminUsers.disableHint')}
            >
              <Switch disabled={self && !current.disabled} />
            </Form.Item>
            {general.length > 0 && <Alert type="error" showIcon role="alert" message={general.join('；')} />}
          </Form>
        </>
      )}
    </Drawer>
  );
}

function ResetPasswordModal({
  user,
  self,
  onClose,
}: {
  user: ListedUser | null;
  self: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'generate' | 'manual'>('generate');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ generated: string | null } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const reset = async () => {
    if (!user) return;
    if (mode === 'manual' && !password) {
      setErrors([t('adminUsers.required')]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const r = await usersApi.setPassword(user.id, mode === 'generate' ? { generate: true } : { password });
      setPassword('');
      setDone({ generated: r.generatedPassword });
      void message.success(t('adminUsers.resetDone', { username: user.username }));
    } catch (err) {
      if (err instanceof ApiError && err.details.length > 0) {
        const { fields, general } = userFieldErrors(err.details, (k) => t(k as 'adminUsers.title'));
        setErrors([...fields.flatMap((f) => f.errors), ...general]);
      } else setErrors([t('adminUsers.saveFailed', { message: errorText(err) })]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('adminUsers.resetTitle', { username: user.username }) : ''}
      onCancel={onClose}
      okText={done ? t('adminUsers.close') : t('adminUsers.resetConfirm')}
      okButtonProps={{ loading: busy }}
      onOk={() => (done ? onClose() : void reset())}
      cancelButtonProps={done ? { style: { display: 'none' } } : {}}
      cancelText={t('adminUsers.cancel')}
      destroyOnHidden
    >
      {done ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon message={t('adminUsers.resetDone', { username: user?.username })} />
          {done.generated && (
            <>
              <Typography.Paragraph>{t('adminUsers.generatedOnce')}</Typography.Paragraph>
              <Typography.Text
                code
                copyable={{ tooltips: [t('adminUsers.copy'), t('adminUsers.copied')] }}
                style={{ fontSize: 18 }}
              >
                {done.generated}
              </Typography.Text>
            </>
          )}
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message={t('adminUsers.resetWarning')} />
          {self && <Alert type="info" showIcon message={t('adminUsers.resetOwnWarning')} />}
          <fieldset className="plain-fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('adminUsers.resetMode')}</legend>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              options={[
                { value: 'generate', label: t('adminUsers.resetGenerate') },
                { value: 'manual', label: t('adminUsers.resetManual') },
              ]}
            />
          </fieldset>
          {mode === 'manual' && (
            <div>
              <label htmlFor="reset-password" style={{ display: 'block', marginBottom: 4 }}>
                {t('adminUsers.newPassword')}
              </label>
              <Input.Password
                id="reset-password"
                autoComplete="new-password"
                maxLength={200}
                value={password}
                aria-describedby="reset-password-hint"
                onChange={(e) => setPassword(e.target.value)}
              />
              <Typography.Text type="secondary" id="reset-password-hint">
                {t('adminUsers.passwordHint')}
              </Typography.Text>
            </div>
          )}
          {errors.length > 0 && <Alert type="error" showIcon role="alert" message={errors.join('；')} />}
        </Space>
      )}
    </Modal>
  );
}
