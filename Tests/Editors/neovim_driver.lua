-- Headless Neovim driver for Tests/Editors/neovim_test.sh. Opens a copy of seed 000 as a
-- transcript with the shipped Editors/neovim config, hovers on a question and an answer,
-- waits for pushed diagnostics, and quits with status 1 on any failure.
local repo = os.getenv('PODIUM_REPO')
local file = os.getenv('PODIUM_TRANSCRIPT')
local failures = 0

local function say(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end
local function check(ok, what, detail)
  if ok then
    say('  ok    ' .. what)
  else
    failures = failures + 1
    say('  FAIL  ' .. what .. (detail and (': ' .. detail) or ''))
  end
  return ok
end
local function finish()
  -- Orderly shutdown: shutdown + exit, then wait for the server to go.
  for _, c in pairs(vim.lsp.get_active_clients()) do
    c.stop()
  end
  vim.wait(5000, function()
    return #vim.lsp.get_active_clients() == 0
  end, 50)
  check(#vim.lsp.get_active_clients() == 0, 'server stopped after shutdown/exit')
  if failures > 0 then
    say('neovim: ' .. failures .. ' check(s) failed')
    vim.cmd('cquit')
  else
    say('neovim: all checks passed')
    vim.cmd('qall!')
  end
end

local ok, err = pcall(function()
  say('Neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  -- The shipped files are the ones in use.
  local lspfile = vim.api.nvim_get_runtime_file('lsp/podium.lua', false)[1] or ''
  check(lspfile == repo .. '/Editors/neovim/lsp/podium.lua', 'lsp/podium.lua comes from Editors/neovim', lspfile)
  local src = debug.getinfo(require('podium').setup, 'S').source
  check(src:find(repo .. '/Editors/neovim/lua/podium.lua', 1, true) ~= nil, 'podium module comes from Editors/neovim', src)
  local ftd = vim.api.nvim_get_runtime_file('ftdetect/transcript.lua', false)[1] or ''
  check(ftd == repo .. '/Editors/neovim/ftdetect/transcript.lua', 'ftdetect/transcript.lua comes from Editors/neovim', ftd)

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == 'transcript', 'filetype detected as transcript', vim.bo[buf].filetype)

  -- The client starts and initialises.
  local client
  local ready = vim.wait(20000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
      if c.name == 'podium' and c.initialized and c.server_capabilities then
        client = c
        return true
      end
    end
    return false
  end, 50)
  if not check(ready, 'podium client initialised and attached') then
    return
  end
  check(client.config.cmd[1] == 'podium', 'started the command from lsp/podium.lua', vim.inspect(client.config.cmd))
  check(client.server_capabilities.hoverProvider ~= nil, 'server advertises hover')

  -- Where the lines are: the question after "Lili Bayer, Reuters", the answer after the next
  -- "NATO Secretary General Mark Rutte".
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local question, answer
  for i, l in ipairs(lines) do
    if not question and l:find('^Lili Bayer, Reuters') then
      question = i -- 0-based index of the next line
    elseif question and not answer and l:find('^NATO Secretary General Mark Rutte') then
      answer = i
    end
  end
  if not check(question and answer, 'found the Bayer question and the Rutte answer in the seed') then
    return
  end

  local function hover(line)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = line, character = 10 },
    }
    local responses, e = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
    if not responses then
      return nil, 'no answer: ' .. tostring(e)
    end
    for _, r in pairs(responses) do
      if r.error then
        return nil, vim.inspect(r.error)
      end
      local c = r.result and r.result.contents
      if type(c) == 'string' then
        return c
      elseif type(c) == 'table' and c.value then
        return c.value
      elseif type(c) == 'table' then
        local parts = {}
        for _, p in ipairs(c) do
          parts[#parts + 1] = type(p) == 'string' and p or (p.value or '')
        end
        return table.concat(parts, '\n')
      end
      return nil, 'empty hover: ' .. vim.inspect(r.result)
    end
    return nil, 'no response from podium'
  end

  local text, e = hover(question)
  local one = (text or e or ''):gsub('\n', ' | ')
  check(text and text:find('Lili Bayer', 1, true) and text:find('Reuters', 1, true),
    'hover on line ' .. (question + 1) .. ' (Bayer question) names Lili Bayer and Reuters', one)
  say('        hover: ' .. one:sub(1, 160))
  text, e = hover(answer)
  one = (text or e or ''):gsub('\n', ' | ')
  check(text and text:find('Mark Rutte', 1, true), 'hover on line ' .. (answer + 1) .. ' (Rutte answer) names Mark Rutte', one)
  say('        hover: ' .. one:sub(1, 160))

  -- Pushed diagnostics (Neovim 0.7 has no pull diagnostics).
  local want = { 'Artoim Bsedin', 'Raf Sanches' }
  local function found()
    local got = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      for _, w in ipairs(want) do
        if code == 'spelling-variant' and d.message:find(w, 1, true) then
          got[w] = true
        end
      end
    end
    return got
  end
  vim.wait(20000, function()
    local g = found()
    return g[want[1]] and g[want[2]]
  end, 100)
  local g = found()
  local all = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    all[#all + 1] = (d.lnum + 1) .. ': ' .. tostring(d.code) .. ' ' .. d.message
  end
  for _, w in ipairs(want) do
    check(g[w], 'spelling-variant diagnostic for "' .. w .. '"', table.concat(all, ' || '))
  end
  say('        ' .. #all .. ' diagnostics pushed')

  -- A plain .txt becomes a transcript by a modeline, or by :PodiumTranscript.
  local dir = vim.fn.fnamemodify(file, ':h')
  local lines0 = vim.fn.readfile(file)
  local ml = vim.deepcopy(lines0)
  table.insert(ml, '')
  table.insert(ml, 'vim: ft=transcript')
  vim.fn.writefile(ml, dir .. '/with-modeline.txt')
  vim.fn.writefile(lines0, dir .. '/plain.txt')
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/with-modeline.txt'))
  check(vim.bo.filetype == 'transcript', 'a .txt with the modeline "vim: ft=transcript" is a transcript',
    vim.bo.filetype .. ' (modeline=' .. tostring(vim.o.modeline) .. ')')
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/plain.txt'))
  check(vim.bo.filetype ~= 'transcript', 'a plain .txt is not a transcript by itself', vim.bo.filetype)
  vim.cmd('PodiumTranscript')
  local plain = vim.api.nvim_get_current_buf()
  check(vim.bo.filetype == 'transcript', ':PodiumTranscript makes it one')
  local attached = vim.wait(10000, function()
    return #vim.lsp.buf_get_clients(plain) > 0
  end, 50)
  check(attached, 'and Podium attaches to it (the same client: same folder)',
    tostring(#vim.tbl_keys(vim.lsp.get_active_clients())) .. ' clients')
  check(#vim.lsp.get_active_clients() == 1, 'one Podium client for the folder')
end)
if not ok then
  check(false, 'driver error', tostring(err))
end
finish()
