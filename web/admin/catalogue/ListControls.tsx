/** Move up, move down and remove buttons of one entry of an ordered form list. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';

export interface ListControlsProps {
  readonly index: number;
  readonly count: number;
  /** What the entry is, for the buttons' spoken names (e.g. 第 2 项材料). */
  readonly noun: string;
  readonly move: (from: number, to: number) => void;
  readonly remove: (index: number) => void;
}

export function ListControls({ index, count, noun, move, remove }: ListControlsProps) {
  return (
    <Space size={4}>
      <Button size="small" icon={<ArrowUpOutlined />} aria-label={`上移${noun}`} disabled={index === 0} onClick={() => move(index, index - 1)} />
      <Button size="small" icon={<ArrowDownOutlined />} aria-label={`下移${noun}`} disabled={index === count - 1} onClick={() => move(index, index + 1)} />
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除${noun}`} onClick={() => remove(index)} />
    </Space>
  );
}
