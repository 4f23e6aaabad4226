/** An ordered list of catalogue items: found by name or code, then moved up, down or removed. */
import { Empty, Flex, List, Typography } from 'antd';
import { ItemSearchSelect } from './ItemSearchSelect.tsx';
import { ListControls } from './ListControls.tsx';

export interface ItemOrderInputProps {
  readonly id?: string;
  readonly value?: string[];
  readonly onChange?: (value: string[]) => void;
  /** Names of the items by id (known from the record and from what was picked). */
  readonly labels: ReadonlyMap<string, string>;
  readonly onLabel: (id: string, label: string) => void;
}

export function ItemOrderInput({ id, value = [], onChange, labels, onLabel }: ItemOrderInputProps) {
  const move = (from: number, to: number) => {
    const next = [...value];
    const [moved] = next.splice(from, 1);
    if (moved !== undefined) next.splice(to, 0, moved);
    onChange?.(next);
  };
  return (
    <Flex vertical gap={8}>
      <ItemSearchSelect
        id={id}
        value={null}
        exclude={value}
        placeholder="输入事项名称或编码，选择后加入"
        allowClear={false}
        onChange={(picked, option) => {
          if (!picked) return;
          if (option) onLabel(picked, option.label);
          onChange?.([...value, picked]);
        }}
      />
      {value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未选择事项" />
      ) : (
        <List
          size="small"
          bordered
          dataSource={value}
          renderItem={(itemId, index) => (
            <List.Item actions={[<ListControls key="c" index={index} count={value.length} noun={`第 ${index + 1} 个事项`} move={move} remove={(i) => onChange?.(value.filter((_, j) => j !== i))} />]}>
              <Typography.Text>
                {index + 1}. {labels.get(itemId) ?? itemId}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
