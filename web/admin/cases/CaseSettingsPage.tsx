/**
 * 办件设置: the centre's refusal review limit (§7.5.2.3), the due-soon warning (§8.1.2.4)
 * and the reminder before tolerated materials are due (§8.2.7). Managers change them;
 * everyone who reads cases sees them.
 */
import { Alert, App, Button, Card, Flex, Form, InputNumber, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { applyApiError, FormError, type FormFailure } from '../../shared/form-errors.tsx';
import { linkClick } from '../../shared/router.ts';
import { useLoad } from '../../shared/use-load.ts';
import { centrePath, useCentreId } from '../lookups.ts';
import { useCaseAccess } from './access.ts';
import { ALERTS_PATH, REVIEWS_PATH } from './paths.ts';
import type { CaseSettings } from './types.ts';

const FIELDS: readonly { name: keyof CaseSettings; label: string; extra: string; min: number }[] = [
  { name: 'refusalReviewWorkingDays', label: '否定事项报备复核时限（工作日）', extra: '报备后在此工作日数内未复核的，列为超期未复核（§7.5.2.3）。', min: 1 },
  { name: 'dueSoonWorkingDays', label: '临近到期预警（工作日）', extra: '承诺办结日在此工作日数以内（含今日）的在办件列入逾期预警；0 表示不预警。', min: 0 },
  { name: 'toleranceReminderWorkingDays', label: '容缺材料补齐提醒（提前工作日）', extra: '在容缺材料补齐期限前此工作日数提醒申请人（§8.2.7）。', min: 0 },
];

export function CaseSettingsPage() {
  const { message } = App.useApp();
  const centreId = useCentreId();
  const { canRead, canReview } = useCaseAccess();
  const [form] = Form.useForm<CaseSettings>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const settings = useLoad(() => api.get<CaseSettings>(centrePath(centreId, 'case-settings')), centreId && canRead ? centreId : null);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (values: CaseSettings) => {
    setSaving(true);
    setFailure(null);
    try {
      form.setFieldsValue(await api.put<CaseSettings>(centrePath(centreId, 'case-settings'), values));
      void message.success('已保存办件设置');
    } catch (error) {
      setFailure(applyApiError(form, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>办件设置</Typography.Title>}
      extra={
        <Flex gap={12} wrap>
          <a href={ALERTS_PATH} onClick={linkClick(ALERTS_PATH)}>
            逾期预警
          </a>
          <a href={REVIEWS_PATH} onClick={linkClick(REVIEWS_PATH)}>
            否定事项复核
          </a>
        </Flex>
      }
    >
      {centreId && !canRead ? <Alert type="info" role="status" showIcon title="您无权查看本中心的办件设置" /> : null}
      {settings.error ? <Alert type="error" showIcon title={settings.error} style={{ marginBottom: 12 }} /> : null}
      {canRead && !settings.data && !settings.error ? <Spin /> : null}
      {settings.data ? (
        <Form<CaseSettings> form={form} name="case-settings" layout="vertical" disabled={!canReview} onFinish={(v) => void save(v)} style={{ maxWidth: 560 }}>
          {!canReview ? <Alert type="info" showIcon title="仅中心管理人员可修改办件设置" style={{ marginBottom: 16 }} /> : null}
          <FormError failure={failure} />
          {FIELDS.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} extra={f.extra} rules={[{ required: true, message: `请填写${f.label}` }]}>
              <InputNumber min={f.min} max={30} precision={0} style={{ width: 140 }} />
            </Form.Item>
          ))}
          {canReview ? (
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
          ) : null}
        </Form>
      ) : null}
    </Card>
  );
}
