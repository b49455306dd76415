// The page layout: header, transport and share bar, settings, flow view, numbers, charts and the event log.
import { useEffect } from 'react';
import { translate } from '../i18n/index.ts';
import { selectLang, useQs } from '../state/store.ts';
import { FlowView } from '../flow/FlowView.tsx';
import { ChartsPanel } from './ChartsPanel.tsx';
import { Controls } from './Controls.tsx';
import { EventLog } from './EventLog.tsx';
import { Header } from './Header.tsx';
import { Lesson } from './Lesson.tsx';
import { Notice } from './Notice.tsx';
import { ShareBar } from './ShareBar.tsx';
import { Stats } from './Stats.tsx';
import { Transport } from './Transport.tsx';
import { CompareDialog } from './CompareDialog.tsx';

export function App() {
  const lang = useQs(selectLang);
  const s = useQs((st) => st.scenario.s);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'docTitle');
  }, [lang]);
  return (
    <div className={`qs-app scenario-${s}`}>
      <Header />
      <div className="qs-bar">
        <Transport />
        <ShareBar />
      </div>
      <Notice />
      <main className="qs-main">
        <aside className="qs-side">
          <Controls />
        </aside>
        <div className="qs-center">
          <Lesson />
          {s === 'seckill' && <CompareDialog />}
          <FlowView />
          <Stats />
          <EventLog />
        </div>
        <div className="qs-right">
          <ChartsPanel />
        </div>
      </main>
    </div>
  );
}
