import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { searchNodes, type SearchHit } from '../api/graphApi.js';
import { t as tr } from '../i18n/index.js';
import { KindBadge } from './KindSwatch.js';

interface Props {
  onOpen(id: string): void;
  /** The field's name for assistive technology (default ui:search.label, "Search the atlas"). */
  label?: string;
  placeholder?: string;
  /** "/" jumps here (only the main search box). */
  shortcut?: boolean;
}

type Result =
  | { state: 'idle' }
  | { state: 'loading'; query: string }
  | { state: 'done'; query: string; hits: SearchHit[]; total: number }
  | { state: 'error'; query: string; message: string };

/** Type-ahead search (the ARIA combobox pattern): arrows move through hits, Enter opens one as the focus. */
export function SearchBox({ onOpen, label, placeholder, shortcut = true }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = text.trim();
    if (q.length === 0) {
      setResult({ state: 'idle' });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setResult({ state: 'loading', query: q });
      searchNodes(q, abort.signal).then(
        (r) => {
          setResult({ state: 'done', query: q, ...r });
          setActive(0);
        },
        (e: unknown) => {
          if ((e as Error).name === 'AbortError') return;
          setResult({ state: 'error', query: q, message: e instanceof ApiError ? e.userMessage : tr('messages:error.search') });
        },
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text]);

  // "/" jumps to the search field from anywhere but another text field.
  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) {
        e.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut]);

  const hits = result.state === 'done' ? result.hits : [];
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onOpen(hit.id);
    setOpen(false);
    setText(hit.name);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(0, hits.length - 1)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && text.trim().length > 0;
  return (
    <div className="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {label ?? t('search.label')}
      </label>
      <input
        id={`${listId}-input`}
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder ?? t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        // data-state and data-query say which text the suggestions answer (the client benchmark times them).
        <div
          className="search-popup"
          data-testid="search-popup"
          data-state={result.state}
          data-query={result.state === 'idle' ? undefined : result.query}
        >
          {result.state === 'loading' && <p className="search-note">{t('search.searching')}</p>}
          {result.state === 'error' && (
            <p className="search-note error" role="alert">
              {result.message}
            </p>
          )}
          {result.state === 'done' && hits.length === 0 && (
            <p className="search-note" role="status">
              {t('search.noHits', { text: text.trim() })}
            </p>
          )}
          <ul id={listId} role="listbox" aria-label={t('search.results')}>
            {hits.map((hit, i) => (
              <li
                key={hit.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(hit);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="hit-name">{hit.name}</span>
                {hit.countryCode && <span className="hit-country">{hit.countryCode}</span>}
                <KindBadge kind={hit.kind} />
              </li>
            ))}
          </ul>
          {result.state === 'done' && result.total > hits.length && (
            <p className="search-note">{t('search.more', { count: result.total - hits.length })}</p>
          )}
        </div>
      )}
    </div>
  );
}
