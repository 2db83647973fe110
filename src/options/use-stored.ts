// A stored value in an options-page component: read once, then kept up to date as storage
// changes (from this page, the popup or another window); a notice when it could not be read.
import { useEffect, useState } from 'preact/hooks';

export function useStored<T>(
  initial: T,
  load: () => Promise<{ value: T; unreadable: boolean }>,
  watch: (onChange: (value: T) => void, signal: AbortSignal) => void,
  unreadableNotice: string,
): { value: T; setValue: (value: T) => void; notice: string | undefined; setNotice: (notice: string | undefined) => void } {
  const [value, setValue] = useState<T>(initial);
  const [notice, setNotice] = useState<string | undefined>();
  useEffect(() => {
    const lifetime = new AbortController();
    void load().then((loaded) => {
      setValue(loaded.value);
      setNotice(loaded.unreadable ? unreadableNotice : undefined);
    });
    watch(setValue, lifetime.signal);
    return () => lifetime.abort();
  }, []);
  return { value, setValue, notice, setNotice };
}
