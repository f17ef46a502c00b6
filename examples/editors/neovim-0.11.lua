-- postlint in Neovim 0.11+ (init.lua); code actions on `gra`, the length as an inlay hint.
vim.lsp.config('postlint', {
  cmd = { 'postlint-language-server', '--stdio' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'postlint.config.json', '.postlintrc.yaml', '.postlintrc.json', '.postlintrc', 'package.json', '.git' },
  init_options = { channel = 'x' },
})
vim.lsp.enable('postlint')
vim.lsp.inlay_hint.enable(true)
vim.diagnostic.config({ virtual_text = true })
