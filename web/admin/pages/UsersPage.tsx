/** 用户账号: accounts of the centre's people and their roles; disabling keeps the account for the audit trail. */
import { App, Button, Form, Input, Space, Tag } from 'antd';
import { ROLE_LABELS } from '../../../src/domain/accounts/roles.ts';
import { api, messageOf } from '../../shared/api.ts';
import { CrudPage } from '../../shared/CrudPage.tsx';
import type { PageOf, UserCreate, UserView } from '../../shared/types.ts';
import { useCan, useCentreId, useDepartments } from '../lookups.ts';
import { PasswordResetButton } from '../users/PasswordResetButton.tsx';
import { RoleFields, type CentreRole } from '../users/RoleFields.tsx';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  roles: CentreRole[];
}

type Grant = UserCreate['roles'][number];

/** The grants of this centre come from the form; those of other centres stay as they are. */
function grantsOf(centreId: string, values: Values, existing: readonly Grant[] = []): Grant[] {
  const elsewhere = existing.filter((g) => g.centreId !== centreId);
  return [...elsewhere, ...values.roles.map((r) => ({ role: r.role, centreId, departmentId: r.departmentId ?? null }))];
}

export function UsersPage() {
  const centreId = useCentreId();
  const canWrite = useCan('user.manage');
  const departments = useDepartments();
  const { message } = App.useApp();
  const enable = async (row: UserView, reload: () => void) => {
    try {
      await api.patch(`/api/v1/users/${row.id}`, { disabled: false });
      void message.success(`已启用 ${row.displayName}`);
      reload();
    } catch (error) {
      void message.error(messageOf(error));
    }
  };
  const departmentName = (id: string | null) => departments.data?.items.find((d) => d.id === id)?.name;

  return (
    <CrudPage<UserView, Values, PageOf<UserView>>
      title="用户账号"
      noun="用户"
      loadKey={centreId}
      load={(includeDisabled) => api.get<PageOf<UserView>>('/api/v1/users', { centreId, includeDisabled, limit: 500 })}
      canWrite={canWrite}
      isRetired={(u) => u.disabled}
      create={(v) =>
        api.post('/api/v1/users', {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password ?? '',
          roles: grantsOf(centreId ?? '', v),
        } satisfies UserCreate)
      }
      update={(row, v) => api.patch(`/api/v1/users/${row.id}`, { displayName: v.displayName.trim(), roles: grantsOf(centreId ?? '', v, row.roles) })}
      retire={(row) => api.patch(`/api/v1/users/${row.id}`, { disabled: true })}
      retireHint="停用后该用户无法登录，账号和操作记录仍保留。"
      defaults={{ roles: [{ role: 'window_clerk' }] }}
      toValues={(u) => ({
        username: u.username,
        displayName: u.displayName,
        roles: u.roles.filter((g) => g.centreId === centreId).map((g) => ({ role: g.role, departmentId: g.departmentId })),
      })}
      rowActions={(row, reload) =>
        canWrite ? (
          row.disabled ? (
            <Button size="small" onClick={() => void enable(row, reload)}>
              启用
            </Button>
          ) : (
            <PasswordResetButton user={row} />
          )
        ) : null
      }
      columns={[
        { title: '用户名', dataIndex: 'username' },
        { title: '姓名', dataIndex: 'displayName' },
        {
          title: '角色',
          dataIndex: 'roles',
          render: (roles: UserView['roles']) => (
            <Space size={4} wrap>
              {roles.map((g) => (
                <Tag key={`${g.role}:${g.centreId ?? ''}:${g.departmentId ?? ''}`} color={g.centreId === centreId || g.centreId === null ? 'blue' : 'default'}>
                  {ROLE_LABELS[g.role]}
                  {g.departmentId ? `（${departmentName(g.departmentId) ?? '部门'}）` : ''}
                  {g.centreId !== null && g.centreId !== centreId ? '（其他中心）' : ''}
                </Tag>
              ))}
            </Space>
          ),
        },
        { title: '状态', dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>) },
      ]}
      fields={(row) => (
        <>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/, message: '2–64 位字母、数字及 . _ @ -' }]}
          >
            <Input maxLength={64} disabled={row !== undefined} autoComplete="off" />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          {row === undefined ? (
            <Form.Item
              label="初始密码"
              name="password"
              extra="至少 10 位，须包含字母和数字；请告知本人登录后修改"
              rules={[{ required: true, message: '请输入初始密码' }, { min: 10, max: 200, message: '密码至少 10 位' }]}
            >
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
          ) : null}
          <RoleFields departments={departments.data?.items ?? []} />
        </>
      )}
    />
  );
}
