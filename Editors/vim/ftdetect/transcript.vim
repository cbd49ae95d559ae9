" Podium: files that are transcripts (Vim 8+/Neovim; put Editors/vim on 'runtimepath').
"   *.transcript, *.transcript.txt  -> filetype "transcript"
"   a plain .txt: a modeline `vim: ft=transcript` (needs 'modeline', off for root), or
"   :set filetype=transcript
autocmd BufNewFile,BufRead *.transcript,*.transcript.txt setfiletype transcript
