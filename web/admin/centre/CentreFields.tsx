/** The fields of a centre (§4.5.3 name, §5.1.3.1 phones and hours, §5.2.3.2 Wi-Fi, §8.1.3.5 extended hours). */
import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { checkCentreName, DEFAULT_SERVICE_HOURS } from '../../../src/domain/organisation/centre-rules.ts';
import { CENTRE_LEVELS, CENTRE_LEVEL_LABELS, type CentreLevel } from '../../../src/domain/organisation/types.ts';
import { TimeWindowInput } from '../../shared/TimeWindowInput.tsx';
import type { CentreCreate, CentreView } from '../../shared/types.ts';

type Wifi = NonNullable<CentreCreate['wifi']>;

/** The form's values: Wi-Fi is edited with an on/off switch rather than null. */
export interface CentreFormValues extends Omit<CentreCreate, 'wifi' | 'parentId' | 'latitude' | 'longitude'> {
  parentId?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  wifiEnabled: boolean;
  wifi?: Partial<Wifi>;
}

export const NEW_CENTRE_VALUES: Partial<CentreFormValues> = {
  level: 'county',
  serviceHours: { ...DEFAULT_SERVICE_HOURS },
  wifiEnabled: false,
  phones: { consultation: '', appointment: '', complaint: '', supervision: '' },
};

export function centreToValues(c: CentreView): CentreFormValues {
  return {
    name: c.name,
    level: c.level,
    parentId: c.parentId,
    divisionCode: c.divisionCode,
    address: c.address,
    latitude: c.latitude,
    longitude: c.longitude,
    phones: { ...c.phones },
    wifiEnabled: c.wifi !== null,
    wifi: c.wifi ? { ...c.wifi } : {},
    serviceHours: { ...c.serviceHours },
  };
}

export function valuesToCentre(v: CentreFormValues): CentreCreate {
  const wifi: Wifi | null =
    v.wifiEnabled && v.wifi?.ssid
      ? { ssid: v.wifi.ssid, password: v.wifi.password ?? '', ...(v.wifi.notice ? { notice: v.wifi.notice } : {}) }
      : null;
  return {
    name: v.name.trim(),
    level: v.level,
    parentId: v.parentId ?? null,
    divisionCode: v.divisionCode.trim(),
    address: v.address.trim(),
    latitude: v.latitude ?? null,
    longitude: v.longitude ?? null,
    phones: v.phones,
    wifi,
    serviceHours: v.serviceHours,
  };
}

const phoneRule = { pattern: /^[0-9+\-() ]{3,20}$/, message: '电话号码格式不正确' };
const half = { xs: 24, md: 12 };

/** The saved centre's warnings come from the API; while editing, the same rule (§4.5.3) is checked as one types. */
function useNameWarnings(saved: CentreView | undefined): string[] {
  const form = Form.useFormInstance<CentreFormValues>();
  const name: unknown = Form.useWatch('name', form);
  const level: unknown = Form.useWatch('level', form);
  if (saved && name === saved.name && level === saved.level) return saved.warnings.filter((w) => w.path === '/name').map((w) => w.message);
  if (typeof name !== 'string' || typeof level !== 'string' || name.trim().length < 2) return [];
  const warning = checkCentreName(name, level as CentreLevel);
  return warning ? [warning.message] : [];
}

export function CentreFields({ saved, parents }: { saved?: CentreView; parents: readonly CentreView[] }) {
  const nameWarnings = useNameWarnings(saved);
  return (
    <>
      <Divider titlePlacement="start">基本信息</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            label="中心名称"
            name="name"
            rules={[{ required: true, message: '请输入中心名称' }, { min: 2, max: 100, message: '名称为 2–100 个字符' }]}
            extra={
              nameWarnings.length > 0 ? (
                <Typography.Text type="warning" role="status" data-testid="centre-name-warning">
                  {nameWarnings.join('；')}
                </Typography.Text>
              ) : undefined
            }
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="层级" name="level" rules={[{ required: true, message: '请选择层级' }]}>
            <Select options={CENTRE_LEVELS.map((l) => ({ value: l, label: CENTRE_LEVEL_LABELS[l] }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="行政区划代码"
            name="divisionCode"
            rules={[{ required: true, message: '请输入行政区划代码' }, { pattern: /^\d{6}(\d{3})?$/, message: '应为 6 位或 9 位数字（GB/T 2260）' }]}
            extra={saved?.divisionName ? `当前：${saved.divisionName}` : 'GB/T 2260，例如 360121'}
          >
            <Input inputMode="numeric" maxLength={9} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="上级中心" name="parentId">
            <Select
              allowClear
              placeholder="无"
              options={parents.filter((p) => p.id !== saved?.id && !p.retiredAt).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="地址" name="address" rules={[{ required: true, message: '请输入地址' }, { min: 2, max: 200, message: '地址为 2–200 个字符' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="纬度" name="latitude">
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="经度" name="longitude">
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">公示电话（§5.1.3.1）</Divider>
      <Row gutter={16}>
        {(
          [
            ['consultation', '咨询电话'],
            ['appointment', '预约电话'],
            ['complaint', '投诉电话'],
            ['supervision', '监督电话'],
          ] as const
        ).map(([key, label]) => (
          <Col key={key} xs={24} sm={12} md={6}>
            <Form.Item label={label} name={['phones', key]} rules={[{ required: true, message: `请输入${label}` }, phoneRule]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
        ))}
      </Row>

      <Divider titlePlacement="start">免费无线网络（§5.2.3.2）</Divider>
      <Form.Item label="提供免费无线网络" name="wifiEnabled" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item noStyle dependencies={['wifiEnabled']}>
        {({ getFieldValue }) =>
          getFieldValue('wifiEnabled') ? (
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label="网络名称（SSID）" name={['wifi', 'ssid']} rules={[{ required: true, message: '请输入网络名称' }, { max: 64 }]}>
                  <Input maxLength={64} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="密码" name={['wifi', 'password']} rules={[{ max: 64 }]} extra="公示的简单密码，可留空">
                  <Input maxLength={64} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label="说明" name={['wifi', 'notice']} rules={[{ max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
          ) : null
        }
      </Form.Item>

      <Divider titlePlacement="start">服务时间（§5.1.3.1、§8.1.3.5）</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="上午" name={['serviceHours', 'morning']} rules={[{ required: true, message: '请设置上午服务时间' }]}>
            <TimeWindowInput allowClear={false} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="下午" name={['serviceHours', 'afternoon']} rules={[{ required: true, message: '请设置下午服务时间' }]}>
            <TimeWindowInput allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="午休期间提供服务（§8.1.3.5 b）" name={['serviceHours', 'lunchService']} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="早间错时服务（§8.1.3.5 a）" name={['serviceHours', 'early']} extra="不提供则清空">
            <TimeWindowInput />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="晚间延时服务（§8.1.3.5 a）" name={['serviceHours', 'late']} extra="不提供则清空">
            <TimeWindowInput />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="周六预约服务（§8.1.3.5 c）" name={['serviceHours', 'saturday']} extra="不提供则清空">
            <TimeWindowInput />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="周日预约服务（§8.1.3.5 d）" name={['serviceHours', 'sunday']} extra="不提供则清空">
            <TimeWindowInput />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
