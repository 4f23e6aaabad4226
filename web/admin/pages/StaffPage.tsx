/** 工作人员: staff with work number, title, department and duties for the public post board (§5.1.3.3, §5.1.3.4). */
import { Avatar, Form, Input, Select, Space, Tag } from 'antd';
import { api } from '../../shared/api.ts';
import { CrudPage } from '../../shared/CrudPage.tsx';
import type { ItemList, StaffCreate, StaffView } from '../../shared/types.ts';
import { textOrNull } from '../../shared/values.ts';
import { centrePath, optionsOf, useCan, useCentreId, useDepartments } from '../lookups.ts';
import { PhotoInput } from '../staff/PhotoInput.tsx';

interface Values {
  name: string;
  workNumber: string;
  title?: string | null;
  departmentId?: string | null;
  phone?: string | null;
  photoUrl?: string | null;
  duties?: string[];
}

function body(v: Values, row?: StaffView) {
  const out: StaffCreate = {
    name: v.name.trim(),
    workNumber: v.workNumber.trim(),
    title: textOrNull(v.title),
    departmentId: v.departmentId ?? null,
    photoUrl: textOrNull(v.photoUrl),
    duties: (v.duties ?? []).map((d) => d.trim()).filter((d) => d !== ''),
  };
  // A masked phone (138****5678) is what this person may see, not a value to write back.
  if (!(row?.phoneMasked && v.phone === row.phone)) out.phone = textOrNull(v.phone);
  return out;
}

export function StaffPage() {
  const centreId = useCentreId();
  const canWrite = useCan('org.write');
  const departments = useDepartments();

  return (
    <CrudPage<StaffView, Values>
      title="工作人员"
      noun="工作人员"
      loadKey={centreId}
      load={(includeRetired) => api.get<ItemList<StaffView>>(centrePath(centreId, 'staff'), { includeRetired })}
      canWrite={canWrite}
      create={(v) => api.post(centrePath(centreId, 'staff'), body(v))}
      update={(row, v) => api.patch(`/api/v1/staff/${row.id}`, body(v, row))}
      retire={(row) => api.del(`/api/v1/staff/${row.id}`)}
      defaults={{ duties: [] }}
      toValues={(row) => ({ ...row })}
      columns={[
        { title: '照片', dataIndex: 'photoUrl', width: 64, render: (v: string | null, row) => <Avatar src={v ?? undefined} alt={`${row.name}的照片`}>{row.name.slice(0, 1)}</Avatar> },
        { title: '工号', dataIndex: 'workNumber' },
        { title: '姓名', dataIndex: 'name' },
        { title: '职务', dataIndex: 'title' },
        { title: '进驻部门', dataIndex: 'departmentName' },
        {
          title: '工作内容',
          dataIndex: 'duties',
          render: (duties: string[]) => (
            <Space size={4} wrap>
              {duties.map((d) => (
                <Tag key={d}>{d}</Tag>
              ))}
            </Space>
          ),
        },
        { title: '联系电话', dataIndex: 'phone' },
      ]}
      fields={(row) => (
        <>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            label="工号（§5.1.3.4）"
            name="workNumber"
            rules={[{ required: true, message: '请输入工号' }, { pattern: /^[0-9A-Za-z-]{1,20}$/, message: '工号为 1–20 位字母、数字或 -' }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item label="职务" name="title" rules={[{ max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="进驻部门" name="departmentId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="中心工作人员可不选"
              loading={departments.loading}
              options={optionsOf(departments.data?.items.filter((d) => !d.retiredAt), (d) => d.name)}
            />
          </Form.Item>
          <Form.Item label="工作内容（§5.1.3.3 岗位公示）" name="duties" extra="可输入多项，回车确认每一项">
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} placeholder="如：综合受理、咨询引导" />
          </Form.Item>
          <Form.Item
            label="联系电话"
            name="phone"
            rules={row?.phoneMasked ? [] : [{ pattern: /^[0-9+\-() ]{3,20}$/, message: '电话号码格式不正确' }]}
            extra={row?.phoneMasked ? '号码已脱敏显示；如需更改请直接输入新号码' : undefined}
          >
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
          <Form.Item label="照片" name="photoUrl">
            <PhotoInput />
          </Form.Item>
        </>
      )}
    />
  );
}
