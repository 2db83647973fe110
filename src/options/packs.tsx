// Knowledge packs in the options page: choose a file, see what it holds (or every problem, by
// line and field) before anything is kept, then import; enable, disable, export or remove.
// Everything from a file is shown as text.
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_KINDS, type EntityKind } from '../knowledge/kinds.js';
import { PACK_LIMITS, parseJsonPack, parsePackFile, slug, type Pack, type PackEntity, type PackProblem } from '../knowledge/packs.js';
import { formatDay, formatNumber, t, type MessageKey } from '../platform/i18n.js';
import { loadPacks, PackStorageFullError, savePacks, watchPacks } from '../platform/packs-store.js';
import { useStored } from './use-stored.js';

const PREVIEW_ROWS = 8;

/** A pack's problem in the interface language: "line 3, kind: …". */
function problemText(problem: PackProblem): string {
  const what = t(`packProblem_${problem.code}` as MessageKey, ...problem.params);
  const where = [problem.line !== undefined ? t('packProblemLine', problem.line) : '', problem.field ?? ''].filter(Boolean).join(', ');
  return where ? `${where}: ${what}` : what;
}

type Preview = { fileName: string; name: string } & ({ ok: true; entities: PackEntity[] } | { ok: false; problems: PackProblem[] });

function packId(name: string, taken: readonly Pack[]): string {
  const base = slug(name).slice(0, 30) || 'pack';
  let id = base;
  for (let n = 2; taken.some((pack) => pack.id === id); n++) id = `${base}-${n}`;
  return id;
}

function exportPack(pack: Pack): void {
  const blob = new Blob([`${JSON.stringify(pack.entities, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${pack.id}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

function PreviewView({ preview, onImport, onCancel }: { preview: Preview; onImport: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(preview.name);
  if (!preview.ok) {
    const shown = preview.problems.slice(0, PACK_LIMITS.errorsShown);
    return (
      <div class="pack-preview problems" role="alert">
        <p>{t('packsProblems', preview.fileName, preview.problems.length)}</p>
        <ul>
          {shown.map((problem, index) => (
            <li key={index}>{problemText(problem)}</li>
          ))}
        </ul>
        {preview.problems.length > shown.length && <p class="muted">{t('packsMoreProblems', preview.problems.length - shown.length)}</p>}
        <button type="button" onClick={onCancel}>
          {t('close')}
        </button>
      </div>
    );
  }
  return (
    <div class="pack-preview">
      <p>{t('packsPreview', preview.fileName, preview.entities.length)}</p>
      <table>
        <tbody>
          {preview.entities.slice(0, PREVIEW_ROWS).map((entity) => (
            <tr key={entity.id}>
              <th scope="row">{entity.name}</th>
              <td>{entity.kind}</td>
              <td>{entity.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.entities.length > PREVIEW_ROWS && <p class="muted">{t('packsPreviewMore', preview.entities.length - PREVIEW_ROWS)}</p>}
      <label>
        {t('packsName')} <input type="text" name="pack-name" value={name} maxLength={120} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" class="primary" disabled={!name.trim()} onClick={() => onImport(name.trim())}>
          {t('packsImport')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** The pack that "add a name" (from the context menu's unknown-name card) writes to. */
const MY_ADDITIONS_ID = 'my-additions';

/** The name the options page was opened for: options.html#add=NAME. */
function nameToAdd(): string | undefined {
  const match = /^#add=(.*)$/.exec(location.hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]).slice(0, 200);
  } catch {
    return undefined;
  }
}

function AddName({ initial, onAdd, onCancel }: { initial: string; onAdd: (entity: PackEntity) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial);
  const [kind, setKind] = useState<EntityKind>('person');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const add = () => {
    const parsed = parseJsonPack(JSON.stringify([{ id: slug(name) || 'name', kind, subkind: 'other', name: name.trim(), description: description.trim() }]));
    if (parsed.ok && parsed.entities[0]) onAdd(parsed.entities[0]);
    else if (!parsed.ok) setProblems(parsed.problems.map(({ line: _line, ...problem }) => problem));
  };
  return (
    <form class="add-name" onSubmit={(event) => { event.preventDefault(); add(); }}>
      <h3>{t('packsAddHeading')}</h3>
      <label>
        {t('packsName')} <input type="text" name="add-name" value={name} maxLength={120} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <label>
        {t('packsAddKind')}{' '}
        <select name="add-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as EntityKind)}>
          {ENTITY_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kind_${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('packsAddDescription')} <textarea name="add-description" maxLength={200} value={description} onInput={(event) => setDescription(event.currentTarget.value)} />
      </label>
      {problems.length > 0 && (
        <ul role="alert">
          {problems.map((problem, index) => (
            <li key={index}>{problemText(problem)}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('packsAddButton')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

export function Packs() {
  const [adding, setAdding] = useState<string | undefined>(nameToAdd);
  const { value: packs, setValue: setPacks, notice, setNotice } = useStored<Pack[]>(
    [],
    () => loadPacks().then((loaded) => ({ value: loaded.packs, unreadable: loaded.notice !== undefined })),
    (onChange, signal) => watchPacks((loaded) => onChange(loaded.packs), signal),
    t('packsUnreadable'),
  );
  const [preview, setPreview] = useState<Preview | undefined>();
  useEffect(() => {
    if (adding !== undefined) document.getElementById('packs')?.scrollIntoView();
  }, []);

  const store = async (next: Pack[], done: string) => {
    try {
      await savePacks(next);
      setPacks(next);
      setNotice(done);
    } catch (error) {
      setNotice(error instanceof PackStorageFullError ? t('packsQuota') : t('couldNotSave', error instanceof Error ? error.message : String(error)));
    }
  };

  const choose = async (file: File | undefined) => {
    setNotice(undefined);
    if (!file) return;
    const name = file.name.replace(/\.(json|csv)$/i, '');
    if (file.size > PACK_LIMITS.fileBytes) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      const max = String(PACK_LIMITS.fileBytes / 1024 / 1024);
      setPreview({ fileName: file.name, name, ok: false, problems: [{ code: 'tooBig', params: [mb, max], message: t('packsTooBig', mb, max) }] });
      return;
    }
    const parsed = parsePackFile(file.name, await file.text());
    setPreview({ fileName: file.name, name, ...parsed });
  };

  const importPack = (name: string) => {
    if (!preview?.ok) return;
    if (packs.length >= PACK_LIMITS.packs) {
      setNotice(t('packsTooMany', PACK_LIMITS.packs));
      return;
    }
    const pack: Pack = { id: packId(name, packs), name, enabled: true, importedAt: new Date().toISOString(), entities: preview.entities };
    setPreview(undefined);
    void store([...packs, pack], t('packsImported', name, pack.entities.length));
  };

  const addName = (entity: PackEntity) => {
    const existing = packs.find((pack) => pack.id === MY_ADDITIONS_ID);
    const mine: Pack = existing ?? { id: MY_ADDITIONS_ID, name: t('packsMyAdditions'), enabled: true, importedAt: new Date().toISOString(), entities: [] };
    const entities = [...mine.entities.filter((other) => other.id !== entity.id), entity];
    if (entities.length > PACK_LIMITS.entities) return;
    const next = existing ? packs.map((pack) => (pack.id === MY_ADDITIONS_ID ? { ...mine, entities } : pack)) : [...packs, { ...mine, entities }];
    setAdding(undefined);
    history.replaceState(null, '', location.pathname);
    void store(next, t('packsAdded', entity.name, mine.name));
  };

  return (
    <section class="packs" id="packs">
      {adding !== undefined && <AddName initial={adding} onAdd={addName} onCancel={() => setAdding(undefined)} />}
      <p class="muted">{t('packsIntro')}</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {packs.length > 0 && (
        <ul class="pack-list">
          {packs.map((pack) => (
            <li key={pack.id}>
              <label>
                <input
                  type="checkbox"
                  checked={pack.enabled}
                  onChange={(event) => {
                    const enabled = event.currentTarget.checked;
                    void store(packs.map((other) => (other.id === pack.id ? { ...other, enabled } : other)), t(enabled ? 'packsEnabled' : 'packsDisabled', pack.name));
                  }}
                />{' '}
                <strong>{pack.name}</strong>
              </label>{' '}
              <span class="muted">{t('packsSummary', formatNumber(pack.entities.length), formatDay(pack.importedAt.slice(0, 10)))}</span>{' '}
              <button type="button" onClick={() => exportPack(pack)}>
                {t('packsExport')}
              </button>{' '}
              <button type="button" onClick={() => void store(packs.filter((other) => other.id !== pack.id), t('packsRemoved', pack.name))}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {preview ? (
        <PreviewView preview={preview} onImport={importPack} onCancel={() => setPreview(undefined)} />
      ) : (
        <label class="file">
          {t('packsChoose')}{' '}
          <input type="file" name="pack-file" accept=".json,.csv,application/json,text/csv" onChange={(event) => void choose(event.currentTarget.files?.[0])} />
        </label>
      )}
      <p class="muted">{t('packsFormat', PACK_LIMITS.fileBytes / 1024 / 1024, formatNumber(PACK_LIMITS.entities), PACK_LIMITS.packs)}</p>
    </section>
  );
}
