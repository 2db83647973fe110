// "Who and what": the article's entities, most central first, grouped by kind. Choosing one
// opens its card here and, when Backstory runs in the tab, scrolls the page to its first
// mention and flashes it.
import { useState } from 'preact/hooks';
import { sendToBackground, sendToTab, type FoundEntitySummary } from '../platform/messages.js';
import { t, type MessageKey } from '../platform/i18n.js';
import { CardView, type CardState } from '../ui/card.js';

const GROUPS: [FoundEntitySummary['kind'], MessageKey][] = [
  ['person', 'kindPeople'],
  ['place', 'kindPlaces'],
  ['organization', 'kindOrganizations'],
  ['event', 'kindEvents'],
  ['other', 'kindOther'],
];

interface Props {
  entities: readonly FoundEntitySummary[];
  tabId: number | undefined;
  date: string | null;
  dark: boolean;
}

export function WhoAndWhat({ entities, tabId, date, dark }: Props) {
  const [open, setOpen] = useState<{ id: string; view: CardState } | undefined>();

  const choose = async (entity: FoundEntitySummary) => {
    if (open?.id === entity.id) {
      setOpen(undefined);
      return;
    }
    setOpen({ id: entity.id, view: { state: 'loading', name: entity.name } });
    if (tabId !== undefined) void sendToTab<'popup-cs:reveal'>(tabId, { type: 'popup-cs:reveal', id: entity.id });
    const reply = await sendToBackground<'cs-bg:card'>({ type: 'cs-bg:card', id: entity.id, ...(date ? { date } : {}) });
    setOpen((current) =>
      current?.id !== entity.id ? current : { id: entity.id, view: reply.ok ? { state: 'ready', card: reply.value } : { state: 'failed', name: entity.name, error: reply.error } },
    );
  };

  if (entities.length === 0) return <p class="muted">{t('popupNoNames')}</p>;
  return (
    <div class="who">
      {GROUPS.map(([kind, labelKey]) => {
        const label = t(labelKey);
        const members = entities.filter((entity) => entity.kind === kind);
        if (members.length === 0) return null;
        return (
          <section key={kind} class={`group kind-${kind}`} aria-label={label}>
            <h3>{label}</h3>
            <ul>
              {members.map((entity) => (
                <li key={entity.id}>
                  <button type="button" class="entity" aria-expanded={open?.id === entity.id} onClick={() => void choose(entity)}>
                    {entity.name}
                  </button>
                  {open?.id === entity.id && <CardView view={open.view} dark={dark} animate={false} idPrefix={`popup-card-${entity.id}`} />}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
