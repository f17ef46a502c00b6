// The page under the playground keystroke row's floor (bench/playground.mjs bundles it): the
// playground's editor with CodeMirror's own extensions and the page's style, and no postlint. Each
// key is recorded from its first keydown, beforeinput or input event to the end of the update that
// applies it, with layout forced, as the playground's row records a key to its lint shown.
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, keymap, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import '../playground/src/style.css';

const w = window;
w.__keys = [];
w.__start = null;
for (const type of ['keydown', 'beforeinput', 'input']) {
  document.addEventListener(type, (event) => {
    if (w.__start === null) w.__start = event.timeStamp;
  }, true);
}
new EditorView({
  parent: document.getElementById('editor'),
  state: EditorState.create({
    doc: '',
    extensions: [
      history(),
      drawSelection(),
      EditorView.lineWrapping,
      placeholder('Write or paste a draft, or a Markdown campaign plan…'),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      EditorView.contentAttributes.of({ 'aria-label': 'Draft', spellcheck: 'true' }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || w.__start === null) return;
        void document.body.offsetHeight;
        w.__keys.push(performance.now() - w.__start);
        w.__start = null;
      }),
    ],
  }),
});
