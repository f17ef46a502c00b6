;;; postlint in Emacs with eglot (built in from Emacs 29; the elpa-eglot package before that).
(require 'eglot)
(add-to-list 'eglot-server-programs
             '((markdown-mode text-mode) . ("postlint-language-server" "--stdio" :initializationOptions (:channel "x"))))
;; Without markdown-mode installed, .md files open in text-mode.
(unless (fboundp 'markdown-mode)
  (add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode)))
(add-hook 'text-mode-hook #'eglot-ensure)
