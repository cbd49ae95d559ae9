-- Test init for headless Neovim: loads the SHIPPED Editors/neovim folder, exactly as its README
-- tells a user to (runtimepath + require('podium').setup()), with nothing overridden: `podium`
-- is found on PATH, which the test script points at the binary under test.
local repo = assert(os.getenv('PODIUM_REPO'), 'PODIUM_REPO is not set')
vim.opt.runtimepath:prepend(repo .. '/Editors/neovim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
require('podium').setup()
