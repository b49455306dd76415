// Play/pause, step, reset, speed and the simulated clock.
import { formatNumber } from '../i18n/index.ts';
import { SPEED_MAX, SPEED_MIN } from '../scenarios/common.ts';
import {
  selectLang,
  selectRunning,
  selectScenario,
  selectSnapshot,
  selectTime,
  useQs,
} from '../state/store.ts';
import { useT } from './hooks.ts';

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 1000, 10000];

export function Transport() {
  const t = useT();
  const lang = useQs(selectLang);
  const running = useQs(selectRunning);
  const timeSec = useQs(selectTime);
  const finished = useQs((s) => selectSnapshot(s)?.finished ?? false);
  const speed = useQs((s) => selectScenario(s).speed);
  const { play, pause, step, reset, setSpeed } = useQs.getState();
  const options =
    typeof speed === 'number' && !SPEEDS.includes(speed) ? [...SPEEDS, speed].sort((a, b) => a - b) : SPEEDS;
  return (
    <div className="qs-transport" role="toolbar" aria-label={t('simTime')}>
      <button
        type="button"
        className="primary"
        data-testid="play"
        aria-pressed={running}
        onClick={() => (running ? pause() : play())}
        disabled={finished}
      >
        <span aria-hidden="true">{running ? '❚❚' : '▶'}</span> {running ? t('pause') : t('play')}
      </button>
      <button type="button" data-testid="step" onClick={step} disabled={running || finished}>
        {t('step')}
      </button>
      <button type="button" data-testid="reset" onClick={reset}>
        {t('reset')}
      </button>
      <label className="field inline">
        <span>{t('speed')}</span>
        <select
          data-testid="speed"
          value={String(speed)}
          onChange={(e) => setSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}
          title={`${SPEED_MIN} … ${SPEED_MAX}, max`}
        >
          {options.map((v) => (
            <option key={v} value={String(v)}>
              {formatNumber(lang, v)}×
            </option>
          ))}
          <option value="max">{t('speedMax')}</option>
        </select>
      </label>
      <output className="clock" data-testid="sim-time" data-value={timeSec} aria-live="off">
        <span className="clock-label">{t('simTime')}</span>
        <span className="clock-value">
          {formatNumber(lang, timeSec, timeSec < 10 ? 3 : 1)} {t('seconds')}
        </span>
      </output>
      {finished && <span className="finished">{t('finished')}</span>}
    </div>
  );
}
