/**
 * The console frame: menu, centre switcher and the current page. At phone widths
 * the side menu folds into a drawer opened from the header.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Grid, Layout, Menu, Select, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { linkClick, navigate, usePathname } from '../shared/router.ts';
import { ADMIN_PAGES, pageOf } from './pages.tsx';
import { useCentres, useSession } from './session.tsx';

function NavMenu({ selected, onNavigate }: { selected: string; onNavigate: () => void }) {
  return (
    <nav aria-label="主菜单">
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        onClick={({ key }) => {
          navigate(key);
          onNavigate();
        }}
        items={ADMIN_PAGES.map((p) => ({
          key: p.path,
          icon: p.icon,
          label: (
            <a href={p.path} onClick={linkClick(p.path)}>
              {p.label}
            </a>
          ),
        }))}
      />
    </nav>
  );
}

function CentreSwitcher() {
  const { centres, centre, select, loading } = useCentres();
  if (centres.length === 0) return null;
  return (
    <Select
      aria-label="当前中心"
      value={centre?.id}
      onChange={select}
      loading={loading}
      style={{ flex: '1 1 160px', minWidth: 0, maxWidth: 320 }}
      popupMatchSelectWidth={false}
      options={centres.map((c) => ({ value: c.id, label: c.retiredAt ? `${c.name}（已撤销）` : c.name }))}
    />
  );
}

export function AdminLayout() {
  const { me, logout } = useSession();
  const { error } = useCentres();
  const pathname = usePathname();
  const page = pageOf(pathname);
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const Page = page.component;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="visually-hidden" href="#main" onFocus={(e) => e.currentTarget.classList.remove('visually-hidden')} onBlur={(e) => e.currentTarget.classList.add('visually-hidden')}>
        跳到主要内容
      </a>
      {narrow ? null : (
        <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Typography.Text strong style={{ display: 'block', padding: '16px 24px', fontSize: 16 }}>
            GovHall 管理后台
          </Typography.Text>
          <NavMenu selected={page.path} onNavigate={() => undefined} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: narrow ? '0 12px' : '0 24px', borderBottom: '1px solid #f0f0f0', height: 'auto', lineHeight: 'normal' }}>
          <Flex align="center" gap={narrow ? 8 : 12} style={{ minHeight: 56, paddingBlock: 8 }}>
            {narrow ? (
              <Button
                icon={<MenuOutlined />}
                aria-label="打开菜单"
                aria-expanded={drawerOpen}
                aria-controls="admin-drawer-menu"
                onClick={() => setDrawerOpen(true)}
                style={{ flex: 'none' }}
              />
            ) : null}
            <CentreSwitcher />
            <Flex gap={8} align="center" style={{ marginLeft: 'auto', flex: 'none' }}>
              {narrow ? null : (
                <Typography.Text ellipsis style={{ maxWidth: 240 }}>
                  {me.user.displayName}
                </Typography.Text>
              )}
              <Button onClick={() => void logout()}>退出</Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: narrow ? 8 : 24, outline: 'none' }}>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '64px auto' }} />}>
            <Page />
          </Suspense>
        </Layout.Content>
      </Layout>
      {narrow ? (
        <Drawer
          id="admin-drawer-menu"
          title="GovHall 管理后台"
          placement="left"
          size={240}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
          footer={<Typography.Text type="secondary">当前用户：{me.user.displayName}</Typography.Text>}
        >
          <NavMenu selected={page.path} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : null}
    </Layout>
  );
}
