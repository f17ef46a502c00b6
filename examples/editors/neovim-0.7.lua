-- postlint in Neovim 0.7 to 0.10 (init.lua): one client for every Markdown and text buffer.
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'markdown', 'text' },
  callback = function(args)
    client_id = client_id or vim.lsp.start_client({
      name = 'postlint',
      cmd = { 'postlint-language-server', '--stdio' },
      root_dir = vim.fn.getcwd(),
      init_options = { channel = 'x' },
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
vim.diagnostic.config({ virtual_text = true })
