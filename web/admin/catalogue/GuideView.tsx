/** A service guide read-only (a published or submitted version never changes, §7.3.2.2). */
import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { CASE_KINDS, HANDLING_FORMS, IMPLEMENTER_NATURES, ITEM_KINDS, SERVICE_OBJECTS, THROUGH_SCOPES } from '../../../src/domain/catalogue/codes.ts';
import type { ItemGuide, Material } from '../../../src/domain/catalogue/guide.ts';
import { LIST_FLAGS, STATED_FLAGS, timeLimitText } from './labels.ts';

const UNSTATED = <Typography.Text type="secondary">未填写</Typography.Text>;
const text = (v: string | null | undefined) => (v && v.trim() ? v : UNSTATED);
const yesNo = (v: boolean | null) => (v === null ? UNSTATED : v ? '是' : '否');

/** A stored file (§6.3.2 空白表格、格式范本; 结果样本), downloaded from the API. */
function FileLink({ id, children }: { id: string; children: string }) {
  return (
    <Typography.Link href={`/api/v1/files/${encodeURIComponent(id)}/content`} target="_blank">
      {children}
    </Typography.Link>
  );
}

function feeText(g: ItemGuide) {
  if (!g.fee) return UNSTATED;
  if (g.fee.free) return '不收费';
  return `收费：${g.fee.standard ?? '（标准未填写）'}；依据：${g.fee.basis ?? '（未填写）'}`;
}

function MaterialsTable({ materials }: { materials: readonly Material[] }) {
  return (
    <Table<Material>
      size="small"
      rowKey={(m) => `${m.name}|${m.issuingBody ?? ''}`}
      pagination={false}
      dataSource={[...materials]}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '材料名称', dataIndex: 'name' },
        { title: '出具机构', dataIndex: 'issuingBody', render: (v: string | null) => v ?? '申请人自备' },
        { title: '原件', dataIndex: 'originals' },
        { title: '复印件', dataIndex: 'copies' },
        { title: '必备', dataIndex: 'required', render: (v: boolean) => (v ? '是' : '否') },
        {
          title: '说明',
          key: 'notes',
          render: (_: unknown, m) => (
            <Flex gap={4} wrap>
              {m.viaDataSharing ? <Tag color="blue">数据共享获取</Tag> : null}
              {m.eLicenceAccepted ? <Tag color="green">电子证照</Tag> : null}
              {m.tolerance ? <Tag color="orange">容缺：{m.tolerance.conditions ?? ''}，{timeLimitText(m.tolerance.completionDeadline)}内补齐</Tag> : null}
              {m.blankFormFileId ? <FileLink id={m.blankFormFileId}>空白表格</FileLink> : null}
              {m.sampleFileId ? <FileLink id={m.sampleFileId}>格式范本</FileLink> : null}
              {m.note ? <span>{m.note}</span> : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}

export function GuideView({ guide: g }: { guide: ItemGuide }) {
  const listFlags = LIST_FLAGS.filter((f) => g.flags[f.key]);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 128, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'name', label: '事项名称', children: text(g.name) },
        { key: 'kind', label: '事项类型', children: g.kind ? `${ITEM_KINDS[g.kind].label}（${g.typeCode ?? ''}）` : UNSTATED },
        { key: 'basis', label: '设定依据', span: 'filled', children: text(g.legalBasis) },
        {
          key: 'body',
          label: '实施机构',
          children: g.implementingBody ? `${g.implementingBody.name ?? '—'}（${g.implementingBody.uscc ?? '信用代码未填写'}）${g.implementingBody.nature ? ` ${IMPLEMENTER_NATURES[g.implementingBody.nature]}` : ''}` : UNSTATED,
        },
        { key: 'caseKind', label: '办件类型', children: g.caseKind ? CASE_KINDS[g.caseKind] : UNSTATED },
        { key: 'legal', label: '法定办结时限', children: g.legalTimeLimit ? timeLimitText(g.legalTimeLimit) : UNSTATED },
        { key: 'promised', label: '承诺办结时限', children: g.promisedTimeLimit ? timeLimitText(g.promisedTimeLimit) : UNSTATED },
        { key: 'result', label: '结果名称', children: text(g.resultName) },
        { key: 'sample', label: '结果样本', children: g.resultSampleFileId ? <FileLink id={g.resultSampleFileId}>下载结果样本</FileLink> : UNSTATED },
        { key: 'fee', label: '收费', span: 'filled', children: feeText(g) },
        { key: 'materials', label: '申请材料', span: 'filled', children: g.materials === null ? UNSTATED : g.materials.length === 0 ? '无需申请材料' : <MaterialsTable materials={g.materials} /> },
        {
          key: 'process',
          label: '办理流程',
          span: 'filled',
          children: g.process?.length ? (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {g.process.map((s, i) => (
                <li key={i}>
                  {s.name}
                  {s.description ? `：${s.description}` : ''}
                  {s.timeLimit ? `（${timeLimitText(s.timeLimit)}）` : ''}
                </li>
              ))}
            </ol>
          ) : (
            UNSTATED
          ),
        },
        { key: 'forms', label: '办理形式', children: g.handlingForms?.length ? g.handlingForms.map((f) => HANDLING_FORMS[f]).join('、') : UNSTATED },
        { key: 'scope', label: '通办范围', children: g.throughScope ? THROUGH_SCOPES[g.throughScope] : UNSTATED },
        { key: 'objects', label: '服务对象', children: g.serviceObjects?.length ? g.serviceObjects.map((o) => SERVICE_OBJECTS[o]).join('、') : UNSTATED },
        { key: 'review', label: '审查标准', span: 'filled', children: text(g.reviewStandard) },
        ...STATED_FLAGS.map((f) => ({ key: f.key, label: f.label, children: yesNo(g.flags[f.key]) })),
        { key: 'lists', label: '服务清单标注（§8.2）', children: listFlags.length ? listFlags.map((f) => <Tag key={f.key}>{f.label}</Tag>) : '无' },
        { key: 'place', label: '办理地点', children: text(g.place) },
        { key: 'hours', label: '办理时间', children: text(g.hours) },
        { key: 'consult', label: '咨询电话', children: text(g.consultationPhone) },
        { key: 'supervise', label: '监督电话', children: text(g.supervisionPhone) },
      ]}
    />
  );
}
