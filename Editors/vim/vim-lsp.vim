" Podium with vim-lsp (https://github.com/prabirshrestha/vim-lsp): add to your vimrc.
if executable('podium')
  augroup podium_vim_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
          \ 'name': 'podium',
          \ 'cmd': {server_info -> ['podium', 'lsp']},
          \ 'allowlist': ['transcript'],
          \ 'root_uri': {server_info -> lsp#utils#path_to_uri(expand('%:p:h'))},
          \ 'initialization_options': {},
          \ 'workspace_config': {'podium': {}},
          \ })
    " K shows the hover: who is speaking.
    autocmd User lsp_buffer_enabled if &filetype ==# 'transcript' | nmap <buffer> K <plug>(lsp-hover) | endif
  augroup END
endif
