import type { ComponentType } from 'react';
import { EditorView } from './editor/editor-view';
import { ExploreView } from './explore/explore-view';
import { LibraryView } from './library/library-view';
import { ModelView } from './model/model-view';
import { CompareView } from './compare/compare-view';
import { SensitivityView } from './sensitivity/sensitivity-view';

/** The app's top-level views, in tab order. Each view lives in its own folder under views/. */
export interface ViewDef {
  readonly id: string;
  readonly label: string;
  readonly component: ComponentType;
}

/** Every view the tab bar offers. Add a view by adding its folder and one entry here. */
export const VIEWS: readonly ViewDef[] = [
  { id: 'library', label: 'Library', component: LibraryView },
  { id: 'explore', label: 'Explore', component: ExploreView },
  { id: 'compare', label: 'Compare', component: CompareView },
  { id: 'sensitivity', label: 'Sensitivity', component: SensitivityView },
  { id: 'editor', label: 'Edit journey', component: EditorView },
  { id: 'model', label: 'How it works', component: ModelView },
];
