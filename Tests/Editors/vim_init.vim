" Test vimrc for Tests/Editors/vim_test.sh: Debian's ALE plus the SHIPPED Editors/vim files
" (ftdetect/transcript.vim on 'runtimepath', ale.vim sourced as its README says).
set nocompatible
execute 'set runtimepath^=' . fnameescape($PODIUM_REPO . '/Editors/vim')
packadd! ale
filetype plugin on
syntax on
execute 'source ' . fnameescape($PODIUM_REPO . '/Editors/vim/ale.vim')
