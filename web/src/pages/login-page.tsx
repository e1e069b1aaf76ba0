import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useLogin, useMeta, useSession } from '../api/queries.ts';
import { DemoAccountsCard } from '../components/demo-accounts-card.tsx';
import { PublicShell } from '../components/public-shell.tsx';

interface LoginForm {
  username: string;
  password: string;
}

function redirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const session = useSession();
  const meta = useMeta();
  const login = useLogin();

  if (session.data) return <Navigate to={redirectTarget(location.state)} replace />;

  const errorText = (err: Error): string => {
    if (!(err instanceof ApiError)) return err.message;
    if (err.status === 401) return t('login.errors.invalid');
    if (err.status === 429) return t('login.errors.rateLimited');
    if (err.status === 0) return t('login.errors.network');
    return err.message;
  };

  const onFinish = (values: LoginForm) => {
    login.mutate(values, {
      onSuccess: () => void navigate(redirectTarget(location.state), { replace: true }),
    });
  };

  return (
    <PublicShell>
      <div className="login-stack">
        <Card className="login-card">
          <Typography.Title level={1} className="login-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          <Form<LoginForm>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => login.isError && login.reset()}
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            {login.error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                className="login-error"
                message={errorText(login.error)}
              />
            )}
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <p className="public-links">
          <Link to="/publicity">{t('publicity.loginLink')}</Link>
        </p>
        {meta.data?.demo && (
          <DemoAccountsCard
            accounts={meta.data.demoAccounts}
            onPick={(username, password) => {
              login.reset();
              form.setFieldsValue({ username, password });
            }}
          />
        )}
      </div>
    </PublicShell>
  );
}
