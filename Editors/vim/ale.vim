" Podium with ALE (https://github.com/dense-analysis/ale; Debian: apt-get install vim-ale):
" add to your vimrc, after ALE is loaded (`packadd! ale` for Debian's package).
call ale#linter#Define('transcript', {
\   'name': 'podium',
\   'lsp': 'stdio',
\   'executable': 'podium',
\   'command': '%e lsp',
\   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
\   'initialization_options': {},
\   'lsp_config': {'podium': {}},
\})
let g:ale_linters = get(g:, 'ale_linters', {})
let g:ale_linters.transcript = ['podium']
" K shows who is speaking; with ale_hover_cursor the echo line says it as the cursor moves.
augroup podium_ale
  autocmd!
  autocmd FileType transcript nnoremap <buffer> K :ALEHover<CR>
augroup END
let g:ale_hover_cursor = 1
