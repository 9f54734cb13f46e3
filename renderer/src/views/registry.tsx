import { lazy, Suspense, type ComponentType } from 'react';
import { ExploreView } from './explore/explore-view';

/** The app's top-level views, in tab order. Each view lives in its own folder under views/. */
export interface ViewDef {
  readonly id: string;
  readonly label: string;
  readonly component: ComponentType;
}

const preloads: (() => Promise<unknown>)[] = [];

/** Return `fn` sharing one call while it is in flight or has succeeded; a failure lets the next call try again. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () =>
    (p ??= fn().catch((e: unknown) => {
      p = null;
      throw e;
    }));
}

/**
 * Return a view that loads its code the first time it is shown, with a short notice meanwhile. Only
 * Explore, where the app opens, is in the first bundle, so the first chart is not held up by the code
 * of views nobody has opened yet.
 */
function lazyView(label: string, load: () => Promise<ComponentType>): ComponentType {
  const loading = once(load);
  preloads.push(loading);
  const Lazy = lazy(async () => ({ default: await loading() }));
  function LazyView() {
    return (
      <Suspense
        fallback={
          <main className="view-loading" aria-busy="true">
            <p className="muted">Opening {label}…</p>
          </main>
        }
      >
        <Lazy />
      </Suspense>
    );
  }
  LazyView.displayName = `Lazy(${label})`;
  return LazyView;
}

/** Every view the tab bar offers. Add a view by adding its folder and one entry here. */
export const VIEWS: readonly ViewDef[] = [
  { id: 'library', label: 'Library', component: lazyView('Library', () => import('./library/library-view').then((m) => m.LibraryView)) },
  { id: 'explore', label: 'Explore', component: ExploreView },
  { id: 'compare', label: 'Compare', component: lazyView('Compare', () => import('./compare/compare-view').then((m) => m.CompareView)) },
  { id: 'sensitivity', label: 'Sensitivity', component: lazyView('Sensitivity', () => import('./sensitivity/sensitivity-view').then((m) => m.SensitivityView)) },
  { id: 'editor', label: 'Edit journey', component: lazyView('Edit journey', () => import('./editor/editor-view').then((m) => m.EditorView)) },
  { id: 'model', label: 'How it works', component: lazyView('How it works', () => import('./model/model-view').then((m) => m.ModelView)) },
];

// Once the page has loaded and gone quiet, fetch the other views too, so that a first switch of tab
// shows the view at once rather than its loading notice. A failed fetch is tried again on the first visit.
const PRELOAD_AFTER_MS = 2000;
if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
  window.setTimeout(() => window.requestIdleCallback(() => preloads.forEach((p) => void p().catch(() => undefined))), PRELOAD_AFTER_MS);
}
