/**
 * The materials checklist (申请材料核验, DB36/T 2016 §8.1.2.3) from the published guide:
 * each material 已收 / 缺 / 不符合要求, or 容缺 where the material and the item allow it
 * (§8.2.7), with what is wrong for the one-time notice (§8.1.2.3b). A material obtained by
 * data sharing is never asked of the applicant and cannot be changed (§8.1.2.3c).
 */
import { Button, Form, Input, Radio, Tag } from 'antd';
import type { ChecklistMaterial } from '../../../src/domain/cases/checklist.ts';
import { allProvided, statusChoices, toleranceDeadlineText, type ChecklistRow } from './checklist-model.ts';

export const SHARED_TEXT = '数据共享获取，无需提交';

export function ChecklistTable({ materials, disabled }: { materials: readonly ChecklistMaterial[]; disabled?: boolean }) {
  const form = Form.useFormInstance();
  const rows = (Form.useWatch<ChecklistRow[] | undefined>('materials', form) ?? []) as readonly (ChecklistRow | undefined)[];
  const toCheck = materials.filter((m) => !m.viaDataSharing).length;
  const received = materials.filter((m, i) => !m.viaDataSharing && rows[i]?.status === 'provided').length;

  if (materials.length === 0) return <p className="cw-muted">该事项的办事指南未列申请材料。</p>;
  return (
    <div className="cw-checklist">
      <div className="cw-checklist-bar">
        <span aria-live="polite">
          需核验 {toCheck} 项，已收 {received} 项
        </span>
        <Button size="small" disabled={disabled} onClick={() => form.setFieldValue('materials', allProvided(materials))}>
          全部已收
        </Button>
      </div>
      <table className="cw-table" aria-label="申请材料核验">
        <thead>
          <tr>
            <th scope="col" className="cw-num">
              序号
            </th>
            <th scope="col">材料</th>
            <th scope="col">核验结果</th>
            <th scope="col">需补正的内容</th>
          </tr>
        </thead>
        <tbody>
          {materials.map((m, i) => {
            const status = rows[i]?.status;
            return (
              <tr key={m.key} data-testid="material-row">
                <td className="cw-num">{i + 1}</td>
                <th scope="row" className="cw-material">
                  <span className="cw-material-name">{m.name}</span>
                  {m.issuingBody ? <span className="cw-muted">（{m.issuingBody}）</span> : null}
                  <div className="cw-material-tags">
                    {m.viaDataSharing ? null : m.required ? <Tag color="blue">必备</Tag> : <Tag>非必备</Tag>}
                    {m.toleranceAllowed ? <Tag color="gold">可容缺 · {toleranceDeadlineText(m)}</Tag> : null}
                  </div>
                </th>
                {m.viaDataSharing ? (
                  <td colSpan={2}>
                    <Tag color="green" data-testid="shared-material">
                      {SHARED_TEXT}
                    </Tag>
                    <span className="cw-muted">（§8.1.2.3c）</span>
                  </td>
                ) : (
                  <>
                    <td>
                      <Form.Item name={['materials', i, 'status']} className="cw-compact">
                        <Radio.Group disabled={disabled} optionType="button" size="small" aria-label={`${m.name} 核验结果`} options={statusChoices(m)} />
                      </Form.Item>
                    </td>
                    <td>
                      <Form.Item
                        name={['materials', i, 'note']}
                        className="cw-compact"
                        rules={[
                          { max: 500, message: '不超过 500 字' },
                          ...(status === 'wrong' ? [{ required: true, whitespace: true, message: '不符合要求的，须写明需补正的内容' }] : []),
                        ]}
                      >
                        <Input
                          size="small"
                          disabled={disabled || status === 'provided' || status === 'tolerated'}
                          aria-label={`${m.name} 需补正的内容`}
                          placeholder={status === 'wrong' ? '写明不符合要求之处（必填）' : status === 'missing' ? '选填，如：需原件' : ''}
                        />
                      </Form.Item>
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
