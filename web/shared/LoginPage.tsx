/**
 * 登录, shared by the staff apps (admin console, counter workstation): wrong passwords and
 * the lock after repeated failures are explained in Chinese.
 */
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, messageOf } from './api.ts';
import type { Me } from './types.ts';

interface Credentials {
  username: string;
  password: string;
}

function loginMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const seconds = Number(error.details?.retryAfterSeconds);
      // The server's message already names the minutes; fall back to our own when it does not.
      return error.message || (Number.isFinite(seconds) ? `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试` : '登录失败次数过多，请稍后再试');
    }
    if (error.code === 'AUTH_INVALID_CREDENTIALS') return '用户名或密码错误，请重新输入';
    if (error.code === 'VALIDATION_FAILED') return '请输入用户名和密码';
  }
  return messageOf(error);
}

export interface LoginPageProps {
  /** The app's name, the page heading. */
  readonly title: string;
  readonly notice: string | null;
  readonly onSignedIn: (me: Me) => void;
}

export function LoginPage({ title, notice, onSignedIn }: LoginPageProps) {
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      onSignedIn(await api.post<Me>('/api/v1/auth/login', values));
    } catch (e) {
      setError(loginMessage(e));
      setLocked(e instanceof ApiError && e.status === 429);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex component="main" align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginTop: 0 }}>
          {title}
        </Typography.Title>
        {notice && !error ? <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        {error ? (
          <Alert type={locked ? 'warning' : 'error'} showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form<Credentials> form={form} name="login" layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
