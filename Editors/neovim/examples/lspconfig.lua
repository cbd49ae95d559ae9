-- Podium with nvim-lspconfig (the `require('lspconfig').X.setup{}` style, Neovim 0.7–0.10).
-- With Neovim 0.11+ prefer ./init-0.11.lua: vim.lsp.enable('podium') needs no plugin.
-- Filetype detection still comes from Editors/neovim/ftdetect (put the folder on 'runtimepath').
local dir = vim.g.podium_dir or vim.fn.expand('~/podium/Editors/neovim')
vim.opt.runtimepath:prepend(dir)

local lspconfig = require('lspconfig')
local configs = require('lspconfig.configs')
if not configs.podium then
  configs.podium = {
    default_config = {
      cmd = { 'podium', 'lsp' },
      filetypes = { 'transcript' },
      root_dir = function(fname)
        return lspconfig.util.root_pattern('.git')(fname) or vim.fn.fnamemodify(fname, ':p:h')
      end,
      single_file_support = true,
      settings = { podium = {} },
    },
    docs = { description = 'Podium: speaker-labelled transcripts (hover shows who is speaking).' },
  }
end
lspconfig.podium.setup({})
