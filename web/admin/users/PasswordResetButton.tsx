/** Sets a new password for a user; every session of that user ends. */
import { Button, Form, Input, message } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { ModalForm } from '../../shared/ModalForm.tsx';
import type { UserView } from '../../shared/types.ts';

export function PasswordResetButton({ user }: { user: UserView }) {
  const [open, setOpen] = useState(false);
  const [toast, holder] = message.useMessage();
  return (
    <>
      {holder}
      <Button size="small" onClick={() => setOpen(true)}>
        重置密码
      </Button>
      <ModalForm<{ password: string }>
        title={`重置 ${user.displayName} 的密码`}
        open={open}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await api.post(`/api/v1/users/${user.id}/password`, { password: v.password });
          void toast.success('密码已重置，该用户需重新登录');
        }}
      >
        <Form.Item
          label="新密码"
          name="password"
          extra="至少 10 位，须包含字母和数字"
          rules={[{ required: true, message: '请输入新密码' }, { min: 10, max: 200, message: '密码至少 10 位' }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </ModalForm>
    </>
  );
}
