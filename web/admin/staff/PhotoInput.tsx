/** A staff photo for the public board (§5.1.3.3): an http(s) address, or a small image file embedded as a data URL. */
import { Avatar, Button, Flex, Input, Typography } from 'antd';
import { useRef, useState } from 'react';

/** The API accepts data URLs up to 300 KB (PHOTO_URL_MAX in staff.schemas.ts). */
const MAX_BYTES = 220 * 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export interface PhotoInputProps {
  readonly id?: string;
  readonly value?: string | null;
  readonly onChange?: (value: string | null) => void;
}

export function PhotoInput({ id, value, onChange }: PhotoInputProps) {
  const file = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const embedded = value?.startsWith('data:') ?? false;

  const pick = (f: File | undefined) => {
    setProblem(null);
    if (!f) return;
    if (!TYPES.includes(f.type)) return setProblem('请选择 PNG、JPEG、GIF 或 WebP 图片');
    if (f.size > MAX_BYTES) return setProblem('图片不能超过 220 KB，请压缩后再上传');
    const reader = new FileReader();
    reader.onload = () => onChange?.(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(f);
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        {value ? <Avatar src={value} size={48} alt="照片预览" /> : null}
        <Input
          id={id}
          value={embedded ? '（已选择本地图片）' : (value ?? '')}
          readOnly={embedded}
          placeholder="https://… 或选择本地图片"
          onChange={(e) => onChange?.(e.target.value || null)}
        />
      </Flex>
      <Flex gap={8}>
        <Button size="small" onClick={() => file.current?.click()}>
          选择本地图片
        </Button>
        {value ? (
          <Button size="small" onClick={() => onChange?.(null)}>
            清除照片
          </Button>
        ) : null}
      </Flex>
      <input ref={file} type="file" accept={TYPES.join(',')} hidden aria-label="选择照片文件" onChange={(e) => pick(e.target.files?.[0])} />
      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
    </Flex>
  );
}
