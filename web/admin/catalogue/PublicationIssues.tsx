/** Why a version cannot be submitted or published: every missing element and contradiction, in Chinese (§7.3.3.3). */
import { Alert } from 'antd';
import type { ApiError } from '../../shared/api.ts';
import { pathLabel } from './diff-labels.ts';

export function PublicationIssues({ error, onClose }: { error: ApiError | null; onClose: () => void }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      closable={{ onClose, 'aria-label': '关闭' }}
      style={{ marginBottom: 16 }}
      title={error.message}
      description={
        error.fields.length > 0 ? (
          <ul aria-label="不能发布的原因" style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {error.fields.map((f, i) => (
              <li key={`${f.path}-${i}`}>
                {f.message}
                {/* Contradictions name their place; missing elements already do. */}
                {f.code === 'ITEM_GUIDE_ELEMENT_MISSING' ? null : `（${pathLabel(f.path)}）`}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
