-- Podium: files that are transcripts. Sourced by Neovim's filetype detection (0.7+) once
-- Editors/neovim is on 'runtimepath'.
--   *.transcript, *.transcript.txt  -> filetype "transcript"
--   any other file (e.g. a plain .txt): a modeline such as `vim: ft=transcript` on one of the
--   first or last five lines, or `:set filetype=transcript` / `:PodiumTranscript`.
local group = vim.api.nvim_create_augroup('podium_transcript_ftdetect', { clear = true })
vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, {
  group = group,
  pattern = { '*.transcript', '*.transcript.txt' },
  callback = function()
    if vim.bo.filetype ~= 'transcript' then
      vim.bo.filetype = 'transcript'
    end
  end,
})
-- The same rule for the Lua filetype engine (0.8+), which runs before the autocommands above.
if vim.fn.has('nvim-0.8') == 1 and vim.filetype and vim.filetype.add then
  vim.filetype.add({
    pattern = {
      ['.*%.transcript'] = 'transcript',
      ['.*%.transcript%.txt'] = 'transcript',
    },
  })
end
-- :PodiumTranscript treats the current buffer as a transcript (starts Podium if configured).
pcall(vim.api.nvim_create_user_command, 'PodiumTranscript', function()
  vim.bo.filetype = 'transcript'
end, { desc = 'Treat this buffer as a transcript (Podium)' })
