/**
 * A form in a modal: Enter submits (the OK button is the form's submit button),
 * Esc closes, API field errors appear next to their fields.
 */
import { Form, Modal } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { applyApiError, FormError, type FormFailure } from './form-errors.tsx';

export interface ModalFormProps<V> {
  readonly title: string;
  readonly open: boolean;
  readonly initialValues?: Partial<V> | undefined;
  readonly onClose: () => void;
  /** Throw (an ApiError) to keep the modal open with the errors shown. */
  readonly onSubmit: (values: V) => Promise<void>;
  readonly okText?: string;
  readonly width?: number;
  /** After the modal has closed and given the focus back (e.g. to move it on to the next step). */
  readonly afterClose?: () => void;
  readonly children: ReactNode;
}

export function ModalForm<V extends object>(props: ModalFormProps<V>) {
  const { title, open, initialValues, onClose, onSubmit, okText, width, afterClose, children } = props;
  const [form] = Form.useForm<V>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  // Field ids are prefixed with the form's name, so labels stay bound when a page form has the same fields.
  const formName = `modal${useId().replace(/[^A-Za-z0-9]/g, '')}`;

  const finish = async (values: V) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      setFailure(applyApiError(form, error));
    } finally {
      setSubmitting(false);
    }
  };

  const close = () => {
    setFailure(null);
    onClose();
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={close}
      okText={okText ?? '保存'}
      cancelText="取消"
      confirmLoading={submitting}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      width={width ?? 560}
      {...(afterClose ? { afterClose } : {})}
      modalRender={(dom) => (
        <Form<V>
          form={form}
          name={formName}
          layout="vertical"
          initialValues={initialValues}
          clearOnDestroy
          scrollToFirstError
          onFinish={(values) => void finish(values)}
        >
          {dom}
        </Form>
      )}
    >
      <FormError failure={failure} />
      {children}
    </Modal>
  );
}
