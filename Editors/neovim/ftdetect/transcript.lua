-- Podium: files that are transcripts. Sourced by Neovim's filetype detection (0.7+) once
-- Editors/neovim is on 'runtimepath'.
--   *.transcript, *.transcript.txt  -> filetype "transcript"
--   a plain .txt: a modeline `vim: ft=transcript` on one of its first or last five lines
--   any buffer: `:PodiumTranscript` (or `:set filetype=transcript`)
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
-- A plain .txt with `vim: ft=transcript` (or `vim: set filetype=transcript:`) on one of its first
-- or last five lines. Neovim ignores modelines when 'modeline' is off (the default for root), so
-- the line is read here too.
local function has_modeline(buf)
  local n = vim.api.nvim_buf_line_count(buf)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, math.min(n, 5), false)
  vim.list_extend(lines, vim.api.nvim_buf_get_lines(buf, math.max(n - 5, 5), n, false))
  for _, l in ipairs(lines) do
    if l:find('vim?:') and (l:find('%f[%w]ft=transcript%f[%W]') or l:find('%f[%w]filetype=transcript%f[%W]')) then
      return true
    end
  end
  return false
end
vim.api.nvim_create_autocmd({ 'BufRead' }, {
  group = group,
  pattern = { '*.txt', '*.text' },
  callback = function(args)
    if vim.bo[args.buf].filetype ~= 'transcript' and has_modeline(args.buf) then
      vim.bo[args.buf].filetype = 'transcript'
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
