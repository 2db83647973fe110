// Chrome's built-in Summarizer API, where the browser has it: a clearly labelled option next to
// Backstory's own key points, which stay the default and the fallback. It runs on the device
// (Gemini Nano); the model may need a download that Chrome manages, after the reader's click.
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n.js';

interface ChromeSummarizer {
  summarize(text: string): Promise<string>;
  destroy(): void;
}
interface SummarizerApi {
  availability(): Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
  create(options: { type: 'key-points'; format: 'plain-text'; length: 'short' }): Promise<ChromeSummarizer>;
}

/** The longest text handed to the model; its input window is small. */
const MAX_MODEL_CHARS = 12_000;

function summarizerApi(): SummarizerApi | undefined {
  return (globalThis as { Summarizer?: SummarizerApi }).Summarizer;
}

type State = { state: 'idle' } | { state: 'working' } | { state: 'done'; points: string[] } | { state: 'failed'; error: string };

export function OnDeviceSummary({ text }: { text: string }) {
  const [state, setState] = useState<State>({ state: 'idle' });
  const api = summarizerApi();
  if (!api) return null;
  const run = async () => {
    setState({ state: 'working' });
    try {
      if ((await api.availability()) === 'unavailable') throw new Error(t('onDeviceUnavailable'));
      const summarizer = await api.create({ type: 'key-points', format: 'plain-text', length: 'short' });
      const output = await summarizer.summarize(text.slice(0, MAX_MODEL_CHARS));
      summarizer.destroy();
      const points = output.split('\n').map((line) => line.replace(/^\s*[-*•]\s*/, '').trim()).filter(Boolean);
      setState({ state: 'done', points });
    } catch (error) {
      setState({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="on-device">
      {state.state === 'idle' && (
        <button type="button" onClick={() => void run()}>
          {t('onDeviceButton')}
        </button>
      )}
      {state.state === 'working' && <p class="muted">{t('onDeviceWorking')}</p>}
      {state.state === 'failed' && <p class="muted">{t('onDeviceFailed', state.error)}</p>}
      {state.state === 'done' && (
        <>
          <h3>{t('onDeviceHeading')}</h3>
          <ul>
            {state.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
