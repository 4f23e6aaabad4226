/** 进驻部门: the departments stationed in the centre, each with its chief representative (§3.8, §7.4.1 b). */
import { Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../shared/api.ts';
import { CrudPage } from '../../shared/CrudPage.tsx';
import type { DepartmentCreate, DepartmentView, ItemList } from '../../shared/types.ts';
import { textOrNull } from '../../shared/values.ts';
import { centrePath, optionsOf, useCan, useCentreId, useStaff } from '../lookups.ts';

interface Values {
  name: string;
  shortName?: string | null;
  uscc?: string | null;
  phone?: string | null;
  sortOrder?: number | null;
  chiefRepresentativeId?: string | null;
}

function body(v: Values) {
  return {
    name: v.name.trim(),
    shortName: textOrNull(v.shortName),
    uscc: textOrNull(v.uscc),
    phone: textOrNull(v.phone),
    sortOrder: v.sortOrder ?? 0,
    chiefRepresentativeId: v.chiefRepresentativeId ?? null,
  } satisfies DepartmentCreate;
}

export function DepartmentsPage() {
  const centreId = useCentreId();
  const canWrite = useCan('org.write');
  const staff = useStaff();

  return (
    <CrudPage<DepartmentView, Values>
      title="进驻部门"
      noun="部门"
      loadKey={centreId}
      load={(includeRetired) => api.get<ItemList<DepartmentView>>(centrePath(centreId, 'departments'), { includeRetired })}
      canWrite={canWrite}
      create={(v) => api.post(centrePath(centreId, 'departments'), body(v))}
      update={(row, v) => api.patch(`/api/v1/departments/${row.id}`, body(v))}
      retire={(row) => api.del(`/api/v1/departments/${row.id}`)}
      defaults={{ sortOrder: 0 }}
      toValues={(row) => ({ ...row })}
      columns={[
        { title: '排序', dataIndex: 'sortOrder', width: 70 },
        { title: '部门名称', dataIndex: 'name' },
        { title: '简称', dataIndex: 'shortName' },
        { title: '统一社会信用代码', dataIndex: 'uscc' },
        { title: '联系电话', dataIndex: 'phone' },
        { title: '首席代表', dataIndex: 'chiefRepresentativeName' },
      ]}
      fields={() => (
        <>
          <Form.Item label="部门全称" name="name" rules={[{ required: true, message: '请输入部门全称' }, { min: 2, max: 100, message: '名称为 2–100 个字符' }]}>
            <Input maxLength={100} placeholder="如：国家税务总局进贤县税务局" />
          </Form.Item>
          <Form.Item label="简称" name="shortName" rules={[{ max: 20 }]}>
            <Input maxLength={20} placeholder="如：税务" />
          </Form.Item>
          <Form.Item label="统一社会信用代码" name="uscc" rules={[{ max: 18 }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" rules={[{ pattern: /^[0-9+\-() ]{3,20}$/, message: '电话号码格式不正确' }]}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
          <Form.Item label="排序" name="sortOrder" extra="数字小的排在前面">
            <InputNumber min={0} max={9999} precision={0} />
          </Form.Item>
          <Form.Item label="首席代表（§7.4.1 b）" name="chiefRepresentativeId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="从本中心工作人员中选择"
              loading={staff.loading}
              options={optionsOf(staff.data?.items, (s) => `${s.name}（${s.workNumber}）`)}
            />
          </Form.Item>
        </>
      )}
    />
  );
}
