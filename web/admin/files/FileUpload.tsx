/**
 * Upload of one stored file — the 空白表格 or 格式范本 of an application material (DB36/T
 * 2016 §6.3.2) — for the item editor. Sends the raw bytes to
 * `POST /api/v1/centres/{centreId}/files` through the shared API client and hands back the
 * stored file's id. Works as an antd `Form.Item` control (`value` / `onChange`), e.g.
 * `<Form.Item name={['materials', i, 'blankFormFileId']} label="空白表格"><FileUpload centreId={centreId} /></Form.Item>`.
 *
 * Props:
 * - `centreId` (string, required): the item's centre. The file is stored for it; a guide may
 *   name only files of its own centre (FILE_NOT_FOUND otherwise).
 * - `value` (string | null): the stored file id to show; its name is loaded from
 *   `GET /api/v1/files/{id}` and links to its download. Null or absent: no file.
 * - `onChange` ((fileId: string | null, file?: FileView) => void): called with the new id and
 *   the stored file's metadata after a successful upload, and with null when the file is removed.
 * - `id` (string): the id of the control, for the Form.Item label.
 * - `disabled` (boolean): no upload and no removal (e.g. a version that is not a draft).
 * - `buttonText` (string): the button's text, `上传文件` unless given.
 *
 * Accepts PDF, Word, Excel, JPG, PNG and OFD up to 10 MB: the extension and size are checked
 * here before sending, and the server checks again (the content too); its Chinese message is
 * shown under the button when it refuses.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ACCEPTED_EXTENSIONS, ALLOWED_FORMATS_TEXT, extensionOf, formatBytes, formatOfExtension, MAX_FILE_BYTES } from '../../../src/domain/files/file-types.ts';
import { api, messageOf } from '../../shared/api.ts';
import type { FileView } from '../../shared/types.ts';

export interface FileUploadProps {
  readonly centreId: string;
  readonly value?: string | null;
  readonly onChange?: (fileId: string | null, file?: FileView) => void;
  readonly id?: string;
  readonly disabled?: boolean;
  readonly buttonText?: string;
}

const contentUrl = (fileId: string) => `/api/v1/files/${fileId}/content`;

function listEntry(file: Pick<FileView, 'id' | 'name'>): UploadFile {
  return { uid: file.id, name: file.name, status: 'done', url: contentUrl(file.id) };
}

/** Why the browser's file cannot be sent, or null: the same limits as the server's (domain/files). */
export function localProblem(file: { readonly name: string; readonly size: number }): string | null {
  if (!formatOfExtension(extensionOf(file.name))) return `“${file.name}”的类型不允许，仅支持 ${ALLOWED_FORMATS_TEXT}`;
  if (file.size === 0) return `“${file.name}”内容为空`;
  if (file.size > MAX_FILE_BYTES) return `“${file.name}”为 ${formatBytes(file.size)}，超过 ${formatBytes(MAX_FILE_BYTES)} 的上限`;
  return null;
}

export function FileUpload({ centreId, value, onChange, id, disabled, buttonText = '上传文件' }: FileUploadProps) {
  const [list, setList] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  /** Files uploaded here: their names are known without asking the server. */
  const uploaded = useRef(new Map<string, FileView>());

  // Show the file named by `value`: one just uploaded, or its metadata loaded.
  useEffect(() => {
    if (!value) {
      setList((l) => (l.some((f) => f.status === 'uploading') ? l : []));
      return;
    }
    const known = uploaded.current.get(value);
    if (known) {
      setList([listEntry(known)]);
      return;
    }
    let current = true;
    setList((l) => (l[0]?.uid === value ? l : [{ uid: value, name: '…', status: 'done', url: contentUrl(value) }]));
    api
      .get<FileView>(`/api/v1/files/${value}`)
      .then((file) => {
        if (current) setList([listEntry(file)]);
      })
      .catch((e: unknown) => {
        if (current) setList([{ uid: value, name: `无法读取文件信息：${messageOf(e)}`, status: 'error' }]);
      });
    return () => {
      current = false;
    };
  }, [value]);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!(file instanceof Blob)) return;
    const name = (file as File).name;
    api
      .upload<FileView>(`/api/v1/centres/${centreId}/files`, file, { name })
      .then((stored) => {
        uploaded.current.set(stored.id, stored);
        onSuccess?.(stored);
        setList([listEntry(stored)]);
        onChange?.(stored.id, stored);
      })
      .catch((e: unknown) => {
        setProblem(messageOf(e));
        onError?.(e instanceof Error ? e : new Error(messageOf(e)));
        setList([]);
      });
  };

  return (
    <Flex vertical gap={4}>
      <Upload
        id={id}
        accept={ACCEPTED_EXTENSIONS}
        maxCount={1}
        fileList={list}
        disabled={disabled}
        customRequest={customRequest}
        beforeUpload={(file) => {
          const local = localProblem(file);
          setProblem(local);
          return local ? Upload.LIST_IGNORE : true;
        }}
        onChange={({ fileList }) => setList(fileList.slice(-1))}
        onRemove={() => {
          setProblem(null);
          setList([]);
          onChange?.(null);
          return true;
        }}
        showUploadList={{ showRemoveIcon: !disabled, showDownloadIcon: false }}
      >
        <Button icon={<UploadOutlined />} disabled={disabled}>
          {buttonText}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ALLOWED_FORMATS_TEXT}，不超过 {formatBytes(MAX_FILE_BYTES)}
      </Typography.Text>
      {problem ? (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
