import { lazy, Suspense } from 'react';
import { useApp } from '../../store/instance';

/** CodeMirror and its YAML mode load the first time a file opens, never on the first paint. */
const EditorPanel = lazy(() => import('./EditorPanel'));

/** The editor over the canvas while a file is open (`nano FILE`, `vi FILE`, or the Inspector's Open). */
export function EditorHost() {
  // a new file is a new panel: its own undo history, status and focus
  const key = useApp((s) => (s.editor ? `${s.editor.owner}:${s.editor.path}` : null));
  if (key === null) return null;
  return (
    <Suspense fallback={null}>
      <EditorPanel key={key} />
    </Suspense>
  );
}
