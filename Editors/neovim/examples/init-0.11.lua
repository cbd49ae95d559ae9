-- Podium in Neovim 0.11+ (init.lua). `dir` is where Podium's Editors/neovim folder is.
local dir = vim.g.podium_dir or vim.fn.expand('~/podium/Editors/neovim')
vim.opt.runtimepath:prepend(dir) -- ftdetect/transcript.lua, lsp/podium.lua, lua/podium.lua
vim.lsp.enable('podium')
-- Optional: change settings (merged over lsp/podium.lua).
-- vim.lsp.config('podium', { settings = { podium = { codeLens = false } } })
