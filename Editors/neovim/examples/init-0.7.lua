-- Podium in Neovim 0.7–0.10 (init.lua), with vim.lsp.start_client under the hood.
-- `dir` is where Podium's Editors/neovim folder is.
local dir = vim.g.podium_dir or vim.fn.expand('~/podium/Editors/neovim')
vim.opt.runtimepath:prepend(dir) -- ftdetect/transcript.lua, lsp/podium.lua, lua/podium.lua
require('podium').setup({
  -- Everything is optional and merged over lsp/podium.lua, e.g.:
  -- cmd = { '/opt/podium/bin/podium', 'lsp' },
  -- settings = { podium = { diagnostics = { inaudible = 'off' } } },
})
