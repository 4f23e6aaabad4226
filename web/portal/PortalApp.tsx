/**
 * The portal's shell (DB36/T 2016 §5.2.2.2 无障碍网页): a skip link, landmarks
 * (header, nav, main, footer), one h1 per page, the 大字模式 toggle, and focus moved to
 * the main content after each in-app navigation.
 */
import { ConfigProvider } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { linkClick, usePathname } from '../shared/router.ts';
import { BundlePage } from './BundlePage.tsx';
import { CaseProgressPage } from './CaseProgressPage.tsx';
import { CentrePage } from './CentrePage.tsx';
import { HomePage } from './HomePage.tsx';
import { ItemGuidePage } from './ItemGuidePage.tsx';
import { ItemSearchPage } from './ItemSearchPage.tsx';
import { ListsPage } from './ListsPage.tsx';
import { TakeTicketPage } from './TakeTicketPage.tsx';
import { TicketStatusPage } from './TicketStatusPage.tsx';
import { useLargeText } from './large-text.ts';
import { parseRoute, paths } from './routes.ts';

const LARGE_THEME = { token: { fontSize: 18, controlHeight: 44, colorText: '#000000', colorTextSecondary: '#1f1f1f', colorTextTertiary: '#262626' } };

export function PortalApp() {
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const [large, toggleLarge] = useLargeText();
  const [centreId, setCentreId] = useState<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  const routeCentre =
    route.page === 'centre' || route.page === 'items' || route.page === 'lists' || route.page === 'take-ticket' ? route.centreId : null;
  useEffect(() => {
    if (routeCentre) setCentreId(routeCentre);
  }, [routeCentre]);

  // After an in-app navigation, screen-reader and keyboard users start at the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  let page;
  switch (route.page) {
    case 'home':
      page = <HomePage onCentre={setCentreId} />;
      break;
    case 'centre':
      page = <CentrePage centreId={route.centreId} />;
      break;
    case 'items':
      page = <ItemSearchPage centreId={route.centreId} />;
      break;
    case 'lists':
      page = <ListsPage centreId={route.centreId} />;
      break;
    case 'item':
      page = <ItemGuidePage itemId={route.itemId} onCentre={setCentreId} />;
      break;
    case 'bundle':
      page = <BundlePage bundleId={route.bundleId} onCentre={setCentreId} />;
      break;
    case 'take-ticket':
      page = <TakeTicketPage centreId={route.centreId} />;
      break;
    case 'ticket':
      page = <TicketStatusPage ticketId={route.ticketId} onCentre={setCentreId} />;
      break;
    case 'case':
      page = <CaseProgressPage caseNumber={route.caseNumber} />;
      break;
    default:
      page = (
        <>
          <h1>页面不存在</h1>
          <p>
            您访问的页面不存在，请返回 <a href={paths.home} onClick={linkClick(paths.home)}>门户首页</a>。
          </p>
        </>
      );
  }

  const current = (p: string) => (pathname.replace(/\/+$/, '') === p.replace(/\/+$/, '') ? 'page' : undefined);

  return (
    <ConfigProvider theme={large ? LARGE_THEME : {}}>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="portal-header">
        <div className="portal-bar">
          <a className="portal-brand" href={paths.home} onClick={linkClick(paths.home)}>
            政务服务中心 · 办事服务门户
          </a>
          <button type="button" className="large-toggle" aria-pressed={large} onClick={toggleLarge}>
            {large ? '标准字体' : '大字模式'}
          </button>
        </div>
        <nav className="portal-nav" aria-label="主导航">
          <ul>
            <li>
              <a href={paths.home} onClick={linkClick(paths.home)} aria-current={current(paths.home)}>
                首页
              </a>
            </li>
            {centreId && (
              <>
                <li>
                  <a href={paths.centre(centreId)} onClick={linkClick(paths.centre(centreId))} aria-current={current(paths.centre(centreId))}>
                    中心概况
                  </a>
                </li>
                <li>
                  <a href={paths.items(centreId)} onClick={linkClick(paths.items(centreId))} aria-current={current(paths.items(centreId))}>
                    办事指南查询
                  </a>
                </li>
                <li>
                  <a href={paths.lists(centreId)} onClick={linkClick(paths.lists(centreId))} aria-current={current(paths.lists(centreId))}>
                    清单公开
                  </a>
                </li>
                <li>
                  <a href={paths.takeTicket(centreId)} onClick={linkClick(paths.takeTicket(centreId))} aria-current={current(paths.takeTicket(centreId))}>
                    手机取号
                  </a>
                </li>
              </>
            )}
            <li>
              <a href={paths.cases()} onClick={linkClick(paths.cases())} aria-current={route.page === 'case' ? 'page' : undefined}>
                办件进度查询
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="portal-main">
        {page}
      </main>
      <footer className="portal-footer">
        <p>政务服务便民热线：12345　·　本门户依据 DB36/T 2016—2024《政务服务中心运行规范》公开服务信息</p>
        <p>支持键盘操作：Tab 键移动，Enter 键确认；可使用“大字模式”放大文字。</p>
      </footer>
    </ConfigProvider>
  );
}
