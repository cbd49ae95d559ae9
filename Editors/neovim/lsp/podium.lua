-- Podium for Neovim 0.11+: this file is found as `lsp/podium.lua` on 'runtimepath',
-- so `vim.lsp.enable('podium')` is all an init.lua needs (see ../README.md).
-- Older Neovim (0.7–0.10) reads the same table through `require('podium').setup()`.
return {
  cmd = { 'podium', 'lsp' },
  filetypes = { 'transcript' },
  -- Transcripts rarely live in a repository: without a marker the file's folder is the root.
  root_markers = { '.git' },
  -- Podium reads these from initializationOptions and answers `workspace/configuration`
  -- (section "podium") from `settings`; every member is optional. See Editors/CONFIGURATION.md.
  init_options = {},
  settings = {
    podium = {
      -- inlayHints = { continuations = false },
      -- diagnostics = { inaudible = 'off' },
    },
  },
}
