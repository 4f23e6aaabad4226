/** The roles a person holds in the selected centre; a chief representative or clerk may be narrowed to a department. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select } from 'antd';
import { DEPARTMENT_SCOPED_ROLES, ROLE_LABELS, USER_ROLES, type UserRole } from '../../../src/domain/accounts/roles.ts';
import type { DepartmentView } from '../../shared/types.ts';

export interface CentreRole {
  role: UserRole;
  departmentId?: string | null;
}

/** A system administrator is created with `govhall create-admin`, not per centre. */
const CENTRE_ROLES = USER_ROLES.filter((r) => r !== 'system_admin');

export function RoleFields({ departments }: { departments: readonly DepartmentView[] }) {
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, roles: CentreRole[] | undefined) => {
            if (!roles || roles.length === 0) throw new Error('至少授予一个角色');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>本中心的角色</legend>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start" wrap>
              <Form.Item
                name={[field.name, 'role']}
                label={`角色 ${index + 1}`}
                rules={[{ required: true, message: '请选择角色' }]}
                style={{ flex: '1 1 160px', marginBottom: 12 }}
              >
                <Select options={CENTRE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
              </Form.Item>
              <Form.Item noStyle dependencies={[['roles', field.name, 'role']]}>
                {({ getFieldValue }) => {
                  const role = getFieldValue(['roles', field.name, 'role']) as UserRole | undefined;
                  return role && DEPARTMENT_SCOPED_ROLES.includes(role) ? (
                    <Form.Item name={[field.name, 'departmentId']} label="限定部门" style={{ flex: '1 1 160px', marginBottom: 12 }}>
                      <Select allowClear placeholder="不限" options={departments.filter((d) => !d.retiredAt).map((d) => ({ value: d.id, label: d.name }))} />
                    </Form.Item>
                  ) : null;
                }}
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除角色 ${index + 1}`} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'window_clerk' })} block>
            添加角色
          </Button>
          <Form.ErrorList errors={errors} />
        </fieldset>
      )}
    </Form.List>
  );
}
