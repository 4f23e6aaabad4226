/** The item search box of the centre page: Enter opens the search results. */
import { Button, Input } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { navigate } from '../shared/router.ts';
import { paths } from './routes.ts';

export function SearchForm({ centreId }: { centreId: string }) {
  const [q, setQ] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(paths.items(centreId, q.trim()));
  };
  return (
    <div role="search" className="search-box">
      <form onSubmit={submit}>
        <label htmlFor={id}>搜索办事事项</label>
        <div className="search-row">
          <Input id={id} value={q} onChange={(e) => setQ(e.target.value)} placeholder="输入事项名称或编码，如：身份证、营业执照" maxLength={50} />
          <Button type="primary" htmlType="submit">
            搜索
          </Button>
        </div>
      </form>
    </div>
  );
}
