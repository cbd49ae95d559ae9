-- Podium for Neovim 0.7–0.10 (and 0.11+ too): `require('podium').setup()`.
--
-- Reads the shipped `lsp/podium.lua` from 'runtimepath' (the same table Neovim 0.11+ uses with
-- `vim.lsp.enable('podium')`), lets `opts` override any member, and starts one Podium client per
-- root folder for every buffer whose filetype is "transcript". On 0.11+ it simply calls
-- `vim.lsp.config` + `vim.lsp.enable`.
--
--   require('podium').setup({ cmd = { '/path/to/podium', 'lsp' } })
local M = {}

local function shipped_config()
  local files = vim.api.nvim_get_runtime_file('lsp/podium.lua', false)
  if #files == 0 then
    return { cmd = { 'podium', 'lsp' }, filetypes = { 'transcript' }, root_markers = { '.git' } }
  end
  return dofile(files[1])
end

-- The folder holding one of `markers` above `path`, else the file's own folder.
local function find_root(path, markers)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local d = dir
  while d and d ~= '' do
    for _, m in ipairs(markers or {}) do
      if vim.loop.fs_stat(d .. '/' .. m) then
        return d
      end
    end
    local parent = vim.fn.fnamemodify(d, ':h')
    if parent == d then
      break
    end
    d = parent
  end
  return dir
end

M.clients = {} -- root -> client id

--- Attaches Podium to `bufnr` (default: current buffer), starting a client if needed.
function M.attach(bufnr, config)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  config = config or M.config or shipped_config()
  local name = vim.api.nvim_buf_get_name(bufnr)
  local root = find_root(name ~= '' and name or vim.loop.cwd() .. '/x', config.root_markers)
  local id = M.clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'podium',
      cmd = config.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = config.init_options,
      -- Sent with workspace/didChangeConfiguration after initialize and used to answer
      -- workspace/configuration (section "podium").
      settings = config.settings or {},
      capabilities = config.capabilities,
      handlers = config.handlers,
      -- Neovim before 0.11 does not send the settings by itself after initialize.
      on_init = function(client, result)
        if config.settings and next(config.settings) ~= nil then
          client.notify('workspace/didChangeConfiguration', { settings = config.settings })
        end
        if config.on_init then
          return config.on_init(client, result)
        end
      end,
      on_attach = config.on_attach,
      on_exit = config.on_exit,
      flags = config.flags,
    })
    if id == nil then
      vim.notify('podium: could not start ' .. table.concat(config.cmd, ' '), vim.log.levels.ERROR)
      return nil
    end
    M.clients[root] = id
  end
  if not vim.lsp.buf_is_attached(bufnr, id) then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Registers Podium for transcript buffers. `opts` overrides members of lsp/podium.lua.
function M.setup(opts)
  local config = vim.tbl_deep_extend('force', shipped_config(), opts or {})
  M.config = config
  if vim.lsp.config ~= nil and vim.lsp.enable ~= nil and not config.legacy then
    -- Neovim 0.11+: the built-in mechanism, with the overrides.
    vim.lsp.config('podium', opts or {})
    vim.lsp.enable('podium')
    return
  end
  local group = vim.api.nvim_create_augroup('podium_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      M.attach(args.buf, config)
    end,
  })
  -- Buffers that are already transcripts.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(config.filetypes, vim.bo[b].filetype) then
      M.attach(b, config)
    end
  end
end

return M
