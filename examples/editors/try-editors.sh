#!/usr/bin/env bash
# Tries the language server for real in the editors that are installed (Debian: neovim, emacs-nox
# with elpa-eglot, vim with vim-ale), with the setups of docs/editors.md (beside this script): each
# opens a draft with a Markdown problem and must show postlint's diagnostic. An editor that is not
# installed is skipped and said so. Exit 1 if any editor that was tried did not show it.
# Run after `npm run build`: `npm run try:editors`.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
server="$root/dist/language-server.js"
[ -f "$server" ] || { echo "try-editors: $server is missing: run npm run build"; exit 2; }
work="$(mktemp -d)"
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home"
printf '#!/bin/sh\nexec %q %q "$@"\n' "$(command -v node)" "$server" > "$work/bin/postlint-language-server"
chmod +x "$work/bin/postlint-language-server"
export PATH="$work/bin:$PATH" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state"
printf 'Join us **today** at the clinic.\n' > "$work/draft.md"
expected='X does not show bold'
failed=0
report() { # name, output file, log
  if grep -q "$expected" "$2" 2>/dev/null; then echo "ok    $1: $(grep -m1 "$expected" "$2")"; else echo "FAIL  $1: no postlint diagnostic"; sed 's/^/      /' "${3:-/dev/null}" 2>/dev/null | tail -20; failed=1; fi
}

if command -v nvim > /dev/null; then
  version="$(nvim --version | head -1 | sed -E 's/^NVIM v([0-9]+)\.([0-9]+).*/\1 \2/')"
  read -r major minor <<< "$version"
  if [ "$major" -eq 0 ] && [ "$minor" -lt 11 ]; then setup=neovim-0.7.lua; else setup=neovim-0.11.lua; fi
  cat > "$work/check.lua" <<LUA
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(lines, d.message) end
vim.fn.writefile(lines, '$work/nvim.out')
vim.cmd('qa!')
LUA
  (cd "$work" && timeout 60 nvim --headless --clean -u "$root/examples/editors/$setup" -c "luafile $work/check.lua" draft.md > "$work/nvim.log" 2>&1)
  report "Neovim $(nvim --version | head -1 | cut -d' ' -f2) ($setup)" "$work/nvim.out" "$work/nvim.log"
else
  echo "skip  Neovim: not installed (apt-get install -y neovim)"
fi

if command -v emacs > /dev/null && emacs --batch --eval "(require 'eglot)" > /dev/null 2>&1; then
  cat > "$work/check.el" <<ELISP
(load "$root/examples/editors/eglot.el")
(find-file "$work/draft.md")
;; eglot-ensure connects after the current command; batch Emacs has no command loop, so end one.
(run-hooks (quote post-command-hook))
(let ((deadline (+ (float-time) 30)))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (accept-process-output nil 0.2)))
(let ((texts (mapcar (function flymake-diagnostic-text) (flymake-diagnostics))))
  (with-temp-file "$work/emacs.out" (dolist (text texts) (insert text "\n"))))
(kill-emacs 0)
ELISP
  (cd "$work" && timeout 60 emacs --batch -l "$work/check.el" > "$work/emacs.log" 2>&1)
  report "Emacs $(emacs --version | head -1 | cut -d' ' -f3) eglot" "$work/emacs.out" "$work/emacs.log"
else
  echo "skip  Emacs eglot: not installed (apt-get install -y emacs-nox elpa-eglot)"
fi

if command -v vim > /dev/null && [ -d /usr/share/vim/vimfiles/pack/dist-bundle/opt/ale ]; then
  cat > "$work/check.vim" <<VIM
function! s:Check(timer) abort
  let l:items = ale#engine#GetLoclist(bufnr(''))
  if empty(l:items) && reltimefloat(reltime(s:start)) < 30 | return | endif
  call writefile(map(copy(l:items), 'v:val.text'), '$work/vim.out')
  qa!
endfunction
let s:start = reltime()
call timer_start(200, function('s:Check'), {'repeat': -1})
VIM
  (cd "$work" && timeout 60 vim -N -i NONE -u "$root/examples/editors/ale.vim" --not-a-term -c "source $work/check.vim" draft.md < <(sleep 60) > "$work/vim.log" 2>&1)
  # (Vim quits when its input ends: a silent stream keeps it running until the check quits it.)
  report "Vim $(vim --version | head -1 | cut -d' ' -f5) ALE" "$work/vim.out" "$work/vim.log"
else
  echo "skip  Vim ALE: not installed (apt-get install -y vim vim-ale)"
fi
exit $failed
