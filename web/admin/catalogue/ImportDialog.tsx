/**
 * Importing items from the .xlsx workbook: the template, all-or-nothing or the good
 * rows only, and every faulty cell reported by sheet, row and column.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Radio, Table, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { api, messageOf } from '../../shared/api.ts';
import { centrePath } from '../lookups.ts';

/** POST /centres/{id}/items/import (spreadsheet.routes.ts, which exports no type). */
interface CellIssue {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly message: string;
}
interface ImportResult {
  readonly imported: number;
  readonly issues: CellIssue[];
}

type Mode = 'all' | 'valid-only';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportDialogProps {
  readonly centreId: string;
  readonly open: boolean;
  readonly onClose: () => void;
  /** After an import that added items. */
  readonly onImported: () => void;
}

export function ImportDialog({ centreId, open, onClose, onImported }: ImportDialogProps) {
  const [mode, setMode] = useState<Mode>('all');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(ImportResult & { file: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const modeLabel = useId();

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await api.upload<ImportResult>(`${centrePath(centreId, 'items')}/import`, new Blob([file], { type: XLSX_TYPE }), { mode });
      setResult({ ...answer, file: file.name });
      if (answer.imported > 0) onImported();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const summary = result
    ? result.issues.length === 0
      ? { type: 'success' as const, text: `“${result.file}”已导入 ${result.imported} 个事项` }
      : result.imported > 0
        ? { type: 'warning' as const, text: `已导入 ${result.imported} 个事项，有 ${result.issues.length} 处错误的行未导入` }
        : { type: 'error' as const, text: `有 ${result.issues.length} 处错误，未导入任何事项；请按下表修改后重新导入` }
    : null;

  return (
    <Modal title="导入事项" open={open} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={880} destroyOnHidden>
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ margin: 0 }}>
          请先
          <Typography.Link href={`${centrePath(centreId, 'items')}/template.xlsx`} download>
            下载导入模板
          </Typography.Link>
          ，按“说明”工作表填写“事项”和“申请材料”两张表后上传（.xlsx，不超过 10 MB）。导入的事项为草稿，需提交审查后发布。
        </Typography.Paragraph>
        <Flex gap={8} align="center" wrap>
          <span id={modeLabel}>导入方式：</span>
          <Radio.Group
            aria-labelledby={modeLabel}
            value={mode}
            onChange={(e) => setMode(e.target.value as Mode)}
            options={[
              { value: 'all', label: '全部（任一行有错误则全部不导入）' },
              { value: 'valid-only', label: '仅导入正确的行' },
            ]}
          />
        </Flex>
        <div>
          <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            选择 .xlsx 文件并导入
          </Button>
          <input ref={input} type="file" hidden accept=".xlsx" aria-label="选择导入文件" onChange={(e) => void upload(e.target.files?.[0])} />
        </div>
        {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
        {summary ? <Alert type={summary.type} showIcon role="status" title={summary.text} /> : null}
        {result && result.issues.length > 0 ? (
          <Table<CellIssue>
            size="small"
            caption="导入错误明细"
            rowKey={(r) => `${r.sheet}:${r.row}:${r.column}:${r.code}:${r.message}`}
            dataSource={result.issues}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 处` }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '工作表', dataIndex: 'sheet' },
              { title: '行', dataIndex: 'row' },
              { title: '列', dataIndex: 'column' },
              { title: '错误代码', dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
              { title: '说明', dataIndex: 'message' },
            ]}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
