" postlint in Vim (or Neovim) with ALE, in your vimrc.
filetype plugin on
packadd! ale
for s:filetype in ['markdown', 'text']
  call ale#linter#Define(s:filetype, {
  \ 'name': 'postlint',
  \ 'lsp': 'stdio',
  \ 'executable': 'postlint-language-server',
  \ 'command': '%e --stdio',
  \ 'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
  \ 'initialization_options': {'channel': 'x'},
  \})
endfor
let g:ale_linters = {'markdown': ['postlint'], 'text': ['postlint']}
