// The background card for one entity: shown beside a mark in the page, and in the popup.
import { t, uiLanguage, type MessageKey } from '../platform/i18n.js';
import type { Card } from '../platform/messages.js';

export type CardState =
  | { state: 'loading'; name: string }
  | { state: 'ready'; card: Card }
  | { state: 'failed'; name: string; error: string }
  /** A name the knowledge does not have (the context menu's "explain"). */
  | { state: 'unknown'; name: string };

const WIKIPEDIA_BASE_URL = 'https://en.wikipedia.org/wiki/';

function wikipediaUrl(title: string): string {
  return WIKIPEDIA_BASE_URL + encodeURIComponent(title.replaceAll(' ', '_'));
}

/** "In May 2018: President of South Korea, 2017–2022", in the interface language. */
function roleLine(role: NonNullable<Card['role']>): string {
  const title = role.organization ? `${role.title}, ${role.organization}` : role.title;
  const from = role.from?.slice(0, 4);
  const to = role.to?.slice(0, 4);
  const span = from && to ? (from === to ? t('roleIn', title, from) : t('roleFromTo', title, from, to)) : from ? t('roleSince', title, from) : to ? t('roleUntil', title, to) : title;
  if (!role.atDate) return span;
  const month = new Intl.DateTimeFormat(uiLanguage(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${role.atDate}T00:00:00Z`));
  return t('roleAtDate', month, span);
}

/** "Place · border area", in the interface language. */
function kindLine(card: Card): string {
  const kind = t(`kind_${card.kind}` as MessageKey);
  if (!card.subkind || card.subkind === 'other') return kind;
  const subkind = t(`subkind_${card.subkind.replaceAll('-', '_')}` as MessageKey);
  return `${kind} · ${subkind.startsWith('subkind_') ? card.subkind.replaceAll('-', ' ') : subkind}`;
}

export interface CardViewProps {
  view: CardState;
  dark: boolean;
  animate: boolean;
  /** Ids for aria attributes, unique in the document they render into. */
  idPrefix: string;
  /** What to show besides name and description (the reader's settings). */
  content?: { map: boolean; facts: boolean };
  /** Offered on an unknown name's card. */
  onAddToPack?: (name: string) => void;
}

export function CardView({ view, dark, animate, idPrefix, content = { map: true, facts: true }, onAddToPack }: CardViewProps) {
  const classes = ['card', dark ? 'dark' : '', animate ? 'animate' : ''].filter(Boolean).join(' ');
  const nameId = `${idPrefix}-name`;
  const descriptionId = `${idPrefix}-description`;
  if (view.state === 'unknown') {
    return (
      <div class={classes} role="dialog" aria-labelledby={nameId} tabIndex={-1}>
        <div class="head">
          <h2 id={nameId}>{view.name}</h2>
        </div>
        <p class="desc">{t('cardUnknown')}</p>
        {onAddToPack && (
          <div class="foot">
            <button type="button" class="add" onClick={() => onAddToPack(view.name)}>
              {t('cardAddToPack')}
            </button>
            <span class="muted">Backstory</span>
          </div>
        )}
      </div>
    );
  }
  if (view.state !== 'ready') {
    return (
      <div class={classes} role="dialog" aria-labelledby={nameId} tabIndex={-1}>
        <div class="head">
          <h2 id={nameId}>{view.name}</h2>
        </div>
        <p class="muted" aria-live="polite">
          {view.state === 'loading' ? t('cardLoading') : t('cardFailed', view.error)}
        </p>
      </div>
    );
  }
  const { card } = view;
  return (
    <div class={classes} role="dialog" aria-labelledby={nameId} aria-describedby={descriptionId} tabIndex={-1}>
      <div class="head">
        {card.flag && (
          <span class="flag" aria-hidden="true">
            {card.flag}
          </span>
        )}
        <h2 id={nameId}>{card.name}</h2>
      </div>
      <p class="kind">{kindLine(card)}</p>
      {card.role && <p class="role">{roleLine(card.role)}</p>}
      <p class="desc" id={descriptionId}>
        {card.description}
      </p>
      {content.map && card.map && (
        <svg class="map" viewBox={card.map.viewBox} role="img" aria-label={t('cardMapLabel', card.name)} preserveAspectRatio="xMidYMid slice">
          <path class="land" d={card.map.land} />
          <circle class="spot" cx={card.map.spot[0]} cy={card.map.spot[1]} r="1.6" />
        </svg>
      )}
      {content.facts && card.facts.length > 0 && (
        <dl class="facts">
          {card.facts.map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}
        </dl>
      )}
      <div class="foot">
        {card.wikipedia ? (
          <a href={wikipediaUrl(card.wikipedia)} target="_blank" rel="noopener noreferrer">
            {t('cardWikipedia')}
          </a>
        ) : (
          <span />
        )}
        <span class="muted">Backstory</span>
      </div>
    </div>
  );
}
