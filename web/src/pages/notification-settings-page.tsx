import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../api/client.ts';
import { errorText, QueryError } from '../components/ministry/query-error.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { emailForApi, fieldMessages, isKnownKind } from '../components/settings/settings.ts';

interface Preferences {
  email: string | null;
  kinds: Record<string, boolean>;
}

interface FormValues {
  email: string;
  kinds: Record<string, boolean>;
}

const PATH = '/api/v1/me/notification-preferences';
const preferencesKey = ['me', 'notification-preferences'] as const;

/** 通知设置: the user's e-mail address and which kinds of notification are also e-mailed. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const email = Form.useWatch('email', form);
  const query = useQuery({ queryKey: preferencesKey, queryFn: () => http.get<Preferences>(PATH) });
  const save = useMutation({
    mutationFn: (body: Preferences) => http.put<Preferences>(PATH, body),
    onSuccess: (data) => {
      queryClient.setQueryData(preferencesKey, data);
      form.setFieldsValue({ email: data.email ?? '', kinds: data.kinds });
      form.setFields([{ name: 'email', errors: [] }]);
      void message.success(t('settings.notifications.saved'));
    },
    onError: (err) => {
      const emailErrors = err instanceof ApiError ? fieldMessages(err.details, 'email') : [];
      if (emailErrors.length) {
        form.setFields([
          {
            name: 'email',
            errors: emailErrors.map((m) => t('settings.notifications.emailInvalid', { message: m })),
          },
        ]);
        form.scrollToField('email');
      } else {
        void message.error(t('settings.notifications.saveFailed', { message: errorText(err) }));
      }
    },
  });

  const data = query.data;
  useEffect(() => {
    if (data) form.setFieldsValue({ email: data.email ?? '', kinds: data.kinds });
  }, [data, form]);

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;

  const kinds = Object.keys(query.data.kinds);
  const onFinish = (values: FormValues) =>
    save.mutate({ email: emailForApi(values.email), kinds: { ...query.data.kinds, ...values.kinds } });

  return (
    <section aria-labelledby="notification-settings-title" className="page">
      <div className="page-head">
        <Typography.Title level={1} id="notification-settings-title" className="page-title">
          {t('settings.notifications.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('settings.notifications.intro')}</Typography.Paragraph>
      <Card style={{ maxWidth: 720 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          // A server error on the address no longer applies once it is edited.
          onValuesChange={(changed: Partial<FormValues>) =>
            'email' in changed && form.setFields([{ name: 'email', errors: [] }])
          }
          disabled={save.isPending}
          requiredMark={false}
        >
          <Form.Item
            name="email"
            label={t('settings.notifications.email')}
            extra={t('settings.notifications.emailHelp')}
          >
            <Input
              autoComplete="email"
              inputMode="email"
              maxLength={254}
              placeholder={t('settings.notifications.emailPlaceholder')}
              style={{ maxWidth: 400 }}
            />
          </Form.Item>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 4, border: 0, color: 'inherit' }}>
              {t('settings.notifications.kinds')}
            </legend>
            <Typography.Paragraph type="secondary">
              {t('settings.notifications.kindsHelp')}
            </Typography.Paragraph>
            {!emailForApi(email) && (
              <Alert
                type="info"
                showIcon
                message={t('settings.notifications.noEmail')}
                style={{ marginBottom: 12 }}
              />
            )}
            {kinds.map((kind) => {
              const id = `notification-kind-${kind}`;
              return (
                <div key={kind} style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12 }}>
                  <Form.Item name={['kinds', kind]} valuePropName="checked" noStyle>
                    <Switch id={id} size="small" />
                  </Form.Item>
                  <label htmlFor={id}>{isKnownKind(kind) ? t(`settings.kinds.${kind}`) : kind}</label>
                </div>
              );
            })}
          </fieldset>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('settings.notifications.save')}
          </Button>
        </Form>
      </Card>
    </section>
  );
}
