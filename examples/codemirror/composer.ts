import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { postlint, setChannel } from 'postlint/codemirror';

const view = new EditorView({
  parent: document.querySelector<HTMLElement>('#composer')!,
  state: EditorState.create({ extensions: [postlint({ channel: 'x', preset: 'health', contacts: ['0808 800 4040'] })] }),
});
// The composer's channel picker: lint for another channel without re-creating the editor.
document.querySelector('select')!.addEventListener('change', (e) => view.dispatch({ effects: setChannel((e.target as HTMLSelectElement).value) }));
