/** Field-by-field differences between two versions of a guide (DB36/T 2016 §7.3.2.2d). */
import { Alert, Button, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, messageOf } from '../../shared/api.ts';
import type { VersionSummary } from '../../shared/types.ts';
import { pathLabel, valueText } from './diff-labels.ts';

interface Change {
  readonly path: string;
  readonly kind: string;
  readonly before: unknown;
  readonly after: unknown;
}

interface Diff {
  readonly from: number;
  readonly to: number;
  readonly changes: Change[];
}

const blank = (v: unknown) => v === null || v === undefined || v === '';

const KIND_TAGS: Readonly<Record<string, { label: string; color: string }>> = {
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'red' },
  changed: { label: '修改', color: 'blue' },
};

export function VersionDiff({ itemId, versions }: { itemId: string; versions: readonly VersionSummary[] }) {
  const numbers = versions.map((v) => v.number).sort((a, b) => a - b);
  const [from, setFrom] = useState<number | undefined>(numbers.at(-2));
  const [to, setTo] = useState<number | undefined>(numbers.at(-1));
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const options = numbers.map((n) => ({ value: n, label: `第 ${n} 版` }));

  const compare = async () => {
    if (from === undefined || to === undefined) return;
    setLoading(true);
    setError(null);
    try {
      const answer = await api.get<Diff>(`/api/v1/items/${itemId}/diff`, { from, to });
      // A blank text saved as "" where the other version has null is no change to a reader.
      setDiff({ ...answer, changes: answer.changes.filter((c) => !(blank(c.before) && blank(c.after))) });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  };

  if (numbers.length < 2) return <Alert type="info" showIcon title="只有一个版本，暂无可比较的差异" />;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Select aria-label="比较的旧版本" value={from} onChange={setFrom} options={options} style={{ width: 120 }} />
        <span>与</span>
        <Select aria-label="比较的新版本" value={to} onChange={setTo} options={options} style={{ width: 120 }} />
        <Button onClick={() => void compare()} loading={loading} disabled={from === undefined || to === undefined || from === to}>
          比较差异
        </Button>
      </Flex>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {diff ? (
        <Table<Change>
          size="small"
          rowKey="path"
          caption={`第 ${diff.from} 版 → 第 ${diff.to} 版：${diff.changes.length === 0 ? '内容相同' : `${diff.changes.length} 处变化`}`}
          pagination={false}
          dataSource={diff.changes}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '要素', dataIndex: 'path', render: (p: string) => pathLabel(p) },
            { title: '变化', dataIndex: 'kind', render: (k: string) => <Tag color={KIND_TAGS[k]?.color}>{KIND_TAGS[k]?.label ?? k}</Tag> },
            { title: `第 ${diff.from} 版`, dataIndex: 'before', render: (v: unknown, c) => valueText(c.path, v) },
            { title: `第 ${diff.to} 版`, dataIndex: 'after', render: (v: unknown, c) => valueText(c.path, v) },
          ]}
        />
      ) : null}
    </Flex>
  );
}
