-- Test init for headless Neovim: runs the SHIPPED example Editors/neovim/examples/init-0.7.lua
-- (runtimepath + require('podium').setup()), pointed at this checkout, with nothing
-- overridden: `podium` is found on PATH, which the test script points at the binary under test.
local repo = assert(os.getenv('PODIUM_REPO'), 'PODIUM_REPO is not set')
vim.opt.swapfile = false
vim.g.podium_dir = repo .. '/Editors/neovim'
if vim.fn.has('nvim-0.11') == 1 then
  dofile(repo .. '/Editors/neovim/examples/init-0.11.lua')
else
  dofile(repo .. '/Editors/neovim/examples/init-0.7.lua')
end
